#include "core/diagnose/ProjectEvidence.h"

#include "core/project/Project.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace wb::diagnose {

namespace {

constexpr int MaxWalkedFiles = 5000;

TomlKeyPath key(std::initializer_list<const char *> parts)
{
    QStringList s;
    for (const char *p : parts)
        s << QString::fromUtf8(p);
    return TomlKeyPath(s);
}

// A value with its line, as the document holds it (strings unquoted, arrays of strings as items).
Setting settingAt(const TomlDocument &doc, const TomlKeyPath &path)
{
    Setting s;
    if (!doc.isValid() || !doc.contains(path))
        return s;
    s.line = std::max(1, doc.valueSpan(path).line);
    switch (doc.kind(path)) {
    case TomlDocument::Kind::String: s.value = doc.string(path); break;
    case TomlDocument::Kind::Boolean: s.value = doc.boolean(path) ? QStringLiteral("true") : QStringLiteral("false"); break;
    case TomlDocument::Kind::Array:
        s.items = doc.stringArray(path);
        s.value = s.items.join(QStringLiteral(", "));
        break;
    case TomlDocument::Kind::Table: s.value = QStringLiteral("{...}"); break;
    default: s.value = doc.valueText(path); break;
    }
    return s;
}

QString parseProblem(const TomlDocument &doc, const QString &name)
{
    return QStringLiteral("%1:%2:%3: %4").arg(name).arg(doc.error().line).arg(doc.error().column).arg(doc.error().message);
}

QStringList linesOf(const TomlDocument &doc) { return QString::fromUtf8(doc.bytes()).split(QLatin1Char('\n')); }

bool skippedDir(const QString &name)
{
    static const QStringList skip = {QStringLiteral("target"), QStringLiteral("venv"), QStringLiteral("node_modules"),
                                     QStringLiteral("dist"), QStringLiteral("build"), QStringLiteral("__pycache__")};
    return skip.contains(name) || name.startsWith(QLatin1Char('.'));
}

void walkExtensions(const QString &projectDir, const QString &dir, int depth, int *budget, QStringList *out)
{
    if (depth > 6 || *budget <= 0)
        return;
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                                                          QDir::Name);
    for (const QFileInfo &fi : entries) {
        if (--*budget <= 0)
            return;
        if (fi.isDir()) {
            if (!skippedDir(fi.fileName()))
                walkExtensions(projectDir, fi.filePath(), depth + 1, budget, out);
        } else {
            const QString name = fi.fileName();
            if (name.endsWith(QLatin1String(".so")) || name.endsWith(QLatin1String(".pyd")))
                *out << QDir(projectDir).relativeFilePath(fi.filePath());
        }
    }
}

// The newest of the crate's Rust sources and manifest (bounded walk), and which one it is.
QFileInfo newestRustSource(const QString &cargoPath)
{
    QFileInfo newest(cargoPath);
    int budget = MaxWalkedFiles;
    QList<QString> dirs = {QFileInfo(cargoPath).absoluteDir().filePath(QStringLiteral("src"))};
    while (!dirs.isEmpty() && budget > 0) {
        const QFileInfoList entries = QDir(dirs.takeLast()).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
        for (const QFileInfo &fi : entries) {
            if (--budget <= 0)
                break;
            if (fi.isDir())
                dirs << fi.filePath();
            else if (fi.fileName().endsWith(QLatin1String(".rs")) && fi.lastModified() > newest.lastModified())
                newest = fi;
        }
    }
    return newest;
}

// maturin develop copies the module it builds into the package folder (the editable install's .pth points
// there), so one build there, newer than the Rust sources, is the installed module itself. Left over are
// builds older than the sources (the code changed since) and a second build of the same module (another
// Python, abi3 beside a versioned one): those are kept in extensionFilesInSource, with the reason.
void keepStaleExtensions(const QString &dir, ProjectFacts *p, const QStringList &found)
{
    if (found.isEmpty())
        return; // the usual case: no walk of the sources
    const QFileInfo newest = p->cargoPath.isEmpty() ? QFileInfo() : newestRustSource(p->cargoPath);
    QHash<QString, int> builds; // module file stem ("_native") -> how many builds of it
    for (const QString &f : found)
        ++builds[QFileInfo(f).fileName().section(QLatin1Char('.'), 0, 0)];
    for (const QString &f : found) {
        const QFileInfo fi(QDir(dir).filePath(f));
        QString why;
        if (builds.value(fi.fileName().section(QLatin1Char('.'), 0, 0)) > 1)
            why = QStringLiteral("one of several builds of the same module");
        else if (newest.exists() && fi.lastModified() < newest.lastModified())
            why = QStringLiteral("built before %1 last changed").arg(QDir(dir).relativeFilePath(newest.filePath()));
        if (!why.isEmpty()) {
            p->extensionFilesInSource << f;
            p->extensionStaleReasons << why;
        }
    }
}

// python-source: does it exist, where the package really is if not, and compiled files inside it.
void scanPythonTree(const QString &dir, ProjectFacts *p)
{
    const QString top = p->effectiveModuleName().section(QLatin1Char('.'), 0, 0);
    const QString base = QDir(dir).filePath(p->effective.pythonSource.isEmpty() ? QStringLiteral(".") : p->effective.pythonSource);
    if (p->pythonSource.present()) {
        p->pythonSourceExists = QFileInfo(base).isDir();
        if (!p->pythonSourceExists) {
            for (const char *cand : {"python", "src", "."}) {
                const QString c = QDir(dir).filePath(QString::fromLatin1(cand));
                if (!top.isEmpty() && QFileInfo(QDir(c).filePath(top + QStringLiteral("/__init__.py"))).isFile()) {
                    p->pythonSourceCandidate = QString::fromLatin1(cand);
                    break;
                }
            }
            return;
        }
    }
    if (top.isEmpty())
        return;
    const QString package = QDir(base).filePath(top);
    if (!QFileInfo(package).isDir())
        return;
    int budget = MaxWalkedFiles;
    QStringList found;
    walkExtensions(dir, package, 0, &budget, &found);
    keepStaleExtensions(dir, p, found);
}

} // namespace

const Setting &ProjectFacts::effectiveModuleSetting() const
{
    if (moduleName.present())
        return moduleName;
    if (libName.present())
        return libName;
    if (projectName.present())
        return projectName;
    return packageName;
}

bool ProjectFacts::effectiveModuleInPyproject() const
{
    return moduleName.present() || (!libName.present() && projectName.present());
}

QString ProjectFacts::effectiveModuleSource() const
{
    if (effectiveModuleInPyproject())
        return QStringLiteral("pyproject.toml");
    return cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : cargoRelative;
}

ProjectFacts ProjectEvidence::read(const QString &dirIn)
{
    ProjectFacts p;
    const QString dir = QDir::cleanPath(QFileInfo(dirIn).absoluteFilePath());
    p.dir = dir;
    if (!QFileInfo(dir).isDir()) {
        p.problems << QStringLiteral("%1: not a folder").arg(dir);
        return p;
    }
    p.present = true;
    const Project project = Project::load(dir);
    for (const SettingsDiagnostic &d : project.loadDiagnostics)
        p.problems << d.message;
    if (!project.isUsable()) {
        p.problems << project.readError;
        return p;
    }
    p.effective = computeEffectiveSettings(project);
    const TomlDocument &py = project.pyproject;
    const TomlDocument &cargo = project.cargo;
    if (project.hasPyproject) {
        p.pyprojectPath = project.pyprojectPath;
        p.pyprojectLines = linesOf(py);
        if (!py.isValid())
            p.problems << parseProblem(py, QStringLiteral("pyproject.toml"));
    }
    if (project.hasCargo) {
        p.cargoPath = project.cargoPath;
        p.cargoRelative = QDir(dir).relativeFilePath(project.cargoPath);
        p.cargoLines = linesOf(cargo);
        if (!cargo.isValid())
            p.problems << parseProblem(cargo, p.cargoRelative);
    }

    p.projectTableLine = settingAt(py, key({"project"})).line;
    p.projectName = settingAt(py, key({"project", "name"}));
    p.projectVersion = settingAt(py, key({"project", "version"}));
    p.projectDynamic = settingAt(py, key({"project", "dynamic"}));
    p.requiresPython = settingAt(py, key({"project", "requires-python"}));
    p.moduleName = settingAt(py, key({"tool", "maturin", "module-name"}));
    p.pythonSource = settingAt(py, key({"tool", "maturin", "python-source"}));
    p.compatibility = settingAt(py, key({"tool", "maturin", "compatibility"}));
    if (!p.compatibility.present())
        p.compatibility = settingAt(py, key({"tool", "maturin", "manylinux"}));
    p.strip = settingAt(py, key({"tool", "maturin", "strip"}));
    p.profile = settingAt(py, key({"tool", "maturin", "profile"}));
    p.maturinFeatures = settingAt(py, key({"tool", "maturin", "features"}));
    p.maturinFeatures.items = p.effective.toolFeatures;  // also the feature = "..." of tables
    p.maturinFeatures.value = p.maturinFeatures.items.join(QStringLiteral(", "));
    p.auditwheel = settingAt(py, key({"tool", "maturin", "auditwheel"}));
    p.editableProfile = settingAt(py, key({"tool", "maturin", "editable-profile"}));
    p.data = settingAt(py, key({"tool", "maturin", "data"}));
    p.bindings = settingAt(py, key({"tool", "maturin", "bindings"}));
    p.readme = settingAt(py, key({"project", "readme"}));
    p.licenseFile = settingAt(py, key({"project", "license", "file"}));
    for (const char *table : {"scripts", "gui-scripts"}) {
        for (const QString &name : py.keys(key({"project", table})))
            p.scripts.append({name, settingAt(py, key({"project", table}).child(name))});
    }
    std::sort(p.scripts.begin(), p.scripts.end(), [](const auto &a, const auto &b) { return a.second.line < b.second.line; });

    p.packageName = settingAt(cargo, key({"package", "name"}));
    p.libName = settingAt(cargo, key({"lib", "name"}));
    p.crateType = settingAt(cargo, key({"lib", "crate-type"}));
    if (!p.crateType.present())
        p.crateType = settingAt(cargo, key({"lib", "crate_type"}));
    p.releaseDebug = settingAt(cargo, key({"profile", "release", "debug"}));
    p.cargoReadme = settingAt(cargo, key({"package", "readme"}));
    for (const char *name : {"pyo3", "pyo3-ffi"}) {
        const TomlKeyPath dep({QStringLiteral("dependencies"), QString::fromLatin1(name)});
        if (!cargo.contains(dep))
            continue;
        p.pyo3Dependency = settingAt(cargo, dep);
        p.pyo3Dependency.value = p.effective.pyo3Requirement;
        p.pyo3Features = settingAt(cargo, dep.child(QStringLiteral("features")));
        break;
    }

    if (project.hasCargo) {
        const QString srcDir = QFileInfo(project.cargoPath).absoluteDir().filePath(QStringLiteral("src"));
        if (QFileInfo(srcDir).isDir()) {
            p.scannedSources = true;
            for (PyModuleDecl d : scanPyModules(srcDir)) {
                d.file = QDir(dir).relativeFilePath(d.file);
                p.pymodules << d;
            }
            std::sort(p.pymodules.begin(), p.pymodules.end(), [](const PyModuleDecl &a, const PyModuleDecl &b) {
                return a.file != b.file ? a.file < b.file : a.line < b.line;
            });
        }
    }
    scanPythonTree(dir, &p);
    if (p.usesPyO3Bindings()) {
        for (UnbuiltImport imp : unbuiltPackageImports(dir, p.effective.pythonSource, p.effective.moduleName)) {
            imp.file = QDir(dir).relativeFilePath(imp.file);
            p.unbuiltImports << imp;
        }
    }
    return p;
}

} // namespace wb::diagnose
