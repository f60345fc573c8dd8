#include "ui/project/SettingsForm.h"

#include "core/project/Project.h"
#include "core/project/SettingSpec.h"
#include "core/toml/TomlLiteral.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace wb::ui {

namespace {

QString fieldId(ProjectFileKind kind, const QString &key)
{
    return (kind == ProjectFileKind::Cargo ? QStringLiteral("cargo:") : QStringLiteral("py:")) + key;
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

const QHash<QString, QStringList> &cargoChoices()
{
    static const QHash<QString, QStringList> choices = {
        {QStringLiteral("profile.release.lto"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("\"thin\""), QStringLiteral("\"fat\""), QStringLiteral("\"off\"")}},
        {QStringLiteral("profile.release.strip"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("\"symbols\""), QStringLiteral("\"debuginfo\""), QStringLiteral("\"none\"")}},
        {QStringLiteral("profile.release.debug"), {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("\"line-tables-only\"")}},
        {QStringLiteral("profile.release.opt-level"), {QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("\"s\""), QStringLiteral("\"z\"")}},
        {QStringLiteral("profile.release.panic"), {QStringLiteral("\"unwind\""), QStringLiteral("\"abort\"")}},
    };
    return choices;
}

const QHash<QString, QString> &cargoHelp()
{
    static const QHash<QString, QString> help = {
        {QStringLiteral("lib.name"), QObject::tr("Name of the library target; maturin uses it as module name when module-name is not set.")},
        {QStringLiteral("lib.crate-type"), QObject::tr("pyo3/cffi/uniffi bindings need \"cdylib\".")},
        {QStringLiteral("profile.release.lto"), QObject::tr("Link-time optimisation: smaller, faster, slower to build.")},
        {QStringLiteral("profile.release.codegen-units"), QObject::tr("1 gives the best optimisation.")},
        {QStringLiteral("profile.release.strip"), QObject::tr("Strip symbols or debug info from release builds.")},
        {QStringLiteral("profile.release.debug"), QObject::tr("Debug info in release builds.")},
        {QStringLiteral("profile.release.opt-level"), QObject::tr("Optimisation level.")},
        {QStringLiteral("profile.release.panic"), QObject::tr("unwind (needed to turn panics into Python exceptions) or abort.")},
        {QStringLiteral("dependencies.pyo3.version"), QObject::tr("PyO3 version requirement.")},
        {QStringLiteral("dependencies.pyo3.features"), QObject::tr("PyO3 features: abi3-py3X, extension-module (PyO3 < 0.26) ...")},
    };
    return help;
}

QString shownValue(const TomlDocument &doc, const TomlKeyPath &path)
{
    switch (doc.kind(path)) {
    case TomlDocument::Kind::String: return doc.string(path);
    case TomlDocument::Kind::Array:
        return doc.valueText(path).contains(u'{') ? doc.valueText(path) : doc.stringArray(path).join(QStringLiteral(", "));
    case TomlDocument::Kind::Missing: return {};
    default: return doc.valueText(path);
    }
}

} // namespace

SettingsForm::SettingsForm(Editor editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(std::move(editor))
    , m_layout(new QVBoxLayout(this))
{
}

void SettingsForm::detach()
{
    m_editor = [](const SettingsEdit &, QString *) { return false; };
    m_showing = true;
}

QWidget *SettingsForm::field(ProjectFileKind kind, const QString &key) const
{
    return m_fields.value(fieldId(kind, key));
}

QWidget *SettingsForm::makeField(ProjectFileKind kind, const QString &key, const QString &help)
{
    // Bool/enum settings: a combo with "(not set)"; everything else: a line edit with a TOML value or a list.
    const SettingSpec *spec = nullptr;
    if (kind == ProjectFileKind::Pyproject && key.startsWith(QLatin1String("tool.maturin.")))
        spec = MaturinSchema::find(key.mid(13));
    const bool isBool = spec && spec->type == SettingSpec::Type::Bool;
    const QStringList choices = spec && spec->type == SettingSpec::Type::Enum ? spec->allowed : QStringList();
    const bool listField = (spec && (spec->type == SettingSpec::Type::StringArray || spec->type == SettingSpec::Type::FeatureArray))
        || key == QLatin1String("lib.crate-type") || key == QLatin1String("dependencies.pyo3.features");
    QWidget *w = nullptr;
    if (isBool || !choices.isEmpty() || cargoChoices().contains(key)) {
        auto *combo = new QComboBox(this);
        combo->addItem(tr("(not set)"), QString());
        if (isBool) {
            combo->addItem(QStringLiteral("true"), QStringLiteral("true"));
            combo->addItem(QStringLiteral("false"), QStringLiteral("false"));
        }
        for (const QString &c : choices)
            combo->addItem(c, TomlLiteral::string(c));
        for (const QString &c : cargoChoices().value(key))
            combo->addItem(c, c);
        connect(combo, &QComboBox::activated, this, [this, combo, kind, key] {
            if (m_showing)
                return;
            const QString literal = combo->currentData().toString();
            const SettingsEdit e{literal.isEmpty() ? SettingsEdit::Op::Unset : SettingsEdit::Op::Set, kind, key, literal, -1};
            QString err;
            if (!m_editor(e, &err))
                QMessageBox::warning(this, tr("Not changed"), err);
        });
        w = combo;
    } else {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(listField ? tr("comma-separated; empty: not set") : tr("empty: not set"));
        edit->setProperty("basePlaceholder", edit->placeholderText());
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, kind, key, listField] { commitLineEdit(edit, kind, key, listField); });
        // Inline marks while typing: names must be import names.
        connect(edit, &QLineEdit::textEdited, this, [edit, key](const QString &text) {
            static const QRegularExpression importName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
            const bool nameField = key.endsWith(QLatin1String("module-name")) || key == QLatin1String("lib.name");
            const bool bad = nameField && !text.isEmpty() && !importName.match(text).hasMatch();
            setMark(edit, bad ? 2 : 0);
            if (bad)
                edit->setToolTip(QObject::tr("not a Python import name (letters, digits, _ and dots; no '-')"));
        });
        w = edit;
    }
    w->setObjectName(QStringLiteral("field/") + key);
    w->setToolTip(help);
    w->setProperty("baseToolTip", help);
    m_fields.insert(fieldId(kind, key), w);
    return w;
}

void SettingsForm::commitLineEdit(QLineEdit *edit, ProjectFileKind kind, const QString &key, bool listField)
{
    if (m_showing || edit->isReadOnly())
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
    const SettingsEdit e{literal.isEmpty() ? SettingsEdit::Op::Unset : SettingsEdit::Op::Set, kind, key, literal, -1};
    QString err;
    edit->setModified(false); // committed: the field shows the document again
    if (!m_editor(e, &err)) {
        edit->setModified(true);
        setMark(edit, 2);
        edit->setToolTip(err);
    }
}

void SettingsForm::addGroup(const QString &title, const QList<std::pair<ProjectFileKind, QString>> &keys,
                            const QHash<QString, QString> &helps)
{
    auto *box = new QGroupBox(QString(title).replace(u'&', QStringLiteral("&&")), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto &[kind, key] : keys) {
        QString help = helps.value(key);
        const SettingSpec *spec = key.startsWith(QLatin1String("tool.maturin.")) ? MaturinSchema::find(key.mid(13)) : nullptr;
        if (spec)
            help = QStringLiteral("%1\nDefault: %2\nSince maturin %3").arg(spec->help, spec->defaultValue, spec->since.toString());
        auto *label = new QLabel(key.section(u'.', -1) + u':', box);
        label->setToolTip(help);
        QWidget *f = makeField(kind, key, help);
        label->setBuddy(f);
        form->addRow(label, f);
        m_labels << label;
    }
    m_layout->addWidget(box);
}

void SettingsForm::alignLabels()
{
    // One label column for the whole page: every group's labels get the widest label's width.
    int widest = 0;
    for (QLabel *l : std::as_const(m_labels))
        widest = qMax(widest, l->sizeHint().width());
    for (QLabel *l : std::as_const(m_labels))
        l->setMinimumWidth(widest);
}

void SettingsForm::rebuild(bool hasProject)
{
    // The old fields go: nothing they still emit while being deleted (text of the previous project)
    // may reach the editor, and m_fields must not list deleted widgets meanwhile.
    for (QWidget *w : std::as_const(m_fields))
        QObject::disconnect(w, nullptr, this, nullptr);
    m_fields.clear();
    m_labels.clear();
    m_reason = nullptr;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!hasProject) {
        m_layout->addStretch(1);
        return;
    }
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("readOnlyReason"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_layout->addWidget(m_reason);
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
            auto *box = new QGroupBox(QString(group).replace(u'&', QStringLiteral("&&")), this);
            auto *l = new QVBoxLayout(box);
            auto *label = new QLabel(tr("include, exclude, sbom, targets and target tables are edited in the pyproject.toml tab."), box);
            label->setObjectName(QStringLiteral("filesSummary"));
            label->setWordWrap(true);
            l->addWidget(label);
            m_layout->addWidget(box);
            continue;
        }
        addGroup(group, keys, noHelp);
    }
    addGroup(tr("Cargo [lib]"), {{ProjectFileKind::Cargo, QStringLiteral("lib.name")}, {ProjectFileKind::Cargo, QStringLiteral("lib.crate-type")}},
             cargoHelp());
    addGroup(tr("Release profile"),
             {{ProjectFileKind::Cargo, QStringLiteral("profile.release.lto")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.codegen-units")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.strip")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.debug")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.opt-level")},
              {ProjectFileKind::Cargo, QStringLiteral("profile.release.panic")}},
             cargoHelp());
    addGroup(tr("PyO3"),
             {{ProjectFileKind::Cargo, QStringLiteral("dependencies.pyo3.version")},
              {ProjectFileKind::Cargo, QStringLiteral("dependencies.pyo3.features")}},
             cargoHelp());
    m_layout->addStretch(1);
    alignLabels();
}

void SettingsForm::showValues(const Project &project, const QString unreadable[2])
{
    m_showing = true;
    QStringList reasons;
    for (int i = 0; i < 2; ++i) {
        if (!unreadable[i].isEmpty())
            reasons << unreadable[i];
    }
    if (m_reason) {
        m_reason->setText(reasons.isEmpty() ? QString()
                                            : tr("<b>Read-only:</b> %1. Correct it in the raw tab; the fields become editable again once the file parses.")
                                                  .arg(reasons.join(QStringLiteral("; ")).toHtmlEscaped()));
        m_reason->setVisible(!reasons.isEmpty());
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const ProjectFileKind kind = it.key().startsWith(QLatin1String("cargo:")) ? ProjectFileKind::Cargo : ProjectFileKind::Pyproject;
        const QString &why = unreadable[int(kind)];
        const TomlDocument &doc = project.document(kind);
        const TomlKeyPath path = TomlKeyPath::fromText(it.key().section(u':', 1));
        QWidget *w = it.value();
        w->setEnabled(why.isEmpty());
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (!why.isEmpty()) {
                combo->setItemText(0, tr("(unreadable: the file does not parse)"));
                combo->setCurrentIndex(0);
                continue;
            }
            combo->setItemText(0, tr("(not set)"));
            const QString text = doc.valueText(path);
            int idx = combo->findData(text);
            if (idx < 0 && doc.kind(path) == TomlDocument::Kind::String)
                idx = combo->findData(TomlLiteral::string(doc.string(path)));
            if (idx < 0 && !text.isEmpty()) {
                combo->addItem(text, text);
                idx = combo->count() - 1;
            }
            combo->setCurrentIndex(qMax(0, idx));
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            edit->setReadOnly(!why.isEmpty());
            if (!why.isEmpty()) {
                edit->clear();
                edit->setPlaceholderText(tr("unreadable: the file does not parse"));
                continue;
            }
            edit->setPlaceholderText(edit->property("basePlaceholder").toString());
            // Keep what the user is typing; a focused field that was committed (or never typed
            // into) follows the document, so undo/redo do not leave stale text to be re-applied.
            if (!edit->hasFocus() || !edit->isModified())
                edit->setText(shownValue(doc, path));
            setMark(edit, 0);
        } else {
            setMark(w, 0);
        }
    }
    m_showing = false;
}

void SettingsForm::markDiagnostics(const QList<SettingsDiagnostic> &diagnostics)
{
    for (QWidget *w : std::as_const(m_fields))
        w->setToolTip(w->property("baseToolTip").toString());
    for (const SettingsDiagnostic &d : diagnostics) {
        QWidget *w = m_fields.value(fieldId(d.fileKind, d.key));
        if (!w && d.key.startsWith(QLatin1String("tool.maturin.")))
            w = m_fields.value(fieldId(d.fileKind, d.key.section(u'.', 0, 2)));
        if (!w || d.severity == SettingsSeverity::Info)
            continue;
        setMark(w, d.severity == SettingsSeverity::Error ? 2 : 1);
        w->setToolTip(w->property("baseToolTip").toString() + QStringLiteral("\n\n") + settingsSeverityName(d.severity) + QStringLiteral(": ") + d.message);
    }
}

} // namespace wb::ui
