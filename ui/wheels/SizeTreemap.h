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

protected:
    void paintEvent(QPaintEvent *event) override;
    QSize sizeHint() const override { return {400, 300}; }

private:
    QList<Item> m_items;
    bool m_hideDebug = false;
};

} // namespace wb::ui
