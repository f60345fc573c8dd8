#include "core/project/SettingsChecker.h"

#include "core/project/PackagingSpecs.h"
#include "core/project/RustModuleScanner.h"
#include "core/toml/TomlLiteral.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb::validation {

namespace {

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(s).hasMatch();
}

// Whether a cargo configuration file cargo reads when it builds in DIR defines PATH: .cargo/config.toml (or
// .cargo/config) in DIR and each folder above it, then $CARGO_HOME/config.toml (~/.cargo by default).
bool cargoConfigDefines(const QString &dir, const TomlKeyPath &path)
{
    QStringList folders;
    for (QDir d(dir);; ) {
        folders << d.filePath(QStringLiteral(".cargo"));
        if (!d.cdUp())
            break;
    }
    const QString home = qEnvironmentVariable("CARGO_HOME", QDir::homePath() + QStringLiteral("/.cargo"));
    folders << home;
    for (const QString &folder : std::as_const(folders)) {
        for (const char *name : {"config.toml", "config"}) {
            QFile file(folder + u'/' + QLatin1String(name));
            if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            if (TomlDocument::parse(file.readAll()).contains(path))
                return true;
        }
    }
    return false;
}

} // namespace

std::pair<Kind, TomlKeyPath> SettingsChecker::moduleNameSetting() const
{
    if (e.moduleNameFrom.startsWith(QLatin1String("[tool.maturin]")))
        return {Kind::Pyproject, toolMaturin().child(QStringLiteral("module-name"))};
    if (e.moduleNameFrom.contains(QLatin1String("[lib]")))
        return {Kind::Cargo, kp(QStringLiteral("lib.name"))};
    if (e.moduleNameFrom.startsWith(QLatin1String("[project]")))
        return {Kind::Pyproject, kp(QStringLiteral("project.name"))};
    return {Kind::Cargo, kp(QStringLiteral("package.name"))};
}

void SettingsChecker::moduleName()
{
    if (e.moduleName.isEmpty() || e.bindings == QLatin1String("bin"))
        return;
    const auto [file, at] = moduleNameSetting();
    if (e.moduleName.contains(u'-')) {
        SettingsDiagnostic &d = add(QStringLiteral("module.name-has-dash"), SettingsSeverity::Error, file, at,
                            QStringLiteral("the module name '%1' (from %2) contains '-': maturin stops with \"The module name "
                                           "must not contain a minus\"; set [lib] name or [tool.maturin] module-name")
                                .arg(e.moduleName, e.moduleNameFrom),
                            true);
        QString fixed = e.moduleName;
        fixed.replace(u'-', u'_');
        d.fixLabel = QStringLiteral("Set module-name = \"%1\"").arg(fixed);
        d.fix = {setEdit(Kind::Pyproject, toolMaturin().child(QStringLiteral("module-name")), TomlLiteral::string(fixed))};
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
    isFolder(srcDir); // a source file added or removed there may hold the #[pymodule]
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
        d.fix = {setEdit(Kind::Pyproject, toolMaturin().child(QStringLiteral("module-name")), TomlLiteral::string(fixed))};
    }
}

void SettingsChecker::layout()
{
    if (!p.options.checkFilesystem)
        return;
    const QDir dir(p.dir);
    // data names a folder relative to pyproject.toml ("No such data directory ...", maturin 1.8.3).
    const QString data = p.pyproject.string(toolMaturin().child(QStringLiteral("data")));
    if (!data.isEmpty() && !isFolder(dir.filePath(data)))
        add(QStringLiteral("layout.data-missing"), SettingsSeverity::Error, Kind::Pyproject, toolMaturin().child(QStringLiteral("data")),
            QStringLiteral("data is set to '%1' but that folder does not exist: maturin stops with \"No such data directory\"").arg(data),
            true);
    const QString ps = p.pyproject.string(toolMaturin().child(QStringLiteral("python-source")));
    pythonPackages(e.pythonSource);
    if (ps.isEmpty())
        return;
    const TomlKeyPath at = toolMaturin().child(QStringLiteral("python-source"));
    const QString src = QDir::cleanPath(dir.filePath(ps));
    if (!isFolder(src)) {
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
    if (!isFolder(pkg)) {
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

// python-packages lists packages maturin packs beside the module's own, looked up in python-source (the
// project folder without it); a name that is neither a folder nor a .py file there is silently packed as nothing.
void SettingsChecker::pythonPackages(const QString &pythonSource)
{
    const TomlKeyPath at = toolMaturin().child(QStringLiteral("python-packages"));
    const QDir src(QDir(p.dir).filePath(pythonSource.isEmpty() ? QStringLiteral(".") : pythonSource));
    if (!isFolder(src.path()))
        return; // layout.python-source-missing says it
    for (const QString &package : p.pyproject.stringArray(at)) {
        const QString path = src.filePath(QString(package).replace(u'.', u'/'));
        consulted << path + QStringLiteral(".py");
        if (!isFolder(path) && !QFileInfo(path + QStringLiteral(".py")).isFile())
            add(QStringLiteral("layout.python-package-missing"), SettingsSeverity::Warning, Kind::Pyproject, at,
                QStringLiteral("python-packages lists '%1', but %2 has no such package: maturin builds without it, and says nothing")
                    .arg(package, pythonSource.isEmpty() ? QStringLiteral("the project folder") : pythonSource),
                true);
    }
}

// Values cargo itself refuses before maturin learns anything about the crate (cargo metadata fails): a
// version that is not semver, a [lib] name that is not an identifier, a [lib] path that is not there.
void SettingsChecker::manifestValues()
{
    static const QRegularExpression semver(QStringLiteral(
        R"re(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$)re"));
    const TomlKeyPath version = kp(QStringLiteral("package.version"));
    if (p.cargo.kind(version) == TomlDocument::Kind::String && !semver.match(p.cargo.string(version)).hasMatch())
        add(QStringLiteral("cargo.version-invalid"), SettingsSeverity::Error, Kind::Cargo, version,
            QStringLiteral("version '%1' is not a semver version (major.minor.patch, such as 0.1.0): cargo refuses the manifest")
                .arg(p.cargo.string(version)),
            true);
    const TomlKeyPath libName = kp(QStringLiteral("lib.name"));
    const QString name = p.cargo.string(libName);
    if (!name.isEmpty() && name.contains(u'-')) {
        const QString underscored = QString(name).replace(u'-', u'_');
        SettingsDiagnostic &d = add(QStringLiteral("cargo.lib-name-invalid"), SettingsSeverity::Error, Kind::Cargo, libName,
                                    QStringLiteral("[lib] name '%1' contains '-': cargo refuses it (\"library target names cannot contain "
                                                   "hyphens\")")
                                        .arg(name),
                                    true);
        d.fixLabel = QStringLiteral("Use \"%1\"").arg(underscored);
        d.fix = {setEdit(Kind::Cargo, libName, TomlLiteral::string(underscored))};
    }
    const TomlKeyPath libPath = kp(QStringLiteral("lib.path"));
    const QString path = p.cargo.string(libPath);
    if (p.options.checkFilesystem && missingFile(QFileInfo(p.cargoPath).absolutePath(), path))
        add(QStringLiteral("cargo.lib-path-missing"), SettingsSeverity::Error, Kind::Cargo, libPath,
            QStringLiteral("[lib] path '%1' does not exist: rustc stops with \"couldn't read %1\"").arg(path), true);
}

void SettingsChecker::cargo()
{
    if (!p.hasCargo) {
        const QString mp = p.pyproject.string(toolMaturin().child(QStringLiteral("manifest-path")));
        if (!mp.isEmpty())
            add(QStringLiteral("cargo.manifest-missing"), SettingsSeverity::Error, Kind::Pyproject, toolMaturin().child(QStringLiteral("manifest-path")),
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
    manifestValues();
    bindingsMatchCrate();
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
    const QString profile = p.pyproject.string(toolMaturin().child(QStringLiteral("profile")));
    for (const QString &prof : {profile, p.pyproject.string(toolMaturin().child(QStringLiteral("editable-profile")))}) {
        if (prof.isEmpty())
            continue;
        static const QStringList builtIn = {QStringLiteral("dev"), QStringLiteral("release"), QStringLiteral("test"),
                                            QStringLiteral("bench")};
        const TomlKeyPath profPath({QStringLiteral("profile"), prof});
        if (builtIn.contains(prof) || p.cargo.contains(profPath) || p.workspaceRoot.contains(profPath))
            continue;
        const TomlKeyPath at = toolMaturin().child(prof == profile ? QStringLiteral("profile") : QStringLiteral("editable-profile"));
        if (!p.options.checkFilesystem) { // the two files alone: a cargo configuration file may define it
            add(QStringLiteral("cargo.profile-unknown"), SettingsSeverity::Warning, Kind::Pyproject, at,
                QStringLiteral("Cargo profile '%1' is not defined in Cargo.toml ([profile.%1])").arg(prof), true);
        } else if (!cargoConfigDefines(QFileInfo(p.cargoPath).absolutePath(), profPath)) {
            add(QStringLiteral("cargo.profile-unknown"), SettingsSeverity::Error, Kind::Pyproject, at,
                QStringLiteral("Cargo profile '%1' is not defined ([profile.%1] in Cargo.toml, the workspace's or a .cargo/config.toml): "
                               "cargo stops with \"profile `%1` is not defined\"")
                    .arg(prof),
                true);
        }
    }
}

// bindings overrides what maturin detects: "cffi" or "uniffi" on a crate that depends on pyo3 builds cffi
// bindings from the C header and never uses the #[pymodule] (maturin 1.8.3, tried: "Found cffi bindings",
// then "No module named 'cffi'", or a wheel without the Rust functions when cffi is installed).
void SettingsChecker::bindingsMatchCrate()
{
    if (!e.bindingsSetAgainstPyO3())
        return;
    const TomlKeyPath at = toolMaturin().child(QStringLiteral("bindings"));
    SettingsDiagnostic &d = add(QStringLiteral("maturin.bindings-not-pyo3"), SettingsSeverity::Warning, Kind::Pyproject, at,
                                QStringLiteral("bindings = \"%1\" but the crate depends on pyo3: maturin builds %1 bindings and the "
                                               "#[pymodule] is not used (the build needs the cffi package, and the wheel has none of the "
                                               "Rust functions)")
                                    .arg(e.bindings),
                                true);
    d.fixLabel = QStringLiteral("Remove bindings (maturin detects pyo3)");
    d.fix = {unsetEdit(Kind::Pyproject, at)};
}

void SettingsChecker::pyo3()
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
                const TomlKeyPath fp = toolMaturin().child(QStringLiteral("features"));
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

void SettingsChecker::features()
{
    if (!p.cargo.isValid() || !p.hasCargo)
        return;
    const TomlKeyPath path = toolMaturin().child(QStringLiteral("features"));
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

} // namespace wb::validation
