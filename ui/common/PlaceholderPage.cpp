#include "ui/common/PlaceholderPage.h"

#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace wb::ui {

PlaceholderPage::PlaceholderPage(const QIcon &icon, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *image = new QLabel(this);
    image->setPixmap(icon.pixmap(64, 64));
    image->setAlignment(Qt::AlignCenter);
    layout->addWidget(image);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("placeholderTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    layout->addWidget(m_title);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("placeholderText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    m_buttons = new QHBoxLayout;
    layout->addLayout(m_buttons);
    layout->addStretch(2);
}

void PlaceholderPage::setTitle(const QString &title)
{
    m_title->setText(title);
}

void PlaceholderPage::setText(const QString &text)
{
    m_text->setText(text);
}

QString PlaceholderPage::title() const
{
    return m_title->text();
}

QString PlaceholderPage::text() const
{
    return m_text->text();
}

void PlaceholderPage::setActions(const QList<QAction *> &actions)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *button = item->widget()) {   // perhaps the one whose click led here
            button->hide();
            button->deleteLater();
        }
        delete item;
    }
    m_actions = actions;
    m_buttons->addStretch(1);
    for (QAction *action : actions)
        m_buttons->addWidget(actionButton(action, QStringLiteral("placeholder/") + action->objectName(), this));
    m_buttons->addStretch(1);
}

} // namespace wb::ui
