#include "core/project/SettingsChecker.h"

#include "core/binary/Policy.h"
#include "core/project/PackagingSpecs.h"
#include "core/toml/TomlLiteral.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace wb::validation {

void SettingsChecker::wrongType(const SettingSpec &spec, const TomlKeyPath &path, const QString &expected)
{
    add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path,
        QStringLiteral("%1 must be %2; maturin stops with a parse error").arg(spec.key, expected), true);
}

void SettingsChecker::checkValue(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    using T = SettingSpec::Type;
    const QString typeName = MaturinSchema::typeName(spec.type);
    switch (spec.type) {
    case T::String:
    case T::Path:
        if (!node.is_string())
            return wrongType(spec, path, typeName);
        if (spec.key == QLatin1String("compatibility") || spec.key == QLatin1String("manylinux"))
            checkCompatibility(path, node);
        return;
    case T::Bool:
        if (!node.is_boolean())
            return wrongType(spec, path, typeName);
        return;
    case T::Enum:
        return checkEnum(spec, path, node);
    case T::StringArray: {
        // Not hasSpecType: toml++ calls an empty array not homogeneous, and [] is a fine list.
        const toml::array *a = node.as_array();
        if (!a || !std::all_of(a->begin(), a->end(), [](const toml::node &n) { return n.is_string(); }))
            return wrongType(spec, path, typeName);
        return;
    }
    case T::TableArray:
        if (!hasSpecType(node, spec.type))
            return wrongType(spec, path, typeName);
        return;
    case T::GlobArray:
        return checkGlobArray(spec, path, node);
    case T::FeatureArray:
        return checkFeatureArray(spec, path, node);
    case T::TargetArray:
        return checkTargetArray(spec, path, node);
    case T::Table: {
        const toml::table *t = node.as_table();
        if (!t)
            return wrongType(spec, path, typeName);
        if (spec.key == QLatin1String("target"))
            checkTargetTable(path, *t);
        else if (spec.key == QLatin1String("generate-ci"))
            subTable(spec.key, path, spec.key, *t, true, spec.since);
        else if (spec.key == QLatin1String("sbom"))
            checkSbomTable(path, *t);
        return;
    }
    }
}

void SettingsChecker::checkCompatibility(const TomlKeyPath &path, const toml::node &node)
{
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
    else
        checkPolicyDefined(path, v);
}

namespace {
// The C library version a policy name carries: manylinux_2_17 -> 2.17, musllinux_1_2 -> 1.2.
QVersionNumber policyVersion(const QString &name)
{
    return QVersionNumber::fromString(name.section(u'_', 1).replace(u'_', u'.'));
}
} // namespace

// maturin audits the library against the policy the tag names; a manylinux or musllinux tag no policy
// defines stops it after the compile ("manylinux_2_20 compatibility policy is not defined by auditwheel
// yet, pass `--auditwheel=skip` to proceed anyway", maturin 1.8.3), unless the audit is skipped.
void SettingsChecker::checkPolicyDefined(const TomlKeyPath &path, const QString &value)
{
    static const QHash<QString, QString> shortForms = {{QStringLiteral("1"), QStringLiteral("manylinux1")},
                                                       {QStringLiteral("2010"), QStringLiteral("manylinux2010")},
                                                       {QStringLiteral("2014"), QStringLiteral("manylinux2014")}};
    static const QRegularExpression glibcOnly(QStringLiteral("^[0-9]+_[0-9]+$"));
    QString tag = shortForms.value(value.toLower(), value.toLower());
    if (glibcOnly.match(tag).hasMatch())
        tag.prepend(QStringLiteral("manylinux_"));
    const bool musl = tag.startsWith(QLatin1String("musllinux"));
    if (!musl && !tag.startsWith(QLatin1String("manylinux")))
        return; // linux, off
    if (p.pyproject.string(toolMaturin().child(QStringLiteral("auditwheel"))) == QLatin1String("skip"))
        return;
    const PolicyTable &table = musl ? PolicyTable::musllinux() : PolicyTable::manylinux();
    // maturin carries the policies of its release: 1.8.3 has none above manylinux_2_39 (tried: 2_40 and
    // 2_41 stop it as above), which the tables here (auditwheel 6.8.1) have.
    const QVersionNumber &maturin = p.options.maturinVersion;
    const QVersionNumber glibc = policyVersion(tag);
    if (!musl && !maturin.isNull() && maturin <= QVersionNumber(1, 8, 3) && table.find(tag) && glibc.majorVersion() == 2 && glibc.minorVersion() > 39) {
        add(QStringLiteral("maturin.policy-undefined"), SettingsSeverity::Error, Kind::Pyproject, path,
            QStringLiteral("maturin %1 has no policy for %2 (its newest is manylinux_2_39): it compiles, "
                           "then stops (\"%2 compatibility policy is not defined by auditwheel yet\")")
                .arg(maturin.toString(), tag),
            true);
        return;
    }
    // Rust's standard library needs glibc 2.17 since Rust 1.64 (the Rust blog, 1 August 2022): the audit finds
    // its symbols too recent for manylinux1 and manylinux2010 (tried: maturin 1.8.3 stops with "not manylinux_2_12
    // (aka manylinux2010) compliant because of the presence of too-recent versioned symbols").
    const QVersionNumber floor = tag == QLatin1String("manylinux1") ? QVersionNumber(2, 5)
                               : tag == QLatin1String("manylinux2010") ? QVersionNumber(2, 12) : glibc;
    if (!musl && !floor.isNull() && floor < QVersionNumber(2, 17)) {
        SettingsDiagnostic &d = add(QStringLiteral("maturin.policy-below-rust"), SettingsSeverity::Error, Kind::Pyproject, path,
                                    QStringLiteral("%1 means glibc %2, but Rust 1.64 and later need glibc 2.17: maturin compiles, then the "
                                                   "audit stops (\"too-recent versioned symbols\")")
                                        .arg(value, floor.toString()),
                                    true);
        d.fixLabel = QStringLiteral("Use manylinux2014 (glibc 2.17)");
        d.fix = {setEdit(Kind::Pyproject, path, QStringLiteral("\"manylinux2014\""))};
        return;
    }
    if (table.policies().isEmpty() || table.find(tag))
        return;
    QList<QPair<QVersionNumber, QString>> byVersion;
    for (const Policy &policy : table.policies())
        byVersion.append({policyVersion(policy.name), policy.name});
    std::sort(byVersion.begin(), byVersion.end());
    QStringList known;
    for (const auto &[version, name] : std::as_const(byVersion))
        known << name;
    add(QStringLiteral("maturin.policy-undefined"), SettingsSeverity::Error, Kind::Pyproject, path,
        QStringLiteral("no auditwheel policy is called %1: maturin compiles, then stops (\"%1 compatibility policy is not defined by "
                       "auditwheel yet\"); set auditwheel = \"skip\" or a tag that has one: %2")
            .arg(tag, known.join(QStringLiteral(", "))),
        true);
}

void SettingsChecker::checkEnum(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    if (!node.is_string())
        return wrongType(spec, path, QStringLiteral("one of %1").arg(spec.allowed.join(QStringLiteral(", "))));
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
}

void SettingsChecker::checkGlobArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    const std::optional<QList<const toml::table *>> tables = tableEntries(node, "path");
    if (!tables)
        return wrongType(spec, path, MaturinSchema::typeName(spec.type));
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
}

void SettingsChecker::checkFeatureArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    const std::optional<QList<const toml::table *>> tables = tableEntries(node, "feature");
    if (!tables)
        return wrongType(spec, path, MaturinSchema::typeName(spec.type));
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
}

void SettingsChecker::checkTargetArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node)
{
    const toml::array *a = node.as_array();
    if (!a)
        return wrongType(spec, path, MaturinSchema::typeName(spec.type));
    static const QStringList kinds = {QStringLiteral("bin"), QStringLiteral("cdylib"), QStringLiteral("dylib"),
                                      QStringLiteral("lib"), QStringLiteral("rlib"), QStringLiteral("staticlib")};
    for (const toml::node &n : *a) {
        const toml::table *t = n.as_table();
        if (!t || !t->get("name") || !t->get("name")->is_string())
            return wrongType(spec, path, MaturinSchema::typeName(spec.type));
        if (const toml::node *kd = t->get("kind")) {
            if (!kinds.contains(tomlString(kd)))
                add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("targets: kind \"%1\" must be one of %2").arg(tomlString(kd), kinds.join(QStringLiteral(", "))), true);
        }
    }
}

// [tool.maturin.target."<triple>"]: only the macOS deployment target.
void SettingsChecker::checkTargetTable(const TomlKeyPath &path, const toml::table &t)
{
    for (auto &&[triple, v] : t) {
        const QString tr = keyText(triple);
        const toml::table *tt = v.as_table();
        if (!tt) {
            add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, path.child(tr),
                QStringLiteral("target.\"%1\" must be a table").arg(tr));
            continue;
        }
        for (auto &&[key, val] : *tt) {
            const QString ks = keyText(key);
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
}

// [tool.maturin.sbom]: rust and auditwheel (booleans) and include.
void SettingsChecker::checkSbomTable(const TomlKeyPath &path, const toml::table &t)
{
    for (auto &&[key, val] : t) {
        const QString ks = keyText(key);
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

} // namespace wb::validation
