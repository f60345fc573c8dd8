#include "ui/wheels/ScrollProbe.h"

#include <QAbstractItemView>
#include <QScrollBar>

#include <algorithm>

namespace wb::ui {

ScrollProbe::ScrollProbe(QAbstractItemView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ScrollProbe::step);
}

void ScrollProbe::start()
{
    m_result = {};
    if (!m_view) {
        Q_EMIT finished(m_result);
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->minimum());
    const int range = bar->maximum() - bar->minimum();
    m_stride = std::max({1, bar->pageStep(), range / 2000});
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void ScrollProbe::step()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_result.steps > 0)
        m_result.maxGapMs = std::max(m_result.maxGapMs, double(now - m_last) / 1e6);
    m_last = now;
    QScrollBar *bar = m_view ? m_view->verticalScrollBar() : nullptr;
    if (!bar || (m_result.steps > 0 && bar->value() >= bar->maximum())) {
        m_timer.stop();
        m_result.totalMs = double(now) / 1e6;
        Q_EMIT finished(m_result);
        return;
    }
    ++m_result.steps;
    bar->setValue(std::min(bar->maximum(), bar->value() + m_stride));
}

} // namespace wb::ui
