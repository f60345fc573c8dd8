#include "ui/project/ProjectView.h"

#include "core/project/EffectiveSettings.h"
#include "core/project/Project.h"
#include "core/project/ProjectValidator.h"
#include "core/project/SettingSpec.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"
#include "core/toml/TomlLiteral.h"
#include "core/toml/UnifiedDiff.h"
#include "ui/common/Workspace.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

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
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {
constexpr int Py = int(ProjectFileKind::Pyproject);
constexpr int Cargo = int(ProjectFileKind::Cargo);

QString fieldId(ProjectFileKind kind, const QString &key)
{
    return (kind == ProjectFileKind::Cargo ? QStringLiteral("cargo:") : QStringLiteral("py:")) + key;
}

KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

// Marks a field with a background colour (0 none, 1 warning, 2 error). A palette, not a style sheet:
// re-polishing a line edit from inside its own key handling is not safe.
void setMark(QWidget *w, int level)
{
    if (level <= 0) {
        w->setPalette(QPalette());
        return;
    }
    QPalette p = w->palette();
    const QColor c = level >= 2 ? QColor(0xf5, 0xb7, 0xb1) : QColor(0xfa, 0xe5, 0xd3);
    p.setColor(QPalette::Base, c);
    p.setColor(QPalette::Button, c);
    w->setPalette(p);
}

QString arrayText(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}
} // namespace

ProjectView::ProjectView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_watcher(new QFileSystemWatcher(this))
    , m_rawTimer(new QTimer(this))
{
    buildUi();
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
            for (const SettingsEdit &edit : edits) {
                QString err;
                if (!applyEdit(edit, &err)) {
                    QMessageBox::warning(this, tr("Apply fix"), tr("%1\n\nNot applied: %2").arg(summary, err));
                    return;
                }
            }
        });
    }
}

ProjectView::~ProjectView()
{
    // QWidget's destructor runs after our members are gone and still delivers events to the children:
    // closing the window takes the focus from a field the user typed into, whose focus-out emits
    // editingFinished, whose slot would edit destroyed members. Cut every child-to-view connection now.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, this, nullptr);
}

void ProjectView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(tr("No project open. Open a maturin project folder."), this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_title, 1);
    m_undoButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("Undo"), this);
    m_redoButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("Redo"), this);
    m_revertButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-revert")), tr("Revert"), this);
    m_saveButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-save")), tr("Save…"), this);
    m_undoButton->setShortcut(QKeySequence::Undo);
    m_redoButton->setShortcut(QKeySequence::Redo);
    m_saveButton->setShortcut(QKeySequence::Save);
    for (QPushButton *b : {m_undoButton, m_redoButton, m_revertButton, m_saveButton})
        top->addWidget(b);
    connect(m_undoButton, &QPushButton::clicked, this, &ProjectView::undo);
    connect(m_redoButton, &QPushButton::clicked, this, &ProjectView::redo);
    connect(m_revertButton, &QPushButton::clicked, this, &ProjectView::revert);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(m_confirmSaves); });
    layout->addLayout(top);

    // "Changed on disk" banner.
    m_bannerBox = new QWidget(this);
    auto *bl = new QHBoxLayout(m_bannerBox);
    m_banner = new QLabel(m_bannerBox);
    m_banner->setWordWrap(true);
    auto *reload = new QPushButton(tr("Reload"), m_bannerBox);
    auto *keep = new QPushButton(tr("Keep mine"), m_bannerBox);
    auto *diff = new QPushButton(tr("Show diff"), m_bannerBox);
    bl->addWidget(m_banner, 1);
    bl->addWidget(reload);
    bl->addWidget(keep);
    bl->addWidget(diff);
    m_bannerBox->setStyleSheet(QStringLiteral("background: palette(alternate-base);"));
    m_bannerBox->hide();
    connect(reload, &QPushButton::clicked, this, &ProjectView::reloadFromDisk);
    connect(keep, &QPushButton::clicked, this, [this] {
        // Our text wins: take the disk state as the new base, so Save overwrites knowingly.
        for (FileState &f : m_files) {
            QByteArray disk;
            QString err;
            if (f.present && Project::readFile(f.path, &disk, &err)) {
                f.diskBytes = disk;
                f.diskHash = SettingsFile::hash(disk);
            }
        }
        m_bannerBox->hide();
        refresh();
    });
    connect(diff, &QPushButton::clicked, this, &ProjectView::showDiskDiff);
    layout->addWidget(m_bannerBox);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_tabs = new QTabWidget(split);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    m_formsPage = new QWidget(scroll);
    m_formsLayout = new QVBoxLayout(m_formsPage);
    scroll->setWidget(m_formsPage);
    m_tabs->addTab(scroll, tr("Settings"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const char *names[] = {"pyproject.toml", "Cargo.toml"};
    for (int i = 0; i < 2; ++i) {
        m_raw[i] = new QPlainTextEdit(m_tabs);
        m_raw[i]->setFont(mono);
        m_raw[i]->setObjectName(QStringLiteral("raw/") + QLatin1String(names[i]));
        m_raw[i]->setLineWrapMode(QPlainTextEdit::NoWrap);
        auto *hl = new KSyntaxHighlighting::SyntaxHighlighter(m_raw[i]->document());
        hl->setDefinition(repository().definitionForName(QStringLiteral("TOML")));
        hl->setTheme(repository().themeForPalette(palette()));
        m_tabs->addTab(m_raw[i], QString::fromLatin1(names[i]));
        connect(m_raw[i], &QPlainTextEdit::textChanged, this, [this, i] {
            if (m_updating)
                return;
            m_rawPending = i;
            m_rawTimer->start();
        });
    }

    auto *bottom = new QWidget(split);
    auto *bv = new QVBoxLayout(bottom);
    bv->setContentsMargins(0, 0, 0, 0);
    m_effective = new QLabel(bottom);
    m_effective->setWordWrap(true);
    m_effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bv->addWidget(m_effective);
    m_diagList = new QTreeWidget(bottom);
    m_diagList->setObjectName(QStringLiteral("diagnostics"));
    m_diagList->setHeaderLabels({tr("Severity"), tr("Where"), tr("Problem"), tr("Id")});
    m_diagList->setRootIsDecorated(false);
    m_diagList->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_diagList->header()->setStretchLastSection(false);
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
        const int tab = 1 + int(d.fileKind);
        m_tabs->setCurrentIndex(tab);
        QTextCursor c(m_raw[int(d.fileKind)]->document()->findBlockByNumber(qMax(0, d.line - 1)));
        m_raw[int(d.fileKind)]->setTextCursor(c);
    });
    connect(m_fixButton, &QPushButton::clicked, this, &ProjectView::applySelectedFix);
    split->addWidget(m_tabs);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    refresh();
}

void ProjectView::openProject(const QString &dir)
{
    const Project project = Project::load(dir);
    m_dir = project.dir.isEmpty() ? dir : project.dir;
    m_undo.clear();
    m_redo.clear();
    m_files[Py] = {};
    m_files[Cargo] = {};
    m_files[Py].path = project.pyprojectPath;
    m_files[Cargo].path = project.cargoPath;
    for (int i = 0; i < 2; ++i) {
        FileState &f = m_files[i];
        QString err;
        f.present = !f.path.isEmpty() && QFileInfo(f.path).isFile() && Project::readFile(f.path, &f.diskBytes, &err);
        f.bytes = f.diskBytes;
        f.diskHash = SettingsFile::hash(f.diskBytes);
    }
    m_bannerBox->hide();
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_title->setText(project.isUsable() ? tr("<b>%1</b> — Cargo manifest: %2 (%3)")
                                              .arg(QDir::toNativeSeparators(m_dir),
                                                   project.cargoPath.isEmpty() ? tr("none") : QDir(m_dir).relativeFilePath(project.cargoPath),
                                                   project.cargoHow)
                                        : project.readError);
    watch();
    rebuildForms();
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

QWidget *ProjectView::makeField(ProjectFileKind kind, const QString &key, const QString &help)
{
    // Bool/enum settings: a combo with "(not set)"; everything else: a line edit with a TOML value or a list.
    const SettingSpec *spec = nullptr;
    if (kind == ProjectFileKind::Pyproject && key.startsWith(QLatin1String("tool.maturin.")))
        spec = MaturinSchema::find(key.mid(13));
    QStringList choices;
    bool isBool = false;
    if (spec && spec->type == SettingSpec::Type::Bool)
        isBool = true;
    if (spec && spec->type == SettingSpec::Type::Enum)
        choices = spec->allowed;
    static const QHash<QString, QStringList> cargoChoices = {
        {QStringLiteral("profile.release.lto"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("\"thin\""), QStringLiteral("\"fat\""), QStringLiteral("\"off\"")}},
        {QStringLiteral("profile.release.strip"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("\"symbols\""), QStringLiteral("\"debuginfo\""), QStringLiteral("\"none\"")}},
        {QStringLiteral("profile.release.debug"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("\"line-tables-only\"")}},
        {QStringLiteral("profile.release.opt-level"), {QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("\"s\""), QStringLiteral("\"z\"")}},
        {QStringLiteral("profile.release.panic"), {QStringLiteral("\"unwind\""), QStringLiteral("\"abort\"")}},
    };
    QWidget *w = nullptr;
    const bool listField = (spec && (spec->type == SettingSpec::Type::StringArray || spec->type == SettingSpec::Type::FeatureArray))
        || key == QLatin1String("lib.crate-type") || key == QLatin1String("dependencies.pyo3.features");
    if (isBool || !choices.isEmpty() || cargoChoices.contains(key)) {
        auto *combo = new QComboBox(m_formsPage);
        combo->addItem(tr("(not set)"), QString());
        if (isBool) {
            combo->addItem(QStringLiteral("true"), QStringLiteral("true"));
            combo->addItem(QStringLiteral("false"), QStringLiteral("false"));
        }
        for (const QString &c : choices)
            combo->addItem(c, TomlLiteral::string(c));
        for (const QString &c : cargoChoices.value(key))
            combo->addItem(c, c);
        connect(combo, &QComboBox::activated, this, [this, combo, kind, key] {
            if (m_updating)
                return;
            const QString literal = combo->currentData().toString();
            SettingsEdit e{literal.isEmpty() ? SettingsEdit::Op::Unset : SettingsEdit::Op::Set, kind, key, literal, -1};
            QString err;
            if (!applyEdit(e, &err))
                QMessageBox::warning(this, tr("Not changed"), err);
        });
        w = combo;
    } else {
        auto *edit = new QLineEdit(m_formsPage);
        edit->setPlaceholderText(listField ? tr("comma-separated; empty: not set") : tr("empty: not set"));
        auto commit = [this, edit, kind, key, listField] {
            if (m_updating)
                return;
            const QString text = edit->text().trimmed();
            QString literal;
            if (!text.isEmpty()) {
                if (listField) {
                    QStringList items;
                    for (const QString &s : text.split(u',', Qt::SkipEmptyParts))
                        items << s.trimmed();
                    literal = TomlLiteral::stringArray(items);
                } else {
                    literal = TomlLiteral::isValid(text) && (text.startsWith(u'"') || text.startsWith(u'\'') || text.at(0).isDigit())
                        ? text
                        : TomlLiteral::string(text);
                }
            }
            SettingsEdit e{literal.isEmpty() ? SettingsEdit::Op::Unset : SettingsEdit::Op::Set, kind, key, literal, -1};
            QString err;
            edit->setModified(false); // committed: the field shows the document again
            if (!applyEdit(e, &err)) {
                edit->setModified(true);
                setMark(edit, 2);
                edit->setToolTip(err);
            }
        };
        connect(edit, &QLineEdit::editingFinished, this, commit);
        // Inline marks while typing: names must be import names, lists must be comma-separated names.
        connect(edit, &QLineEdit::textEdited, this, [edit, key](const QString &text) {
            static const QRegularExpression importName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
            bool bad = false;
            QString why;
            if (key.endsWith(QLatin1String("module-name")) || key == QLatin1String("lib.name")) {
                bad = !text.isEmpty() && !importName.match(text).hasMatch();
                why = QObject::tr("not a Python import name (letters, digits, _ and dots; no '-')");
            }
            setMark(edit, bad ? 2 : 0);
            if (bad)
                edit->setToolTip(why);
        });
        w = edit;
    }
    w->setObjectName(QStringLiteral("field/") + key);
    w->setToolTip(help);
    w->setProperty("baseToolTip", help);
    m_fields.insert(fieldId(kind, key), w);
    return w;
}

void ProjectView::rebuildForms()
{
    // The old fields go: nothing they still emit while being deleted (text of the previous project)
    // may reach this view, and m_fields must not list deleted widgets meanwhile.
    for (QWidget *w : std::as_const(m_fields))
        QObject::disconnect(w, nullptr, this, nullptr);
    m_fields.clear();
    while (QLayoutItem *item = m_formsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_dir.isEmpty()) {
        m_formsLayout->addWidget(new QLabel(tr("Open a project folder to see its settings."), m_formsPage));
        m_formsLayout->addStretch(1);
        return;
    }
    auto addGroup = [this](const QString &title, const QList<std::pair<ProjectFileKind, QString>> &keys,
                           const QHash<QString, QString> &helps) {
        auto *box = new QGroupBox(QString(title).replace(u'&', QStringLiteral("&&")), m_formsPage);
        auto *form = new QFormLayout(box);
        for (const auto &[kind, key] : keys) {
            QString help = helps.value(key);
            const SettingSpec *spec = key.startsWith(QLatin1String("tool.maturin.")) ? MaturinSchema::find(key.mid(13)) : nullptr;
            if (spec)
                help = QStringLiteral("%1\nDefault: %2\nSince maturin %3").arg(spec->help, spec->defaultValue, spec->since.toString());
            auto *label = new QLabel(key.section(u'.', -1), box);
            label->setToolTip(help);
            form->addRow(label, makeField(kind, key, help));
        }
        m_formsLayout->addWidget(box);
    };
    const QHash<QString, QString> noHelp;
    for (const QString &group : MaturinSchema::groups()) {
        QList<std::pair<ProjectFileKind, QString>> keys;
        for (const SettingSpec &s : MaturinSchema::keys()) {
            if (s.group != group || s.type == SettingSpec::Type::Table || s.type == SettingSpec::Type::GlobArray
                || s.type == SettingSpec::Type::TargetArray || s.key == QLatin1String("manylinux"))
                continue;
            keys << std::pair{ProjectFileKind::Pyproject, QStringLiteral("tool.maturin.") + s.key};
        }
        if (group == QLatin1String("Files")) {
            auto *box = new QGroupBox(QString(group).replace(u'&', QStringLiteral("&&")), m_formsPage);
            auto *l = new QVBoxLayout(box);
            auto *label = new QLabel(tr("include, exclude, sbom, targets and target tables are edited in the pyproject.toml tab."), box);
            label->setObjectName(QStringLiteral("filesSummary"));
            label->setWordWrap(true);
            l->addWidget(label);
            m_formsLayout->addWidget(box);
            continue;
        }
        addGroup(group, keys, noHelp);
    }
    const QHash<QString, QString> cargoHelp = {
        {QStringLiteral("lib.name"), tr("Name of the library target; maturin uses it as module name when module-name is not set.")},
        {QStringLiteral("lib.crate-type"), tr("pyo3/cffi/uniffi bindings need \"cdylib\".")},
        {QStringLiteral("profile.release.lto"), tr("Link-time optimisation: smaller, faster, slower to build.")},
        {QStringLiteral("profile.release.codegen-units"), tr("1 gives the best optimisation.")},
        {QStringLiteral("profile.release.strip"), tr("Strip symbols or debug info from release builds.")},
        {QStringLiteral("profile.release.debug"), tr("Debug info in release builds.")},
        {QStringLiteral("profile.release.opt-level"), tr("Optimisation level.")},
        {QStringLiteral("profile.release.panic"), tr("unwind (needed to turn panics into Python exceptions) or abort.")},
        {QStringLiteral("dependencies.pyo3.version"), tr("PyO3 version requirement.")},
        {QStringLiteral("dependencies.pyo3.features"), tr("PyO3 features: abi3-py3X, extension-module (PyO3 < 0.26) ...")},
    };
    addGroup(tr("Cargo [lib]"), {{ProjectFileKind::Cargo, QStringLiteral("lib.name")}, {ProjectFileKind::Cargo, QStringLiteral("lib.crate-type")}},
             cargoHelp);
    addGroup(tr("Release profile"),
             {{ProjectFileKind::Cargo, QStringLiteral("profile.release.lto")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.codegen-units")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.strip")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.debug")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.opt-level")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.panic")}},
             cargoHelp);
    addGroup(tr("PyO3"),
             {{ProjectFileKind::Cargo, QStringLiteral("dependencies.pyo3.version")},
              {ProjectFileKind::Cargo, QStringLiteral("dependencies.pyo3.features")}},
             cargoHelp);
    m_formsLayout->addStretch(1);
}

void ProjectView::setBytes(ProjectFileKind kind, const QByteArray &bytes, bool recordUndo)
{
    FileState &f = m_files[int(kind)];
    if (f.bytes == bytes)
        return;
    if (recordUndo) {
        m_undo << Snapshot{int(kind), f.bytes};
        m_redo.clear();
    }
    f.bytes = bytes;
}

void ProjectView::takeOverRawTyping()
{
    m_rawTimer->stop();
    if (m_rawPending < 0)
        return;
    const int kind = m_rawPending;
    m_rawPending = -1;
    rawTextEdited(ProjectFileKind(kind));
}

bool ProjectView::applyEdit(const SettingsEdit &edit, QString *error)
{
    takeOverRawTyping();
    FileState &f = m_files[int(edit.file)];
    if (m_dir.isEmpty() || f.path.isEmpty()) {
        if (error)
            *error = tr("no such file in this project");
        return false;
    }
    const TomlDocument doc = TomlDocument::parse(f.bytes, f.path);
    const TomlEditResult r = applySettingsEdit(doc, edit);
    if (!r.ok) {
        if (error)
            *error = r.message;
        return false;
    }
    setBytes(edit.file, r.bytes, true);
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
    setBytes(kind, restored, true);
    m_updating = true;
    refresh();
    m_updating = false;
}

void ProjectView::refresh()
{
    // Whatever asks for a refresh (a form edit, the disk watcher, the maturin detection, undo)
    // first takes over text typed into a raw tab and not yet taken over: the refresh would
    // otherwise put the file's older text back into the tab and lose the typing.
    if (!m_updating && m_rawPending >= 0) {
        takeOverRawTyping(); // refreshes
        return;
    }
    const bool wasUpdating = m_updating;
    m_updating = true;
    // Validate what is in memory, without writing anything.
    Project project;
    if (!m_dir.isEmpty()) {
        project = Project::load(m_dir);
        project.options.maturinVersion = m_maturin.version;
        project.options.maturinFrom = m_maturin.isKnown() ? m_maturin.from : QString();
        for (int i = 0; i < 2; ++i) {
            if (!m_files[i].present)
                continue;
            TomlDocument doc = TomlDocument::parse(m_files[i].bytes, m_files[i].path);
            if (i == Py)
                project.pyproject = doc;
            else
                project.cargo = doc;
        }
        m_diagnostics = ProjectValidator::validate(project);
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
    } else {
        m_diagnostics.clear();
        m_effective->clear();
    }
    // Forms
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const ProjectFileKind kind = it.key().startsWith(QLatin1String("cargo:")) ? ProjectFileKind::Cargo : ProjectFileKind::Pyproject;
        const QString key = it.key().section(u':', 1);
        const TomlDocument &doc = project.document(kind);
        const TomlKeyPath path = TomlKeyPath::fromText(key);
        it.value()->setEnabled(doc.isValid() || !m_files[int(kind)].present);
        if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            const QString text = doc.valueText(path);
            int idx = combo->findData(text);
            if (idx < 0 && doc.kind(path) == TomlDocument::Kind::String)
                idx = combo->findData(TomlLiteral::string(doc.string(path)));
            if (idx < 0 && !text.isEmpty()) {
                combo->addItem(text, text);
                idx = combo->count() - 1;
            }
            combo->setCurrentIndex(qMax(0, idx));
        } else if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            QString shown;
            switch (doc.kind(path)) {
            case TomlDocument::Kind::String: shown = doc.string(path); break;
            case TomlDocument::Kind::Array:
                shown = doc.valueText(path).contains(u'{') ? doc.valueText(path) : arrayText(doc.stringArray(path));
                break;
            case TomlDocument::Kind::Missing: break;
            default: shown = doc.valueText(path);
            }
            // Keep what the user is typing; a focused field that was committed (or never typed
            // into) follows the document, so undo/redo do not leave stale text to be re-applied.
            if (!edit->hasFocus() || !edit->isModified())
                edit->setText(shown);
            setMark(edit, 0);
        } else {
            setMark(it.value(), 0);
        }
    }
    updateFieldMarks();
    // Raw tabs
    for (int i = 0; i < 2; ++i)
        updateRawTab(ProjectFileKind(i));
    markRawLines();
    // Diagnostics list
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
    const bool modified = isModified();
    if (m_workspace)
        m_workspace->setSettingsModified(modified);
    m_saveButton->setEnabled(modified);
    m_revertButton->setEnabled(modified);
    m_undoButton->setEnabled(!m_undo.isEmpty());
    m_redoButton->setEnabled(!m_redo.isEmpty());
    m_tabs->setTabText(1, m_files[Py].bytes != m_files[Py].diskBytes ? QStringLiteral("pyproject.toml *") : QStringLiteral("pyproject.toml"));
    m_tabs->setTabText(2, m_files[Cargo].bytes != m_files[Cargo].diskBytes ? QStringLiteral("Cargo.toml *") : QStringLiteral("Cargo.toml"));
    m_updating = wasUpdating;
    Q_EMIT diagnosticsChanged();
}

void ProjectView::updateFieldMarks()
{
    for (QWidget *w : std::as_const(m_fields))
        w->setToolTip(w->property("baseToolTip").toString());
    for (const SettingsDiagnostic &d : std::as_const(m_diagnostics)) {
        QWidget *w = m_fields.value(fieldId(d.fileKind, d.key));
        if (!w && d.key.startsWith(QLatin1String("tool.maturin.")))
            w = m_fields.value(fieldId(d.fileKind, d.key.section(u'.', 0, 2)));
        if (!w || d.severity == SettingsSeverity::Info)
            continue;
        setMark(w, d.severity == SettingsSeverity::Error ? 2 : 1);
        w->setToolTip(w->property("baseToolTip").toString() + QStringLiteral("\n\n") + settingsSeverityName(d.severity) + QStringLiteral(": ") + d.message);
    }
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
    if (m_rawPending == int(kind))
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
        m_raw[i]->setExtraSelections(sels);
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
    const QByteArray before[2] = {m_files[Py].bytes, m_files[Cargo].bytes};
    for (const SettingsEdit &e : d.fix) {
        QString err;
        if (!applyEdit(e, &err)) {
            // All or nothing.
            m_files[Py].bytes = before[Py];
            m_files[Cargo].bytes = before[Cargo];
            refresh();
            QMessageBox::warning(this, tr("Fix not applied"), err);
            return;
        }
    }
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
    if (askFirst) {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Save these changes?"));
        auto *l = new QVBoxLayout(&dialog);
        auto *view = new QPlainTextEdit(diff, &dialog);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        l->addWidget(view);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        l->addWidget(buttons);
        dialog.resize(720, 480);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    for (FileState &f : m_files) {
        if (f.bytes == f.diskBytes)
            continue;
        QString error;
        if (!SettingsFile::write(f.path, f.bytes, f.diskHash, &error)) {
            m_banner->setText(tr("%1 changed on disk since it was read. Reload it, keep your version, or compare.").arg(f.path));
            m_bannerBox->show();
            QMessageBox::warning(this, tr("Not saved"), error);
            return false;
        }
        f.diskBytes = f.bytes;
        f.diskHash = SettingsFile::hash(f.bytes);
    }
    refresh();
    // QSaveFile made a new inode, which the watcher dropped: watch it again once the watcher is idle.
    QTimer::singleShot(0, this, &ProjectView::watch);
    return true;
}

void ProjectView::revert()
{
    takeOverRawTyping();
    for (int i = 0; i < 2; ++i)
        setBytes(ProjectFileKind(i), m_files[i].diskBytes, true);
    refresh();
}

void ProjectView::undo()
{
    takeOverRawTyping();
    if (m_undo.isEmpty())
        return;
    const Snapshot s = m_undo.takeLast();
    m_redo << Snapshot{s.file, m_files[s.file].bytes};
    m_files[s.file].bytes = s.bytes;
    refresh();
}

void ProjectView::redo()
{
    takeOverRawTyping();
    if (m_redo.isEmpty())
        return;
    const Snapshot s = m_redo.takeLast();
    m_undo << Snapshot{s.file, m_files[s.file].bytes};
    m_files[s.file].bytes = s.bytes;
    refresh();
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
        m_banner->setText(tr("A settings file changed on disk while you have unsaved changes."));
        m_bannerBox->show();
    }
    refresh();
}

void ProjectView::reloadFromDisk()
{
    takeOverRawTyping();
    for (int i = 0; i < 2; ++i) {
        FileState &f = m_files[i];
        QByteArray disk;
        QString err;
        if (!f.path.isEmpty() && Project::readFile(f.path, &disk, &err)) {
            setBytes(ProjectFileKind(i), disk, true);
            f.diskBytes = disk;
            f.diskHash = SettingsFile::hash(disk);
        }
    }
    m_bannerBox->hide();
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
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Differences with the files on disk"));
    auto *l = new QVBoxLayout(&dialog);
    auto *view = new QPlainTextEdit(diff.isEmpty() ? tr("No differences.") : diff, &dialog);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    l->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    l->addWidget(buttons);
    dialog.resize(720, 480);
    dialog.exec();
}

} // namespace wb::ui
