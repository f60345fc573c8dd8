#include "ui/project/ProjectView.h"

#include "core/project/EffectiveSettings.h"
#include "core/project/Project.h"
#include "core/project/ProjectValidator.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"
#include "core/toml/UnifiedDiff.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/DiffDialog.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/SaveQuestion.h"
#include "ui/common/WheelGuard.h"
#include "ui/common/Workspace.h"
#include "ui/project/DiskChangeController.h"
#include "ui/project/MemberPicker.h"
#include "ui/project/NewProjectDialog.h"
#include "ui/project/ProjectEmptyState.h"
#include "ui/project/RawFileTab.h"
#include "ui/project/RecoveryController.h"
#include "ui/project/SettingsActions.h"
#include "ui/project/SettingsEditCommand.h"
#include "ui/project/SettingsForm.h"
#include "ui/project/SettingsProblemsPanel.h"
#include "ui/project/SettingsSummaryText.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {
constexpr int Py = int(ProjectFileKind::Pyproject);
constexpr int Cargo = int(ProjectFileKind::Cargo);

} // namespace

ProjectView::ProjectView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    WheelGuard::install(); // combo boxes without focus ignore the wheel
    createActions();
    buildUi();
    refresh();
    if (m_workspace) {
        connect(m_workspace, &Workspace::projectOpened, this, &ProjectView::openProject);
        // Fixes from other views (Troubleshooting) while this view has unsaved edits: applied here.
        connect(m_workspace, &Workspace::settingsEditRequested, this, [this](const QString &summary, const QList<SettingsEdit> &edits) {
            QString err;
            if (!applyEdits(tr("Fix: %1").arg(summary), edits, &err)) // one undo step, all or nothing
                QMessageBox::warning(this, tr("Apply fix"), tr("%1\n\nNot applied: %2").arg(summary, err));
        });
    }
}

ProjectView::~ProjectView()
{
    // QWidget's destructor runs after our members are gone and still delivers events to the children:
    // closing the window takes the focus from a field the user typed into, whose focus-out emits
    // editingFinished, whose slot would edit destroyed members. Cut every child-to-view connection now.
    m_form->detach();
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, this, nullptr);
}

void ProjectView::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_empty = new ProjectEmptyState(m_stack);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    connect(m_empty, &ProjectEmptyState::newProjectRequested, this, [this](const QString &dir) {
        NewProjectDialog dialog(dir, this);
        if (dialog.exec() == QDialog::Accepted && m_workspace)
            m_workspace->openProject(dialog.plan().dir);
    });
    connect(m_empty, &ProjectEmptyState::openProjectRequested, this, [this] {
        if (m_workspace)
            Q_EMIT m_workspace->openProjectRequested();
    });
    m_stack->addWidget(m_empty);
    m_stack->addWidget(buildEditor());
    m_stack->setCurrentWidget(m_empty);
}

void ProjectView::createActions()
{
    m_undoStack = new QUndoStack(this);
    m_actions = new SettingsActions(this);
    connect(m_actions->save(), &QAction::triggered, this, [this] { save(m_confirmSaves); });
    connect(m_actions->revert(), &QAction::triggered, this, &ProjectView::revert);
    connect(m_actions->undo(), &QAction::triggered, this, &ProjectView::undo);
    connect(m_actions->redo(), &QAction::triggered, this, &ProjectView::redo);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &ProjectView::updateActions);
}

QAction *ProjectView::saveAction() const
{
    return m_actions->save();
}

QAction *ProjectView::revertAction() const
{
    return m_actions->revert();
}

QAction *ProjectView::undoAction() const
{
    return m_actions->undo();
}

QAction *ProjectView::redoAction() const
{
    return m_actions->redo();
}

void ProjectView::updateActions()
{
    m_actions->update(isModified(), m_shown, *m_undoStack);
}

void ProjectView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true;
    updateActions();
}

void ProjectView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_shown = false;
    updateActions();
}

QLayout *ProjectView::buildCommandRow(QWidget *page)
{
    auto *top = new QHBoxLayout;
    m_title = new QLabel(page);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_title, 1);
    // The same actions as the window's File and Edit menus; the buttons show the actions' short
    // icon texts, the menus and tooltips name the step ("Undo Set tool.maturin.strip = true").
    for (QAction *action : {m_actions->undo(), m_actions->redo(), m_actions->revert(), m_actions->save()})
        top->addWidget(actionButton(action, QStringLiteral("button/") + action->objectName().section(u'/', 1), page));
    return top;
}

void ProjectView::buildBanners(QWidget *page, QLayout *layout)
{
    // Unsaved edits kept from a session that ended without saving them.
    auto *recoveryBanner = new MessageBanner(page);
    recoveryBanner->setObjectName(QStringLiteral("recoveryBanner"));
    m_recovery = new RecoveryController(this, recoveryBanner);
    layout->addWidget(recoveryBanner);

    // A settings file that does not parse.
    m_parseBanner = new MessageBanner(page);
    m_parseBanner->setObjectName(QStringLiteral("parseBanner"));
    connect(m_parseBanner->addAction(QStringLiteral("goToError"), tr("Go to Error")), &QPushButton::clicked, this, &ProjectView::goToParseError);
    layout->addWidget(m_parseBanner);

    // "Changed on disk" banner, and the watching of the files behind it.
    auto *diskBanner = new MessageBanner(page);
    diskBanner->setObjectName(QStringLiteral("diskBanner"));
    m_disk = new DiskChangeController(this, diskBanner);
    layout->addWidget(diskBanner);
}

QWidget *ProjectView::buildEditor()
{
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buildCommandRow(page));
    // A Cargo workspace root: which member is edited.
    m_memberPicker = new MemberPicker(page);
    layout->addWidget(m_memberPicker);
    connect(m_memberPicker, &MemberPicker::memberChosen, this, [this](const QString &name) {
        takeOverRawTyping();
        if (isModified() && !save(true))
            return; // kept: the edits are not saved
        m_member = name;
        openProject(m_workspace ? m_workspace->projectDir() : m_memberPicker->property("root").toString());
    });
    buildBanners(page, layout);

    auto *split = new QSplitter(Qt::Vertical, page);
    m_tabs = new QTabWidget(split);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    m_form = new SettingsForm([this](const SettingsEdit &e, QString *err) { return applyEdit(e, err); }, scroll);
    scroll->setWidget(m_form);
    m_tabs->addTab(scroll, tr("Settings"));
    const char *names[] = {"pyproject.toml", "Cargo.toml"};
    for (int i = 0; i < 2; ++i) {
        m_raw[i] = new RawFileTab(ProjectFileKind(i), QLatin1String(names[i]), m_tabs);
        m_tabs->addTab(m_raw[i], QString::fromLatin1(names[i]));
        connect(m_raw[i], &RawFileTab::typingPaused, this, &ProjectView::takeOverRawTyping);
    }
    split->addWidget(m_tabs);
    split->addWidget(buildProblems(split));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    return page;
}

QWidget *ProjectView::buildProblems(QWidget *parent)
{
    m_problems = new SettingsProblemsPanel(parent);
    connect(m_problems, &SettingsProblemsPanel::locationActivated, this, [this](const SettingsDiagnostic &d) {
        m_tabs->setCurrentIndex(1 + int(d.fileKind));
        m_raw[int(d.fileKind)]->goToLine(d.line, d.column);
        m_raw[int(d.fileKind)]->setFocus();
    });
    connect(m_problems, &SettingsProblemsPanel::fixRequested, this, [this](const SettingsDiagnostic &d) {
        QString err;
        if (!applyEdits(tr("Fix: %1").arg(d.fixLabel), d.fix, &err)) // all its edits, one undo step
            QMessageBox::warning(this, tr("Fix not applied"), err);
    });
    return m_problems;
}

bool ProjectView::showLocation(const QString &file, int line)
{
    const QString wanted = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    for (int kind : {Py, Cargo}) {
        const QString path = m_files[kind].path;
        if (path.isEmpty() || QDir::cleanPath(QFileInfo(path).absoluteFilePath()) != wanted)
            continue;
        m_tabs->setCurrentIndex(1 + kind);
        m_raw[kind]->goToLine(line, 1);
        m_raw[kind]->setFocus();
        return true;
    }
    return false;
}

void ProjectView::showEmptyState(const QString &dir, const QString &why)
{
    m_empty->showFolder(dir, why);
    m_stack->setCurrentWidget(m_empty);
}

bool ProjectView::maybeClose(const QString &situation)
{
    takeOverRawTyping();
    if (!isModified())
        return true;
    switch (askToSave(this, situation, modifiedFiles())) {
    case SaveAnswer::Save: return save(false);
    case SaveAnswer::Discard:
        for (FileState &f : m_files)
            f.bytes = f.diskBytes; // nothing left to keep
        m_recovery->forget();
        return true;
    case SaveAnswer::Cancel: return false;
    }
    return false;
}

void ProjectView::closeProject()
{
    m_dir.clear();
    m_files[Py] = {};
    m_files[Cargo] = {};
    m_undoStack->clear();
    m_diagnostics.clear();
    m_disk->projectClosed();
    m_recovery->projectOpened(); // no project: no offer
    m_form->rebuild(false);
    showEmptyState({}, {});
    refresh();
}

void ProjectView::openProject(const QString &dir)
{
    // A workspace root: the member picked before (when it is this root's), else the only or first one.
    if (m_memberPicker->property("root").toString() != dir)
        m_member.clear();
    ProjectOptions options;
    options.member = m_member;
    Project project = Project::load(dir, options);
    if (project.needsMember() || (!project.isUsable() && !m_member.isEmpty())) {
        options.member = Project::load(dir).pythonMembers.value(0).name;
        project = Project::load(dir, options);
    }
    m_memberPicker->setProperty("root", dir);
    m_memberPicker->setMembers(project.pythonMembers, project.member);
    if (m_workspace) {
        const WorkspaceMember *member = project.chosenMember();
        m_workspace->setMemberManifest(member && member->relativeDir != QLatin1String(".") ? member->relativeManifest() : QString());
    }
    m_dir = project.dir.isEmpty() ? dir : project.dir;
    m_undoStack->clear();
    m_files[Py] = {};
    m_files[Cargo] = {};
    m_disk->projectClosed();
    const QString why = project.whyNotMaturin();
    if (!why.isEmpty()) {
        m_dir.clear();
        m_recovery->projectOpened();
        m_form->rebuild(false);
        refresh();
        showEmptyState(QFileInfo(dir).absoluteFilePath(), why);
        return;
    }
    m_files[Py].path = project.pyprojectPath;
    m_files[Cargo].path = project.cargoPath;
    for (int i = 0; i < 2; ++i) {
        FileState &f = m_files[i];
        QString err;
        f.present = !f.path.isEmpty() && QFileInfo(f.path).isFile() && Project::readFile(f.path, &f.diskBytes, &err);
        f.bytes = f.diskBytes;
        // A file that is not there yet (a crate without pyproject.toml): saving creates it.
        f.diskHash = f.present ? SettingsFile::hash(f.diskBytes) : QByteArray();
    }
    m_title->setText(tr("<b>%1</b> — Cargo manifest: %2 (%3)")
                         .arg(QDir::toNativeSeparators(m_dir).toHtmlEscaped(),
                              project.cargoPath.isEmpty() ? tr("none") : QDir(m_dir).relativeFilePath(project.cargoPath).toHtmlEscaped(),
                              project.cargoHow.toHtmlEscaped()));
    m_stack->setCurrentIndex(1);
    m_disk->projectOpened();
    m_form->rebuild(true);
    m_recovery->projectOpened();
    detectMaturin();
    refresh();
}

void ProjectView::detectMaturin()
{
    // `maturin --version` of a maturin outside the project may take a moment: never on the UI thread.
    m_maturin = {};
    m_maturinDone = false;
    const int request = ++m_maturinRequest;
    auto *watcher = new QFutureWatcher<MaturinVersion>(this);
    connect(watcher, &QFutureWatcher<MaturinVersion>::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != m_maturinRequest)
            return;
        m_maturin = watcher->result();
        m_maturinDone = true;
        refresh(); // takes over text typed into a raw tab first
        Q_EMIT maturinDetected();
    });
    watcher->setFuture(QtConcurrent::run([dir = m_dir] { return MaturinVersion::detect(dir); }));
}

bool ProjectView::isModified() const
{
    return m_files[Py].bytes != m_files[Py].diskBytes || m_files[Cargo].bytes != m_files[Cargo].diskBytes;
}

QStringList ProjectView::modifiedFiles() const
{
    QStringList out;
    for (const FileState &f : m_files) {
        if (f.bytes != f.diskBytes)
            out << f.path;
    }
    return out;
}

void ProjectView::FileState::setDisk(const QByteArray &disk, const QByteArray &hash)
{
    diskBytes = disk;
    diskHash = hash.isEmpty() ? SettingsFile::hash(disk) : hash;
}

std::array<QByteArray, 2> ProjectView::allBytes() const
{
    return {m_files[Py].bytes, m_files[Cargo].bytes};
}

void ProjectView::setAllBytes(const std::array<QByteArray, 2> &bytes)
{
    m_files[Py].bytes = bytes[Py];
    m_files[Cargo].bytes = bytes[Cargo];
}

void ProjectView::recordStep(const QString &text, const std::array<QByteArray, 2> &before, int mergeId)
{
    const std::array<QByteArray, 2> after = allBytes();
    if (after == before)
        return;
    // push() calls redo(), which finds the bytes in place already.
    m_recording = true;
    m_undoStack->push(new SettingsEditCommand(
        text, before, after,
        [this](const SettingsEditCommand::Files &bytes) {
            if (m_recording)
                return;
            takeOverRawTyping();
            setAllBytes(bytes);
            refresh();
        },
        mergeId));
    m_recording = false;
}

void ProjectView::takeOverRawTyping()
{
    // Each tab typed into, with its own undo step; the file's text is shown again only after both
    // (a tab still pending keeps its text meanwhile).
    bool typed = false;
    for (RawFileTab *tab : m_raw) {
        if (!tab->hasPendingTyping())
            continue;
        typed = true;
        FileState &f = m_files[int(tab->kind())];
        const std::array<QByteArray, 2> before = allBytes();
        f.bytes = tab->takeTyping(f.bytes);
        recordStep(tr("Typing in %1").arg(QFileInfo(f.path).fileName()), before, SettingsEditCommand::typingId(int(tab->kind())));
    }
    if (!typed)
        return;
    m_updating = true; // the refresh whoever took the typing over asked for
    refresh();
    m_updating = false;
}

bool ProjectView::applyEdit(const SettingsEdit &edit, QString *error)
{
    return applyEdits(SettingsEditCommand::describe(edit), {edit}, error);
}

bool ProjectView::applyEdits(const QString &text, const QList<SettingsEdit> &edits, QString *error)
{
    takeOverRawTyping();
    const std::array<QByteArray, 2> before = allBytes();
    std::array<QByteArray, 2> after = before;
    const SettingsPaths paths = m_dir.isEmpty() ? SettingsPaths{} : SettingsPaths{m_files[Py].path, m_files[Cargo].path};
    if (!applySettingsEdits(after, paths, edits, error)) {
        refresh();
        return false;
    }
    setAllBytes(after);
    recordStep(text, before);
    refresh();
    return true;
}

void ProjectView::refresh()
{
    // Whatever asks for a refresh (a form edit, the disk watcher, the maturin detection, undo)
    // first takes over text typed into a raw tab and not yet taken over: the refresh would
    // otherwise put the file's older text back into the tab and lose the typing.
    if (!m_updating && (m_raw[Py]->hasPendingTyping() || m_raw[Cargo]->hasPendingTyping())) {
        takeOverRawTyping(); // refreshes
        return;
    }
    const bool wasUpdating = m_updating;
    m_updating = true;
    // Validate what is in memory, without writing anything.
    Project project;
    QString unreadable[2];
    if (!m_dir.isEmpty()) {
        project = Project::load(m_dir);
        project.options.maturinVersion = m_maturin.version;
        project.options.maturinFrom = m_maturin.isKnown() ? m_maturin.from : QString();
        for (int i = 0; i < 2; ++i) {
            if (!m_files[i].present && m_files[i].bytes.isEmpty())
                continue;
            if (i == Py)
                project.hasPyproject = true; // a pyproject.toml created by a fix, not saved yet
            TomlDocument doc = TomlDocument::parse(m_files[i].bytes, m_files[i].path);
            if (!doc.isValid())
                unreadable[i] = tr("%1 does not parse at line %2:%3: %4")
                                    .arg(QFileInfo(m_files[i].path).fileName())
                                    .arg(doc.error().line)
                                    .arg(doc.error().column)
                                    .arg(doc.error().message);
            if (i == Py)
                project.pyproject = doc;
            else
                project.cargo = doc;
        }
        m_diagnostics = ProjectValidator::validate(project, &m_consultedPaths);
        m_disk->watch(); // a file a check looked for may appear, change or go
    } else {
        m_diagnostics.clear();
        m_consultedPaths.clear();
    }
    updateSummary(project, unreadable);
    updateParseBanner(unreadable);
    m_form->showValues(project, unreadable);
    m_form->markDiagnostics(m_diagnostics);
    for (int i = 0; i < 2; ++i) {
        m_raw[i]->showFile(m_files[i].bytes, m_files[i].present);
        m_raw[i]->markDiagnostics(m_diagnostics);
    }
    m_problems->setDiagnostics(m_diagnostics, m_dir.isEmpty() || !unreadable[Py].isEmpty() || !unreadable[Cargo].isEmpty()
                                                  ? QString()
                                                  : tr("No problems found in pyproject.toml and Cargo.toml."));
    const bool modified = isModified();
    if (m_workspace)
        m_workspace->setSettingsModified(modified);
    updateActions();
    m_tabs->setTabText(1, m_files[Py].bytes != m_files[Py].diskBytes ? QStringLiteral("pyproject.toml *") : QStringLiteral("pyproject.toml"));
    m_tabs->setTabText(2, m_files[Cargo].bytes != m_files[Cargo].diskBytes ? QStringLiteral("Cargo.toml *") : QStringLiteral("Cargo.toml"));
    m_updating = wasUpdating;
    m_recovery->edited();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
    Q_EMIT diagnosticsChanged();
}

void ProjectView::updateSummary(const Project &project, const QString unreadable[2])
{
    if (m_dir.isEmpty()) {
        m_problems->setSummary({}, {});
        return;
    }
    // Values derived from a file that does not parse would be invented: say so instead.
    QStringList broken;
    for (int i = 0; i < 2; ++i) {
        if (!unreadable[i].isEmpty())
            broken << unreadable[i];
    }
    if (!broken.isEmpty()) {
        m_problems->setSummary(tr("Summary unavailable: %1.").arg(broken.join(QStringLiteral("; ")).toHtmlEscaped()), {});
        return;
    }
    const SettingsSummaryText summary = SettingsSummaryText::of(computeEffectiveSettings(project), m_maturin, m_maturinDone);
    m_problems->setSummary(summary.html, summary.toolTip);
}

void ProjectView::updateParseBanner(const QString unreadable[2])
{
    m_parseErrorFile = !unreadable[Py].isEmpty() ? Py : !unreadable[Cargo].isEmpty() ? Cargo : -1;
    if (m_parseErrorFile < 0) {
        m_parseBanner->hide();
        return;
    }
    m_parseBanner->showMessage(MessageBanner::Kind::Error,
                               tr("%1. maturin and pip cannot read this file; the form is read-only until it parses.")
                                   .arg(unreadable[m_parseErrorFile]));
}

void ProjectView::goToParseError()
{
    if (m_parseErrorFile < 0)
        return;
    const TomlDocument doc = TomlDocument::parse(m_files[m_parseErrorFile].bytes, m_files[m_parseErrorFile].path);
    m_tabs->setCurrentIndex(1 + m_parseErrorFile);
    m_raw[m_parseErrorFile]->goToLine(doc.error().line, doc.error().column);
    m_raw[m_parseErrorFile]->setFocus();
}

bool ProjectView::save(bool askFirst)
{
    takeOverRawTyping();
    QString diff;
    for (const FileState &f : m_files) {
        if (f.present || !f.bytes.isEmpty())
            diff += unifiedDiff(f.diskBytes, f.bytes, QStringLiteral("a/") + QFileInfo(f.path).fileName(),
                                QStringLiteral("b/") + QFileInfo(f.path).fileName());
    }
    if (diff.isEmpty())
        return true;
    if (!confirmUnparsableSave())
        return false;
    if (askFirst) {
        DiffDialog dialog(tr("Save These Changes?"), tr("The changes to the settings files of %1:").arg(QDir::toNativeSeparators(m_dir)), diff,
                          QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    for (FileState &f : m_files) {
        if (f.bytes == f.diskBytes)
            continue;
        QString error;
        if (!SettingsFile::write(f.path, f.bytes, f.diskHash, &error)) {
            m_disk->saveRefused(f.path);
            QMessageBox::warning(this, tr("Not saved"), error);
            return false;
        }
        f.setDisk(f.bytes);
        f.present = true;
    }
    refresh();
    m_disk->saved();
    return true;
}

void ProjectView::revert()
{
    takeOverRawTyping();
    const std::array<QByteArray, 2> before = allBytes();
    for (FileState &f : m_files)
        f.bytes = f.diskBytes;
    recordStep(tr("Revert"), before);
    refresh();
}

void ProjectView::undo()
{
    takeOverRawTyping();
    m_undoStack->undo();
}

void ProjectView::redo()
{
    takeOverRawTyping();
    m_undoStack->redo();
}

bool ProjectView::confirmUnparsableSave()
{
    QStringList broken;
    for (const FileState &f : m_files) {
        if (f.bytes == f.diskBytes)
            continue;
        const TomlDocument doc = TomlDocument::parse(f.bytes, f.path);
        if (!doc.isValid())
            broken << tr("%1 (line %2:%3: %4)").arg(QFileInfo(f.path).fileName()).arg(doc.error().line).arg(doc.error().column).arg(doc.error().message);
    }
    if (broken.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Save a File That Does Not Parse?"),
                    tr("%1 does not parse. maturin, pip and cargo will refuse the project until it is corrected.").arg(broken.join(QStringLiteral(", "))),
                    QMessageBox::Save | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unparsableSave"));
    box.button(QMessageBox::Save)->setText(tr("Save Anyway"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

} // namespace wb::ui
