#include "ui/wheels/SizeTreemap.h"

#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wb::ui {

namespace {

struct Placed {
    QRectF rect;
    int index;
};

// Slice-and-dice with alternating direction per row, which keeps the aspect ratios reasonable.
void squarify(const QList<QPair<int, double>> &items, QRectF area, QList<Placed> &out)
{
    qsizetype i = 0;
    double remaining = 0;
    for (const auto &it : items)
        remaining += it.second;
    while (i < items.size() && remaining > 0 && area.width() > 1 && area.height() > 1) {
        const bool horizontal = area.width() >= area.height();
        const double side = horizontal ? area.height() : area.width();
        // Grow the row while the worst aspect ratio improves.
        double rowSum = 0, best = 1e300;
        qsizetype j = i;
        while (j < items.size()) {
            const double s = rowSum + items.at(j).second;
            const double thick = s / remaining * (horizontal ? area.width() : area.height());
            double worst = 0;
            for (qsizetype k = i; k <= j; ++k) {
                const double len = items.at(k).second / s * side;
                worst = std::max(worst, std::max(thick / std::max(len, 1e-9), len / std::max(thick, 1e-9)));
            }
            if (worst > best)
                break;
            best = worst;
            rowSum = s;
            ++j;
        }
        const double thick = rowSum / remaining * (horizontal ? area.width() : area.height());
        double pos = horizontal ? area.top() : area.left();
        for (qsizetype k = i; k < j; ++k) {
            const double len = items.at(k).second / rowSum * side;
            const QRectF r = horizontal ? QRectF(area.left(), pos, thick, len) : QRectF(pos, area.top(), len, thick);
            out.append({r, items.at(k).first});
            pos += len;
        }
        area = horizontal ? area.adjusted(thick, 0, 0, 0) : area.adjusted(0, thick, 0, 0);
        remaining -= rowSum;
        i = j;
    }
}

} // namespace

SizeTreemap::SizeTreemap(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 150);
}

void SizeTreemap::setItems(const QList<Item> &items)
{
    m_items = items;
    update();
}

void SizeTreemap::setHideDebug(bool hide)
{
    m_hideDebug = hide;
    update();
}

qint64 SizeTreemap::shownTotal() const
{
    qint64 t = 0;
    for (const Item &i : m_items)
        if (!(m_hideDebug && i.debug))
            t += i.size;
    return t;
}

QString SizeTreemap::toolTipAt(const QPoint &pos) const
{
    for (const auto &[rect, index] : m_placed) {
        if (!rect.contains(pos))
            continue;
        const Item &it = m_items.at(index);
        const double share = 100.0 * double(it.size) / double(std::max<qint64>(1, shownTotal()));
        return tr("%1\n%2 (%3), %4% of what is shown").arg(it.label, formatSize(it.size), exactBytes(it.size)).arg(share, 0, 'f', 1);
    }
    return {};
}

bool SizeTreemap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), readableToolTip(text), this);
        return true;
    }
    return QWidget::event(event);
}

void SizeTreemap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    QList<QPair<int, double>> items;
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).size > 0 && !(m_hideDebug && m_items.at(i).debug))
            items.append({i, double(m_items.at(i).size)});
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (items.size() > 400)
        items.resize(400);
    QList<Placed> placed;
    squarify(items, QRectF(rect()).adjusted(1, 1, -1, -1), placed);
    m_placed.clear();
    for (const Placed &pl : std::as_const(placed))
        m_placed.append({pl.rect, pl.index});
    const qint64 total = std::max<qint64>(1, shownTotal());
    for (const Placed &pl : std::as_const(placed)) {
        const Item &it = m_items.at(pl.index);
        const int hue = int(qHash(it.label.section(QLatin1Char('/'), 0, 0)) % 360);
        QColor c = it.debug ? QColor(200, 120, 120) : QColor::fromHsv(hue, 70, 230);
        p.fillRect(pl.rect, c);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(pl.rect);
        if (pl.rect.width() > 60 && pl.rect.height() > 16) {
            p.setPen(Qt::black);
            const QString text = it.label.section(QLatin1Char('/'), -1) + QStringLiteral(" (%1%)").arg(100.0 * double(it.size) / double(total), 0, 'f', 1);
            p.drawText(pl.rect.adjusted(3, 2, -3, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
    }
}

} // namespace wb::ui
