#include "ui/common/EmptyViewMessage.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>

namespace wb::ui {

EmptyViewMessage::EmptyViewMessage(QAbstractItemView *view, const QString &text)
    : m_view(view)
    , m_label(new QLabel(view->viewport()))
{
    // Owned by its label, which the viewport owns: both go with the viewport, before the view's own
    // model (a QTreeWidget's), whose clearing while the view is destroyed must not reach them.
    setParent(m_label);
    m_label->setObjectName(QStringLiteral("emptyViewMessage"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents); // clicks and drops reach the view
    m_label->setForegroundRole(QPalette::PlaceholderText); // greyed, as a line edit's placeholder
    m_label->setText(text);
    view->viewport()->installEventFilter(this);
    if (QAbstractItemModel *model = view->model()) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &EmptyViewMessage::update);
        connect(model, &QAbstractItemModel::modelReset, this, &EmptyViewMessage::update);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyViewMessage::update);
    }
    update();
}

void EmptyViewMessage::setText(const QString &text)
{
    m_label->setText(text);
    update();
}

QString EmptyViewMessage::text() const
{
    return m_label->text();
}

bool EmptyViewMessage::isShown() const
{
    return !m_label->isHidden();
}

bool EmptyViewMessage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_view && watched == m_view->viewport())
        place();
    return QObject::eventFilter(watched, event);
}

void EmptyViewMessage::place()
{
    m_label->setGeometry(m_view->viewport()->rect().adjusted(12, 8, -12, -8)); // the whole list, less a margin
}

void EmptyViewMessage::update()
{
    if (!m_view)
        return;
    const QAbstractItemModel *model = m_view->model();
    const bool empty = !model || model->rowCount(m_view->rootIndex()) == 0;
    place();
    m_label->setVisible(empty && !m_label->text().isEmpty());
}

} // namespace wb::ui
