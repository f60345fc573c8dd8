#pragma once

// The checks of ProjectValidator, shared by the files that hold them: SettingsChecker.cpp (the run,
// syntax, version gates), MaturinKeyChecks.cpp ([tool.maturin] keys and tables), MaturinValueChecks.cpp
// (their values), CrateChecks.cpp (module name, layout, Cargo.toml, PyO3, features) and PackageChecks.cpp
// ([project], [build-system], include/exclude, wheel size).

#include "core/project/EffectiveSettings.h"
#include "core/project/Project.h"
#include "core/project/SettingSpec.h"
#include "core/project/SettingsDiagnostic.h"
#include "core/toml/TomlTree.h"

#include <optional>

namespace wb::validation {

using Kind = ProjectFileKind;

TomlKeyPath kp(const QString &text);
// [tool.maturin]
const TomlKeyPath &toolMaturin();
// An array whose items are strings or tables with a string `key` (include/exclude globs, features):
// its tables, or nothing when the node is not such an array.
std::optional<QList<const toml::table *>> tableEntries(const toml::node &node, const char *key);
// Points a diagnostic at a place toml++ knows (keys and values inside arrays have no key path).
void placeAt(SettingsDiagnostic &d, const toml::source_region &r);
QString keyText(const toml::key &k);
bool hasSpecType(const toml::node &n, SettingSpec::Type type);

class SettingsChecker
{
public:
    SettingsChecker(const Project &p, const EffectiveSettings &e) : p(p), e(e) {}
    const Project &p;
    const EffectiveSettings &e;
    QList<SettingsDiagnostic> out;
    // Every file and folder a check looked for on disk, there or not: a view re-checks when one of them
    // (or, for one not there, its nearest folder that is) changes.
    QStringList consulted;

    // PATH, relative to DIR, names no file (false for an empty PATH); recorded in consulted.
    bool missingFile(const QString &dir, const QString &path);
    // PATH names a folder; recorded in consulted.
    bool isFolder(const QString &path);

    // A diagnostic at AT (the nearest key of it the file has; ONVALUE: its value), added to out.
    SettingsDiagnostic &add(const QString &id, SettingsSeverity sev, Kind file, const TomlKeyPath &at, const QString &message, bool onValue = false);
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
    // A [tool.maturin] value against its spec (type, allowed values, the maturin that reads it).
    void checkValue(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void wrongType(const SettingSpec &spec, const TomlKeyPath &path, const QString &expected);
    void checkCompatibility(const TomlKeyPath &path, const toml::node &node);
    void checkPolicyDefined(const TomlKeyPath &path, const QString &value);
    void checkEnum(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void checkGlobArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void checkFeatureArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void checkTargetArray(const SettingSpec &spec, const TomlKeyPath &path, const toml::node &node);
    void checkTargetTable(const TomlKeyPath &path, const toml::table &t);
    void checkSbomTable(const TomlKeyPath &path, const toml::table &t);
    void moduleName();
    // Where the module name is set (the key that names it, or the one it defaults from), to point at.
    std::pair<Kind, TomlKeyPath> moduleNameSetting() const;
    // The package's own imports of its child modules, against where the extension is built.
    void packageImports();
    void layout();
    void pythonPackages(const QString &pythonSource);
    void cargo();
    void bindingsMatchCrate();
    void manifestValues();
    void pyo3();
    void project();
    void scripts();
    void people();
    void buildSystem();
    // The project's files (bounded), relative to its folder: walked once per check, for include and license-files.
    const QStringList &projectFiles();
    std::optional<QStringList> walkedFiles;
    void includes();
    void licenseFiles();
    // The readme and license files [project] and Cargo.toml's [package] name: maturin reads them into the
    // metadata and stops when one is missing.
    void metadataFiles();
    void features();
    void size();
    bool gate(const TomlKeyPath &path, const QVersionNumber &since, const QString &what, bool unreadable = false);
    void subTable(const QString &schema, const TomlKeyPath &path, const QString &shown, const toml::table &t, bool addressable,
                  const QVersionNumber &parentSince);
};

} // namespace wb::validation
