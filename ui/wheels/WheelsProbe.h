#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace wb::ui {

class WheelsView;

// Measures opening a wheel as users feel it, for bench/wheels (bench_window). When the environment
// variable WHEELBENCH_WHEELS_PROBE is set, the Wheels view reports on stderr, in milliseconds since
// the process started (the kernel's start time, as FirstPaintProbe):
//   wheel-open <ms> <file>                       the view starts reading a wheel
//   summary-shown <ms>                            the end of the first frame painted after the quick report was put on screen
//   verified <ms> record-verified <0|1> record-ok <0|1> files <n>   the same for the full report
//   verify-max-gap <ms>         the UI thread's longest busy spell from the summary to the full report
//                               on screen (a 10 ms timer's longest late tick: what a user scrolling then feels)
// The variable is a comma-separated list: "scroll" then scrolls the Files tree (all folders expanded)
// and the RECORD table (all entries) end to end (ScrollProbe) and reports
//   files-expand-all <ms>
//   scroll files|record max-gap <ms> steps <n> rows <n> total <ms>
// and "exit" quits the program after the last report. Any other value (e.g. "1") only reports.
class WheelsProbe : public QObject
{
    Q_OBJECT
public:
    static void installIfRequested(WheelsView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    WheelsProbe(WheelsView *view, bool scroll, bool exitAfter);
    void afterNextPaint(std::function<void(qint64)> report);
    void onVerified(qint64 shownAt);
    void scrollFiles();
    void scrollRecord();
    void done();

    QPointer<WheelsView> m_view;
    bool m_scroll = false;
    bool m_exitAfter = false;
    bool m_waiting = false;
    QList<std::function<void(qint64)>> m_reports;   // in order, run after the next frame
    QTimer *m_ticker = nullptr;
    QElapsedTimer m_tickClock;
    qint64 m_lastTick = 0;
    qint64 m_maxGapNs = 0;   // in order, run after the next paint
};

} // namespace wb::ui
