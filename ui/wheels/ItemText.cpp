#include "ui/wheels/ItemText.h"

#include "core/binary/Demangle.h"

#include <QCoreApplication>
#include <QHeaderView>

#include <algorithm>

namespace wb::ui {

QString readableToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Rich text: the tooltip wraps instead of running off the screen.
    // Long text is cut: a tooltip must fit on the screen.
    constexpr qsizetype limit = 1500;
    QString html = (text.size() > limit ? text.left(limit) + QStringLiteral(" …") : text).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QStringLiteral("<qt>%1</qt>").arg(html);
}

QString symbolLines(const QStringList &mangled, int max)
{
    QString html;
    max = std::max(1, max);
    for (const QString &m : mangled.mid(0, max)) {
        const QString shown = demangleSymbol(m);
        html += QStringLiteral("<br>&nbsp;&nbsp;%1").arg(shown.toHtmlEscaped());
        if (shown != m)
            html += QStringLiteral(" <small>(%1)</small>").arg(m.toHtmlEscaped());
    }
    if (mangled.size() > max)   // on the last line: every line counts
        html += QStringLiteral(" <i>%1</i>").arg(QCoreApplication::translate("wb::ui::ItemText", "+%1 more").arg(mangled.size() - max));
    return html;
}

QString symbolsToolTip(const QString &title, const QStringList &mangled, int max)
{
    return QStringLiteral("<qt><b>%1</b>%2</qt>").arg(title.toHtmlEscaped(), symbolLines(mangled, max));
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

QSize ElideDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (m_fitToView)
        size.setWidth(1);
    return size;
}

void ElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = m_mode;
}

} // namespace wb::ui
