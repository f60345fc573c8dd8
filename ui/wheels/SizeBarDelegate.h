#pragma once

#include <QStyledItemDelegate>

namespace wb::ui {

// Draws a proportional bar behind a size cell. The model gives the fraction in Qt::UserRole + 1.
class SizeBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace wb::ui
