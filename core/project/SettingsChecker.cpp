#include "core/project/SettingsChecker.h"

#include "core/project/CargoOnlyProject.h"

namespace wb::validation {

TomlKeyPath kp(const QString &text)
{
    return TomlKeyPath::fromText(text);
}

std::optional<QList<const toml::table *>> tableEntries(const toml::node &node, const char *key)
{
    const toml::array *a = node.as_array();
    if (!a)
        return std::nullopt;
    QList<const toml::table *> tables;
    for (const toml::node &n : *a) {
        if (n.is_string())
            continue;
        const toml::table *t = n.as_table();
        if (!t || !t->get(key) || !t->get(key)->is_string())
            return std::nullopt;
        tables.append(t);
    }
    return tables;
}

void placeAt(SettingsDiagnostic &d, const toml::source_region &r)
{
    if (r.begin) {
        d.line = int(r.begin.line);
        d.column = int(r.begin.column);
    }
}

QString keyText(const toml::key &k)
{
    return QString::fromUtf8(k.str().data(), qsizetype(k.str().size()));
}

bool SettingsChecker::missingFile(const QString &dir, const QString &path)
{
    if (path.isEmpty())
        return false;
    const QString file = QDir::cleanPath(QDir(dir).filePath(path));
    consulted << file;
    return !QFileInfo(file).isFile();
}

bool SettingsChecker::isFolder(const QString &path)
{
    consulted << QDir::cleanPath(path);
    return QFileInfo(path).isDir();
}

bool hasSpecType(const toml::node &n, SettingSpec::Type type)
{
    using T = SettingSpec::Type;
    switch (type) {
    case T::String:
    case T::Path:
    case T::Enum: return n.is_string();
    case T::Bool: return n.is_boolean();
    case T::StringArray: return n.is_array() && n.as_array()->is_homogeneous(toml::node_type::string);
    case T::Table: return n.is_table();
    case T::TableArray: return n.is_array() && n.as_array()->is_homogeneous(toml::node_type::table);
    case T::GlobArray:
    case T::FeatureArray:
    case T::TargetArray: return n.is_array();
    }
    return false;
}

const TomlKeyPath &toolMaturin()
{
    static const TomlKeyPath path({QStringLiteral("tool"), QStringLiteral("maturin")});
    return path;
}

SettingsDiagnostic &SettingsChecker::add(const QString &id, SettingsSeverity sev, Kind file, const TomlKeyPath &at, const QString &message, bool onValue)
{
    SettingsDiagnostic d;
    d.id = id;
    d.severity = sev;
    d.fileKind = file;
    d.file = p.path(file);
    d.key = at.toString();
    d.message = message;
    const TomlDocument &doc = p.document(file);
    TomlKeyPath path = at;
    while (!path.isEmpty() && !doc.contains(path))
        path = path.parent();
    if (!path.isEmpty()) {
        TomlSpan span = onValue ? doc.valueSpan(path) : doc.keySpan(path);
        if (!span.isValid())
            span = doc.valueSpan(path);
        if (!span.isValid())
            span = doc.keySpan(path);
        d.line = span.line;
        d.column = span.column;
    }
    out << d;
    return out.last();
}

void SettingsChecker::syntax()
{
    for (Kind kind : {Kind::Pyproject, Kind::Cargo}) {
        const TomlDocument &doc = p.document(kind);
        const bool present = kind == Kind::Pyproject ? p.hasPyproject : p.hasCargo;
        if (present && !doc.isValid()) {
            SettingsDiagnostic d;
            d.id = QStringLiteral("toml.syntax");
            d.severity = SettingsSeverity::Error;
            d.fileKind = kind;
            d.file = p.path(kind);
            d.line = doc.error().line;
            d.column = doc.error().column;
            d.message = QStringLiteral("not valid TOML: %1").arg(doc.error().message);
            out << d;
        }
    }
}

// A key (or, with unreadable, a value) newer than the maturin the project is checked against: maturin
// ignores unknown keys, but stops on values it cannot read ("unknown variant", a table where it expects
// a string).
bool SettingsChecker::gate(const TomlKeyPath &path, const QVersionNumber &since, const QString &what, bool unreadable)
{
    const QVersionNumber &installed = p.options.maturinVersion;
    if (installed.isNull() || since <= installed)
        return true;
    const QString from = p.options.maturinFrom.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.options.maturinFrom);
    add(QStringLiteral("maturin.key-too-new"), unreadable ? SettingsSeverity::Error : SettingsSeverity::Warning, Kind::Pyproject, path,
        QStringLiteral("%1 needs maturin %2 or newer; the installed maturin %3%4 %5")
            .arg(what, since.toString(), installed.toString(), from,
                 unreadable ? QStringLiteral("cannot read it and stops with a parse error") : QStringLiteral("ignores it")),
        unreadable);
    return false;
}

void SettingsChecker::run()
{
    syntax();
    if (!p.hasPyproject) {
        // maturin builds a crate from Cargo.toml alone: judge the crate, warn about pip.
        if (p.hasCargo)
            out << CargoOnlyProject::noPyprojectWarning(p);
        cargo();
        if (!p.hasCargo || !p.cargo.isValid())
            return;
        moduleName();
        pyo3();
        features();
        metadataFiles();
        return;
    }
    if (!p.pyproject.isValid())
        return;
    project();
    scripts();
    people();
    const bool maturinProject = e.maturinBackend || e.hasToolMaturin;
    if (!maturinProject) {
        const QString backend = p.pyproject.string(kp(QStringLiteral("build-system.build-backend")));
        add(QStringLiteral("project.not-maturin"), SettingsSeverity::Info, Kind::Pyproject, kp(QStringLiteral("build-system.build-backend")),
            QStringLiteral("this project is built by %1, not maturin; maturin checks are skipped")
                .arg(backend.isEmpty() ? QStringLiteral("an unknown backend") : backend),
            true);
        return;
    }
    buildSystem();
    toolMaturinKeys();
    cargo();
    if (!p.hasCargo || !p.cargo.isValid())
        return;
    moduleName();
    layout();
    packageImports();
    pyo3();
    features();
    includes();
    licenseFiles();
    metadataFiles();
    size();
}

} // namespace wb::validation
