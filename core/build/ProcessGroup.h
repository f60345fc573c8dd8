#pragma once

#include <QObject>
#include <QPointer>

class QProcess;
class QTimer;

namespace wb {

// Stops a whole process group (a build and every process it started: cargo, rustc, build scripts,
// linkers): SIGINT, then SIGTERM after `termAfterMs`, then SIGKILL after `killAfterMs` more, and
// keeps signalling until no process of the group is left. Emits gone() then.
class ProcessGroupStopper : public QObject
{
    Q_OBJECT
public:
    explicit ProcessGroupStopper(qint64 pgid, QObject *parent = nullptr);
    void start(int termAfterMs = 3000, int killAfterMs = 5000);
    bool isGone() const;

    // True while at least one process of the group exists.
    static bool groupExists(qint64 pgid);
    static bool signalGroup(qint64 pgid, int signal);

Q_SIGNALS:
    void gone();

private:
    void poll();
    qint64 m_pgid;
    int m_stage = 0; // 0 SIGINT sent, 1 SIGTERM sent, 2 SIGKILL sent
    qint64 m_elapsedAtStage = 0;
    int m_termAfterMs = 3000;
    int m_killAfterMs = 5000;
    QTimer *m_timer = nullptr;
    bool m_gone = false;
    qint64 m_startedMs = 0;
};

// Takes over a QProcess that must not be deleted while it runs (deleting a running QProcess
// blocks the caller): stops its group, then deletes the process and itself.
class ProcessReaper : public QObject
{
    Q_OBJECT
public:
    static void reap(QProcess *process, qint64 pgid);

private:
    ProcessReaper(QProcess *process, qint64 pgid);
    void check();
    QPointer<QProcess> m_process;
    bool m_groupGone = false;
};

} // namespace wb
