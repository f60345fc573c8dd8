#include "ui/project/ProjectView.h"

#include "core/project/EffectiveSettings.h"
#include "core/project/Project.h"
#include "core/project/ProjectValidator.h"
#include "core/project/SettingSpec.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"
#include "core/toml/TomlLiteral.h"
#include "core/toml/UnifiedDiff.h"
#include "ui/common/CodeEditor.h"
#include "ui/common/DiffDialog.h"
#include "ui/common/FillingColumn.h"
#include "ui/common/Highlighting.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/SaveQuestion.h"
#include "ui/common/WheelGuard.h"
#include "ui/common/Workspace.h"
#include "ui/project/MemberPicker.h"
#include "ui/project/NewProjectDialog.h"
#include "ui/project/ProjectEmptyState.h"
#include "ui/project/RecoveryController.h"
#include "ui/project/SettingsEditCommand.h"
#include "ui/project/SettingsForm.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
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
    , m_watcher(new QFileSystemWatcher(this))
    , m_rawTimer(new QTimer(this))
{
    WheelGuard::install(); // combo boxes without focus ignore the wheel
    createActions();
    buildUi();
    refresh();
    m_rawTimer->setSingleShot(true);
    m_rawTimer->setInterval(300);
    connect(m_rawTimer, &QTimer::timeout, this, &ProjectView::takeOverRawTyping);
    // Queued: the slot re-adds paths, which must not happen inside the watcher's own signal.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ProjectView::checkDisk, Qt::QueuedConnection);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectView::checkDisk, Qt::QueuedConnection);
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
    // Theme icons, or Qt's bundled ones where the desktop has no icon theme.
    auto make = [this](const char *icon, QStyle::StandardPixmap fallback, const QString &text, const QString &tip, QKeySequence::StandardKey key) {
        auto *a = new QAction(QIcon::fromTheme(QString::fromLatin1(icon), style()->standardIcon(fallback)), text, this);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        if (key != QKeySequence::UnknownKey)
            a->setShortcut(key);
        a->setEnabled(false);
        return a;
    };
    m_saveAction = make("document-save", QStyle::SP_DialogSaveButton, tr("&Save Project Settings…"),
                        tr("Save the edited pyproject.toml and Cargo.toml, after showing what changes"), QKeySequence::Save);
    m_saveAction->setObjectName(QStringLiteral("action/save-settings"));
    m_saveAction->setIconText(tr("Save…"));
    m_revertAction = make("document-revert", QStyle::SP_DialogResetButton, tr("Re&vert Project Settings"),
                          tr("Go back to the settings files as they are on disk (can be undone)"), QKeySequence::UnknownKey);
    m_revertAction->setObjectName(QStringLiteral("action/revert-settings"));
    m_revertAction->setIconText(tr("Revert"));
    m_undoAction = make("edit-undo", QStyle::SP_ArrowBack, tr("&Undo"), tr("Undo the last change to the project's settings"), QKeySequence::Undo);
    m_undoAction->setObjectName(QStringLiteral("action/undo"));
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction = make("edit-redo", QStyle::SP_ArrowForward, tr("&Redo"), tr("Redo the change to the project's settings undone last"), QKeySequence::Redo);
    m_redoAction->setObjectName(QStringLiteral("action/redo"));
    m_redoAction->setIconText(tr("Redo"));
    connect(m_saveAction, &QAction::triggered, this, [this] { save(m_confirmSaves); });
    connect(m_revertAction, &QAction::triggered, this, &ProjectView::revert);
    connect(m_undoAction, &QAction::triggered, this, &ProjectView::undo);
    connect(m_redoAction, &QAction::triggered, this, &ProjectView::redo);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &ProjectView::updateActions);
}

void ProjectView::updateActions()
{
    const bool modified = isModified();
    m_saveAction->setEnabled(modified);
    m_revertAction->setEnabled(modified);
    m_undoAction->setEnabled(m_shown && m_undoStack->canUndo());
    m_redoAction->setEnabled(m_shown && m_undoStack->canRedo());
    m_undoAction->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText()) : tr("&Undo"));
    m_redoAction->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText()) : tr("&Redo"));
    for (QAction *a : {m_undoAction, m_redoAction})
        a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text().remove(u'&'), a->shortcut().toString(QKeySequence::NativeText)));
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
    for (QAction *action : {m_undoAction, m_redoAction, m_revertAction, m_saveAction}) {
        auto *button = new QToolButton(page);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setDefaultAction(action);
        button->setObjectName(QStringLiteral("button/") + action->objectName().section(u'/', 1));
        top->addWidget(button);
    }
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

    // "Changed on disk" banner.
    m_diskBanner = new MessageBanner(page);
    m_diskBanner->setObjectName(QStringLiteral("diskBanner"));
    connect(m_diskBanner->addAction(QStringLiteral("reload"), tr("Reload")), &QPushButton::clicked, this, &ProjectView::reloadFromDisk);
    connect(m_diskBanner->addAction(QStringLiteral("keep"), tr("Keep Mine")), &QPushButton::clicked, this, [this] {
        // Our text wins: take the disk state as the new base, so Save overwrites knowingly.
        for (FileState &f : m_files) {
            QByteArray disk;
            QString err;
            if (f.present && Project::readFile(f.path, &disk, &err)) {
                f.diskBytes = disk;
                f.diskHash = SettingsFile::hash(disk);
            }
        }
        m_diskBanner->hide();
        refresh();
    });
    connect(m_diskBanner->addAction(QStringLiteral("diff"), tr("Show Diff")), &QPushButton::clicked, this, &ProjectView::showDiskDiff);
    layout->addWidget(m_diskBanner);
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
        m_raw[i] = new CodeEditor(m_tabs);
        m_raw[i]->setObjectName(QStringLiteral("raw/") + QLatin1String(names[i]));
        highlight(m_raw[i]->document(), QStringLiteral("TOML"), this);
        m_tabs->addTab(m_raw[i], QString::fromLatin1(names[i]));
        connect(m_raw[i], &QPlainTextEdit::textChanged, this, [this, i] {
            if (m_updating)
                return;
            m_rawPending |= 1 << i;
            m_rawTimer->start();
        });
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
    auto *bottom = new QWidget(parent);
    auto *bv = new QVBoxLayout(bottom);
    bv->setContentsMargins(0, 0, 0, 0);
    m_effective = new QLabel(bottom);
    m_effective->setObjectName(QStringLiteral("summary"));
    m_effective->setWordWrap(true);
    m_effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bv->addWidget(m_effective);
    m_diagList = new QTreeWidget(bottom);
    m_diagList->setObjectName(QStringLiteral("diagnostics"));
    m_diagList->setHeaderLabels({tr("Severity"), tr("Where"), tr("Problem"), tr("Id")});
    m_diagList->setRootIsDecorated(false);
    new FillingColumn(m_diagList, m_diagList->header(), 2); // the problem takes the width; every column resizable
    bv->addWidget(m_diagList);
    m_fixButton = new QPushButton(tr("Apply fix"), bottom);
    m_fixButton->setEnabled(false);
    bv->addWidget(m_fixButton, 0, Qt::AlignLeft);
    connect(m_diagList, &QTreeWidget::currentItemChanged, this, [this] {
        const int row = m_diagList->currentItem() ? m_diagList->currentItem()->data(0, Qt::UserRole).toInt() : -1;
        const bool hasFix = row >= 0 && row < m_diagnostics.size() && !m_diagnostics.at(row).fix.isEmpty();
        m_fixButton->setEnabled(hasFix);
        m_fixButton->setText(hasFix ? tr("Apply fix: %1").arg(m_diagnostics.at(row).fixLabel) : tr("Apply fix"));
    });
    connect(m_diagList, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const int row = item->data(0, Qt::UserRole).toInt();
        if (row < 0 || row >= m_diagnostics.size())
            return;
        const SettingsDiagnostic &d = m_diagnostics.at(row);
        m_tabs->setCurrentIndex(1 + int(d.fileKind));
        m_raw[int(d.fileKind)]->goToLine(d.line, d.column);
        m_raw[int(d.fileKind)]->setFocus();
    });
    connect(m_fixButton, &QPushButton::clicked, this, &ProjectView::applySelectedFix);
    return bottom;
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
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_recovery->projectOpened(); // no project: no offer
    m_form->rebuild(false);
    showEmptyState({}, {});
    refresh();
}

namespace {
// Why a folder is not a maturin project, or empty when it is one (a pyproject.toml with the maturin
// backend or [tool.maturin], or a Cargo.toml maturin can build from).
QString notAMaturinProject(const Project &project)
{
    if (!project.isUsable())
        return QObject::tr("It has neither a pyproject.toml nor a Cargo.toml.");
    if (project.hasCargo || !project.hasPyproject || !project.pyproject.isValid())
        return {};
    const QString backend = project.pyproject.string(TomlKeyPath({QStringLiteral("build-system"), QStringLiteral("build-backend")}));
    if (backend == QLatin1String("maturin") || project.pyproject.contains(TomlKeyPath({QStringLiteral("tool"), QStringLiteral("maturin")})))
        return {};
    return QObject::tr("Its pyproject.toml builds with %1, not maturin, and there is no Cargo.toml.")
        .arg(backend.isEmpty() ? QObject::tr("no build backend") : backend);
}
} // namespace

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
    m_folderGoneAsked = false;
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_diskBanner->hide();
    const QString why = notAMaturinProject(project);
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
    watch();
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

namespace {
// What an edit does, in the words of the undo step: "Set tool.maturin.strip = true".
QString describeEdit(const SettingsEdit &edit)
{
    const QString value = edit.value.size() > 40 ? edit.value.left(39) + QChar(0x2026) : edit.value;
    switch (edit.op) {
    case SettingsEdit::Op::Set: return QObject::tr("Set %1 = %2").arg(edit.key, value);
    case SettingsEdit::Op::Unset: return QObject::tr("Remove %1").arg(edit.key);
    case SettingsEdit::Op::Append: return QObject::tr("Add %1 to %2").arg(value, edit.key);
    case SettingsEdit::Op::RemoveElement: return QObject::tr("Remove item %1 of %2").arg(edit.index + 1).arg(edit.key);
    }
    return edit.key;
}
} // namespace

void ProjectView::takeOverRawTyping()
{
    m_rawTimer->stop();
    // Each tab typed into, in turn: the other stays pending (and its text untouched) meanwhile.
    // One pending tab at a time would lose typing: a tab's text also "changes" when only its
    // highlighting does, which would take the pending mark from the tab typed into.
    for (int i = 0; i < 2; ++i) {
        if (m_rawPending & (1 << i)) {
            m_rawPending &= ~(1 << i);
            rawTextEdited(ProjectFileKind(i));
        }
    }
}

bool ProjectView::applyEdit(const SettingsEdit &edit, QString *error)
{
    return applyEdits(describeEdit(edit), {edit}, error);
}

bool ProjectView::applyEdits(const QString &text, const QList<SettingsEdit> &edits, QString *error)
{
    takeOverRawTyping();
    const std::array<QByteArray, 2> before = allBytes();
    for (const SettingsEdit &edit : edits) {
        FileState &f = m_files[int(edit.file)];
        QString message;
        if (m_dir.isEmpty() || f.path.isEmpty())
            message = tr("no such file in this project");
        const TomlEditResult r = message.isEmpty() ? applySettingsEdit(TomlDocument::parse(f.bytes, f.path), edit) : TomlEditResult{};
        if (!message.isEmpty() || !r.ok) {
            setAllBytes(before); // all or nothing
            if (error)
                *error = message.isEmpty() ? r.message : message;
            refresh();
            return false;
        }
        f.bytes = r.bytes;
    }
    recordStep(text, before);
    refresh();
    return true;
}

void ProjectView::rawTextEdited(ProjectFileKind kind)
{
    const QByteArray bytes = m_raw[int(kind)]->toPlainText().toUtf8();
    // Keep the file's line endings: the editor shows LF only.
    QByteArray restored = bytes;
    if (m_files[int(kind)].bytes.contains("\r\n"))
        restored.replace("\n", "\r\n");
    if (m_files[int(kind)].bytes.startsWith("\xEF\xBB\xBF") && !restored.startsWith("\xEF\xBB\xBF"))
        restored.prepend("\xEF\xBB\xBF");
    const std::array<QByteArray, 2> before = allBytes();
    m_files[int(kind)].bytes = restored;
    recordStep(tr("Typing in %1").arg(QFileInfo(m_files[int(kind)].path).fileName()), before, SettingsEditCommand::typingId(int(kind)));
    m_updating = true;
    refresh();
    m_updating = false;
}

void ProjectView::refresh()
{
    // Whatever asks for a refresh (a form edit, the disk watcher, the maturin detection, undo)
    // first takes over text typed into a raw tab and not yet taken over: the refresh would
    // otherwise put the file's older text back into the tab and lose the typing.
    if (!m_updating && m_rawPending != 0) {
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
        m_diagnostics = ProjectValidator::validate(project);
    } else {
        m_diagnostics.clear();
    }
    updateSummary(project, unreadable);
    updateParseBanner(unreadable);
    m_form->showValues(project, unreadable);
    m_form->markDiagnostics(m_diagnostics);
    for (int i = 0; i < 2; ++i)
        updateRawTab(ProjectFileKind(i));
    markRawLines();
    updateDiagnosticList();
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
        m_effective->clear();
        return;
    }
    // Values derived from a file that does not parse would be invented: say so instead.
    QStringList broken;
    for (int i = 0; i < 2; ++i) {
        if (!unreadable[i].isEmpty())
            broken << unreadable[i];
    }
    if (!broken.isEmpty()) {
        m_effective->setText(tr("Summary unavailable: %1.").arg(broken.join(QStringLiteral("; ")).toHtmlEscaped()));
        m_effective->setToolTip(QString());
        return;
    }
    const EffectiveSettings e = computeEffectiveSettings(project);
    const QString maturinText = !m_maturinDone    ? tr("looking for maturin…")
                                : m_maturin.isKnown() ? tr("keys checked against %1").arg(m_maturin.describe())
                                                      : tr("%1: keys not checked against a maturin version").arg(m_maturin.describe());
    m_effective->setToolTip(tr("Linux platform tag: %1 (%2)\n%3").arg(e.platformTag, e.platformTagFrom, maturinText));
    m_effective->setText(tr("Module <b>%1</b> (%2) · bindings <b>%3</b> (%4) · python-source <b>%5</b> · profile <b>%6</b> "
                            "(release builds: %7)%8 · %9")
                             .arg(e.moduleName.toHtmlEscaped(), e.moduleNameFrom.toHtmlEscaped(),
                                  e.bindings.isEmpty() ? tr("unknown") : e.bindings, e.bindingsFrom.toHtmlEscaped(),
                                  e.pythonSource.isEmpty() ? tr("project folder") : e.pythonSource.toHtmlEscaped(), e.profile,
                                  e.releaseProfile,
                                  e.hasPyo3 ? tr(" · PyO3 %1%2").arg(e.pyo3Requirement.toHtmlEscaped(),
                                                                     e.abi3Minor >= 0 ? tr(", abi3 ≥ 3.%1").arg(e.abi3Minor) : QString())
                                            : QString(),
                                  tr("Linux tag <b>%1</b> (pip: %2) · ").arg(e.platformTag.toHtmlEscaped(), e.pipPlatformTag)
                                      + (!m_maturinDone        ? tr("maturin: looking…")
                                         : m_maturin.isKnown() ? tr("maturin <b>%1</b> (%2)").arg(m_maturin.text.toHtmlEscaped(), m_maturin.from.toHtmlEscaped())
                                         : !m_maturin.program.isEmpty() ? tr("maturin of unknown version (%1)").arg(m_maturin.from.toHtmlEscaped())
                                                                        : tr("no maturin found"))));
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

void ProjectView::updateDiagnosticList()
{
    m_diagList->clear();
    for (int row = 0; row < m_diagnostics.size(); ++row) {
        const SettingsDiagnostic &d = m_diagnostics.at(row);
        auto *item = new QTreeWidgetItem(m_diagList);
        item->setText(0, settingsSeverityName(d.severity));
        item->setText(1, QStringLiteral("%1:%2:%3").arg(QFileInfo(d.file).fileName()).arg(d.line).arg(d.column));
        item->setText(2, d.message + (d.fixLabel.isEmpty() ? QString() : QStringLiteral("  [fix: %1]").arg(d.fixLabel)));
        item->setToolTip(2, d.message);
        item->setText(3, d.id);
        item->setData(0, Qt::UserRole, row);
        item->setIcon(0, QIcon::fromTheme(d.severity == SettingsSeverity::Error     ? QStringLiteral("dialog-error")
                                          : d.severity == SettingsSeverity::Warning ? QStringLiteral("dialog-warning")
                                                                                    : QStringLiteral("dialog-information")));
    }
    m_diagList->resizeColumnToContents(0);
    m_diagList->resizeColumnToContents(1);
}

void ProjectView::updateRawTab(ProjectFileKind kind)
{
    QPlainTextEdit *edit = m_raw[int(kind)];
    const FileState &f = m_files[int(kind)];
    QByteArray shown = f.bytes;
    if (shown.startsWith("\xEF\xBB\xBF"))
        shown.remove(0, 3);
    shown.replace("\r\n", "\n");
    const QString text = QString::fromUtf8(shown);
    if (edit->toPlainText() == text)
        return;
    if (m_rawPending & (1 << int(kind)))
        return; // typing not taken over yet: the tab is newer than the bytes
    const bool was = m_updating;
    m_updating = true;
    const int pos = edit->textCursor().position();
    edit->setPlainText(text);
    QTextCursor c = edit->textCursor();
    c.setPosition(qMin(pos, int(text.size())));
    edit->setTextCursor(c);
    edit->setReadOnly(!f.present);
    m_updating = was;
}

void ProjectView::markRawLines()
{
    for (int i = 0; i < 2; ++i) {
        QList<QTextEdit::ExtraSelection> sels;
        for (const SettingsDiagnostic &d : std::as_const(m_diagnostics)) {
            if (int(d.fileKind) != i || d.line <= 0)
                continue;
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(m_raw[i]->document()->findBlockByNumber(d.line - 1));
            const QColor color = d.severity == SettingsSeverity::Error ? QColor(0xf5, 0xb7, 0xb1)
                               : d.severity == SettingsSeverity::Warning ? QColor(0xfa, 0xe5, 0xd3)
                                                                 : QColor(0xd6, 0xea, 0xf8);
            s.format.setBackground(color);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.format.setToolTip(d.message);
            sels << s;
        }
        m_raw[i]->setMarks(sels);
    }
}

void ProjectView::applySelectedFix()
{
    QTreeWidgetItem *item = m_diagList->currentItem();
    if (!item)
        return;
    const int row = item->data(0, Qt::UserRole).toInt();
    if (row < 0 || row >= m_diagnostics.size())
        return;
    const SettingsDiagnostic d = m_diagnostics.at(row);
    QString err;
    if (!applyEdits(tr("Fix: %1").arg(d.fixLabel), d.fix, &err)) // all its edits, one undo step
        QMessageBox::warning(this, tr("Fix not applied"), err);
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
            m_diskBanner->showMessage(MessageBanner::Kind::Warning,
                                      tr("%1 changed on disk since it was read. Reload it, keep your version, or compare.").arg(f.path));
            QMessageBox::warning(this, tr("Not saved"), error);
            return false;
        }
        f.diskBytes = f.bytes;
        f.diskHash = SettingsFile::hash(f.bytes);
        f.present = true;
    }
    refresh();
    // QSaveFile made a new inode, which the watcher dropped: watch it again once the watcher is idle.
    QTimer::singleShot(0, this, &ProjectView::watch);
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

void ProjectView::watch()
{
    // Only adds what is missing: the watcher drops a file that was replaced (QSaveFile writes a new
    // inode), and paths must not be removed while it is delivering a signal.
    QStringList paths;
    for (const FileState &f : m_files) {
        if (!f.path.isEmpty() && QFileInfo::exists(f.path)) {
            paths << f.path;
            paths << QFileInfo(f.path).absolutePath();
        }
    }
    paths.removeDuplicates();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    for (const QString &p : std::as_const(paths)) {
        if (!watched.contains(p))
            m_watcher->addPath(p);
    }
}

void ProjectView::checkDisk()
{
    takeOverRawTyping();
    if (!m_dir.isEmpty() && !QFileInfo(m_dir).isDir()) {
        projectFolderGone();
        return;
    }
    bool external = false;
    for (int i = 0; i < 2; ++i) {
        FileState &f = m_files[i];
        if (f.path.isEmpty())
            continue;
        QByteArray disk;
        QString err;
        if (!QFileInfo::exists(f.path) || !Project::readFile(f.path, &disk, &err))
            continue;
        if (SettingsFile::hash(disk) == f.diskHash)
            continue; // touched, or our own save
        if (f.bytes == f.diskBytes) {
            // Clean: take the new text silently.
            f.diskBytes = disk;
            f.bytes = disk;
            f.diskHash = SettingsFile::hash(disk);
        } else {
            external = true;
        }
    }
    watch();
    if (external) {
        m_diskBanner->showMessage(MessageBanner::Kind::Warning, tr("A settings file changed on disk while you have unsaved changes."));
    }
    refresh();
}

void ProjectView::reloadFromDisk()
{
    takeOverRawTyping();
    const std::array<QByteArray, 2> before = allBytes();
    for (FileState &f : m_files) {
        QByteArray disk;
        QString err;
        if (!f.path.isEmpty() && Project::readFile(f.path, &disk, &err)) {
            f.bytes = disk;
            f.diskBytes = disk;
            f.diskHash = SettingsFile::hash(disk);
        }
    }
    recordStep(tr("Reload From Disk"), before); // the edits it replaced can be had back
    m_diskBanner->hide();
    refresh();
}

void ProjectView::showDiskDiff()
{
    QString diff;
    for (const FileState &f : m_files) {
        QByteArray disk;
        QString err;
        if (!f.path.isEmpty() && Project::readFile(f.path, &disk, &err))
            diff += unifiedDiff(disk, f.bytes, tr("on disk: %1").arg(QFileInfo(f.path).fileName()),
                                tr("yours: %1").arg(QFileInfo(f.path).fileName()));
    }
    DiffDialog dialog(tr("Differences With the Files on Disk"), tr("From the files on disk to your unsaved version:"), diff,
                      QDialogButtonBox::Close, this);
    dialog.exec();
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

void ProjectView::projectFolderGone()
{
    // The folder was deleted or moved away. Unsaved edits: ask (once) whether to write them back to
    // where they were, forget them, or keep them in memory (and in recovery) for now.
    const QString dir = m_dir;
    if (!isModified()) {
        closeProject();
        showEmptyState({}, {});
        m_empty->showFolder({}, {});
        m_diskBanner->hide();
        return;
    }
    if (m_folderGoneAsked)
        return;
    m_folderGoneAsked = true;
    m_diskBanner->showMessage(MessageBanner::Kind::Error,
                              tr("The project folder %1 no longer exists. Your unsaved changes are kept until you decide.").arg(QDir::toNativeSeparators(dir)));
    switch (askToSave(this, tr("The project folder %1 was deleted or moved.").arg(QDir::toNativeSeparators(dir)), modifiedFiles())) {
    case SaveAnswer::Save: {
        QDir().mkpath(dir);
        for (FileState &f : m_files) {
            if (f.present && !QFileInfo::exists(f.path)) { // everything in the folder is gone: write it all back
                QDir().mkpath(QFileInfo(f.path).absolutePath());
                f.diskHash.clear(); // the file is gone: nothing to compare with
                f.diskBytes.clear();
            }
        }
        if (save(false)) {
            m_diskBanner->hide();
            m_folderGoneAsked = false;
            watch();
        }
        break;
    }
    case SaveAnswer::Discard:
        m_recovery->forget();
        closeProject();
        break;
    case SaveAnswer::Cancel: break;
    }
}

} // namespace wb::ui
