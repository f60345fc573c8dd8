#include "ui/common/MessageBanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace wb::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 4, 8, 4);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_icon);
    m_layout->addWidget(m_text, 1);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    const QStyle::StandardPixmap sp = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                      : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation;
    const QString themeName = kind == Kind::Error     ? QStringLiteral("dialog-error")
                              : kind == Kind::Warning ? QStringLiteral("dialog-warning")
                                                      : QStringLiteral("dialog-information");
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(QIcon::fromTheme(themeName, style()->standardIcon(sp)).pixmap(size, size));
    QPalette p = palette();
    const QColor tint = kind == Kind::Error ? QColor(0xf8, 0xd7, 0xda) : kind == Kind::Warning ? QColor(0xfd, 0xf0, 0xd5) : QColor(0xdb, 0xea, 0xf7);
    p.setColor(QPalette::Window, tint);
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    setPalette(p);
    show();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QPushButton *MessageBanner::addAction(const QString &name, const QString &text)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(QStringLiteral("banner/") + name);
    m_layout->addWidget(b);
    return b;
}

} // namespace wb::ui
