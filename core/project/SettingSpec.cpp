#include "core/project/SettingSpec.h"

#include "core/project/SettingsDiagnostic.h"

namespace wb {

QString settingsSeverityName(SettingsSeverity s)
{
    switch (s) {
    case SettingsSeverity::Error: return QStringLiteral("error");
    case SettingsSeverity::Warning: return QStringLiteral("warning");
    case SettingsSeverity::Info: return QStringLiteral("info");
    }
    return {};
}

namespace {
QVersionNumber v(int a, int b, int c = 0)
{
    return QVersionNumber(a, b, c);
}
} // namespace

const QList<SettingSpec> &MaturinSchema::keys()
{
    using T = SettingSpec::Type;
    const QString layout = QStringLiteral("Module & layout");
    const QString build = QStringLiteral("Build");
    const QString platform = QStringLiteral("Platform & compatibility");
    const QString files = QStringLiteral("Files");
    static const QList<SettingSpec> all = {
        {QStringLiteral("module-name"), T::String, {}, QStringLiteral("[lib] name, else [project] name, else the package name"),
         QStringLiteral("Import name of the native module; a dot places it inside a package (pkg._core)."), v(1, 0), layout, {}, false},
        {QStringLiteral("python-source"), T::Path, {}, QStringLiteral("the project folder (src when rust/Cargo.toml and src/<module>/__init__.py exist)"),
         QStringLiteral("Folder that holds the Python package, relative to pyproject.toml."), v(1, 0), layout, {}, false},
        {QStringLiteral("python-packages"), T::StringArray, {}, QStringLiteral("[]"),
         QStringLiteral("Extra top-level Python packages from python-source to put in the wheel."), v(1, 0), layout, {}, false},
        {QStringLiteral("data"), T::Path, {}, QStringLiteral("<module>.data when that folder exists"),
         QStringLiteral("Folder copied to the wheel's .data directory (data/, scripts/, headers/, purelib/, platlib/)."), v(1, 0), layout, {}, false},
        {QStringLiteral("manifest-path"), T::Path, {}, QStringLiteral("Cargo.toml, else rust/Cargo.toml"),
         QStringLiteral("Path of the crate's Cargo.toml, relative to pyproject.toml."), v(1, 0), layout, {}, false},
        {QStringLiteral("bindings"), T::Enum, {QStringLiteral("pyo3"), QStringLiteral("pyo3-ffi"), QStringLiteral("cffi"), QStringLiteral("uniffi"), QStringLiteral("bin")},
         QStringLiteral("detected from the dependencies and targets"),
         QStringLiteral("Kind of binding: pyo3, pyo3-ffi, cffi, uniffi or bin (a program)."), v(1, 0), layout, {}, false},
        {QStringLiteral("profile"), T::String, {}, QStringLiteral("dev for maturin build without --release; release for pip/PEP 517"),
         QStringLiteral("Cargo profile used when the command line gives none."), v(1, 0), build, {}, false},
        {QStringLiteral("editable-profile"), T::String, {}, QStringLiteral("profile"),
         QStringLiteral("Cargo profile for editable installs and maturin develop."), v(1, 10), build, {}, false},
        {QStringLiteral("features"), T::FeatureArray, {}, QStringLiteral("none"),
         QStringLiteral("Cargo features to enable; tables add python-version/python-implementation conditions (1.12.4+)."), v(1, 0), build, {}, false},
        {QStringLiteral("all-features"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Enable every Cargo feature."), v(1, 0), build, {}, false},
        {QStringLiteral("no-default-features"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Do not enable the crate's default features."), v(1, 0), build, {}, false},
        {QStringLiteral("frozen"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Require Cargo.lock and the cache to be up to date (cargo --frozen)."), v(1, 0), build, {}, false},
        {QStringLiteral("locked"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Require Cargo.lock to be up to date (cargo --locked)."), v(1, 0), build, {}, false},
        {QStringLiteral("config"), T::StringArray, {}, QStringLiteral("none"), QStringLiteral("cargo --config KEY=VALUE overrides."), v(1, 0), build, {}, false},
        {QStringLiteral("unstable-flags"), T::StringArray, {}, QStringLiteral("none"), QStringLiteral("cargo -Z flags (nightly only)."), v(1, 0), build, {}, false},
        {QStringLiteral("rustc-args"), T::StringArray, {}, QStringLiteral("none"), QStringLiteral("Extra arguments passed to rustc."), v(1, 0), build, {}, false},
        {QStringLiteral("strip"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Strip symbols from the native library (smaller wheels)."), v(1, 0), build, {}, false},
        {QStringLiteral("sdist-generator"), T::Enum, {QStringLiteral("cargo"), QStringLiteral("git")}, QStringLiteral("cargo"),
         QStringLiteral("How the sdist file list is made: cargo package --list, or git ls-files."), v(1, 0), build, {}, false},
        {QStringLiteral("use-base-python"), T::Bool, {}, QStringLiteral("false"),
         QStringLiteral("In PEP 517 builds, use the base interpreter instead of the build venv's (avoids rebuilds)."), v(1, 9, 4), build, {}, false},
        {QStringLiteral("pgo-command"), T::String, {}, QStringLiteral("none"), QStringLiteral("Training command run by --pgo builds."), v(1, 13), build, {}, false},
        {QStringLiteral("generate-ci"), T::Table, {}, QStringLiteral("none"), QStringLiteral("Settings for maturin generate-ci ([tool.maturin.generate-ci.github])."), v(1, 13), build, {}, false},
        {QStringLiteral("compatibility"), T::String, {}, QStringLiteral("the lowest manylinux tag the library satisfies"),
         QStringLiteral("Platform tag: manylinux_X_Y, manylinux2014, musllinux_X_Y, linux (no audit) or pypi."), v(1, 0), platform, {}, false},
        {QStringLiteral("manylinux"), T::String, {}, QStringLiteral("see compatibility"), QStringLiteral("Old name of compatibility."), v(1, 0), platform, QStringLiteral("compatibility"), false},
        {QStringLiteral("auditwheel"), T::Enum, {QStringLiteral("repair"), QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("skip")},
         QStringLiteral("repair on Linux, warn on macOS/Windows"),
         QStringLiteral("What to do about external shared libraries: repair (bundle), check (fail), warn or skip."), v(1, 7, 1), platform, {}, false},
        {QStringLiteral("skip-auditwheel"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Deprecated: use auditwheel = \"skip\"."), v(1, 0), platform,
         QStringLiteral("auditwheel = \"skip\""), true},
        {QStringLiteral("target"), T::Table, {}, QStringLiteral("{}"),
         QStringLiteral("Per-target options: [tool.maturin.target.\"<triple>\"] macos-deployment-target = \"11.0\"."), v(1, 0), platform, {}, false},
        {QStringLiteral("targets"), T::TargetArray, {}, QStringLiteral("every suitable Cargo target"),
         QStringLiteral("Which Cargo targets to build: [{ name = \"...\", kind = \"cdylib\" }]."), v(1, 0), platform, {}, false},
        {QStringLiteral("include-import-lib"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Put the Windows import library in the wheel."), v(1, 12, 3), platform, {}, false},
        {QStringLiteral("include"), T::GlobArray, {}, QStringLiteral("none"),
         QStringLiteral("Extra files for the sdist and/or wheel: globs or { path, format } tables."), v(1, 0), files, {}, false},
        {QStringLiteral("exclude"), T::GlobArray, {}, QStringLiteral("none"), QStringLiteral("Files to leave out of the sdist/wheel."), v(1, 0), files, {}, false},
        {QStringLiteral("sbom"), T::Table, {}, QStringLiteral("rust SBOM on"), QStringLiteral("PEP 770 SBOMs: { rust = bool, auditwheel = bool, include = [paths] }."), v(1, 12), files, {}, false},
    };
    return all;
}

const QList<SettingSpec> &MaturinSchema::subKeys(const QString &table)
{
    // Source: maturin's GenerateCIConfig, GitHubCIConfig, PlatformCIConfig, CIConfigOverrides and
    // TargetCIConfig (src/pyproject_toml.rs; [tool.maturin.generate-ci] since 1.13.0, trusted publishing
    // since 1.13.2). All keys are optional except a [[target]]'s arch; unknown keys are ignored.
    using T = SettingSpec::Type;
    const QString ci = QStringLiteral("Build");
    auto overrides = [&] {
        return QList<SettingSpec>{
            {QStringLiteral("runner"), T::String, {}, QStringLiteral("the platform's default runner"), QStringLiteral("GitHub runner label (runs-on)."), v(1, 13), ci, {}, false},
            {QStringLiteral("manylinux"), T::String, {}, QStringLiteral("auto (musllinux_1_2 for musllinux)"),
             QStringLiteral("manylinux input of maturin-action: auto, 2_28, musllinux_1_2 ..."), v(1, 13), ci, {}, false},
            {QStringLiteral("container"), T::String, {}, QStringLiteral("maturin-action's default"), QStringLiteral("Docker image to build in."), v(1, 13), ci, {}, false},
            {QStringLiteral("docker-options"), T::String, {}, QStringLiteral("none"), QStringLiteral("Extra docker run options."), v(1, 13), ci, {}, false},
            {QStringLiteral("rust-toolchain"), T::String, {}, QStringLiteral("stable (nightly for emscripten)"), QStringLiteral("Rust toolchain: stable, nightly, 1.85 ..."), v(1, 13), ci, {}, false},
            {QStringLiteral("rustup-components"), T::String, {}, QStringLiteral("none"), QStringLiteral("Extra rustup components to install."), v(1, 13), ci, {}, false},
            {QStringLiteral("before-script-linux"), T::String, {}, QStringLiteral("none"), QStringLiteral("Shell script run before the build in the Linux container."), v(1, 13), ci, {}, false},
            {QStringLiteral("args"), T::String, {}, QStringLiteral("the github table's args"), QStringLiteral("Extra arguments for maturin build."), v(1, 13), ci, {}, false},
        };
    };
    static const QList<SettingSpec> generateCi = {
        {QStringLiteral("github"), T::Table, {}, QStringLiteral("none"), QStringLiteral("GitHub Actions workflow settings for maturin generate-ci github."), v(1, 13), ci, {}, false},
    };
    static const QList<SettingSpec> github = {
        {QStringLiteral("pytest"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Add steps that install the wheel and run pytest."), v(1, 13), ci, {}, false},
        {QStringLiteral("zig"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Cross-compile Linux wheels with zig (--zig)."), v(1, 13), ci, {}, false},
        {QStringLiteral("skip-attestation"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Do not attest the built artifacts."), v(1, 13), ci, {}, false},
        {QStringLiteral("trusted-publishing"), T::Bool, {}, QStringLiteral("false"), QStringLiteral("Publish with PyPI trusted publishing (OIDC) instead of an API token."), v(1, 13, 2), ci, {}, false},
        {QStringLiteral("publishing-environment"), T::String, {}, QStringLiteral("none"), QStringLiteral("GitHub environment of the release job."), v(1, 13, 2), ci, {}, false},
        {QStringLiteral("args"), T::String, {}, QStringLiteral("none"), QStringLiteral("Extra arguments for maturin build on every platform."), v(1, 13), ci, {}, false},
        {QStringLiteral("linux"), T::Table, {}, QStringLiteral("default targets"), QStringLiteral("manylinux jobs."), v(1, 13), ci, {}, false},
        {QStringLiteral("musllinux"), T::Table, {}, QStringLiteral("default targets"), QStringLiteral("musllinux jobs."), v(1, 13), ci, {}, false},
        {QStringLiteral("windows"), T::Table, {}, QStringLiteral("default targets"), QStringLiteral("Windows jobs."), v(1, 13), ci, {}, false},
        {QStringLiteral("macos"), T::Table, {}, QStringLiteral("default targets"), QStringLiteral("macOS jobs."), v(1, 13), ci, {}, false},
        {QStringLiteral("emscripten"), T::Table, {}, QStringLiteral("not built"), QStringLiteral("Emscripten (Pyodide) jobs."), v(1, 13), ci, {}, false},
        {QStringLiteral("android"), T::Table, {}, QStringLiteral("not built"), QStringLiteral("Android jobs."), v(1, 13), ci, {}, false},
    };
    static const QList<SettingSpec> platform = [&] {
        QList<SettingSpec> l = {
            {QStringLiteral("targets"), T::StringArray, {}, QStringLiteral("the platform's default architectures"),
             QStringLiteral("Architectures to build (x86_64, aarch64 ...); not together with [[target]]."), v(1, 13), ci, {}, false},
            {QStringLiteral("target"), T::TableArray, {}, QStringLiteral("none"),
             QStringLiteral("[[target]] tables: arch plus per-target overrides; not together with targets."), v(1, 13), ci, {}, false},
        };
        return l + overrides();
    }();
    static const QList<SettingSpec> target = [&] {
        QList<SettingSpec> l = {
            {QStringLiteral("arch"), T::String, {}, QStringLiteral("required"), QStringLiteral("Architecture of this target (x86_64, aarch64 ...)."), v(1, 13), ci, {}, false},
        };
        return l + overrides();
    }();
    static const QList<SettingSpec> none;
    if (table == QLatin1String("generate-ci"))
        return generateCi;
    if (table == QLatin1String("generate-ci.github"))
        return github;
    const QStringList parts = table.split(u'.');
    if (parts.size() >= 3 && parts.mid(0, 2).join(u'.') == QLatin1String("generate-ci.github")) {
        bool isPlatform = false;
        for (const SettingSpec &s : github)
            isPlatform = isPlatform || (s.type == T::Table && s.key == parts.at(2));
        if (isPlatform && parts.size() == 3)
            return platform;
        if (isPlatform && parts.size() == 4 && parts.at(3) == QLatin1String("target"))
            return target;
    }
    return none;
}

const SettingSpec *MaturinSchema::find(const QString &key)
{
    for (const SettingSpec &s : keys()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

const QList<RetiredKey> &MaturinSchema::retiredKeys()
{
    static const QList<RetiredKey> all = {
        {QStringLiteral("cargo-extra-args"), QStringLiteral("removed in maturin 0.13.0"), QStringLiteral("use features, or rustc-args"), false},
        {QStringLiteral("rustc-extra-args"), QStringLiteral("removed in maturin 0.13.0"), QStringLiteral("use rustc-args"), false},
        {QStringLiteral("sdist-include"), QStringLiteral("removed in maturin 0.15.0"), QStringLiteral("use include = [{ path = \"...\", format = \"sdist\" }]"), false},
        {QStringLiteral("offline"), QStringLiteral("a command-line option only"), QStringLiteral("pass --offline to maturin"), true},
        {QStringLiteral("zig"), QStringLiteral("a command-line option only (and generate-ci.github.zig)"), QStringLiteral("pass --zig to maturin build"), true},
        {QStringLiteral("release"), QStringLiteral("a command-line option only"), QStringLiteral("pass --release, or set profile = \"release\""), true},
        {QStringLiteral("interpreter"), QStringLiteral("a command-line option only"), QStringLiteral("pass -i/--interpreter"), true},
        {QStringLiteral("find-interpreter"), QStringLiteral("a command-line option only"), QStringLiteral("pass --find-interpreter"), true},
        {QStringLiteral("out"), QStringLiteral("a command-line option only"), QStringLiteral("pass -o/--out"), true},
        {QStringLiteral("target-dir"), QStringLiteral("a command-line option only"), QStringLiteral("pass --target-dir or set CARGO_TARGET_DIR"), true},
        {QStringLiteral("jobs"), QStringLiteral("a command-line option only"), QStringLiteral("pass -j/--jobs"), true},
    };
    return all;
}

const RetiredKey *MaturinSchema::findRetired(const QString &key)
{
    for (const RetiredKey &k : retiredKeys()) {
        if (k.key == key)
            return &k;
    }
    return nullptr;
}

QString MaturinSchema::typeName(SettingSpec::Type t)
{
    using T = SettingSpec::Type;
    switch (t) {
    case T::String: return QStringLiteral("a string");
    case T::Path: return QStringLiteral("a path (string)");
    case T::Bool: return QStringLiteral("true or false");
    case T::Enum: return QStringLiteral("a string");
    case T::StringArray: return QStringLiteral("an array of strings");
    case T::GlobArray: return QStringLiteral("an array of globs or { path, format } tables");
    case T::FeatureArray: return QStringLiteral("an array of feature names or { feature, ... } tables");
    case T::TargetArray: return QStringLiteral("an array of { name, kind } tables");
    case T::Table: return QStringLiteral("a table");
    case T::TableArray: return QStringLiteral("an array of tables");
    }
    return {};
}

QString MaturinSchema::suggest(const QString &unknown, const QStringList &candidates)
{
    auto distance = [](const QString &a, const QString &b) {
        QList<int> prev(b.size() + 1), cur(b.size() + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            prev[j] = int(j);
        for (qsizetype i = 1; i <= a.size(); ++i) {
            cur[0] = int(i);
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
                cur[j] = qMin(qMin(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }
            std::swap(prev, cur);
        }
        return prev[b.size()];
    };
    QString best;
    int bestD = 1 << 20;
    QString norm = unknown;
    norm.replace(u'_', u'-');
    for (const QString &c : candidates) {
        const int d = distance(norm, c);
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    const int limit = qMax(2, int(unknown.size()) / 3);
    return bestD <= limit ? best : QString();
}

QStringList MaturinSchema::groups()
{
    return {QStringLiteral("Module & layout"), QStringLiteral("Build"), QStringLiteral("Platform & compatibility"), QStringLiteral("Files")};
}

} // namespace wb
