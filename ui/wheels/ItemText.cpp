#include "ui/wheels/ItemText.h"

#include "core/binary/Demangle.h"

#include <QHeaderView>

namespace wb::ui {

QString readableToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Rich text: the tooltip wraps instead of running off the screen.
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QStringLiteral("<qt>%1</qt>").arg(html);
}

QString symbolsToolTip(const QString &title, const QStringList &mangled)
{
    QString html = QStringLiteral("<qt>");
    if (!title.isEmpty())
        html += QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped());
    for (const QString &m : mangled) {
        const QString shown = demangleSymbol(m);
        html += QStringLiteral("<br>") + shown.toHtmlEscaped();
        if (shown != m)
            html += QStringLiteral("<br>&nbsp;&nbsp;<small>%1</small>").arg(m.toHtmlEscaped());
    }
    return html + QStringLiteral("</qt>");
}

void makeColumnsResizable(QHeaderView *header)
{
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
}

ElideDelegate::ElideDelegate(Qt::TextElideMode mode, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_mode(mode)
{
}

void ElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = m_mode;
}

} // namespace wb::ui
