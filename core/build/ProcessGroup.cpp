#include "core/build/ProcessGroup.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace wb {

bool ProcessGroupStopper::groupExists(qint64 pgid)
{
#ifdef Q_OS_UNIX
    if (pgid <= 1)
        return false;
    return ::kill(-pid_t(pgid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pgid);
    return false;
#endif
}

bool ProcessGroupStopper::signalGroup(qint64 pgid, int signal)
{
#ifdef Q_OS_UNIX
    if (pgid <= 1)
        return false;
    return ::kill(-pid_t(pgid), signal) == 0;
#else
    Q_UNUSED(pgid);
    Q_UNUSED(signal);
    return false;
#endif
}

ProcessGroupStopper::ProcessGroupStopper(qint64 pgid, QObject *parent)
    : QObject(parent)
    , m_pgid(pgid)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this, &ProcessGroupStopper::poll);
}

void ProcessGroupStopper::start(int termAfterMs, int killAfterMs)
{
    m_termAfterMs = termAfterMs;
    m_killAfterMs = killAfterMs;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
#ifdef Q_OS_UNIX
    signalGroup(m_pgid, SIGINT); // what Ctrl+C in a terminal does
#endif
    m_stage = 0;
    m_elapsedAtStage = 0;
    m_timer->start();
    poll();
}

bool ProcessGroupStopper::isGone() const
{
    return m_gone;
}

void ProcessGroupStopper::poll()
{
    if (m_gone)
        return;
    if (!groupExists(m_pgid)) {
        m_gone = true;
        m_timer->stop();
        Q_EMIT gone();
        return;
    }
#ifdef Q_OS_UNIX
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    if (m_stage == 0 && elapsed >= m_termAfterMs) {
        signalGroup(m_pgid, SIGTERM);
        m_stage = 1;
        m_elapsedAtStage = elapsed;
    } else if (m_stage == 1 && elapsed - m_elapsedAtStage >= m_killAfterMs) {
        signalGroup(m_pgid, SIGKILL);
        m_stage = 2;
    } else if (m_stage == 2) {
        signalGroup(m_pgid, SIGKILL); // stragglers forked meanwhile
    }
#endif
}

void ProcessReaper::reap(QProcess *process, qint64 pgid)
{
    if (!process)
        return;
    if (process->state() == QProcess::NotRunning && !ProcessGroupStopper::groupExists(pgid)) {
        delete process;
        return;
    }
    new ProcessReaper(process, pgid);
}

ProcessReaper::ProcessReaper(QProcess *process, qint64 pgid)
    : m_process(process)
{
    process->disconnect();
    process->setParent(this);
    auto *stopper = new ProcessGroupStopper(pgid, this);
    connect(stopper, &ProcessGroupStopper::gone, this, [this] {
        m_groupGone = true;
        check();
    });
    connect(process, &QProcess::finished, this, &ProcessReaper::check);
    // If the application quits first, do not leave the build running.
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [pgid] {
#ifdef Q_OS_UNIX
        ProcessGroupStopper::signalGroup(pgid, SIGKILL);
#else
        Q_UNUSED(pgid);
#endif
    });
    if (pgid > 1)
        stopper->start(1000, 2000);
    else
        m_groupGone = true;
    if (process->state() != QProcess::NotRunning && pgid <= 1)
        process->kill();
    check();
}

void ProcessReaper::check()
{
    if (m_groupGone && (!m_process || m_process->state() == QProcess::NotRunning))
        deleteLater();
}

} // namespace wb
