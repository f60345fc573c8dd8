#include "core/project/ProjectValidator.h"

#include "core/project/CargoOnlyProject.h"
#include "core/project/PackagingSpecs.h"
#include "core/project/RustModuleScanner.h"
#include "core/project/SettingSpec.h"
#include "core/toml/TomlLiteral.h"
#include "core/toml/TomlTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace wb {

namespace {

using Kind = ProjectFileKind;

TomlKeyPath kp(const QString &text)
{
    return TomlKeyPath::fromText(text);
}

// An array whose items are strings or tables with a string `key` (include/exclude globs, features):
// its tables, or nothing when the node is not such an array.
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

class Checker
{
public:
    Checker(const Project &p, const EffectiveSettings &e) : p(p), e(e) {}
    const Project &p;
    const EffectiveSettings &e;
    QList<SettingsDiagnostic> out;

    SettingsDiagnostic &add(const QString &id, SettingsSeverity sev, Kind file, const TomlKeyPath &at, const QString &message, bool onValue = false)
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
    static SettingsEdit setEdit(Kind file, const TomlKeyPath &key, const QString &value)
    {
        return {SettingsEdit::Op::Set, file, key.toString(), value, -1};
    }
    static SettingsEdit unsetEdit(Kind file, const TomlKeyPath &key)
    {
        return {SettingsEdit::Op::Unset, file, key.toString(), {}, -1};
    }

    void run();
    void syntax();
    void toolMaturinKeys();
    void checkValue(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void moduleName();
    void layout();
    void cargo();
    void pyo3();
    void project();
    void buildSystem();
    void includes();
    void features();
    void size();
    bool gate(const TomlKeyPath &path, const QVersionNumber &since, const QString &what, bool unreadable = false);
    void subTable(const QString &schema, const TomlKeyPath &path, const QString &shown, const toml::table &t, bool addressable,
                  const QVersionNumber &parentSince);
};

// Points a diagnostic at a place toml++ knows (keys and values inside arrays have no key path).
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

const TomlKeyPath toolMaturin({QStringLiteral("tool"), QStringLiteral("maturin")});

void Checker::syntax()
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
bool Checker::gate(const TomlKeyPath &path, const QVersionNumber &since, const QString &what, bool unreadable)
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

// The keys of a table-valued setting that has a schema (generate-ci and below). addressable: the table
// has a key path (it is not an element of an array of tables), so fixes can rename keys.
void Checker::subTable(const QString &schema, const TomlKeyPath &path, const QString &shown, const toml::table &t, bool addressable,
                       const QVersionNumber &parentSince)
{
    const QList<SettingSpec> &specs = MaturinSchema::subKeys(schema);
    QStringList known;
    for (const SettingSpec &s : specs)
        known << s.key;
    auto place = [&](SettingsDiagnostic &d, const toml::source_region &r, const QString &key) {
        if (!addressable) {
            placeAt(d, r);
            d.key = key;
        }
    };
    for (auto &&[k, node] : t) {
        const QString name = keyText(k);
        const TomlKeyPath kpath = path.child(name);
        const QString shownKey = shown + u'.' + name;
        const SettingSpec *spec = nullptr;
        for (const SettingSpec &s : specs) {
            if (s.key == name)
                spec = &s;
        }
        if (!spec) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, kpath,
                                        QStringLiteral("maturin does not know %1 and ignores it silently (%2 takes %3)")
                                            .arg(shownKey, shown, known.join(QStringLiteral(", "))));
            place(d, k.source(), QStringLiteral("tool.maturin.") + shownKey);
            const QString near = MaturinSchema::suggest(name, known);
            if (!near.isEmpty() && t.contains(near.toStdString())) {
                // The key it resembles is set too: say so, but renaming would overwrite it.
                d.message = QStringLiteral("maturin does not know %1 and ignores it silently (did you mean %2? %2 is also set here)").arg(shownKey, near);
            } else if (!near.isEmpty()) {
                d.message = QStringLiteral("maturin does not know %1 and ignores it silently (did you mean %2?)").arg(shownKey, near);
                if (addressable && !(node.is_table() && !node.as_table()->is_inline()) && !node.is_array_of_tables()) {
                    d.fixLabel = QStringLiteral("Rename to %1").arg(near);
                    d.fix = {setEdit(Kind::Pyproject, path.child(near), p.pyproject.valueText(kpath)), unsetEdit(Kind::Pyproject, kpath)};
                }
            }
            continue;
        }
        // Keys newer than their table (flagged once: not when the table itself is already too new).
        const QVersionNumber &installed = p.options.maturinVersion;
        if (spec->since > parentSince && (installed.isNull() || parentSince <= installed)) {
            if (!gate(kpath, spec->since, QStringLiteral("tool.maturin.") + shownKey) && !addressable)
                placeAt(out.last(), k.source());
        }
        if (!hasSpecType(node, spec->type)) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, kpath,
                                        QStringLiteral("%1 must be %2; maturin stops with a parse error")
                                            .arg(shownKey, MaturinSchema::typeName(spec->type)),
                                        true);
            place(d, node.source(), QStringLiteral("tool.maturin.") + shownKey);
            continue;
        }
        if (spec->type == SettingSpec::Type::Table) {
            subTable(schema + u'.' + name, kpath, shownKey, *node.as_table(), addressable, qMax(parentSince, spec->since));
        } else if (spec->type == SettingSpec::Type::TableArray) {
            int index = 0;
            for (const toml::node &el : *node.as_array()) {
                const toml::table &et = *el.as_table();
                const QString elShown = QStringLiteral("%1[%2]").arg(shownKey).arg(index++);
                if (schema.count(u'.') == 2 && name == QLatin1String("target") && !et.contains("arch")) {
                    SettingsDiagnostic &d = add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, kpath,
                                                QStringLiteral("%1 has no arch; every [[target]] needs one and maturin stops with "
                                                               "\"missing field `arch`\"")
                                                    .arg(elShown));
                    placeAt(d, el.source());
                    d.key = QStringLiteral("tool.maturin.") + elShown;
                }
                subTable(schema + u'.' + name, kpath, elShown, et, false, qMax(parentSince, spec->since));
            }
        }
    }
    // A platform table: targets and [[target]] exclude each other, and neither may be empty.
    if (schema.count(u'.') == 2) {
        const toml::node *targets = t.get("targets");
        const toml::node *target = t.get("target");
        if (targets && target && targets->is_array() && target->is_array()) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path.child(QStringLiteral("target")),
                                        QStringLiteral("%1 has both targets and [[target]]; maturin generate-ci stops (they exclude each other)").arg(shown));
            place(d, target->source(), QStringLiteral("tool.maturin.") + shown);
        }
        for (const toml::node *list : {targets, target}) {
            if (list && list->is_array() && list->as_array()->empty()) {
                const QString which = list == targets ? QStringLiteral("targets") : QStringLiteral("[[target]]");
                SettingsDiagnostic &d = add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject,
                                            path.child(list == targets ? QStringLiteral("targets") : QStringLiteral("target")),
                                            QStringLiteral("%1: %2 is empty; maturin generate-ci stops (leave it out for the default targets)")
                                                .arg(shown, which),
                                            true);
                place(d, list->source(), QStringLiteral("tool.maturin.") + shown);
            }
        }
    }
}

void Checker::checkValue(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    using T = SettingSpec::Type;
    auto wrongType = [&](const QString &expected) {
        add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path,
            QStringLiteral("%1 must be %2; maturin stops with a parse error").arg(spec.key, expected), true);
    };
    switch (spec.type) {
    case T::String:
    case T::Path:
        if (!node.is_string())
            return wrongType(MaturinSchema::typeName(spec.type));
        if (spec.key == QLatin1String("compatibility") || spec.key == QLatin1String("manylinux")) {
            static const QRegularExpression re(QStringLiteral("^(linux|off|manylinux1|1|manylinux2010|2010|manylinux2014|2014|"
                                                              "manylinux_[0-9]+_[0-9]+|[0-9]+_[0-9]+|musllinux_[0-9]+_[0-9]+|pypi)$"),
                                               QRegularExpression::CaseInsensitiveOption);
            const QString v = tomlString(&node);
            if (!re.match(v).hasMatch())
                add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("compatibility '%1' is not a platform tag maturin knows (manylinux_2_17, manylinux2014, "
                                   "musllinux_1_2, linux, pypi ...)")
                        .arg(v),
                    true);
            else if (v.compare(QLatin1String("pypi"), Qt::CaseInsensitive) == 0)
                gate(path, QVersionNumber(1, 9), QStringLiteral("compatibility = \"pypi\""), true);
        }
        return;
    case T::Bool:
        if (!node.is_boolean())
            return wrongType(MaturinSchema::typeName(spec.type));
        return;
    case T::Enum: {
        if (!node.is_string())
            return wrongType(QStringLiteral("one of %1").arg(spec.allowed.join(QStringLiteral(", "))));
        const QString v = tomlString(&node);
        if (!spec.allowed.contains(v)) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                                QStringLiteral("%1 = \"%2\" is not one of %3; maturin stops with \"unknown variant\"")
                                    .arg(spec.key, v, spec.allowed.join(QStringLiteral(", "))),
                                true);
            const QString near = MaturinSchema::suggest(v, spec.allowed);
            if (!near.isEmpty()) {
                d.message += QStringLiteral(" (did you mean \"%1\"?)").arg(near);
                d.fixLabel = QStringLiteral("Use \"%1\"").arg(near);
                d.fix = {setEdit(Kind::Pyproject, path, TomlLiteral::string(near))};
            }
        } else if (spec.key == QLatin1String("auditwheel") && v == QLatin1String("warn")) {
            gate(path, QVersionNumber(1, 13), QStringLiteral("auditwheel = \"warn\""), true);
        }
        return;
    }
    case T::StringArray: {
        const toml::array *a = node.as_array();
        if (!a)
            return wrongType(MaturinSchema::typeName(spec.type));
        for (const toml::node &n : *a) {
            if (!n.is_string())
                return wrongType(MaturinSchema::typeName(spec.type));
        }
        return;
    }
    case T::GlobArray: {
        const std::optional<QList<const toml::table *>> tables = tableEntries(node, "path");
        if (!tables)
            return wrongType(MaturinSchema::typeName(spec.type));
        for (const toml::table *t : *tables) {
            if (const toml::node *f = t->get("format")) {
                QStringList formats;
                if (f->is_string())
                    formats << tomlString(f);
                else if (const toml::array *fa = f->as_array()) {
                    for (const toml::node &x : *fa)
                        formats << tomlString(&x);
                }
                for (const QString &fmt : formats) {
                    if (fmt != QLatin1String("sdist") && fmt != QLatin1String("wheel"))
                        add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                            QStringLiteral("%1: format \"%2\" must be \"sdist\" or \"wheel\"").arg(spec.key, fmt), true);
                }
            }
            if (t->get("crate-name") && !t->get("crate_name"))
                add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, path,
                    QStringLiteral("%1: maturin reads crate_name (with an underscore); crate-name is ignored").arg(spec.key), true);
        }
        return;
    }
    case T::FeatureArray: {
        const std::optional<QList<const toml::table *>> tables = tableEntries(node, "feature");
        if (!tables)
            return wrongType(MaturinSchema::typeName(spec.type));
        for (const toml::table *t : *tables) {
            gate(path, QVersionNumber(1, 12, 4), QStringLiteral("a conditional feature table"), true);
            if (const toml::node *impl = t->get("python-implementation")) {
                const QString v = tomlString(impl);
                if (v != QLatin1String("cpython") && v != QLatin1String("pypy") && v != QLatin1String("graalpy"))
                    add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                        QStringLiteral("features: python-implementation \"%1\" must be cpython, pypy or graalpy").arg(v), true);
            }
            if (const toml::node *pv = t->get("python-version")) {
                QString bad;
                if (!PackagingSpecs::isValidSpecifier(tomlString(pv), &bad))
                    add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                        QStringLiteral("features: python-version '%1' is not a PEP 440 specifier").arg(tomlString(pv)), true);
            }
        }
        return;
    }
    case T::TargetArray: {
        const toml::array *a = node.as_array();
        if (!a)
            return wrongType(MaturinSchema::typeName(spec.type));
        static const QStringList kinds = {QStringLiteral("bin"), QStringLiteral("cdylib"), QStringLiteral("dylib"),
                                          QStringLiteral("lib"), QStringLiteral("rlib"), QStringLiteral("staticlib")};
        for (const toml::node &n : *a) {
            const toml::table *t = n.as_table();
            if (!t || !t->get("name") || !t->get("name")->is_string())
                return wrongType(MaturinSchema::typeName(spec.type));
            if (const toml::node *kd = t->get("kind")) {
                if (!kinds.contains(tomlString(kd)))
                    add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                        QStringLiteral("targets: kind \"%1\" must be one of %2").arg(tomlString(kd), kinds.join(QStringLiteral(", "))), true);
            }
        }
        return;
    }
    case T::TableArray:
        if (!hasSpecType(node, spec.type))
            return wrongType(MaturinSchema::typeName(spec.type));
        return;
    case T::Table: {
        const toml::table *t = node.as_table();
        if (!t)
            return wrongType(MaturinSchema::typeName(spec.type));
        if (spec.key == QLatin1String("target")) {
            for (auto &&[triple, v] : *t) {
                const QString tr = QString::fromUtf8(triple.str().data(), qsizetype(triple.str().size()));
                const toml::table *tt = v.as_table();
                if (!tt) {
                    add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path.child(tr),
                        QStringLiteral("target.\"%1\" must be a table").arg(tr));
                    continue;
                }
                for (auto &&[key, val] : *tt) {
                    const QString ks = QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
                    if (ks != QLatin1String("macos-deployment-target") && ks != QLatin1String("macosx-deployment-target"))
                        add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, path.child(tr).child(ks),
                            QStringLiteral("target.\"%1\".%2 is not a key maturin knows (only macos-deployment-target); "
                                           "maturin ignores it")
                                .arg(tr, ks));
                    else if (!val.is_string())
                        add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path.child(tr).child(ks),
                            QStringLiteral("%1 must be a string such as \"11.0\"").arg(ks), true);
                }
            }
        } else if (spec.key == QLatin1String("generate-ci")) {
            subTable(spec.key, path, spec.key, *t, true, spec.since);
        } else if (spec.key == QLatin1String("sbom")) {
            for (auto &&[key, val] : *t) {
                const QString ks = QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
                if (ks == QLatin1String("rust") || ks == QLatin1String("auditwheel")) {
                    if (!val.is_boolean())
                        add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path.child(ks),
                            QStringLiteral("sbom.%1 must be true or false").arg(ks), true);
                } else if (ks != QLatin1String("include")) {
                    add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, path.child(ks),
                        QStringLiteral("sbom.%1 is not a key maturin knows (rust, auditwheel, include); maturin ignores it").arg(ks));
                }
            }
        }
        return;
    }
    }
}

void Checker::toolMaturinKeys()
{
    const toml::node *tm = tomlNodeAt(p.pyproject, toolMaturin);
    if (!tm)
        return;
    const toml::table *t = tm->as_table();
    if (!t) {
        add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, toolMaturin,
            QStringLiteral("tool.maturin must be a table"));
        return;
    }
    QStringList known;
    for (const SettingSpec &s : MaturinSchema::keys())
        known << s.key;
    for (auto &&[key, node] : *t) {
        const QString name = QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
        const TomlKeyPath path = toolMaturin.child(name);
        if (const SettingSpec *spec = MaturinSchema::find(name)) {
            gate(path, spec->since, QStringLiteral("tool.maturin.%1").arg(name));
            checkValue(*spec, path, node);
            if (spec->deprecated) {
                SettingsDiagnostic &d = add(QStringLiteral("maturin.deprecated-key"), SettingsSeverity::Warning, Kind::Pyproject, path,
                                    QStringLiteral("%1 is deprecated; use %2").arg(name, spec->replacement));
                if (name == QLatin1String("skip-auditwheel")) {
                    d.fixLabel = QStringLiteral("Replace with auditwheel");
                    if (node.is_boolean() && node.as_boolean()->get())
                        d.fix << setEdit(Kind::Pyproject, toolMaturin.child(QStringLiteral("auditwheel")), QStringLiteral("\"skip\""));
                    d.fix << unsetEdit(Kind::Pyproject, path);
                }
            }
            continue;
        }
        if (const RetiredKey *r = MaturinSchema::findRetired(name)) {
            SettingsDiagnostic &d = add(r->cliOnly ? QStringLiteral("maturin.cli-only-key") : QStringLiteral("maturin.removed-key"),
                                SettingsSeverity::Warning, Kind::Pyproject, path,
                                QStringLiteral("%1 is %2, so maturin ignores it here; %3").arg(name, r->reason, r->instead));
            d.fixLabel = QStringLiteral("Remove %1").arg(name);
            d.fix = {unsetEdit(Kind::Pyproject, path)};
            continue;
        }
        SettingsDiagnostic &d = add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, path,
                            QStringLiteral("maturin does not know the key %1 and ignores it silently").arg(name));
        const QString near = MaturinSchema::suggest(name, known);
        if (!near.isEmpty() && t->contains(near.toStdString())) {
            // The key it resembles is set too: say so, but renaming would overwrite it.
            d.message += QStringLiteral(" (did you mean %1? %1 is also set here)").arg(near);
        } else if (!near.isEmpty()) {
            d.message += QStringLiteral(" (did you mean %1?)").arg(near);
            d.fixLabel = QStringLiteral("Rename to %1").arg(near);
            d.fix = {setEdit(Kind::Pyproject, toolMaturin.child(near), p.pyproject.valueText(path)), unsetEdit(Kind::Pyproject, path)};
        }
    }
}

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(s).hasMatch();
}

void Checker::moduleName()
{
    if (e.moduleName.isEmpty() || e.bindings == QLatin1String("bin"))
        return;
    Kind file = Kind::Pyproject;
    TomlKeyPath at;
    if (e.moduleNameFrom.startsWith(QLatin1String("[tool.maturin]")))
        at = toolMaturin.child(QStringLiteral("module-name"));
    else if (e.moduleNameFrom.contains(QLatin1String("[lib]"))) {
        file = Kind::Cargo;
        at = kp(QStringLiteral("lib.name"));
    } else if (e.moduleNameFrom.startsWith(QLatin1String("[project]")))
        at = kp(QStringLiteral("project.name"));
    else {
        file = Kind::Cargo;
        at = kp(QStringLiteral("package.name"));
    }
    if (e.moduleName.contains(u'-')) {
        SettingsDiagnostic &d = add(QStringLiteral("module.name-has-dash"), SettingsSeverity::Error, file, at,
                            QStringLiteral("the module name '%1' (from %2) contains '-': maturin stops with \"The module name "
                                           "must not contain a minus\"; set [lib] name or [tool.maturin] module-name")
                                .arg(e.moduleName, e.moduleNameFrom),
                            true);
        QString fixed = e.moduleName;
        fixed.replace(u'-', u'_');
        d.fixLabel = QStringLiteral("Set module-name = \"%1\"").arg(fixed);
        d.fix = {setEdit(Kind::Pyproject, toolMaturin.child(QStringLiteral("module-name")), TomlLiteral::string(fixed))};
        return;
    }
    const QStringList parts = e.moduleName.split(u'.');
    for (const QString &part : parts) {
        if (!isIdentifier(part)) {
            add(QStringLiteral("module.name-invalid"), SettingsSeverity::Error, file, at,
                QStringLiteral("the module name '%1' is not a Python import name (letters, digits and _, parts separated by dots)")
                    .arg(e.moduleName),
                true);
            return;
        }
    }
    if (!p.options.checkFilesystem || !p.hasCargo || e.bindings != QLatin1String("pyo3"))
        return;
    QString libPath = p.cargo.string(kp(QStringLiteral("lib.path")));
    const QDir crateDir = QFileInfo(p.cargoPath).absoluteDir();
    const QString srcDir = libPath.isEmpty() ? crateDir.filePath(QStringLiteral("src"))
                                             : QFileInfo(crateDir.filePath(libPath)).absolutePath();
    const QList<PyModuleDecl> decls = scanPyModules(srcDir);
    if (decls.isEmpty())
        return;
    QStringList names;
    for (const PyModuleDecl &d : decls) {
        if (d.name == e.extensionName)
            return;
        names << d.name;
    }
    names.removeDuplicates();
    // maturin builds it (its test crate workspace-inheritance is such a case); importing it fails.
    SettingsDiagnostic &d = add(QStringLiteral("module.pymodule-mismatch"), SettingsSeverity::Warning, file, at,
                        QStringLiteral("the extension is named '%1' (from %2) but the crate's #[pymodule] is '%3' (%4:%5): "
                                       "maturin builds it, but importing it will fail with \"dynamic module does not define module export function (PyInit_%1)\"")
                            .arg(e.extensionName, e.moduleNameFrom, names.join(QStringLiteral("', '")),
                                 QDir(p.dir).relativeFilePath(decls.first().file))
                            .arg(decls.first().line),
                        true);
    if (names.size() == 1) {
        QStringList fixedParts = parts;
        fixedParts.last() = names.first();
        const QString fixed = fixedParts.join(u'.');
        d.fixLabel = QStringLiteral("Set module-name = \"%1\"").arg(fixed);
        d.fix = {setEdit(Kind::Pyproject, toolMaturin.child(QStringLiteral("module-name")), TomlLiteral::string(fixed))};
    }
}

void Checker::layout()
{
    if (!p.options.checkFilesystem)
        return;
    const QString ps = p.pyproject.string(toolMaturin.child(QStringLiteral("python-source")));
    if (ps.isEmpty())
        return;
    const TomlKeyPath at = toolMaturin.child(QStringLiteral("python-source"));
    const QDir dir(p.dir);
    const QString src = QDir::cleanPath(dir.filePath(ps));
    if (!QFileInfo(src).isDir()) {
        add(QStringLiteral("layout.python-source-missing"), SettingsSeverity::Error, Kind::Pyproject, at,
            QStringLiteral("python-source is set to '%1' but that folder does not exist").arg(ps), true);
        return;
    }
    // maturin (ProjectLayout) refuses an explicit python-source without the module's package in it;
    // a bin project's package is named after the crate, '-' read as '_'.
    QString first = e.moduleName.section(u'.', 0, 0);
    if (e.bindings == QLatin1String("bin"))
        first.replace(u'-', u'_');
    if (first.isEmpty())
        return;
    const QString pkg = QDir(src).filePath(first);
    if (!QFileInfo(pkg).isDir()) {
        const QString expected = QDir::cleanPath(ps + u'/' + first);
        add(QStringLiteral("layout.package-missing"), SettingsSeverity::Error, Kind::Pyproject, at,
            QStringLiteral("python-source is set to `%1`, but the python module at `%2` does not exist: maturin stops here. "
                           "Expected the package folder %2/ for the module %3 (from %4); move the package there or "
                           "change python-source")
                .arg(ps, expected, e.moduleName, e.moduleNameFrom),
            true);
        return;
    }
    if (!QFileInfo(QDir(pkg).filePath(QStringLiteral("__init__.py"))).isFile()
        && !QFileInfo(QDir(pkg).filePath(QStringLiteral("Cargo.toml"))).isFile())
        add(QStringLiteral("layout.init-missing"), SettingsSeverity::Warning, Kind::Pyproject, at,
            QStringLiteral("%1/%2 has no __init__.py, so it is not a regular Python package").arg(ps, first), true);
}

void Checker::cargo()
{
    if (!p.hasCargo) {
        const QString mp = p.pyproject.string(toolMaturin.child(QStringLiteral("manifest-path")));
        if (!mp.isEmpty())
            add(QStringLiteral("cargo.manifest-missing"), SettingsSeverity::Error, Kind::Pyproject, toolMaturin.child(QStringLiteral("manifest-path")),
                QStringLiteral("manifest-path '%1' does not exist").arg(mp), true);
        else {
            SettingsDiagnostic d;
            d.id = QStringLiteral("cargo.manifest-missing");
            d.severity = SettingsSeverity::Error;
            d.fileKind = Kind::Pyproject;
            d.file = p.pyprojectPath;
            d.message = QStringLiteral("no Cargo.toml found (looked for Cargo.toml and rust/Cargo.toml); set "
                                       "[tool.maturin] manifest-path");
            out << d;
        }
        return;
    }
    if (!p.cargo.isValid())
        return;
    static const QStringList needCdylib = {QStringLiteral("pyo3"), QStringLiteral("pyo3-ffi"), QStringLiteral("cffi"),
                                           QStringLiteral("uniffi")};
    if (needCdylib.contains(e.bindings) && !e.crateTypes.contains(QStringLiteral("cdylib"))) {
        const bool hasList = p.cargo.kind(kp(QStringLiteral("lib.crate-type"))) == TomlDocument::Kind::Array;
        // Without a crate-type list maturin builds the lib as a cdylib itself (cargo rustc --crate-type
        // cdylib; maturin's test crate pyo3-feature relies on it); only cargo build makes no extension.
        SettingsDiagnostic &d = add(QStringLiteral("cargo.crate-type-no-cdylib"), hasList ? SettingsSeverity::Error : SettingsSeverity::Warning,
                            Kind::Cargo, hasList ? kp(QStringLiteral("lib.crate-type")) : kp(QStringLiteral("lib")),
                            hasList ? QStringLiteral("%1 bindings need a cdylib: [lib] crate-type has no \"cdylib\"").arg(e.bindings)
                                    : QStringLiteral("%1 bindings need a cdylib: there is no [lib] crate-type, so maturin builds a cdylib "
                                                     "itself, but cargo build alone makes no extension module").arg(e.bindings),
                            true);
        d.fixLabel = QStringLiteral("Add \"cdylib\" to [lib] crate-type");
        if (hasList)
            d.fix = {{SettingsEdit::Op::Append, Kind::Cargo, QStringLiteral("lib.crate-type"), QStringLiteral("\"cdylib\""), -1}};
        else
            d.fix = {setEdit(Kind::Cargo, kp(QStringLiteral("lib.crate-type")), QStringLiteral("[\"cdylib\"]"))};
    }
    const QString profile = p.pyproject.string(toolMaturin.child(QStringLiteral("profile")));
    for (const QString &prof : {profile, p.pyproject.string(toolMaturin.child(QStringLiteral("editable-profile")))}) {
        if (prof.isEmpty())
            continue;
        static const QStringList builtIn = {QStringLiteral("dev"), QStringLiteral("release"), QStringLiteral("test"),
                                            QStringLiteral("bench")};
        const TomlKeyPath profPath({QStringLiteral("profile"), prof});
        if (!builtIn.contains(prof) && !p.cargo.contains(profPath) && !p.workspaceRoot.contains(profPath))
            add(QStringLiteral("cargo.profile-unknown"), SettingsSeverity::Warning, Kind::Pyproject,
                toolMaturin.child(prof == profile ? QStringLiteral("profile") : QStringLiteral("editable-profile")),
                QStringLiteral("Cargo profile '%1' is not defined in Cargo.toml ([profile.%1])").arg(prof), true);
    }
}

void Checker::pyo3()
{
    if (!e.hasPyo3 || e.bindings == QLatin1String("bin") || !p.cargo.isValid())
        return;
    if (!e.pyo3Version.isNull()) {
        const QVersionNumber cut(0, 26);
        if (e.pyo3Version < cut && !e.extensionModule) {
            SettingsDiagnostic &d = add(QStringLiteral("pyo3.extension-module-missing"), SettingsSeverity::Error, Kind::Cargo,
                                kp(QStringLiteral("dependencies.pyo3")),
                                QStringLiteral("PyO3 %1 (older than 0.26) needs the extension-module feature, otherwise maturin "
                                               "fails with \"Your library links libpython\"; enable it in [tool.maturin] features")
                                    .arg(e.pyo3Requirement),
                                false);
            d.fixLabel = QStringLiteral("Add \"pyo3/extension-module\" to [tool.maturin] features");
            d.fix = {{SettingsEdit::Op::Append, Kind::Pyproject, QStringLiteral("tool.maturin.features"),
                      QStringLiteral("\"pyo3/extension-module\""), -1}};
        } else if (!(e.pyo3Version < cut) && e.extensionModule) {
            SettingsDiagnostic *d = nullptr;
            if (e.extensionModuleFrom.startsWith(QLatin1String("[tool.maturin]"))) {
                const TomlKeyPath fp = toolMaturin.child(QStringLiteral("features"));
                d = &add(QStringLiteral("pyo3.extension-module-deprecated"), SettingsSeverity::Warning, Kind::Pyproject, fp,
                         QString(), true);
                const QStringList list = p.pyproject.stringArray(fp);
                const int idx = int(list.indexOf(QStringLiteral("pyo3/extension-module")));
                if (idx >= 0) {
                    d->fixLabel = QStringLiteral("Remove pyo3/extension-module");
                    d->fix = {{SettingsEdit::Op::RemoveElement, Kind::Pyproject, fp.toString(), {}, idx}};
                }
            } else {
                const TomlKeyPath fp = kp(QStringLiteral("dependencies.pyo3.features"));
                d = &add(QStringLiteral("pyo3.extension-module-deprecated"), SettingsSeverity::Warning, Kind::Cargo, fp, QString(), true);
                const int idx = int(p.cargo.stringArray(fp).indexOf(QStringLiteral("extension-module")));
                if (idx >= 0) {
                    d->fixLabel = QStringLiteral("Remove extension-module");
                    d->fix = {{SettingsEdit::Op::RemoveElement, Kind::Cargo, fp.toString(), {}, idx}};
                }
            }
            d->message = QStringLiteral("PyO3 %1 no longer needs the extension-module feature (deprecated; maturin >= 1.9.4 sets "
                                        "PYO3_BUILD_EXTENSION_MODULE): remove it from %2")
                             .arg(e.pyo3Requirement, e.extensionModuleFrom);
        }
    }
    if (e.abi3Minor >= 0) {
        const QString rp = p.pyproject.string(kp(QStringLiteral("project.requires-python")));
        const QVersionNumber low = PackagingSpecs::lowerBound(rp);
        if (!low.isNull() && low.majorVersion() == 3 && low.minorVersion() < e.abi3Minor) {
            add(QStringLiteral("pyo3.abi3-requires-python"), SettingsSeverity::Warning, Kind::Pyproject, kp(QStringLiteral("project.requires-python")),
                QStringLiteral("PyO3 feature %1 makes wheels for Python 3.%2 and newer, but requires-python '%3' also allows 3.%4; "
                               "raise requires-python to >=3.%2 or lower the abi3 feature")
                    .arg(e.abi3Feature)
                    .arg(e.abi3Minor)
                    .arg(rp)
                    .arg(low.minorVersion()),
                true);
        }
    }
}

void Checker::project()
{
    const TomlKeyPath proj({QStringLiteral("project")});
    if (p.pyproject.kind(proj) != TomlDocument::Kind::Table)
        return;
    const QString name = p.pyproject.string(proj.child(QStringLiteral("name")));
    if (p.pyproject.contains(proj.child(QStringLiteral("name"))) && !PackagingSpecs::isValidName(name))
        add(QStringLiteral("project.name-invalid"), SettingsSeverity::Error, Kind::Pyproject, proj.child(QStringLiteral("name")),
            QStringLiteral("project name '%1' is not a valid PEP 508 name (letters, digits, '-', '_', '.'; starting and ending "
                           "with a letter or digit)")
                .arg(name),
            true);
    const bool hasVersion = p.pyproject.contains(proj.child(QStringLiteral("version")));
    const bool dynamicVersion = p.pyproject.stringArray(proj.child(QStringLiteral("dynamic"))).contains(QStringLiteral("version"));
    if (hasVersion && dynamicVersion) {
        SettingsDiagnostic &d = add(QStringLiteral("project.version-conflict"), SettingsSeverity::Error, Kind::Pyproject, proj.child(QStringLiteral("version")),
                            QStringLiteral("project.version is set and also listed in dynamic; keep one of them"));
        d.fixLabel = QStringLiteral("Remove project.version (take it from Cargo.toml)");
        d.fix = {unsetEdit(Kind::Pyproject, proj.child(QStringLiteral("version")))};
    } else if (!hasVersion && !dynamicVersion) {
        SettingsDiagnostic &d = add(QStringLiteral("project.version-missing"), SettingsSeverity::Error, Kind::Pyproject, proj,
                            QStringLiteral("neither project.version nor dynamic = [\"version\"]: maturin develop stops with "
                                           "\"Cannot build without valid version information\""));
        d.fixLabel = QStringLiteral("Add dynamic = [\"version\"] (the version comes from Cargo.toml)");
        if (p.pyproject.contains(proj.child(QStringLiteral("dynamic"))))
            d.fix = {{SettingsEdit::Op::Append, Kind::Pyproject, QStringLiteral("project.dynamic"), QStringLiteral("\"version\""), -1}};
        else
            d.fix = {setEdit(Kind::Pyproject, proj.child(QStringLiteral("dynamic")), QStringLiteral("[\"version\"]"))};
    }
    if (hasVersion) {
        const QString v = p.pyproject.string(proj.child(QStringLiteral("version")));
        if (!PackagingSpecs::isValidVersion(v))
            add(QStringLiteral("project.version-invalid"), SettingsSeverity::Error, Kind::Pyproject, proj.child(QStringLiteral("version")),
                QStringLiteral("version '%1' is not a PEP 440 version").arg(v), true);
    }
    const TomlKeyPath rpPath = proj.child(QStringLiteral("requires-python"));
    if (p.pyproject.contains(rpPath)) {
        QString bad;
        if (!PackagingSpecs::isValidSpecifier(p.pyproject.string(rpPath), &bad))
            add(QStringLiteral("project.requires-python-invalid"), SettingsSeverity::Error, Kind::Pyproject, rpPath,
                QStringLiteral("requires-python: '%1' is not a PEP 440 version specifier").arg(bad), true);
    }
    auto checkReqs = [&](const TomlKeyPath &path) {
        QString err;
        for (const QString &r : p.pyproject.stringArray(path)) {
            if (!PackagingSpecs::isValidRequirement(r, &err)) {
                add(QStringLiteral("project.dependency-invalid"), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("%1: %2").arg(path.toString(), err), true);
            }
        }
    };
    checkReqs(proj.child(QStringLiteral("dependencies")));
    for (const QString &extra : p.pyproject.keys(proj.child(QStringLiteral("optional-dependencies"))))
        checkReqs(proj.child(QStringLiteral("optional-dependencies")).child(extra));
}

void Checker::buildSystem()
{
    const TomlKeyPath bs({QStringLiteral("build-system")});
    if (!p.pyproject.contains(bs)) {
        add(QStringLiteral("build-system.missing"), SettingsSeverity::Warning, Kind::Pyproject, bs,
            QStringLiteral("no [build-system]: pip cannot build this project with maturin, and maturin sdist refuses it"));
        return;
    }
    const QString backend = p.pyproject.string(bs.child(QStringLiteral("build-backend")));
    if (backend != QLatin1String("maturin") && e.hasToolMaturin) {
        add(QStringLiteral("build-system.backend-not-maturin"), SettingsSeverity::Warning, Kind::Pyproject, bs.child(QStringLiteral("build-backend")),
            backend.isEmpty() ? QStringLiteral("build-backend is not set; maturin projects use build-backend = \"maturin\"")
                              : QStringLiteral("build-backend is \"%1\", not \"maturin\"; maturin warns about it").arg(backend),
            true);
    }
    const TomlKeyPath reqPath = bs.child(QStringLiteral("requires"));
    const QStringList reqs = p.pyproject.stringArray(reqPath);
    for (int i = 0; i < reqs.size(); ++i) {
        QString err;
        if (!PackagingSpecs::isValidRequirement(reqs.at(i), &err)) {
            add(QStringLiteral("build-system.requirement-invalid"), SettingsSeverity::Error, Kind::Pyproject, reqPath,
                QStringLiteral("build-system.requires: %1").arg(err), true);
            continue;
        }
        if (PackagingSpecs::normalizedName(PackagingSpecs::requirementName(reqs.at(i))) != QLatin1String("maturin"))
            continue;
        const QString spec = PackagingSpecs::requirementSpecifier(reqs.at(i));
        if (!PackagingSpecs::hasUpperBound(spec) && !reqs.at(i).contains(u'@')) {
            SettingsDiagnostic &d = add(QStringLiteral("build-system.maturin-unbounded"), SettingsSeverity::Warning, Kind::Pyproject, reqPath,
                                QStringLiteral("'%1' has no upper bound; maturin asks for one, e.g. \"maturin>=1.0,<2.0\"").arg(reqs.at(i)),
                                true);
            QStringList fixed = reqs;
            const QString name = PackagingSpecs::requirementName(reqs.at(i));
            fixed[i] = spec.trimmed().isEmpty() ? QString(name + QStringLiteral(">=1.0,<2.0")) : QString(name + spec.trimmed() + QStringLiteral(",<2.0"));
            d.fixLabel = QStringLiteral("Use \"%1\"").arg(fixed.at(i));
            d.fix = {setEdit(Kind::Pyproject, reqPath, TomlLiteral::stringArray(fixed))};
        }
    }
}

void Checker::includes()
{
    if (!p.options.checkFilesystem)
        return;
    const TomlKeyPath path = toolMaturin.child(QStringLiteral("include"));
    const toml::node *n = tomlNodeAt(p.pyproject, path);
    const toml::array *a = n ? n->as_array() : nullptr;
    if (!a)
        return;
    // The project's files (bounded), relative to the project folder.
    QStringList files;
    QDirIterator it(p.dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    static const QStringList skip = {QStringLiteral("/target/"), QStringLiteral("/.git/"), QStringLiteral("/node_modules/"),
                                     QStringLiteral("/.venv/")};
    const QDir root(p.dir);
    while (it.hasNext() && files.size() < 50000) {
        const QString f = it.next();
        const QString rel = root.relativeFilePath(f);
        bool skipIt = false;
        for (const QString &s : skip)
            skipIt = skipIt || QString(u'/' + rel + u'/').contains(s);
        if (!skipIt)
            files << rel;
    }
    const QString ps = e.pythonSource;
    for (const toml::node &el : *a) {
        QString glob;
        if (el.is_string())
            glob = tomlString(&el);
        else if (const toml::table *t = el.as_table()) {
            if (t->get("from"))
                continue; // copied from a build script's OUT_DIR at build time
            glob = tomlString(t->get("path"));
        }
        if (glob.isEmpty())
            continue;
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob, QRegularExpression::NonPathWildcardConversion));
        const QString alt = ps.isEmpty() ? QString() : QDir::cleanPath(ps + u'/' + glob);
        const QRegularExpression reAlt(alt.isEmpty() ? QStringLiteral("^$")
                                                     : QRegularExpression::wildcardToRegularExpression(alt, QRegularExpression::NonPathWildcardConversion));
        bool matched = false;
        for (const QString &f : files) {
            if (re.match(f).hasMatch() || (!alt.isEmpty() && reAlt.match(f).hasMatch())) {
                matched = true;
                break;
            }
        }
        if (!matched)
            add(QStringLiteral("files.include-no-match"), SettingsSeverity::Warning, Kind::Pyproject, path,
                QStringLiteral("include pattern '%1' matches no file in the project").arg(glob), true);
    }
}

void Checker::features()
{
    if (!p.cargo.isValid() || !p.hasCargo)
        return;
    const TomlKeyPath path = toolMaturin.child(QStringLiteral("features"));
    for (const QString &f : e.toolFeatures) {
        if (f.isEmpty())
            continue;
        if (f.contains(u'/')) {
            QString dep = f.section(u'/', 0, 0);
            if (dep.endsWith(u'?'))
                dep.chop(1);
            if (!e.dependencies.contains(dep) && !p.cargo.contains(TomlKeyPath({QStringLiteral("target")})))
                add(QStringLiteral("cargo.feature-undefined"), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("feature '%1': the crate has no dependency named '%2'").arg(f, dep), true);
            continue;
        }
        if (!e.cargoFeatures.contains(f) && !e.optionalDependencies.contains(f))
            add(QStringLiteral("cargo.feature-undefined"), SettingsSeverity::Error, Kind::Pyproject, path,
                QStringLiteral("feature '%1' is not defined in Cargo.toml [features]; cargo stops with \"does not have "
                               "the feature\"")
                    .arg(f),
                true);
    }
}

void Checker::size()
{
    if (e.bindings.isEmpty())
        return;
    if (p.pyproject.boolean(toolMaturin.child(QStringLiteral("strip"))))
        return;
    const TomlKeyPath ps = kp(QStringLiteral("profile.release.strip"));
    for (const TomlDocument *doc : {&p.cargo, &p.workspaceRoot}) {
        const toml::node *n = tomlNodeAt(*doc, ps);
        if (n && ((n->is_boolean() && n->as_boolean()->get()) || (n->is_string() && tomlString(n) != QLatin1String("none"))))
            return;
    }
    SettingsDiagnostic &d = add(QStringLiteral("size.no-strip"), SettingsSeverity::Info, Kind::Pyproject, toolMaturin,
                        QStringLiteral("symbols are not stripped (no strip = true here, no [profile.release] strip in Cargo.toml); "
                                       "wheels are larger than they need to be"));
    d.fixLabel = QStringLiteral("Set strip = true");
    d.fix = {setEdit(Kind::Pyproject, toolMaturin.child(QStringLiteral("strip")), QStringLiteral("true"))};
}

void Checker::run()
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
        return;
    }
    if (!p.pyproject.isValid())
        return;
    project();
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
    pyo3();
    features();
    includes();
    size();
}

} // namespace

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project)
{
    return validate(project, computeEffectiveSettings(project));
}

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project, const EffectiveSettings &effective)
{
    Checker c(project, effective);
    c.out = project.loadDiagnostics;
    c.run();
    std::stable_sort(c.out.begin(), c.out.end(), [](const SettingsDiagnostic &a, const SettingsDiagnostic &b) {
        if (a.file != b.file)
            return a.fileKind < b.fileKind;
        return a.line < b.line;
    });
    return c.out;
}

int ProjectValidator::count(const QList<SettingsDiagnostic> &diagnostics, SettingsSeverity severity)
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(), [severity](const SettingsDiagnostic &d) { return d.severity == severity; }));
}

} // namespace wb
