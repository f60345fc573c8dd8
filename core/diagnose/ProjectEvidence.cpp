#include "core/diagnose/ProjectEvidence.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <toml++/toml.hpp>

#include <string_view>

namespace wb::diagnose {

namespace {

constexpr qint64 MaxTomlBytes = 4 * 1024 * 1024;
constexpr qint64 MaxRustBytes = 2 * 1024 * 1024;
constexpr int MaxRustFiles = 400;
constexpr int MaxWalkedFiles = 5000;

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

int lineOf(const toml::node *n) { return n ? int(n->source().begin.line) : 0; }

Setting settingOf(const toml::node *n)
{
    Setting s;
    if (!n)
        return s;
    s.line = std::max(1, lineOf(n));
    if (const auto *str = n->as_string())
        s.value = qs(str->get());
    else if (const auto *b = n->as_boolean())
        s.value = b->get() ? QStringLiteral("true") : QStringLiteral("false");
    else if (const auto *i = n->as_integer())
        s.value = QString::number(i->get());
    else if (const auto *a = n->as_array()) {
        for (const toml::node &item : *a) {
            if (const auto *is = item.as_string())
                s.items << qs(is->get());
            else if (const auto *it = item.as_table()) {
                // feature specs like { feature = "x", python-version = ">=3.9" }
                if (const auto *f = it->get_as<std::string>("feature"))
                    s.items << qs(f->get());
            }
        }
        s.value = s.items.join(QStringLiteral(", "));
    } else if (n->is_table())
        s.value = QStringLiteral("{...}");
    return s;
}

const toml::node *at(const toml::table *t, std::initializer_list<std::string_view> path)
{
    const toml::node *n = t;
    for (std::string_view key : path) {
        const auto *tbl = n ? n->as_table() : nullptr;
        if (!tbl)
            return nullptr;
        n = tbl->get(key);
    }
    return n;
}

int tableLine(const toml::table *root, std::initializer_list<std::string_view> path)
{
    const toml::node *n = at(root, path);
    return n && n->is_table() ? std::max(1, lineOf(n)) : 0;
}

bool readSmall(const QString &path, qint64 limit, QByteArray *out, QString *problem)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString());
        return false;
    }
    if (f.size() > limit) {
        *problem = QStringLiteral("%1: larger than %2 bytes, not read").arg(path).arg(limit);
        return false;
    }
    *out = f.readAll();
    return true;
}

toml::parse_result parse(const QByteArray &bytes, const QString &name, QStringList *problems)
{
    const std::string_view view(bytes.constData(), size_t(bytes.size()));
    toml::parse_result result = toml::parse(view, std::string_view("toml"));
    if (!result) {
        const auto &e = result.error();
        *problems << QStringLiteral("%1:%2:%3: %4")
                         .arg(name)
                         .arg(e.source().begin.line)
                         .arg(e.source().begin.column)
                         .arg(qs(e.description()));
    }
    return result;
}

void readPyproject(const toml::table &root, ProjectFacts *p)
{
    p->projectTableLine = tableLine(&root, {"project"});
    p->projectName = settingOf(at(&root, {"project", "name"}));
    p->projectVersion = settingOf(at(&root, {"project", "version"}));
    p->projectDynamic = settingOf(at(&root, {"project", "dynamic"}));
    p->requiresPython = settingOf(at(&root, {"project", "requires-python"}));
    p->buildRequires = settingOf(at(&root, {"build-system", "requires"}));
    p->buildBackend = settingOf(at(&root, {"build-system", "build-backend"}));
    p->maturinTableLine = tableLine(&root, {"tool", "maturin"});
    p->moduleName = settingOf(at(&root, {"tool", "maturin", "module-name"}));
    p->pythonSource = settingOf(at(&root, {"tool", "maturin", "python-source"}));
    p->compatibility = settingOf(at(&root, {"tool", "maturin", "compatibility"}));
    if (!p->compatibility.present())
        p->compatibility = settingOf(at(&root, {"tool", "maturin", "manylinux"}));
    p->strip = settingOf(at(&root, {"tool", "maturin", "strip"}));
    p->profile = settingOf(at(&root, {"tool", "maturin", "profile"}));
    p->bindings = settingOf(at(&root, {"tool", "maturin", "bindings"}));
    p->maturinFeatures = settingOf(at(&root, {"tool", "maturin", "features"}));
    p->auditwheel = settingOf(at(&root, {"tool", "maturin", "auditwheel"}));
}

void readCargo(const toml::table &root, ProjectFacts *p)
{
    p->packageName = settingOf(at(&root, {"package", "name"}));
    p->libTableLine = tableLine(&root, {"lib"});
    p->libName = settingOf(at(&root, {"lib", "name"}));
    p->crateType = settingOf(at(&root, {"lib", "crate-type"}));
    if (!p->crateType.present())
        p->crateType = settingOf(at(&root, {"lib", "crate_type"}));
    p->hasBinTargets = at(&root, {"bin"}) != nullptr;
    p->releaseStrip = settingOf(at(&root, {"profile", "release", "strip"}));
    p->releaseDebug = settingOf(at(&root, {"profile", "release", "debug"}));
    for (const char *section : {"dependencies", "workspace"}) {
        const toml::node *dep = std::string_view(section) == "workspace" ? at(&root, {"workspace", "dependencies", "pyo3"})
                                                                         : at(&root, {"dependencies", "pyo3"});
        if (!dep)
            continue;
        if (dep->is_string()) {
            p->pyo3Version = settingOf(dep);
        } else if (const auto *t = dep->as_table()) {
            p->pyo3Version = settingOf(t->get("version"));
            if (!p->pyo3Version.present() && t->get("workspace"))
                p->pyo3Version = Setting{QStringLiteral("workspace"), {}, std::max(1, lineOf(dep))};
            const Setting features = settingOf(t->get("features"));
            if (features.present()) {
                p->pyo3Features.items << features.items;
                p->pyo3Features.value = p->pyo3Features.items.join(QStringLiteral(", "));
                p->pyo3Features.line = features.line;
            }
        }
        if (p->pyo3Version.present())
            break;
    }
    if (const auto *features = at(&root, {"features"}); features && features->is_table()) {
        for (const auto &[name, value] : *features->as_table()) {
            const Setting s = settingOf(&value);
            p->cargoFeatureNames << qs(name.str());
            for (const QString &item : s.items) {
                if (item.contains(QLatin1String("extension-module")))
                    p->cargoFeaturesMentionExtensionModule = true;
            }
        }
    }
}

QString cargoPathFor(const QString &dir, const ProjectFacts &p, const QString &manifestPath)
{
    if (!manifestPath.isEmpty()) {
        const QString candidate = QDir(dir).filePath(manifestPath);
        if (QFileInfo(candidate).isFile())
            return QDir::cleanPath(candidate);
    }
    Q_UNUSED(p);
    for (const char *rel : {"Cargo.toml", "rust/Cargo.toml"}) {
        const QString candidate = QDir(dir).filePath(QString::fromLatin1(rel));
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

void scanRust(const QString &projectDir, const QString &cargoDir, ProjectFacts *p)
{
    const QString srcDir = QDir(cargoDir).filePath(QStringLiteral("src"));
    if (!QFileInfo(srcDir).isDir())
        return;
    p->scannedSources = true;
    QDirIterator it(srcDir, {QStringLiteral("*.rs")}, QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    QStringList files;
    while (it.hasNext() && count < MaxRustFiles) {
        files << it.next();
        ++count;
    }
    files.sort();
    for (const QString &file : std::as_const(files)) {
        QByteArray bytes;
        QString problem;
        if (!readSmall(file, MaxRustBytes, &bytes, &problem))
            continue;
        const QString rel = QDir(projectDir).relativeFilePath(file);
        p->pymodules << ProjectEvidence::findPyModules(QString::fromUtf8(bytes), rel);
    }
}

bool skippedDir(const QString &name)
{
    static const QStringList skip = {QStringLiteral("target"), QStringLiteral(".git"), QStringLiteral(".venv"),
                                     QStringLiteral("venv"), QStringLiteral("node_modules"), QStringLiteral("dist"),
                                     QStringLiteral("build"), QStringLiteral("__pycache__")};
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

void scanPythonTree(const QString &dir, ProjectFacts *p)
{
    const QString top = p->effectiveModuleName().section(QLatin1Char('.'), 0, 0);
    QString base = dir;
    if (p->pythonSource.present()) {
        base = QDir(dir).filePath(p->pythonSource.value);
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
    walkExtensions(dir, package, 0, &budget, &p->extensionFilesInSource);
}

} // namespace

QString ProjectFacts::effectiveModuleName() const
{
    if (moduleName.present())
        return moduleName.value;
    if (libName.present())
        return libName.value;
    if (projectName.present())
        return projectName.value;
    return packageName.value;
}

bool ProjectFacts::isMaturinProject() const
{
    return buildBackend.value == QLatin1String("maturin") || maturinTableLine > 0;
}

bool ProjectFacts::usesPyO3Bindings() const
{
    if (bindings.present())
        return bindings.value == QLatin1String("pyo3") || bindings.value == QLatin1String("pyo3-ffi");
    return pyo3Version.present() && !(hasBinTargets && !crateType.items.contains(QStringLiteral("cdylib")));
}

QString ProjectFacts::effectiveModuleSource() const
{
    if (moduleName.present())
        return QStringLiteral("pyproject.toml");
    if (libName.present())
        return cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : cargoRelative;
    if (projectName.present())
        return QStringLiteral("pyproject.toml");
    return cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : cargoRelative;
}

int ProjectFacts::effectiveModuleLine() const
{
    if (moduleName.present())
        return moduleName.line;
    if (libName.present())
        return libName.line;
    if (projectName.present())
        return projectName.line;
    return packageName.line;
}

QList<PyModuleDecl> ProjectEvidence::findPyModules(const QString &text, const QString &relativePath)
{
    QList<PyModuleDecl> out;
    static const QRegularExpression attr(QStringLiteral(R"(#\[\s*(?:pyo3::)?pymodule\b)"));
    static const QRegularExpression item(QStringLiteral(R"(\b(?:pub(?:\([^)]*\))?\s+)?(?:fn|mod)\s+(?:r#)?([A-Za-z_][A-Za-z0-9_]*))"));
    static const QRegularExpression nameAttr(QStringLiteral(R"(\bname\s*=\s*"([^"]*)\")"));
    auto it = attr.globalMatch(text);
    int count = 0;
    while (it.hasNext() && count < 100) {
        const QRegularExpressionMatch m = it.next();
        // Skip matches inside line comments.
        const qsizetype lineStart = text.lastIndexOf(QLatin1Char('\n'), m.capturedStart()) + 1;
        if (text.mid(lineStart, m.capturedStart() - lineStart).contains(QLatin1String("//")))
            continue;
        const QRegularExpressionMatch fn = item.match(text, m.capturedEnd());
        if (!fn.hasMatch() || fn.capturedStart() - m.capturedEnd() > 600)
            continue;
        const QString between = text.mid(m.capturedStart(), fn.capturedStart() - m.capturedStart());
        PyModuleDecl d;
        const QRegularExpressionMatch renamed = nameAttr.match(between);
        d.name = renamed.hasMatch() ? renamed.captured(1) : fn.captured(1);
        d.file = relativePath;
        d.line = int(text.left(fn.capturedStart(1)).count(QLatin1Char('\n'))) + 1;
        out << d;
        ++count;
    }
    return out;
}

ProjectFacts ProjectEvidence::fromTexts(const QByteArray &pyproject, const QByteArray &cargo)
{
    ProjectFacts p;
    p.present = true;
    if (!pyproject.isEmpty()) {
        p.pyprojectPath = QStringLiteral("pyproject.toml");
        p.pyprojectLines = QString::fromUtf8(pyproject).split(QLatin1Char('\n'));
        const toml::parse_result r = parse(pyproject, QStringLiteral("pyproject.toml"), &p.problems);
        if (r)
            readPyproject(r.table(), &p);
    }
    if (!cargo.isEmpty()) {
        p.cargoPath = QStringLiteral("Cargo.toml");
        p.cargoRelative = QStringLiteral("Cargo.toml");
        p.cargoLines = QString::fromUtf8(cargo).split(QLatin1Char('\n'));
        const toml::parse_result r = parse(cargo, QStringLiteral("Cargo.toml"), &p.problems);
        if (r)
            readCargo(r.table(), &p);
    }
    return p;
}

ProjectFacts ProjectEvidence::read(const QString &dirIn)
{
    const QString dir = QDir::cleanPath(QFileInfo(dirIn).absoluteFilePath());
    ProjectFacts p;
    p.dir = dir;
    if (!QFileInfo(dir).isDir()) {
        p.problems << QStringLiteral("%1: not a folder").arg(dir);
        return p;
    }
    p.present = true;
    QString manifestPath;
    const QString pyproject = QDir(dir).filePath(QStringLiteral("pyproject.toml"));
    if (QFileInfo(pyproject).isFile()) {
        QByteArray bytes;
        QString problem;
        if (readSmall(pyproject, MaxTomlBytes, &bytes, &problem)) {
            p.pyprojectPath = pyproject;
            p.pyprojectLines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
            const toml::parse_result r = parse(bytes, QStringLiteral("pyproject.toml"), &p.problems);
            if (r) {
                readPyproject(r.table(), &p);
                if (const auto *mp = at(&r.table(), {"tool", "maturin", "manifest-path"}); mp && mp->is_string())
                    manifestPath = qs(mp->as_string()->get());
            }
        } else {
            p.problems << problem;
        }
    }
    const QString cargo = cargoPathFor(dir, p, manifestPath);
    if (!cargo.isEmpty()) {
        QByteArray bytes;
        QString problem;
        if (readSmall(cargo, MaxTomlBytes, &bytes, &problem)) {
            p.cargoPath = cargo;
            p.cargoRelative = QDir(dir).relativeFilePath(cargo);
            p.cargoLines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
            const toml::parse_result r = parse(bytes, p.cargoRelative, &p.problems);
            if (r)
                readCargo(r.table(), &p);
            scanRust(dir, QFileInfo(cargo).absolutePath(), &p);
        } else {
            p.problems << problem;
        }
    }
    if (p.pyprojectPath.isEmpty() && p.cargoPath.isEmpty())
        p.problems << QStringLiteral("%1: neither pyproject.toml nor Cargo.toml is there").arg(dir);
    scanPythonTree(dir, &p);
    return p;
}

} // namespace wb::diagnose
