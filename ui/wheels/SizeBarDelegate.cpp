#include "ui/wheels/SizeBarDelegate.h"

#include <QPainter>

namespace wb::ui {

void SizeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double fraction = index.data(Qt::UserRole + 1).toDouble();
    if (fraction > 0) {
        QRect bar = option.rect.adjusted(2, 3, -2, -3);
        bar.setWidth(std::max(1, int(bar.width() * std::min(1.0, fraction))));
        QColor c = option.palette.highlight().color();
        c.setAlpha(70);
        painter->fillRect(bar, c);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace wb::ui
