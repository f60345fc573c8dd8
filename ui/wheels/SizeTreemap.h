#pragma once

#include <QList>
#include <QWidget>

namespace wb::ui {

// A squarified treemap of named sizes (files of a wheel, or sections of one extension). Debug-only
// items can be hidden ("hide debug info"), which shows what remains after stripping.
class SizeTreemap : public QWidget
{
    Q_OBJECT
public:
    struct Item {
        QString label;
        qint64 size = 0;
        bool debug = false;
    };
    explicit SizeTreemap(QWidget *parent = nullptr);
    void setItems(const QList<Item> &items);
    void setHideDebug(bool hide);
    qint64 shownTotal() const;
    // What the tooltip at POS says: the item's name, its size in the view's format with the exact
    // byte count, and its share ("" outside every item). Valid after the map was painted.
    QString toolTipAt(const QPoint &pos) const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    QSize sizeHint() const override { return {400, 300}; }

private:
    QList<Item> m_items;
    bool m_hideDebug = false;
    QList<QPair<QRectF, int>> m_placed;   // where each shown item was painted

};

} // namespace wb::ui
