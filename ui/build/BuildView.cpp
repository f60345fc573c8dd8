#include "ui/build/BuildView.h"

#include "core/build/BuildHistory.h"
#include "core/build/BuildOutputParser.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/ShellQuote.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/CiDialog.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/IssuesModel.h"
#include "ui/common/Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace wb::ui {

namespace {
QStringList splitList(const QString &text)
{
    QString t = text;
    t.replace(u',', u' ');
    return t.split(u' ', Qt::SkipEmptyParts);
}

QString duration(qint64 ms)
{
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}
} // namespace

BuildView::BuildView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_runner(new wb::BuildRunner(this))
{
    m_projectLabel = new QLabel(tr("Open a project to build it."), this);
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));

    m_commandLine = new QLineEdit(this);
    m_commandLine->setObjectName(QStringLiteral("commandLine"));
    m_commandLine->setReadOnly(true);
    m_commandLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the command line"));
    connect(copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_commandLine->text()); });
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("overrideWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #9a6700;"));
    m_warnings->hide();

    m_buildButton = new QPushButton(QIcon::fromTheme(QStringLiteral("run-build")), tr("&Build"), this);
    m_buildButton->setObjectName(QStringLiteral("buildButton"));
    m_buildButton->setToolTip(tr("Build the wheel (Ctrl+B)"));
    m_cancelButton = new QPushButton(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop the build and everything it started (Esc)"));
    m_developButton = new QPushButton(tr("&Develop"), this);
    m_developButton->setToolTip(tr("maturin develop: build and install into the project's .venv"));
    m_testButton = new QPushButton(tr("&Test"), this);
    m_testButton->setToolTip(tr("Develop, then run python -m pytest in the project's .venv"));
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_developButton->setObjectName(QStringLiteral("developButton"));
    m_sdistButton = new QPushButton(tr("&Sdist"), this);
    m_sdistButton->setObjectName(QStringLiteral("sdistButton"));
    m_sdistButton->setToolTip(tr("maturin sdist: build the source distribution"));
    auto *ciButton = new QPushButton(tr("Generate &CI…"), this);
    ciButton->setObjectName(QStringLiteral("ciButton"));
    auto *saveButton = new QPushButton(tr("Save &log…"), this);
    saveButton->setObjectName(QStringLiteral("saveLogButton"));
    connect(m_buildButton, &QPushButton::clicked, this, &BuildView::build);
    connect(m_cancelButton, &QPushButton::clicked, this, &BuildView::cancel);
    connect(m_developButton, &QPushButton::clicked, this, &BuildView::develop);
    connect(m_testButton, &QPushButton::clicked, this, &BuildView::test);
    connect(m_sdistButton, &QPushButton::clicked, this, &BuildView::sdist);
    connect(ciButton, &QPushButton::clicked, this, &BuildView::generateCi);
    connect(saveButton, &QPushButton::clicked, this, &BuildView::saveLog);
    auto *buildShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_B), this);
    buildShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(buildShortcut, &QShortcut::activated, this, &BuildView::build);
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &BuildView::cancel);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("buildProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%v/%m"));
    m_progress->setTextVisible(false); // until cargo reports units
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(500);
    connect(m_clockTimer, &QTimer::timeout, this, &BuildView::updateProgress);

    m_console = new BuildConsole(this);
    m_console->setObjectName(QStringLiteral("buildConsole"));

    m_issues = new IssuesModel(this);
    m_issuesFilter = new IssuesFilterModel(this);
    m_issuesFilter->setSourceModel(m_issues);
    m_issuesView = new QTableView(this);
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    m_issuesView->setModel(m_issuesFilter);
    m_issuesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_issuesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issuesView->verticalHeader()->hide();
    m_issuesView->horizontalHeader()->setSectionResizeMode(IssuesModel::MessageColumn, QHeaderView::Stretch);
    m_issuesView->setWordWrap(false);
    connect(m_issuesView, &QTableView::doubleClicked, this, &BuildView::openIssue);
    auto *showErrors = new QCheckBox(tr("Errors"), this);
    auto *showWarnings = new QCheckBox(tr("Warnings"), this);
    showErrors->setChecked(true);
    showWarnings->setChecked(true);
    auto *issueFilter = new QLineEdit(this);
    issueFilter->setPlaceholderText(tr("Filter issues"));
    issueFilter->setClearButtonEnabled(true);
    connect(showErrors, &QCheckBox::toggled, m_issuesFilter, &IssuesFilterModel::setShowErrors);
    connect(showWarnings, &QCheckBox::toggled, m_issuesFilter, &IssuesFilterModel::setShowWarnings);
    connect(issueFilter, &QLineEdit::textChanged, m_issuesFilter, &IssuesFilterModel::setText);
    m_issueCounts = new QLabel(this);
    m_issueCounts->setObjectName(QStringLiteral("issueCounts"));
    auto *editorButton = new QToolButton(this);
    editorButton->setText(tr("Editor…"));
    editorButton->setToolTip(tr("Command that opens a file at a line: %f file, %l line, %c column"));
    connect(editorButton, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString command = QInputDialog::getText(this, tr("Editor command"),
                                                      tr("Command with %f (file), %l (line), %c (column); empty for the "
                                                         "desktop's default application.\nExamples: code --goto %f:%l:%c, "
                                                         "kate --line %l --column %c %f"),
                                                      QLineEdit::Normal, EditorLauncher::command(), &ok);
        if (ok)
            EditorLauncher::setCommand(command);
    });
    auto *issuesPage = new QWidget(this);
    auto *issuesLayout = new QVBoxLayout(issuesPage);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    auto *issuesBar = new QHBoxLayout;
    issuesBar->addWidget(showErrors);
    issuesBar->addWidget(showWarnings);
    issuesBar->addWidget(issueFilter, 1);
    issuesBar->addWidget(m_issueCounts);
    issuesBar->addWidget(editorButton);
    issuesLayout->addLayout(issuesBar);
    issuesLayout->addWidget(m_issuesView);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("buildHistory"));
    m_history->setHeaderLabels({tr("When"), tr("Took"), tr("Result"), tr("Artifacts"), tr("Command")});
    m_history->setRootIsDecorated(false);
    m_toolsLabel = new QLabel(tr("Looking for maturin, cargo and Python…"), this);
    m_toolsLabel->setObjectName(QStringLiteral("toolsLabel"));
    m_toolsLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_toolsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_toolsLabel->setWordWrap(true);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("buildTabs"));
    tabs->addTab(issuesPage, tr("Issues"));
    tabs->addTab(m_history, tr("History"));
    tabs->addTab(m_toolsLabel, tr("Tools"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_console);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("Command:"), this));
    commandRow->addWidget(m_commandLine, 1);
    commandRow->addWidget(copy);
    auto *buttonRow = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_buildButton), static_cast<QWidget *>(m_cancelButton),
                       static_cast<QWidget *>(m_developButton), static_cast<QWidget *>(m_testButton),
                       static_cast<QWidget *>(m_sdistButton),
                       static_cast<QWidget *>(ciButton), static_cast<QWidget *>(saveButton)})
        buttonRow->addWidget(w);
    buttonRow->addStretch(1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_status, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_projectLabel);
    layout->addWidget(createOptions());
    layout->addLayout(commandRow);
    layout->addWidget(m_warnings);
    layout->addLayout(buttonRow);
    layout->addLayout(progressRow);
    layout->addWidget(splitter, 1);

    connect(m_runner, &wb::BuildRunner::outputLines, m_console, &BuildConsole::appendLines);
    connect(m_runner, &wb::BuildRunner::eventsParsed, this, [this](const QList<wb::BuildEvent> &events) {
        m_issues->addEvents(events);
        updateCounts();
    });
    connect(m_runner, &wb::BuildRunner::progressChanged, this, &BuildView::updateProgress);
    connect(m_runner, &wb::BuildRunner::finished, this, &BuildView::runFinishedInternally);

    if (m_workspace) {
        connect(m_workspace, &Workspace::projectOpened, this, &BuildView::setProject);
        if (!m_workspace->projectDir().isEmpty())
            setProject(m_workspace->projectDir());
        // A Cargo workspace root: build the member chosen in the Project view (maturin -m).
        connect(m_workspace, &Workspace::memberManifestChanged, this, [this](const QString &manifest) {
            m_manifest->setText(manifest);
            updateCommandLine();
        });
        m_manifest->setText(m_workspace->memberManifest());
    }
    updateCommandLine();
    updateButtons();
    updateCounts();
}

BuildView::~BuildView()
{
    // The runner hands a running build to a reaper; nothing here waits for it.
    if (m_toolWatcher)
        m_toolWatcher->disconnect(this);
}

QWidget *BuildView::createOptions()
{
    auto *box = new QGroupBox(tr("Options"), this);
    box->setObjectName(QStringLiteral("buildOptions"));
    auto *grid = new QGridLayout(box);
    m_profile = new QComboBox(box);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->addItem(tr("Release (-r)"), int(wb::BuildRequest::Profile::Release));
    m_profile->addItem(tr("Debug (dev profile)"), int(wb::BuildRequest::Profile::Debug));
    m_profile->addItem(tr("Profile…"), int(wb::BuildRequest::Profile::Named));
    m_profileName = new QLineEdit(box);
    m_profileName->setPlaceholderText(tr("profile name"));
    m_outDir = new QLineEdit(box);
    m_outDir->setObjectName(QStringLiteral("outDirEdit"));
    m_outDir->setPlaceholderText(tr("default: target/wheels"));
    m_features = new QLineEdit(box);
    m_features->setPlaceholderText(tr("-F: replaces [tool.maturin] features"));
    m_allFeatures = new QCheckBox(tr("--all-features"), box);
    m_noDefaultFeatures = new QCheckBox(tr("--no-default-features"), box);
    m_interpreters = new QLineEdit(box);
    m_interpreters->setPlaceholderText(tr("-i: python3.12 3.13 …"));
    m_findInterpreter = new QCheckBox(tr("-f find all"), box);
    m_compatibility = new QComboBox(box);
    m_compatibility->setEditable(true);
    m_compatibility->addItems({QString(), QStringLiteral("pypi"), QStringLiteral("manylinux2014"), QStringLiteral("manylinux_2_28"),
                               QStringLiteral("musllinux_1_2"), QStringLiteral("linux")});
    m_compatibility->setPlaceholderText(tr("--compatibility"));
    m_compatibility->lineEdit()->setPlaceholderText(tr("--compatibility"));
    m_auditwheel = new QComboBox(box);
    m_auditwheel->setPlaceholderText(tr("--auditwheel"));
    m_auditwheel->addItems({tr("auditwheel as configured"), QStringLiteral("repair"), QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("skip")});
    m_strip = new QComboBox(box);
    m_strip->addItem(tr("as configured"));
    m_strip->addItem(tr("--strip"));
    m_strip->addItem(tr("--strip=false"));
    m_zig = new QCheckBox(tr("--zig"), box);
    m_sdist = new QCheckBox(tr("--sdist"), box);
    m_target = new QLineEdit(box);
    m_target->setPlaceholderText(tr("--target triple"));
    m_manifest = new QLineEdit(box);
    m_manifest->setPlaceholderText(tr("-m Cargo.toml"));
    m_locked = new QCheckBox(tr("--locked"), box);
    m_frozen = new QCheckBox(tr("--frozen"), box);
    m_offline = new QCheckBox(tr("--offline"), box);
    m_extra = new QLineEdit(box);
    m_extra->setPlaceholderText(tr("more maturin arguments"));

    int row = 0;
    auto label = [box](const QString &text) { return new QLabel(text, box); };
    grid->addWidget(label(tr("Profile:")), row, 0);
    grid->addWidget(m_profile, row, 1);
    grid->addWidget(m_profileName, row, 2);
    grid->addWidget(label(tr("Out:")), row, 3);
    grid->addWidget(m_outDir, row, 4, 1, 3);
    ++row;
    grid->addWidget(label(tr("Features:")), row, 0);
    grid->addWidget(m_features, row, 1, 1, 2);
    grid->addWidget(m_allFeatures, row, 3);
    grid->addWidget(m_noDefaultFeatures, row, 4);
    grid->addWidget(label(tr("Python:")), row, 5);
    auto *py = new QHBoxLayout;
    py->addWidget(m_interpreters, 1);
    py->addWidget(m_findInterpreter);
    grid->addLayout(py, row, 6);
    ++row;
    grid->addWidget(label(tr("Compatibility:")), row, 0);
    grid->addWidget(m_compatibility, row, 1);
    grid->addWidget(m_auditwheel, row, 2);
    grid->addWidget(m_strip, row, 3);
    grid->addWidget(m_zig, row, 4);
    grid->addWidget(m_target, row, 5, 1, 2);
    ++row;
    grid->addWidget(label(tr("Cargo:")), row, 0);
    grid->addWidget(m_manifest, row, 1);
    auto *cargoFlags = new QHBoxLayout;
    for (QCheckBox *c : {m_locked, m_frozen, m_offline, m_sdist})
        cargoFlags->addWidget(c);
    grid->addLayout(cargoFlags, row, 2, 1, 2);
    grid->addWidget(m_extra, row, 4, 1, 3);
    grid->setColumnStretch(6, 1);

    m_profileName->setEnabled(false);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_profileName->setEnabled(m_profile->currentData().toInt() == int(wb::BuildRequest::Profile::Named));
        updateCommandLine();
    });
    for (QLineEdit *e : {m_profileName, m_outDir, m_features, m_interpreters, m_target, m_manifest, m_extra})
        connect(e, &QLineEdit::textChanged, this, &BuildView::updateCommandLine);
    for (QCheckBox *c : {m_allFeatures, m_noDefaultFeatures, m_findInterpreter, m_zig, m_sdist, m_locked, m_frozen, m_offline})
        connect(c, &QCheckBox::toggled, this, &BuildView::updateCommandLine);
    for (QComboBox *c : {m_compatibility, m_auditwheel, m_strip})
        connect(c, &QComboBox::currentTextChanged, this, &BuildView::updateCommandLine);
    return box;
}

wb::BuildRequest BuildView::request() const
{
    wb::BuildRequest r;
    r.projectDir = m_projectDir;
    r.profile = wb::BuildRequest::Profile(m_profile->currentData().toInt());
    r.profileName = m_profileName->text().trimmed();
    r.outDir = m_outDir->text().trimmed();
    r.features = splitList(m_features->text());
    r.allFeatures = m_allFeatures->isChecked();
    r.noDefaultFeatures = m_noDefaultFeatures->isChecked();
    r.interpreters = splitList(m_interpreters->text());
    r.findInterpreter = m_findInterpreter->isChecked();
    r.compatibility = m_compatibility->currentText().trimmed();
    if (m_auditwheel->currentIndex() > 0)
        r.auditwheel = m_auditwheel->currentText();
    if (m_strip->currentIndex() > 0)
        r.strip = m_strip->currentIndex() == 1;
    r.zig = m_zig->isChecked();
    r.sdist = m_sdist->isChecked();
    r.target = m_target->text().trimmed();
    r.manifestPath = m_manifest->text().trimmed();
    r.locked = m_locked->isChecked();
    r.frozen = m_frozen->isChecked();
    r.offline = m_offline->isChecked();
    r.extraArguments = QProcess::splitCommand(m_extra->text());
    return r;
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
    m_projectLabel->setText(tr("Project: <b>%1</b>").arg(QDir::toNativeSeparators(dir).toHtmlEscaped()));
    m_toolsKnown = false;
    updateCommandLine();
    updateButtons();
    loadHistory();
    discoverTools();
}

void BuildView::discoverTools()
{
    if (m_toolWatcher) {
        m_toolWatcher->disconnect(this);
        m_toolWatcher->deleteLater(); // it finishes on its own; nothing waits for it
    }
    m_toolWatcher = new QFutureWatcher<wb::ToolReport>(this);
    connect(m_toolWatcher, &QFutureWatcher<wb::ToolReport>::finished, this, [this, watcher = m_toolWatcher] {
        m_tools = watcher->result();
        m_toolsKnown = true;
        QString text = m_tools.summary().toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
        if (!m_tools.ready())
            text.prepend(tr("<b>Cannot build yet:</b><br>%1<br><br>").arg(m_tools.problems().join(QStringLiteral("<br>")).toHtmlEscaped()));
        m_toolsLabel->setText(text);
        updateCommandLine();
        updateButtons();
        Q_EMIT toolsReady();
        const Action pending = std::exchange(m_whenToolsReady, Action::None);
        switch (pending) {
        case Action::Build: build(); break;
        case Action::Develop: develop(); break;
        case Action::Test: test(); break;
        case Action::Sdist: sdist(); break;
        case Action::None: break;
        }
    });
    m_toolWatcher->setFuture(QtConcurrent::run([dir = m_projectDir] { return wb::ToolDiscovery::discover(dir); }));
}

void BuildView::updateCommandLine()
{
    const wb::BuildRequest r = request();
    QStringList maturin{QStringLiteral("maturin")};
    if (m_toolsKnown && m_tools.maturin.found() && m_tools.maturin.origin != u"PATH")
        maturin = m_tools.maturin.command();
    m_commandLine->setText(r.commandLine(maturin));
    QStringList notes = r.problems();
    if (!m_projectDir.isEmpty())
        notes += r.overrideWarnings(wb::PyprojectBuildSettings::read(m_projectDir));
    notes.removeAll(tr("No project folder."));
    m_warnings->setText(notes.join(u'\n'));
    m_warnings->setVisible(!notes.isEmpty());
}

void BuildView::updateButtons()
{
    const bool running = isRunning();
    const bool idle = !m_projectDir.isEmpty() && !running && !m_checkingPytest;
    for (QPushButton *b : {m_buildButton, m_developButton, m_testButton, m_sdistButton})
        b->setEnabled(idle);
    m_cancelButton->setEnabled(running);
}

void BuildView::updateCounts()
{
    const int errors = m_issues->count(wb::DiagnosticSeverity::Error);
    const int warnings = m_issues->count(wb::DiagnosticSeverity::Warning);
    m_issueCounts->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings));
}

void BuildView::updateProgress()
{
    const wb::BuildProgress p = m_runner->progress();
    if (p.total > 0) {
        m_progress->setRange(0, p.total);
        m_progress->setValue(p.done);
        m_progress->setTextVisible(true);
    } else if (isRunning()) {
        m_progress->setRange(0, 0); // busy until cargo reports units
    }
    if (!isRunning())
        return;
    QString text = tr("Running… %1").arg(duration(m_runner->elapsedMs()));
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
    if (!m_toolsKnown) {
        m_whenToolsReady = action;
        m_status->setText(tr("Looking for maturin and cargo…"));
        return false;
    }
    if (!m_tools.ready()) {
        m_status->setText(tr("Cannot build: %1").arg(m_tools.problems().join(u' ')));
        return false;
    }
    return true;
}

QString BuildView::venvDir() const
{
    return m_projectDir + QStringLiteral("/.venv");
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
    startQueue({{Step::Build, wb::BuildRunner::commandFor(r, m_tools)}});
}

void BuildView::sdist()
{
    if (!canStart(Action::Sdist))
        return;
    wb::BuildRequest r = request();
    r.command = wb::BuildRequest::Command::Sdist;
    startQueue({{Step::Sdist, wb::BuildRunner::commandFor(r, m_tools)}});
}

bool BuildView::ensureVenv(QList<QueuedRun> &runs)
{
    const QString venv = m_projectDir + QStringLiteral("/.venv");
    if (QFileInfo::exists(wb::ToolDiscovery::venvPython(venv)))
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Create a virtual environment?"),
        tr("maturin develop installs into a virtual environment, and %1 has none.\nCreate .venv there now?").arg(m_projectDir));
    if (answer != QMessageBox::Yes) {
        m_status->setText(tr("Not started: maturin develop needs a virtual environment, and none was created."));
        return false;
    }
    const QString python = m_tools.pythons.isEmpty() ? QStringLiteral("python3") : m_tools.pythons.first().path;
    wb::RunCommand create;
    create.program = python;
    create.arguments = {QStringLiteral("-m"), QStringLiteral("venv"), venv};
    create.workingDirectory = m_projectDir;
    create.projectDir = m_projectDir;
    create.displayLine = wb::shell::join(QStringList{python} + create.arguments);
    runs.append({Step::CreateVenv, create});
    return true;
}

BuildView::QueuedRun BuildView::developRun() const
{
    wb::BuildRequest r = request();
    r.command = wb::BuildRequest::Command::Develop;
    r.outDir.clear();
    r.zig = false;
    r.sdist = false;
    r.compatibility.clear();
    return {Step::Develop, wb::BuildRunner::commandFor(r, m_tools)};
}

BuildView::QueuedRun BuildView::pytestRun() const
{
    const QString venv = venvDir();
    wb::RunCommand pytest;
    pytest.program = wb::ToolDiscovery::venvPython(venv);
    pytest.arguments = {QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("--color=yes")};
    pytest.workingDirectory = m_projectDir;
    pytest.projectDir = m_projectDir;
    pytest.environment = wb::BuildRunner::buildEnvironment(QProcessEnvironment::systemEnvironment());
    pytest.environment.insert(QStringLiteral("VIRTUAL_ENV"), venv);
    pytest.displayLine = wb::shell::join(QStringList{QStringLiteral(".venv/bin/python")} + pytest.arguments);
    return {Step::Pytest, pytest};
}

BuildView::QueuedRun BuildView::installPytestRun() const
{
    const QString venv = venvDir();
    wb::RunCommand install;
    install.program = wb::ToolDiscovery::venvPython(venv);
    install.arguments = {QStringLiteral("-m"), QStringLiteral("pip"), QStringLiteral("install"), QStringLiteral("pytest")};
    install.workingDirectory = m_projectDir;
    install.projectDir = m_projectDir;
    install.environment = wb::BuildRunner::buildEnvironment(QProcessEnvironment::systemEnvironment());
    install.environment.insert(QStringLiteral("VIRTUAL_ENV"), venv);
    install.displayLine = wb::shell::join(QStringList{QStringLiteral(".venv/bin/python")} + install.arguments);
    return {Step::InstallPytest, install};
}

void BuildView::develop()
{
    if (!canStart(Action::Develop))
        return;
    QList<QueuedRun> runs;
    if (!ensureVenv(runs))
        return;
    runs.append(developRun());
    startQueue(runs);
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
    const QString python = wb::ToolDiscovery::venvPython(venvDir());
    const bool venvExisted = QFileInfo::exists(python);
    QList<QueuedRun> runs;
    if (!ensureVenv(runs))
        return;
    if (!venvExisted) {
        startTests(false, runs); // a new venv has no pytest
        return;
    }
    // Whether the venv can import pytest (its own or, with system site packages, the system's): ask it,
    // off the UI thread.
    m_checkingPytest = true;
    updateButtons();
    m_status->setText(tr("Looking for pytest in .venv…"));
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, runs, project = m_projectDir] {
        watcher->deleteLater();
        m_checkingPytest = false;
        updateButtons();
        if (project != m_projectDir) // another project was opened meanwhile
            return;
        startTests(watcher->result(), runs);
    });
    watcher->setFuture(QtConcurrent::run([python] {
        const QString out = wb::ToolDiscovery::run(python, {QStringLiteral("-c"), QStringLiteral("import pytest; print('pytest-found', pytest.__version__)")}, 30000);
        return out.contains(QLatin1String("pytest-found "));
    }));
}

void BuildView::startTests(bool pytestInstalled, QList<QueuedRun> runs)
{
    if (!pytestInstalled) {
        const auto answer = QMessageBox::question(
            this, tr("Install pytest?"),
            tr("pytest is not installed in %1.\nInstall it there now (python -m pip install pytest)?").arg(QDir::toNativeSeparators(venvDir())));
        if (answer != QMessageBox::Yes) {
            m_status->setText(tr("Tests not run: pytest is not installed in .venv."));
            return;
        }
        runs.append(installPytestRun());
    }
    runs.append(developRun());
    runs.append(pytestRun());
    startQueue(runs);
}

void BuildView::startQueue(QList<QueuedRun> runs)
{
    m_queue = std::move(runs);
    m_runProjectDir = m_projectDir;
    m_console->clearOutput();
    m_issues->clear();
    updateCounts();
    startNext();
}

void BuildView::startNext()
{
    if (m_queue.isEmpty())
        return;
    const QueuedRun run = m_queue.takeFirst();
    m_currentStep = run.step;
    m_console->appendMessage(QStringLiteral("$ ") + run.command.displayLine);
    QString error;
    if (!m_runner->start(run.command, &error)) {
        m_queue.clear();
        m_console->appendMessage(error);
        m_status->setText(error);
        return;
    }
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_clockTimer->start();
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
    m_lastLog = result.log;
    const QString took = duration(result.elapsedMs);
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
    const wb::BuildProgress p = m_runner->progress();
    m_progress->setRange(0, qMax(1, p.total));
    m_progress->setValue(result.succeeded() ? qMax(1, p.total) : p.done);
    m_progress->setTextVisible(p.total > 0);
    m_status->setText(text);
    m_console->appendMessage(text);
    m_console->flushPending();

    if (m_currentStep == Step::Build || m_currentStep == Step::Develop || m_currentStep == Step::Sdist) {
        wb::BuildRecord record;
        record.when = QDateTime::currentDateTimeUtc().addMSecs(-result.elapsedMs);
        record.durationMs = result.elapsedMs;
        record.outcome = wb::BuildResult::outcomeName(result.outcome);
        record.command = result.commandLine;
        record.errors = result.errors;
        record.warnings = result.warnings;
        for (const QString &artifact : result.artifacts)
            record.artifacts.append({artifact, QFileInfo::exists(artifact) ? QFileInfo(artifact).size() : -1});
        wb::BuildHistory().add(m_runProjectDir, record); // the project it ran for, even if another is open now
        loadHistory();
    }
    if (m_currentStep == Step::Build || m_currentStep == Step::Sdist) {
        m_lastArtifacts = result.artifacts;
        if (m_workspace)
            m_workspace->reportBuild(result.succeeded(), QString::fromUtf8(result.log), result.artifacts);
    }
    updateButtons();
    Q_EMIT runFinished(result);
    if (result.succeeded() && !m_queue.isEmpty())
        QTimer::singleShot(0, this, &BuildView::startNext);
    else
        m_queue.clear();
}

void BuildView::loadHistory()
{
    m_history->clear();
    if (m_projectDir.isEmpty())
        return;
    const QLocale locale;
    for (const wb::BuildRecord &r : wb::BuildHistory().records(m_projectDir)) {
        QStringList artifacts;
        for (const wb::BuildArtifact &a : r.artifacts)
            artifacts << QStringLiteral("%1 (%2)").arg(QFileInfo(a.path).fileName(), a.size >= 0 ? locale.formattedDataSize(a.size) : tr("gone"));
        auto *item = new QTreeWidgetItem(m_history, {locale.toString(r.when.toLocalTime(), QLocale::ShortFormat), duration(r.durationMs),
                                                     r.outcome, artifacts.join(QStringLiteral(", ")), r.command});
        item->setToolTip(3, artifacts.join(u'\n'));
    }
    for (int column = 0; column < 4; ++column) // when, took, result, artifacts with their sizes
        m_history->resizeColumnToContents(column);
}

void BuildView::openIssue(const QModelIndex &index)
{
    const QString file = index.data(IssuesModel::FileRole).toString();
    if (file.isEmpty())
        return;
    QString error;
    if (!EditorLauncher::open(file, index.data(IssuesModel::LineRole).toInt(), index.data(IssuesModel::ColumnRole).toInt(), &error)
        && !error.isEmpty())
        m_status->setText(error);
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
