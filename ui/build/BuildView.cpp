#include "ui/build/BuildView.h"

#include "core/build/BuildOutputParser.h"
#include "core/build/CommandPreview.h"
#include "ui/build/BuildActions.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/BuildOptionsForm.h"
#include "ui/build/CiDialog.h"
#include "ui/build/CommandPanel.h"
#include "ui/build/HistoryModel.h"
#include "ui/build/HistoryPanel.h"
#include "ui/build/IssuesPanel.h"
#include "ui/build/RunPlan.h"
#include "ui/build/RunProgressBar.h"
#include "ui/build/TestQuestions.h"
#include "ui/build/ToolsPanel.h"
#include "ui/build/IssuesModel.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/Workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace wb::ui {

BuildView::BuildView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_runner(new wb::BuildRunner(this))
{
    createCommandControls();
    createRunControls();
    createProgressControls();
    createConsole();
    createLayout(m_options, createTabs());
    connect(m_runner, &wb::BuildRunner::outputLines, m_console, &BuildConsole::appendLines);
    connect(m_runner, &wb::BuildRunner::eventsParsed, this, [this](const QList<wb::BuildEvent> &events) {
        m_issuesPanel->addEvents(events, m_consoleRun);
    });
    connect(m_runner, &wb::BuildRunner::progressChanged, this, &BuildView::updateProgress);
    connect(m_runner, &wb::BuildRunner::finished, this, &BuildView::runFinishedInternally);

    connectWorkspace();
    updateCommandLine();
    updateButtons();
}

BuildView::~BuildView()
{
    // The runner hands a running build to a reaper; nothing here waits for it.
}

// The project line, the options form, the command that runs and the warnings about overrides.
void BuildView::createCommandControls()
{
    m_projectLabel = new QLabel(tr("Open a project to build it."), this);
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_options = new BuildOptionsForm(this);
    connect(m_options, &BuildOptionsForm::changed, this, &BuildView::updateCommandLine);

    m_command = new CommandPanel(this);
}

// The commands as actions, and the buttons that show them.
void BuildView::createRunControls()
{
    m_actions = new BuildActions(this);
    connect(m_actions->build(), &QAction::triggered, this, &BuildView::build);
    connect(m_actions->develop(), &QAction::triggered, this, &BuildView::develop);
    connect(m_actions->test(), &QAction::triggered, this, &BuildView::test);
    connect(m_actions->sdist(), &QAction::triggered, this, &BuildView::sdist);
    connect(m_actions->cancel(), &QAction::triggered, this, &BuildView::cancel);
    connect(m_actions->generateCi(), &QAction::triggered, this, &BuildView::generateCi);
    connect(m_actions->saveLog(), &QAction::triggered, this, &BuildView::saveLog);
    m_buildButton = actionButton(m_actions->build(), QStringLiteral("buildButton"), this);
    m_cancelButton = actionButton(m_actions->cancel(), QStringLiteral("cancelButton"), this);
    m_developButton = actionButton(m_actions->develop(), QStringLiteral("developButton"), this);
    m_testButton = actionButton(m_actions->test(), QStringLiteral("testButton"), this);
    m_sdistButton = actionButton(m_actions->sdist(), QStringLiteral("sdistButton"), this);
    m_ciButton = actionButton(m_actions->generateCi(), QStringLiteral("ciButton"), this);
    m_saveButton = actionButton(m_actions->saveLog(), QStringLiteral("saveLogButton"), this);
    // The window's Cancel (it also stops a wheel's verification) takes the view's place; its owner
    // connects it to cancel().
    connect(m_actions, &BuildActions::cancelChanged, m_cancelButton, &QToolButton::setDefaultAction);
}

// The progress bar, the status, the links to what a run made, the clock.
void BuildView::createProgressControls()
{
    m_progress = new RunProgressBar(this);
    m_progress->setObjectName(QStringLiteral("buildProgress"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_artifactLinks = new QLabel(this);
    m_artifactLinks->setObjectName(QStringLiteral("artifactLinks"));
    m_artifactLinks->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_artifactLinks->hide();
    connect(m_artifactLinks, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString path = m_lastArtifacts.value(link.toInt());
        if (!m_workspace || path.isEmpty())
            return;
        if (Workspace::isWheelPath(path))
            m_workspace->openWheel(path);
        else
            m_workspace->openSdist(path);
    });
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(500);
    connect(m_clockTimer, &QTimer::timeout, this, &BuildView::updateProgress);
}

// The live output; Save Log follows whether it has any.
void BuildView::createConsole()
{
    m_console = new BuildConsole(this);
    m_console->setObjectName(QStringLiteral("buildConsole"));
    m_console->setPlaceholderText(tr("The live output of maturin, cargo and pytest shows here. Build (Ctrl+B), Develop or Test starts a run."));
    connect(m_console, &QPlainTextEdit::textChanged, this, [this] {
        if (m_console->document()->isEmpty() == m_actions->saveLog()->isEnabled())
            updateButtons(); // only when the console goes from empty to not, or back: not once per line
    });
}

// The open project, and the member of a Cargo workspace chosen in the Project view.
void BuildView::connectWorkspace()
{
    if (!m_workspace)
        return;
    connect(m_workspace, &Workspace::projectOpened, this, &BuildView::setProject);
    if (!m_workspace->projectDir().isEmpty())
        setProject(m_workspace->projectDir());
    // A Cargo workspace root: build the member chosen in the Project view (maturin -m).
    connect(m_workspace, &Workspace::memberManifestChanged, m_options, &BuildOptionsForm::setManifest);
    m_options->setManifest(m_workspace->memberManifest());
}

QWidget *BuildView::createTabs()
{
    m_issuesPanel = new IssuesPanel(this);
    m_issues = m_issuesPanel->model();
    m_opener = m_issuesPanel->opener();
    connect(m_issuesPanel, &IssuesPanel::logLineRequested, m_console, &BuildConsole::showLogLine);
    connect(m_issuesPanel, &IssuesPanel::message, m_status, &QLabel::setText);

    m_history = new HistoryPanel(this);
    m_toolsPanel = new ToolsPanel(this);
    connect(m_toolsPanel, &ToolsPanel::discovered, this, &BuildView::toolsDiscovered);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("buildTabs"));
    tabs->addTab(m_issuesPanel, tr("Issues"));
    tabs->addTab(m_history, tr("History"));
    tabs->addTab(m_toolsPanel, tr("Tools"));
    return tabs;
}

void BuildView::createLayout(QWidget *options, QWidget *tabs)
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_console);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttonRow = new QHBoxLayout;
    for (QToolButton *b : {m_buildButton, m_cancelButton, m_developButton, m_testButton, m_sdistButton, m_ciButton, m_saveButton})
        buttonRow->addWidget(b);
    buttonRow->addStretch(1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_status);
    progressRow->addWidget(m_artifactLinks);
    progressRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_projectLabel);
    layout->addWidget(options);
    layout->addWidget(m_command);
    layout->addLayout(buttonRow);
    layout->addLayout(progressRow);
    layout->addWidget(splitter, 1);
}

wb::BuildRequest BuildView::request() const
{
    return m_options->request(m_projectDir);
}

bool BuildView::isRunning() const
{
    return m_runner->isRunning();
}

void BuildView::setProject(const QString &dir)
{
    if (isRunning() && dir != m_projectDir) {
        m_console->appendMessage(tr("A build of %1 is still running; cancel it before building another project.").arg(m_projectDir));
    }
    m_projectDir = dir;
    // maturin builds from a pyproject.toml or a Cargo.toml; a folder with neither has nothing to build.
    m_buildable = QFileInfo::exists(dir + QStringLiteral("/pyproject.toml")) || QFileInfo::exists(dir + QStringLiteral("/Cargo.toml"));
    m_projectLabel->setText(m_buildable ? tr("Project: <b>%1</b>").arg(QDir::toNativeSeparators(dir).toHtmlEscaped())
                                        : tr("<b>%1</b> has neither a pyproject.toml nor a Cargo.toml: nothing to build.")
                                              .arg(QDir::toNativeSeparators(dir).toHtmlEscaped()));
    m_toolsPanel->discover(dir);
    updateCommandLine();
    updateButtons();
    m_history->showProject(dir);
}

void BuildView::toolsDiscovered()
{
    m_options->setMaturinVersion(tools().maturin.version);
    updateCommandLine();
    updateButtons();
    Q_EMIT toolsReady();
    switch (std::exchange(m_whenToolsReady, Action::None)) {
    case Action::Build: build(); break;
    case Action::Develop: develop(); break;
    case Action::Test: test(); break;
    case Action::Sdist: sdist(); break;
    case Action::None: break;
    }
}

const wb::ToolReport &BuildView::tools() const
{
    return m_toolsPanel->report();
}

HistoryModel *BuildView::history() const
{
    return m_history->historyModel();
}

QString BuildView::maturinVersion() const
{
    return m_options->maturinVersion();
}

void BuildView::setMaturinVersion(const QString &version)
{
    m_options->setMaturinVersion(version); // emits changed(): the command line follows
}

void BuildView::updateCommandLine()
{
    QStringList maturin;
    if (m_toolsPanel->known() && tools().maturin.found() && tools().maturin.origin != u"PATH")
        maturin = tools().maturin.command();
    const wb::CommandPreview preview = wb::CommandPreview::of(request(), maturin, maturinVersion(), m_projectDir);
    if (isRunning())
        m_command->showRunning(m_runner->commandLine());
    else
        m_command->showPlanned(preview.commandLine, maturinVersion());
    m_command->setNotes(preview.notes);
}

bool BuildView::isIdle() const
{
    return !m_projectDir.isEmpty() && m_buildable && !isRunning() && !m_checkingPytest;
}

void BuildView::updateButtons()
{
    m_actions->update({isIdle(), isRunning(), !m_projectDir.isEmpty(), !m_console->document()->isEmpty()});
    Q_EMIT stateChanged();
}

void BuildView::updateProgress()
{
    if (!isRunning())
        return; // a finished run keeps its finished bar
    const wb::BuildProgress p = m_runner->progress();
    m_progress->showProgress(p);
    QString text = tr("Running… %1").arg(HistoryModel::duration(m_runner->elapsedMs()));
    if (p.total > 0)
        text += tr(" · %1 of %2 units").arg(p.done).arg(p.total);
    if (!p.inFlight.isEmpty())
        text += tr(" · compiling %1").arg(p.inFlight.join(QStringLiteral(", ")));
    m_status->setText(text);
}

bool BuildView::canStart(Action action)
{
    if (m_projectDir.isEmpty())
        return false;
    if (isRunning() || m_checkingPytest) {
        // One run per project at a time: say so where it is seen (the status line shows the running one).
        const QString running = isRunning() ? m_runner->commandLine() : tr("the check for pytest");
        m_console->appendMessage(tr("Not started: %1 is still running for %2. Wait for it to finish or cancel it (Esc).")
                                     .arg(running, QDir::toNativeSeparators(m_runProjectDir.isEmpty() ? m_projectDir : m_runProjectDir)));
        m_console->flushPending();
        return false;
    }
    if (!m_toolsPanel->known()) {
        m_whenToolsReady = action;
        m_status->setText(tr("Looking for maturin and cargo…"));
        return false;
    }
    if (!tools().ready()) {
        m_status->setText(tr("Cannot build: %1").arg(tools().problems().join(u' ')));
        return false;
    }
    return true;
}

void BuildView::build()
{
    if (!canStart(Action::Build))
        return;
    const wb::BuildRequest r = request();
    if (!r.problems().isEmpty()) {
        m_status->setText(r.problems().join(u' '));
        return;
    }
    startQueue({{Step::Build, wb::BuildRunner::commandFor(r, tools())}});
}

void BuildView::sdist()
{
    if (!canStart(Action::Sdist))
        return;
    wb::BuildRequest r = request();
    r.command = wb::BuildRequest::Command::Sdist;
    startQueue({{Step::Sdist, wb::BuildRunner::commandFor(r, tools())}});
}

void BuildView::develop()
{
    if (!canStart(Action::Develop))
        return;
    QString declined;
    const auto runs = RunPlan::developWithVenv(this, planContext(), &declined);
    if (!runs) {
        m_status->setText(declined);
        return;
    }
    startQueue(*runs);
}

void BuildView::test()
{
    if (!canStart(Action::Test))
        return;
    const bool hasTests = QFileInfo(m_projectDir + QStringLiteral("/tests")).isDir()
        || QDirIterator(m_projectDir, {QStringLiteral("test_*.py")}, QDir::Files).hasNext();
    if (!hasTests) {
        m_status->setText(tr("This project has no tests (no tests/ folder, no test_*.py)."));
        return;
    }
    // Whether the venv imports pytest (its own or, with system site packages, the system's), and whether
    // the system's Python has one: ask them, off the UI thread.
    m_checkingPytest = true;
    updateButtons();
    m_status->setText(tr("Looking for pytest…"));
    auto *watcher = new QFutureWatcher<wb::PytestProbe>(this);
    connect(watcher, &QFutureWatcher<wb::PytestProbe>::finished, this, [this, watcher, project = m_projectDir] {
        watcher->deleteLater();
        m_checkingPytest = false;
        updateButtons();
        if (project != m_projectDir) // another project was opened meanwhile
            return;
        testWith(watcher->result());
    });
    const RunPlan::Context context = planContext();
    watcher->setFuture(QtConcurrent::run([venv = context.venvDir(), python = context.systemPython()] { return wb::TestSetup::probe(venv, python); }));
}

void BuildView::testWith(const wb::PytestProbe &probe)
{
    m_probe = probe;
    QString declined;
    const auto runs = RunPlan::test(this, planContext(), probe, &declined);
    if (!runs) {
        m_status->setText(declined);
        return;
    }
    startQueue(*runs);
}

RunPlan::Context BuildView::planContext() const
{
    return {m_projectDir, tools(), request(), maturinVersion()};
}

void BuildView::pytestInstallFailed(const wb::BuildResult &result)
{
    const QString why = tr("pip could not install pytest into .venv (exit status %1). Without a network connection pip "
                           "cannot download it.").arg(result.exitCode);
    m_status->setText(why);
    m_console->appendMessage(why);
    m_console->flushPending();
    if (!m_probe.systemHasPytest() || m_runProjectDir != m_projectDir)
        return;
    if (!test_questions::systemAfterPipFailed(this, why, m_probe))
        return;
    // Goes on in the same console, after pip's output.
    m_queue = RunPlan::testWithSystemPytest(planContext(), m_probe);
    startNext();
}

void BuildView::startQueue(QList<QueuedRun> runs)
{
    m_queue = std::move(runs);
    m_runProjectDir = m_projectDir;
    m_console->clearOutput();
    m_issuesPanel->clear();
    m_lastArtifacts.clear();
    m_artifactLinks->hide();
    startNext();
}

void BuildView::startNext()
{
    if (m_queue.isEmpty())
        return;
    const QueuedRun run = m_queue.takeFirst();
    m_currentStep = run.step;
    m_consoleRun = m_console->beginRun();
    m_console->appendMessage(QStringLiteral("$ ") + run.command.displayLine);
    QString error;
    if (!m_runner->start(run.command, &error)) {
        m_queue.clear();
        if (!run.command.program.isEmpty()) {
            // Refused (another run of this project is going on): nothing ran, nothing to record.
            m_console->appendMessage(error);
            m_console->flushPending();
            m_status->setText(error);
            return;
        }
        // Recorded like any other run: it failed before it started.
        wb::BuildResult failed;
        failed.outcome = wb::BuildResult::Outcome::FailedToStart;
        failed.commandLine = run.command.displayLine;
        failed.message = error;
        runFinishedInternally(failed);
        return;
    }
    m_progress->start();
    m_clockTimer->start();
    updateCommandLine();
    updateButtons();
    updateProgress();
}

void BuildView::cancel()
{
    if (!isRunning())
        return;
    m_queue.clear();
    m_status->setText(tr("Cancelling…"));
    m_runner->cancel();
}

void BuildView::runFinishedInternally(const wb::BuildResult &result)
{
    m_clockTimer->stop();
    m_console->flushPending();
    m_lastLog = result.transcript();
    const QString took = HistoryModel::duration(result.elapsedMs);
    QString text;
    switch (result.outcome) {
    case wb::BuildResult::Outcome::Succeeded: text = tr("Succeeded in %1").arg(took); break;
    case wb::BuildResult::Outcome::Failed: text = tr("Failed after %1 (exit status %2)").arg(took).arg(result.exitCode); break;
    case wb::BuildResult::Outcome::Cancelled: text = tr("Cancelled after %1").arg(took); break;
    case wb::BuildResult::Outcome::FailedToStart: text = result.message; break;
    }
    if (m_currentStep == Step::Pytest && result.testsPassed >= 0)
        text += tr(" · tests: %1 passed, %2 failed").arg(result.testsPassed).arg(result.testsFailed);
    if (!result.causes.isEmpty())
        text += QStringLiteral(" · ") + result.causes.first();
    m_status->setText(text);
    m_console->appendMessage(text);
    m_console->flushPending();
    record(m_currentStep, result);

    // Every run's log goes to the Troubleshooting view (a failed Develop or pytest's ImportError is as
    // much to diagnose as a failed build); only Build and Sdist make files to list.
    const bool makesFiles = m_currentStep == Step::Build || m_currentStep == Step::Sdist;
    if (m_workspace)
        m_workspace->reportBuild(result.succeeded(), QString::fromUtf8(m_lastLog), makesFiles ? result.artifacts : QStringList());
    if (makesFiles && result.succeeded())
        showArtifacts(result.artifacts);
    const bool goOn = result.succeeded() && !m_queue.isEmpty();
    if (!goOn) {
        m_queue.clear();
        m_progress->finish(result.outcome);
    }
    updateCommandLine();
    updateButtons();
    Q_EMIT runFinished(result);
    if (goOn)
        QTimer::singleShot(0, this, &BuildView::startNext);
    else if (m_currentStep == Step::InstallPytest && result.outcome == wb::BuildResult::Outcome::Failed)
        QTimer::singleShot(0, this, [this, result] { pytestInstallFailed(result); });
}

void BuildView::record(Step step, const wb::BuildResult &result)
{
    QString kind;
    switch (step) {
    case Step::Build: kind = QStringLiteral("build"); break;
    case Step::Develop: kind = QStringLiteral("develop"); break;
    case Step::Sdist: kind = QStringLiteral("sdist"); break;
    case Step::CreateVenv: kind = QStringLiteral("venv"); break;
    case Step::InstallPytest: kind = QStringLiteral("install-pytest"); break;
    case Step::Pytest: kind = QStringLiteral("test"); break;
    }
    // The project it ran for, even if another is open now.
    m_history->record(m_runProjectDir, kind, result, m_projectDir);
}

void BuildView::showArtifacts(const QStringList &artifacts)
{
    // The log stays in view; the wheel opens in the Wheels view when asked.
    m_lastArtifacts = artifacts;
    QStringList links;
    for (int i = 0; i < artifacts.size(); ++i) {
        const QString name = QFileInfo(artifacts.at(i)).fileName();
        const QString what = Workspace::isWheelPath(artifacts.at(i)) ? tr("Open wheel") : tr("Open sdist");
        links << QStringLiteral("<a href=\"%1\">%2</a>").arg(i).arg(what);
        m_console->appendMessage(tr("Built %1").arg(QDir::toNativeSeparators(artifacts.at(i))));
    }
    m_console->flushPending();
    m_artifactLinks->setText(links.join(QStringLiteral(" · ")));
    QStringList names;
    for (const QString &a : artifacts)
        names << QDir::toNativeSeparators(a);
    m_artifactLinks->setToolTip(names.join(u'\n'));
    m_artifactLinks->setVisible(m_workspace && !links.isEmpty());
}

void BuildView::saveLog()
{
    const QByteArray log = isRunning() || m_lastLog.isEmpty() ? m_console->toPlainText().toUtf8() : m_lastLog;
    const QString file = QFileDialog::getSaveFileName(this, tr("Save build log"),
                                                      m_projectDir + QStringLiteral("/build.log"), tr("Logs (*.log *.txt)"));
    if (file.isEmpty())
        return;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(log) < 0 || !out.commit())
        QMessageBox::warning(this, tr("Save build log"), tr("Could not save %1: %2").arg(file, out.errorString()));
}

void BuildView::generateCi()
{
    if (m_projectDir.isEmpty())
        return;
    CiDialog dialog(m_projectDir, this);
    if (dialog.exec() == QDialog::Accepted)
        m_status->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(dialog.filePath())));
}

} // namespace wb::ui
