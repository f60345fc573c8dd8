#pragma once

#include "core/build/BuildEvent.h"
#include "core/build/BuildResult.h"
#include "core/build/OutputLine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

class QLockFile;

namespace wb {

class BuildOutputParser;
class LineSplitter;
class ProcessGroupStopper;
struct BuildRequest;
struct ToolReport;

// What to run: a maturin command, a venv creation, pytest.
struct RunCommand {
    QString program;
    QStringList arguments;
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString projectDir;  // the project it belongs to: one run per project at a time
    QString displayLine; // what the user sees (shell-quoted)
};

// Runs one command at a time without ever blocking its thread. The process gets its own session
// (process group), its output is split into lines on bytes, decoded, parsed into events, and
// reported in batches. cancel() stops the whole group; a cancelled run ends as Cancelled.
class BuildRunner : public QObject
{
    Q_OBJECT
public:
    explicit BuildRunner(QObject *parent = nullptr);
    ~BuildRunner() override;

    // The command for a maturin request, run in the project folder with `env` plus the build
    // variables (see buildEnvironment) and, for develop, the project's .venv activated.
    static RunCommand commandFor(const BuildRequest &request, const ToolReport &tools,
                                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // cargo draws its progress bar and colours only for terminals unless told otherwise.
    static QProcessEnvironment buildEnvironment(QProcessEnvironment env, int progressWidth = 100);
    // Projects with a run in progress in this process (absolute folders).
    static bool isProjectBusy(const QString &projectDir);
    // The lock file that keeps other processes from building the project at the same time.
    static QString lockFileFor(const QString &projectDir);

    // False (and why in *error) when this runner or another one is already running for the project.
    bool start(const RunCommand &command, QString *error = nullptr);
    bool isRunning() const { return m_running; }
    void cancel();
    qint64 processGroup() const { return m_pgid; }
    qint64 elapsedMs() const;
    BuildProgress progress() const { return m_progress; }
    QString commandLine() const { return m_command.displayLine; }

    // Cap on the kept log; past it the rest is counted but not kept. Default 32 MiB.
    void setLogLimit(qsizetype bytes) { m_logLimit = bytes; }
    // Grace periods of cancel(): SIGINT, then SIGTERM after termMs, then SIGKILL after killMs more.
    void setCancelGrace(int termMs, int killMs);

Q_SIGNALS:
    void started(const QString &commandLine, qint64 pid);
    void outputLines(const QList<wb::OutputLine> &lines);
    void eventsParsed(const QList<wb::BuildEvent> &events);
    void progressChanged(const wb::BuildProgress &progress);
    void finished(const wb::BuildResult &result);

private:
    void readOutput();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    void completeExit();
    void handleLines(const QList<OutputLine> &lines);
    void account(const QList<BuildEvent> &events); // into the result, then eventsParsed
    void maybeFinish();
    void releaseProject();

    QPointer<QProcess> m_process;
    std::unique_ptr<LineSplitter> m_splitter;
    std::unique_ptr<BuildOutputParser> m_parser;
    QPointer<ProcessGroupStopper> m_stopper;
    RunCommand m_command;
    QString m_projectKey;
    std::unique_ptr<QLockFile> m_lock;
    QElapsedTimer m_clock;
    qint64 m_elapsedAtEnd = -1;
    qint64 m_pgid = 0;
    bool m_running = false;
    bool m_cancelRequested = false;
    bool m_processDone = false;
    bool m_readScheduled = false;
    bool m_exitSeen = false;
    int m_exitCode = -1;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
    BuildResult m_result;
    BuildProgress m_progress;
    qsizetype m_logLimit = 32 * 1024 * 1024;
    qint64 m_droppedLogBytes = 0;
    int m_termMs = 3000;
    int m_killMs = 5000;
};

} // namespace wb
