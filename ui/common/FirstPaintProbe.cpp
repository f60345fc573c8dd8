#include "ui/common/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace wb::ui {

qint64 millisecondsSinceProcessStart()
{
#ifdef Q_OS_LINUX
    // Field 22 of /proc/self/stat: start time in clock ticks after boot; CLOCK_BOOTTIME is now.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startSeconds = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64((double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startSeconds) * 1000.0);
#else
    return -1;
#endif
}

FirstPaintProbe::FirstPaintProbe(QWidget *window, bool exitAfter)
    : QObject(window)
    , m_window(window)
    , m_exitAfter(exitAfter)
{
}

void FirstPaintProbe::installIfRequested(QWidget *window)
{
    const QByteArray mode = qgetenv("WHEELBENCH_FIRST_PAINT");
    if (mode.isEmpty())
        return;
    qApp->installEventFilter(new FirstPaintProbe(window, mode == "exit"));
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint && watched->isWidgetType() && static_cast<QWidget *>(watched)->window() == m_window) {
        m_done = true;
        // Reported once the whole paint of this frame is done: from the event loop, after it.
        QTimer::singleShot(0, this, [this] {
            std::fprintf(stderr, "first-paint %lld\n", static_cast<long long>(millisecondsSinceProcessStart()));
            std::fflush(stderr);
            if (m_exitAfter)
                QCoreApplication::exit(0);
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wb::ui
