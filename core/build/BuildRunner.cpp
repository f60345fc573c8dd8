#include "core/build/BuildRunner.h"

#include "core/build/BuildOutputParser.h"
#include "core/build/BuildRequest.h"
#include "core/build/LineSplitter.h"
#include "core/build/MaturinFlags.h"
#include "core/build/ProcessGroup.h"
#include "core/build/ShellQuote.h"
#include "core/build/ToolDiscovery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QSet>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace wb {

namespace {

constexpr qint64 ReadBudget = 32 * 1024; // bytes handled per event-loop turn, so the loop stays responsive

QMutex &busyMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString> &busyProjects()
{
    static QSet<QString> projects;
    return projects;
}

QString projectKey(const QString &dir)
{
    if (dir.isEmpty())
        return {};
    const QFileInfo info(dir);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

} // namespace

QString BuildRunner::lockFileFor(const QString &projectDir)
{
    const QString key = projectKey(projectDir);
    if (key.isEmpty())
        return {};
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(20);
    return QDir::tempPath() + QStringLiteral("/wheelbench-build-") + QString::fromLatin1(hash) + QStringLiteral(".lock");
}

QString BuildResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded: return QStringLiteral("succeeded");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    case Outcome::FailedToStart: return QStringLiteral("failed to start");
    }
    return {};
}

BuildRunner::BuildRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wb::BuildResult>();
    qRegisterMetaType<wb::BuildProgress>();
    qRegisterMetaType<QList<wb::OutputLine>>();
    qRegisterMetaType<QList<wb::BuildEvent>>();
}

BuildRunner::~BuildRunner()
{
    if (m_process) {
        if (m_running)
            ProcessReaper::reap(m_process.data(), m_pgid); // never block here on a running process
        else
            delete m_process.data();
    }
    releaseProject();
}

void BuildRunner::setCancelGrace(int termMs, int killMs)
{
    m_termMs = termMs;
    m_killMs = killMs;
}

QProcessEnvironment BuildRunner::buildEnvironment(QProcessEnvironment env, int progressWidth)
{
    env.insert(QStringLiteral("CARGO_TERM_PROGRESS_WHEN"), QStringLiteral("always"));
    env.insert(QStringLiteral("CARGO_TERM_PROGRESS_WIDTH"), QString::number(progressWidth));
    env.insert(QStringLiteral("CARGO_TERM_COLOR"), QStringLiteral("always"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.remove(QStringLiteral("NO_COLOR"));
    return env;
}

RunCommand BuildRunner::commandFor(const BuildRequest &request, const ToolReport &tools, const QProcessEnvironment &baseEnv)
{
    RunCommand command;
    command.projectDir = request.projectDir;
    command.workingDirectory = request.projectDir;
    command.program = tools.maturin.program;
    // In the form the installed maturin expects (--strip's value from 1.12 on).
    const QStringList arguments =
        MaturinFlags::builtIn().adapt(BuildRequest::commandName(request.command), request.arguments(), tools.maturin.version);
    command.arguments = tools.maturin.baseArguments + arguments;
    QProcessEnvironment env = buildEnvironment(tools.environment(baseEnv));
    if (request.command == BuildRequest::Command::Develop) {
        const QString venv = QDir::cleanPath(request.projectDir + QStringLiteral("/.venv"));
        env.insert(QStringLiteral("VIRTUAL_ENV"), venv);
        env.remove(QStringLiteral("CONDA_PREFIX"));
#ifdef Q_OS_WIN
        const QChar sep = u';';
#else
        const QChar sep = u':';
#endif
        env.insert(QStringLiteral("PATH"), ToolDiscovery::venvBinDir(venv) + sep + env.value(QStringLiteral("PATH")));
    }
    command.environment = env;
    QStringList shown = tools.maturin.command();
    if (!shown.isEmpty() && tools.maturin.origin == u"PATH")
        shown.first() = QFileInfo(shown.first()).fileName();
    command.displayLine = shell::join(shown + arguments);
    return command;
}

bool BuildRunner::isProjectBusy(const QString &projectDir)
{
    QMutexLocker lock(&busyMutex());
    return busyProjects().contains(projectKey(projectDir));
}

void BuildRunner::releaseProject()
{
    if (m_projectKey.isEmpty())
        return;
    QMutexLocker lock(&busyMutex());
    busyProjects().remove(m_projectKey);
    m_projectKey.clear();
    m_lock.reset(); // unlocks
}

qint64 BuildRunner::elapsedMs() const
{
    if (m_elapsedAtEnd >= 0)
        return m_elapsedAtEnd;
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

bool BuildRunner::start(const RunCommand &command, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_running)
        return fail(tr("A run is already in progress: %1").arg(m_command.displayLine));
    if (command.program.isEmpty())
        return fail(tr("Nothing to run: the program was not found."));
    const QString key = projectKey(command.projectDir);
    if (!key.isEmpty()) {
        QMutexLocker lock(&busyMutex());
        if (busyProjects().contains(key))
            return fail(tr("A build of %1 is already running; wait for it to finish or cancel it first.")
                            .arg(QDir::toNativeSeparators(key)));
        // Other processes (another window, `wheelbench build`) hold a lock file per project.
        auto fileLock = std::make_unique<QLockFile>(lockFileFor(key));
        fileLock->setStaleLockTime(0); // stale only when its process is gone
        if (!fileLock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString app;
            fileLock->getLockInfo(&pid, &host, &app);
            if (fileLock->error() == QLockFile::LockFailedError)
                return fail(tr("A build of %1 is already running in another process (%2, pid %3); wait for it to finish "
                               "or stop it first.")
                                .arg(QDir::toNativeSeparators(key), app.isEmpty() ? tr("unknown program") : app)
                                .arg(pid));
            fileLock.reset(); // cannot create lock files there: in-process exclusion only
        }
        busyProjects().insert(key);
        m_lock = std::move(fileLock);
    }
    m_projectKey = key;
    if (m_process) {
        delete m_process.data(); // a finished one from the previous run
    }
    m_command = command;
    if (m_command.displayLine.isEmpty())
        m_command.displayLine = shell::join(QStringList{command.program} + command.arguments);
    m_splitter = std::make_unique<LineSplitter>();
    m_parser = std::make_unique<BuildOutputParser>(command.projectDir);
    m_result = {};
    m_result.commandLine = m_command.displayLine;
    m_progress = {};
    m_pgid = 0;
    m_cancelRequested = false;
    m_processDone = false;
    m_exitSeen = false;
    m_droppedLogBytes = 0;
    m_elapsedAtEnd = -1;
    m_running = true;
    delete m_stopper.data();

    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setProgram(command.program);
    process->setArguments(command.arguments);
    if (!command.workingDirectory.isEmpty())
        process->setWorkingDirectory(command.workingDirectory);
    process->setProcessEnvironment(command.environment);
#if defined(Q_OS_UNIX)
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    process->setUnixProcessParameters(QProcess::UnixProcessFlag::CreateNewSession
                                      | QProcess::UnixProcessFlag::ResetSignalHandlers);
#else
    process->setChildProcessModifier([] { ::setsid(); });
#endif
#endif
    connect(process, &QProcess::started, this, [this, process] {
        m_pgid = process->processId(); // the session leader: its pid is the group id
        Q_EMIT started(m_command.displayLine, m_pgid);
    });
    connect(process, &QProcess::readyReadStandardOutput, this, &BuildRunner::readOutput);
    connect(process, &QProcess::finished, this, &BuildRunner::processFinished);
    connect(process, &QProcess::errorOccurred, this, &BuildRunner::processError);
    m_clock.start();
    process->start();
    return true;
}

void BuildRunner::cancel()
{
    if (!m_running || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (m_pgid > 1) {
        m_stopper = new ProcessGroupStopper(m_pgid, this);
        connect(m_stopper, &ProcessGroupStopper::gone, this, &BuildRunner::maybeFinish);
        m_stopper->start(m_termMs, m_killMs);
    } else if (m_process) {
        m_process->kill();
    }
}

void BuildRunner::readOutput()
{
    m_readScheduled = false;
    if (!m_process)
        return;
    const QByteArray bytes = m_process->read(ReadBudget);
    if (bytes.isEmpty()) {
        if (m_exitSeen && !m_processDone)
            completeExit();
        return;
    }
    if (m_result.log.size() + bytes.size() <= m_logLimit)
        m_result.log.append(bytes);
    else
        m_droppedLogBytes += bytes.size();
    handleLines(m_splitter->feed(bytes));
    if (m_process->bytesAvailable() > 0) {
        if (!m_readScheduled) {
            m_readScheduled = true;
            QTimer::singleShot(0, this, &BuildRunner::readOutput);
        }
    } else if (m_exitSeen && !m_processDone) {
        completeExit();
    }
}

void BuildRunner::handleLines(const QList<OutputLine> &lines)
{
    if (lines.isEmpty())
        return;
    Q_EMIT outputLines(lines);
    QList<BuildEvent> events;
    bool progressed = false;
    for (const OutputLine &line : lines) {
        for (BuildEvent &event : m_parser->handleLine(line)) {
            if (event.kind == BuildEvent::Kind::Progress) {
                if (event.progress != m_progress) {
                    m_progress = event.progress;
                    progressed = true;
                }
                continue;
            }
            events.append(std::move(event));
        }
    }
    if (progressed)
        Q_EMIT progressChanged(m_progress);
    account(events);
}

void BuildRunner::account(const QList<BuildEvent> &events)
{
    if (events.isEmpty())
        return;
    for (const BuildEvent &event : events) {
        switch (event.kind) {
        case BuildEvent::Kind::Diagnostic:
            m_result.diagnostics.append(event.diagnostic);
            m_result.errors += event.diagnostic.severity == DiagnosticSeverity::Error;
            m_result.warnings += event.diagnostic.severity == DiagnosticSeverity::Warning;
            break;
        case BuildEvent::Kind::MaturinWarning:
            ++m_result.warnings;
            break;
        case BuildEvent::Kind::Wheel:
        case BuildEvent::Kind::Sdist:
            if (!m_result.artifacts.contains(event.path))
                m_result.artifacts.append(event.path);
            break;
        case BuildEvent::Kind::MaturinFailed:
            m_result.causes.append(event.causes);
            ++m_result.errors; // one entry of the Issues list
            break;
        case BuildEvent::Kind::TestSummary:
            m_result.testsPassed = event.passed;
            m_result.testsFailed = event.failed;
            break;
        default:
            break;
        }
    }
    Q_EMIT eventsParsed(events);
}

void BuildRunner::processFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_running || m_processDone || m_exitSeen)
        return;
    m_elapsedAtEnd = m_clock.elapsed();
    m_exitSeen = true;
    m_exitCode = exitCode;
    m_exitStatus = status;
    // Output still buffered is handled in portions first, so the event loop never stalls on it.
    if (m_process && m_process->bytesAvailable() > 0) {
        if (!m_readScheduled) {
            m_readScheduled = true;
            QTimer::singleShot(0, this, &BuildRunner::readOutput);
        }
        return;
    }
    completeExit();
}

void BuildRunner::completeExit()
{
    const int exitCode = m_exitCode;
    const QProcess::ExitStatus status = m_exitStatus;
    handleLines(m_splitter->finish());
    account(m_parser->finish());
    m_processDone = true;
    m_result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    const bool clean = status == QProcess::NormalExit && exitCode == 0;
    if (m_cancelRequested && !clean)
        m_result.outcome = BuildResult::Outcome::Cancelled;
    else
        m_result.outcome = clean ? BuildResult::Outcome::Succeeded : BuildResult::Outcome::Failed;
    if (m_result.outcome == BuildResult::Outcome::Failed && status == QProcess::CrashExit)
        m_result.message = tr("The process crashed or was killed.");
    if (m_result.outcome == BuildResult::Outcome::Cancelled)
        m_result.message = tr("Cancelled after %1 s.").arg(double(m_elapsedAtEnd) / 1000.0, 0, 'f', 1);
    // Nothing of the run may outlive it: stop leftovers of the group too.
    if (!m_stopper && ProcessGroupStopper::groupExists(m_pgid)) {
        m_stopper = new ProcessGroupStopper(m_pgid, this);
        connect(m_stopper, &ProcessGroupStopper::gone, this, &BuildRunner::maybeFinish);
        m_stopper->start(500, 1000);
    }
    maybeFinish();
}

void BuildRunner::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_running)
        return;
    m_elapsedAtEnd = m_clock.elapsed();
    m_processDone = true;
    m_result.outcome = m_cancelRequested ? BuildResult::Outcome::Cancelled : BuildResult::Outcome::FailedToStart;
    m_result.message = tr("Could not start %1: %2").arg(m_command.program, m_process ? m_process->errorString() : QString());
    maybeFinish();
}

void BuildRunner::maybeFinish()
{
    if (!m_running || !m_processDone)
        return;
    if (m_stopper && !m_stopper->isGone())
        return;
    m_running = false;
    m_result.elapsedMs = m_elapsedAtEnd >= 0 ? m_elapsedAtEnd : m_clock.elapsed();
    if (m_droppedLogBytes > 0)
        m_result.log.append(QStringLiteral("\n[log truncated: %1 more bytes were not kept]\n").arg(m_droppedLogBytes).toUtf8());
    releaseProject();
    if (m_process)
        m_process->deleteLater();
    const BuildResult result = m_result;
    Q_EMIT finished(result);
}

} // namespace wb
