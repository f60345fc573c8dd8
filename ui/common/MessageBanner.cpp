#include "ui/common/MessageBanner.h"
#include "ui/common/SeverityIcon.h"

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
    const IconSeverity severity = kind == Kind::Error     ? IconSeverity::Error
                                  : kind == Kind::Warning ? IconSeverity::Warning
                                                          : IconSeverity::Information;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(severityIcon(severity).pixmap(size, size));
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
