#pragma once

#include <QStyledItemDelegate>

class QHeaderView;

namespace wb::ui {

// How the Wheels view writes text into its lists and tables: full text in tooltips that wrap
// (rich text, escaped), columns the user can resize with the last one stretching, and elision per
// column (the middle for paths and file names, so the end stays visible; the right elsewhere).
QString readableToolTip(const QString &text);
// A tooltip for C++ symbols: each demangled, with the mangled name under it.
QString symbolsToolTip(const QString &title, const QStringList &mangled);
void makeColumnsResizable(QHeaderView *header);

class ElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ElideDelegate(Qt::TextElideMode mode, QObject *parent = nullptr);
    Qt::TextElideMode mode() const { return m_mode; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Qt::TextElideMode m_mode;
};

} // namespace wb::ui
