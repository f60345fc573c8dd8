#pragma once

#include <QStyledItemDelegate>

class QHeaderView;

namespace wb::ui {

// How the Wheels view writes text into its lists and tables: full text in tooltips that wrap
// (rich text, escaped), columns the user can resize with the last one stretching, and elision per
// column (the middle for paths and file names, so the end stays visible; the right elsewhere).
QString readableToolTip(const QString &text);
// A tooltip for C++ symbols: each demangled, with the mangled name beside it; at most `max` of
// them, then how many more (a tooltip must fit on the screen).
QString symbolsToolTip(const QString &title, const QStringList &mangled, int max = 25);
// The same as lines to append to a rich-text tooltip (each starting with <br>).
QString symbolLines(const QStringList &mangled, int max);
void makeColumnsResizable(QHeaderView *header);

class ElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ElideDelegate(Qt::TextElideMode mode, QObject *parent = nullptr);
    Qt::TextElideMode mode() const { return m_mode; }
    // Asks for no width of its own, so that a list view lays items out as wide as its viewport and
    // longer text elides there instead of growing a horizontal scroll bar.
    void setFitToView(bool fit) { m_fitToView = fit; }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Qt::TextElideMode m_mode;
    bool m_fitToView = false;
};

} // namespace wb::ui
