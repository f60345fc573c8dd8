#include "ui/troubleshoot/TroubleshootingView.h"

#include "core/common/Counted.h"
#include "core/diagnose/FixApplier.h"
#include "ui/common/Workspace.h"
#include "ui/troubleshoot/DiagnosisFindingsTree.h"
#include "ui/troubleshoot/FindingDetailHtml.h"
#include "ui/troubleshoot/FixPreviewDialog.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

TroubleshootingView::TroubleshootingView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    buildLayout();
    connectInputs();
    showSelected();
    refreshWhenShown();
}

void TroubleshootingView::buildLayout()
{
    auto *layout = new QVBoxLayout(this);

    m_inputs = new DiagnosisInputsBar(this);
    m_inputs->setObjectName(QStringLiteral("inputs"));
    layout->addWidget(m_inputs);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("contextNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addWidget(m_note);

    auto *pasteLabel = new QLabel(tr("Paste an error message (ImportError traceback, pip or maturin output):"), this);
    layout->addWidget(pasteLabel);
    m_errorInput = new QPlainTextEdit(this);
    m_errorInput->setObjectName(QStringLiteral("errorInput"));
    m_errorInput->setPlaceholderText(tr("e.g. ImportError: dynamic module does not define module export function (PyInit__native)"));
    m_errorInput->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    pasteLabel->setBuddy(m_errorInput);
    layout->addWidget(m_errorInput);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    // A diagnosis that takes a while (a long build log) shows a busy bar after 200 ms.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(200);
    m_busy->hide();
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(200);
    connect(m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_busy);
    statusRow->addStretch(1);
    layout->addLayout(statusRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_tree = new DiagnosisFindingsTree(splitter);
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QTextBrowser(right);
    m_detail->setObjectName(QStringLiteral("findingDetail"));
    // Web links open in the browser; evidence links show their place in the project.
    m_detail->setOpenLinks(false);
    connect(m_detail, &QTextBrowser::anchorClicked, this, &TroubleshootingView::openLink);
    rightLayout->addWidget(m_detail);
    auto *buttons = new QHBoxLayout;
    m_applyButton = new QPushButton(tr("&Apply fix…"), right);
    m_applyButton->setObjectName(QStringLiteral("applyFix"));
    m_undoButton = new QPushButton(tr("&Undo fix"), right);
    m_undoButton->setObjectName(QStringLiteral("undoFix"));
    m_copyButton = new QPushButton(tr("&Copy command"), right);
    buttons->addWidget(m_applyButton);
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_copyButton);
    buttons->addStretch();
    m_rerunButton = new QPushButton(tr("&Diagnose again"), right);
    buttons->addWidget(m_rerunButton);
    rightLayout->addLayout(buttons);
    // Half each: with two fifths the titles were cut to a few letters beside the confidence and id.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
}

// Timers and watchers that diagnose again: pasted text, files changing on disk, the buttons, and what
// the other views open and build.
void TroubleshootingView::connectInputs()
{

    m_pasteTimer = new QTimer(this);
    m_pasteTimer->setSingleShot(true);
    m_pasteTimer->setInterval(300);
    connect(m_pasteTimer, &QTimer::timeout, this, &TroubleshootingView::refresh);
    connect(m_errorInput, &QPlainTextEdit::textChanged, m_pasteTimer, qOverload<>(&QTimer::start));
    // Settings files, the wheel and the log file: a change on disk diagnoses again (debounced; an editor's
    // atomic replace drops the watch, which the next run adds back).
    m_fileWatcher = new QFileSystemWatcher(this);
    m_changeTimer = new QTimer(this);
    m_changeTimer->setSingleShot(true);
    m_changeTimer->setInterval(300);
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, m_changeTimer, qOverload<>(&QTimer::start));
    connect(m_changeTimer, &QTimer::timeout, this, &TroubleshootingView::refreshWhenShown);
    connect(m_inputs, &DiagnosisInputsBar::removeRequested, this, &TroubleshootingView::removeInput);
    connect(m_inputs, &DiagnosisInputsBar::addLogRequested, this, &TroubleshootingView::chooseLogFile);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &TroubleshootingView::showSelected);
    connect(m_applyButton, &QPushButton::clicked, this, &TroubleshootingView::applySelectedFix);
    connect(m_undoButton, &QPushButton::clicked, this, &TroubleshootingView::undoLastFix);
    connect(m_copyButton, &QPushButton::clicked, this, &TroubleshootingView::copyCommand);
    connect(m_rerunButton, &QPushButton::clicked, this, &TroubleshootingView::refresh);
    if (m_workspace) {
        connect(m_workspace, &Workspace::projectOpened, this, [this] {
            m_projectExcluded = false;
            m_undo.clear();  // the fixes of another project
            refreshWhenShown();
        });
        connect(m_workspace, &Workspace::wheelOpened, this, [this] {
            m_wheelExcluded = false;
            refreshWhenShown();
        });
        connect(m_workspace, &Workspace::wheelClosed, this, &TroubleshootingView::refreshWhenShown);
        connect(m_workspace, &Workspace::buildFinished, this, [this] {
            m_buildLogExcluded = false;
            m_logFile.clear();  // the new build's log replaces a log file
            refreshWhenShown();
        });
    }
}

// Opening a wheel or a project in another view must not make this one read it as well at the same
// moment (the Wheels view's summary would wait for it): hidden, the view only notes that its findings
// are stale and diagnoses when it is shown.
void TroubleshootingView::refreshWhenShown()
{
    if (isVisible()) {
        refresh();
        return;
    }
    m_stale = true;
}

void TroubleshootingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

diagnose::EvidenceRequest TroubleshootingView::currentRequest() const
{
    diagnose::EvidenceRequest request;
    if (m_workspace) {
        if (!m_projectExcluded)
            request.projectDir = m_workspace->projectDir();
        if (!m_wheelExcluded)
            request.wheelPath = m_workspace->currentWheel();
        if (m_logFile.isEmpty() && !m_buildLogExcluded)
            request.logText = m_workspace->lastBuildLog();
    }
    request.logPath = m_logFile;
    request.errorText = m_errorInput->toPlainText();
    return request;
}

void TroubleshootingView::updateInputs(const diagnose::EvidenceRequest &request)
{
    m_inputs->setInputs(DiagnosisInputsBar::describe(request));
}

void TroubleshootingView::removeInput(DiagnosisInputsBar::Kind kind)
{
    switch (kind) {
    case DiagnosisInputsBar::Kind::Project: m_projectExcluded = true; break;
    case DiagnosisInputsBar::Kind::Wheel: m_wheelExcluded = true; break;
    case DiagnosisInputsBar::Kind::Log:
        m_logFile.clear();
        m_buildLogExcluded = true;
        break;
    case DiagnosisInputsBar::Kind::Pasted:
        m_errorInput->clear();  // textChanged starts the paste timer; refresh now
        m_pasteTimer->stop();
        break;
    }
    refresh();
}

void TroubleshootingView::setLogFile(const QString &path)
{
    m_logFile = path;
    m_buildLogExcluded = false;
    refresh();
}

void TroubleshootingView::chooseLogFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add Build Log"), m_workspace ? m_workspace->projectDir() : QString(),
                                                      tr("Logs (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        setLogFile(path);
}

QStringList TroubleshootingView::watchedFiles() const
{
    return m_fileWatcher->files();
}

void TroubleshootingView::watch(const diagnose::Evidence &evidence)
{
    QStringList wanted;
    for (const QString &path : {evidence.project.pyprojectPath, evidence.project.cargoPath, evidence.wheel.path, m_logFile}) {
        if (!path.isEmpty() && QFileInfo::exists(path))
            wanted << QFileInfo(path).absoluteFilePath();
    }
    const QStringList current = m_fileWatcher->files();
    for (const QString &path : current) {
        if (!wanted.contains(path))
            m_fileWatcher->removePath(path);
    }
    for (const QString &path : std::as_const(wanted)) {
        if (!current.contains(path))  // also adds back a file an atomic replace took out of the watch
            m_fileWatcher->addPath(path);
    }
}

void TroubleshootingView::refresh()
{
    m_stale = false;
    const diagnose::EvidenceRequest request = currentRequest();
    updateInputs(request);
    const int generation = ++m_generation;
    m_status->setText(tr("Looking…"));
    if (!m_busy->isVisible())
        m_busyDelay->start();
    auto *watcher = new QFutureWatcher<diagnose::Diagnosis>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;   // a newer diagnosis is on its way
        m_busyDelay->stop();
        m_busy->hide();
        showDiagnosis(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([request] { return diagnose::DiagnosisRunner::run(request); }));
}

void TroubleshootingView::showDiagnosis(const diagnose::Diagnosis &diagnosis)
{
    watch(diagnosis.evidence);
    m_notes = diagnosis.notes;
    m_note->setText(m_notes.join(QLatin1Char('\n')));
    m_note->setVisible(!m_notes.isEmpty());
    showFindings(diagnosis.findings);
}

void TroubleshootingView::showFindings(const QList<diagnose::Finding> &findings)
{
    m_tree->setFindings(findings);
    if (findings.isEmpty()) {
        m_status->setText(!m_inputs->inputs().isEmpty()
                              ? tr("No problems found in the inputs above.")
                              : tr("Open a project or a wheel, build, add a log or paste an error message."));
    } else {
        m_status->setText(tr("%1 found.").arg(wb::counted(findings.size(), "problem", "problems")));
    }
    showSelected();
    Q_EMIT findingsChanged();
}

const diagnose::Finding *TroubleshootingView::selected() const
{
    return m_tree->selected();
}

QList<diagnose::Finding> TroubleshootingView::findings() const
{
    return m_tree->findings();
}

void TroubleshootingView::showSelected()
{
    const diagnose::Finding *f = selected();
    m_detail->setHtml(f ? findingDetailHtml(*f) : QString());
    m_detail->setPlaceholderText(m_tree->findings().isEmpty()
                                     ? tr("A finding's cause, the evidence for it and its fix show here.")
                                     : tr("Select a finding to see its cause, the evidence for it and its fix."));
    // Edits that would change nothing were dropped by the runner; a finding of a wheel diagnosed on its
    // own has none for the project.
    const bool canApply = f && !f->fix.edits.isEmpty() && m_workspace && !m_workspace->projectDir().isEmpty() && !m_projectExcluded;
    m_applyButton->setEnabled(canApply);
    m_copyButton->setEnabled(f && !f->fix.commands.isEmpty());
    m_undoButton->setEnabled(!m_undo.isEmpty());
}

void TroubleshootingView::applySelectedFix()
{
    const diagnose::Finding *f = selected();
    if (!f || f->fix.edits.isEmpty() || !m_workspace)
        return;
    // All edits of one file (the catalogue's fixes touch one file).
    QList<diagnose::ConfigEdit> edits;
    for (const diagnose::ConfigEdit &e : f->fix.edits) {
        if (e.file == f->fix.edits.first().file)
            edits << e;
    }
    const QString dir = m_workspace->projectDir();
    const QString title = f->fix.summary;
    if (m_workspace->settingsModified()) {
        // The Project view holds unsaved edits of these files: the fix goes into its documents, where
        // it can be reviewed, undone and saved with the rest, instead of being written behind its back.
        const auto answer = QMessageBox::question(
            this, tr("Apply fix"),
            tr("%1\n\nThe Project view has unsaved changes to the settings files. The fix will be applied there as an "
               "unsaved edit: review it, then save it in the Project view.")
                .arg(title),
            QMessageBox::Ok | QMessageBox::Cancel);
        if (answer != QMessageBox::Ok)
            return;
        QList<SettingsEdit> settingsEdits;
        for (const diagnose::ConfigEdit &e : std::as_const(edits))
            settingsEdits << diagnose::FixApplier::toSettingsEdit(e);
        Q_EMIT m_workspace->settingsEditRequested(title, settingsEdits);
        return;
    }
    auto *watcher = new QFutureWatcher<diagnose::PreparedFix>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, title] {
        watcher->deleteLater();
        const diagnose::PreparedFix fix = watcher->result();
        if (!fix.ok) {
            QMessageBox::warning(this, tr("Apply fix"), fix.error);
            return;
        }
        if (fix.after == fix.before) {  // the file changed since the diagnosis and already holds the fix
            QMessageBox::information(this, tr("Apply fix"), tr("The settings already hold this value: nothing to change."));
            refresh();
            return;
        }
        FixPreviewDialog dialog(title, fix.diff, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QString error;
        if (!diagnose::FixApplier::write(fix, &error)) {
            QMessageBox::warning(this, tr("Apply fix"), error);
            return;
        }
        m_undo.append(fix);
        m_undoButton->setEnabled(true);
        refresh();
    });
    watcher->setFuture(QtConcurrent::run([dir, edits] { return diagnose::FixApplier::prepare(dir, edits); }));
}

void TroubleshootingView::undoLastFix()
{
    if (m_undo.isEmpty())
        return;
    const diagnose::PreparedFix undo = m_undo.takeLast();
    QString error;
    if (!diagnose::FixApplier::undo(undo, &error))
        QMessageBox::warning(this, tr("Undo fix"), error);
    m_undoButton->setEnabled(!m_undo.isEmpty());
    refresh();
}

void TroubleshootingView::openLink(const QUrl &url)
{
    if (url.scheme() != evidenceLink({}, 0).scheme()) {
        QDesktopServices::openUrl(url);
        return;
    }
    if (!m_workspace || m_workspace->projectDir().isEmpty())
        return;
    const QString file = QDir(m_workspace->projectDir()).absoluteFilePath(url.path());
    Q_EMIT m_workspace->locationRequested(QDir::cleanPath(file), url.fragment().toInt());
}

void TroubleshootingView::copyCommand()
{
    const diagnose::Finding *f = selected();
    if (f && !f->fix.commands.isEmpty())
        QGuiApplication::clipboard()->setText(f->fix.commands.first());
}

} // namespace wb::ui
