#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QAbstractItemView;

namespace wb::ui {

// Scrolls an item view from top to bottom as a user paging through it would, and measures what the
// user feels: the longest gap between two steps of the event loop. Each step moves the vertical
// scroll bar by a page (at most 2,000 steps) from a zero-interval timer, so every gap holds the
// repaint of the rows that came into view. Used by the window's probes and bench/wheels.
class ScrollProbe : public QObject
{
    Q_OBJECT
public:
    struct Result {
        int steps = 0;
        double maxGapMs = 0;   // the longest step, including the repaint before it
        double totalMs = 0;
    };

    explicit ScrollProbe(QAbstractItemView *view, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(const wb::ui::ScrollProbe::Result &result);

private:
    void step();

    QPointer<QAbstractItemView> m_view;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    int m_stride = 1;
    Result m_result;
};

} // namespace wb::ui
