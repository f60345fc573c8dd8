#pragma once

#include "core/project/Project.h"

#include <QStringList>
#include <QVersionNumber>

namespace wb {

// What maturin will really use for a project, with where each value came from.
struct EffectiveSettings {
    bool maturinBackend = false;   // build-backend = "maturin"
    bool hasToolMaturin = false;

    QString moduleName;            // the import name (may be dotted)
    QString moduleNameFrom;        // "[tool.maturin] module-name", "Cargo.toml [lib] name", ...
    QString extensionName;         // its last component
    QString pythonSource;          // relative folder ("" = the project folder)
    QString pythonSourceFrom;
    QString bindings;              // pyo3, pyo3-ffi, cffi, uniffi, bin, or "" when undetectable
    QString bindingsFrom;
    QString profile;               // the profile of `maturin build` without --release
    QString releaseProfile;        // what pip / --release uses
    QString platformTag;           // Linux wheels of `maturin build`: "manylinux_2_28", "linux", ... or "auto"
    QString platformTagFrom;       // where it comes from ("auto": the audit picks the lowest tag the library passes)
    QString pipPlatformTag;        // Linux wheels built by pip / python -m build ("linux": no audit)

    // Cargo
    QString packageName;
    QString libName;
    QStringList crateTypes;        // [lib] crate-type (default ["lib"])
    bool hasBinTarget = false;
    QStringList cargoFeatures;     // keys of [features]
    QStringList dependencies;      // names in [dependencies]
    QStringList optionalDependencies;

    // PyO3
    bool hasPyo3 = false;
    QString pyo3Requirement;       // as written ("0.22", "^0.27.2", "=0.29", or "workspace")
    QVersionNumber pyo3Version;    // lowest version the requirement allows (null: unknown)
    QStringList pyo3Features;      // from the dependency and from [tool.maturin] features "pyo3/..."
    bool extensionModule = false;
    QString extensionModuleFrom;   // where it is enabled
    int abi3Minor = -1;            // abi3-py3X -> X; -1 when none
    QString abi3Feature;

    QStringList toolFeatures;      // [tool.maturin] features (plain strings and feature = of tables)

    // [tool.maturin] bindings names cffi or uniffi for a crate that depends on pyo3: maturin builds those
    // bindings as told and never uses the #[pymodule] (checked by `check` and named by diagnosis).
    bool bindingsSetAgainstPyO3() const
    {
        return hasPyo3 && bindingsFrom == QLatin1String("[tool.maturin] bindings")
            && (bindings == QLatin1String("cffi") || bindings == QLatin1String("uniffi"));
    }
};

EffectiveSettings computeEffectiveSettings(const Project &project);

} // namespace wb
