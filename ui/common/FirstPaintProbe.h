#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace wb::ui {

// Measures launch-to-first-paint as users feel it: when WHEELBENCH_FIRST_PAINT is set, the first
// paint of the window is reported on stderr as "first-paint <ms since the process started>" and,
// with WHEELBENCH_FIRST_PAINT=exit, the program then quits. Used by bench/startup.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // Installs the probe on `window` when the environment asks for it.
    static void installIfRequested(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintProbe(QWidget *window, bool exitAfter);
    QWidget *m_window;
    bool m_exitAfter;
    bool m_done = false;
};

// Milliseconds since this process started (from the kernel's start time), -1 where unknown.
qint64 millisecondsSinceProcessStart();

} // namespace wb::ui
