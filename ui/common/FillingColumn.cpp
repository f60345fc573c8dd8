#include "ui/common/FillingColumn.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTimer>

namespace wb::ui {

FillingColumn::FillingColumn(QAbstractItemView *view, QHeaderView *header, int column)
    : QObject(view), m_view(view), m_header(header), m_column(column)
{
    m_header->setSectionResizeMode(QHeaderView::Interactive);
    m_header->setStretchLastSection(true);
    connect(m_header, &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical == m_column && !m_fitting)
            m_userSized = true;
    });
    m_view->viewport()->installEventFilter(this);
    if (QAbstractItemModel *model = m_view->model()) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &FillingColumn::fitSoon);
        connect(model, &QAbstractItemModel::modelReset, this, &FillingColumn::fitSoon);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FillingColumn::fitSoon);
    }
}

void FillingColumn::fit()
{
    m_pending = false;
    const int last = m_header->count() - 1;
    if (m_userSized || last <= 0 || m_column >= last)
        return;
    int others = 0;
    for (int c = 0; c < last; ++c) {
        if (c != m_column && !m_header->isSectionHidden(c))
            others += m_header->sectionSize(c);
    }
    const int lastWanted = qMax(m_view->sizeHintForColumn(last), m_header->sectionSizeHint(last));
    if (!m_header->isSectionHidden(last)) // the last stretches: count what its contents want
        others += lastWanted;
    m_fitting = true;
    // The header keeps a stretched last section at least as wide as it was last sized: size it to its
    // contents first, or a wider earlier size would push the columns past the view.
    m_header->resizeSection(last, lastWanted);
    m_header->resizeSection(m_column, qMax(m_view->viewport()->width() - others, m_view->fontMetrics().averageCharWidth() * 20));
    m_fitting = false;
}

void FillingColumn::fitSoon()
{
    if (m_pending || m_userSized)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, &FillingColumn::fit);
}

bool FillingColumn::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitSoon();
    return QObject::eventFilter(watched, event);
}

} // namespace wb::ui
