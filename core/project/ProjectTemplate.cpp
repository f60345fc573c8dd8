#include "core/project/ProjectTemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace wb {

namespace {

QByteArray cargoToml(const QString &dist, const QString &libName)
{
    return QStringLiteral(
               "[package]\n"
               "name = \"%1\"\n"
               "version = \"0.1.0\"\n"
               "edition = \"2021\"\n"
               "\n"
               "[lib]\n"
               "name = \"%2\"\n"
               "# A Python extension module is a C dynamic library.\n"
               "crate-type = [\"cdylib\"]\n"
               "\n"
               "[dependencies]\n"
               "# PyO3 older than 0.26 needs extension-module so that the module does not link libpython.\n"
               "pyo3 = { version = \"0.22\", features = [\"extension-module\"] }\n"
               "\n"
               "[profile.release]\n"
               "# Smaller wheels: no symbols in release builds.\n"
               "strip = true\n")
        .arg(dist, libName)
        .toUtf8();
}

QByteArray pyprojectToml(const QString &dist, const QString &moduleName, bool mixed)
{
    QString text = QStringLiteral(
                       "[build-system]\n"
                       "requires = [\"maturin>=1.8,<2.0\"]\n"
                       "build-backend = \"maturin\"\n"
                       "\n"
                       "[project]\n"
                       "name = \"%1\"\n"
                       "requires-python = \">=3.9\"\n"
                       "classifiers = [\n"
                       "    \"Programming Language :: Rust\",\n"
                       "    \"Programming Language :: Python :: Implementation :: CPython\",\n"
                       "]\n"
                       "dynamic = [\"version\"]\n"
                       "\n"
                       "[tool.maturin]\n")
                       .arg(dist);
    if (mixed)
        text += QStringLiteral("python-source = \"python\"\nmodule-name = \"%1\"\n").arg(moduleName);
    text += QStringLiteral("features = [\"pyo3/extension-module\"]\n");
    return text.toUtf8();
}

QByteArray libRs(const QString &moduleFn)
{
    return QStringLiteral(
               "use pyo3::prelude::*;\n"
               "\n"
               "/// Returns the sum of a and b.\n"
               "#[pyfunction]\n"
               "fn sum(a: i64, b: i64) -> i64 {\n"
               "    a + b\n"
               "}\n"
               "\n"
               "/// The native module: its name must be the last part of the module name Python imports.\n"
               "#[pymodule]\n"
               "fn %1(m: &Bound<'_, PyModule>) -> PyResult<()> {\n"
               "    m.add_function(wrap_pyfunction!(sum, m)?)?;\n"
               "    Ok(())\n"
               "}\n")
        .arg(moduleFn)
        .toUtf8();
}

QByteArray testPy(const QString &importPath)
{
    return QStringLiteral("import %1\n\n\ndef test_sum():\n    assert %1.sum(2, 3) == 5\n").arg(importPath).toUtf8();
}

} // namespace

QString ProjectTemplate::distributionNameFor(const QString &name)
{
    static const QRegularExpression runs(QStringLiteral("[^A-Za-z0-9]+"));
    QString n = name.trimmed().toLower();
    n.replace(runs, QStringLiteral("-"));
    while (n.startsWith(u'-'))
        n.remove(0, 1);
    while (n.endsWith(u'-'))
        n.chop(1);
    return n;
}

QString ProjectTemplate::importNameFor(const QString &distributionName)
{
    QString n = distributionName;
    n.replace(u'-', u'_');
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return identifier.match(n).hasMatch() ? n : QString();
}

ProjectTemplate::Plan ProjectTemplate::plan(const QString &dir, const QString &name, Layout layout)
{
    Plan p;
    p.dir = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    p.layout = layout;
    p.distributionName = distributionNameFor(name.isEmpty() ? QFileInfo(p.dir).fileName() : name);
    p.packageName = importNameFor(p.distributionName);
    if (QFileInfo(p.dir).exists() && !QFileInfo(p.dir).isDir()) {
        p.error = QStringLiteral("%1 exists and is not a folder").arg(QDir::toNativeSeparators(p.dir));
        return p;
    }
    if (p.packageName.isEmpty()) {
        p.error = QStringLiteral("\"%1\" cannot be a Python package name: use letters, digits, '-' or '_', starting with a letter")
                      .arg(name.isEmpty() ? QFileInfo(p.dir).fileName() : name);
        return p;
    }
    const bool mixed = layout == Layout::Mixed;
    const QString pkg = p.packageName;
    const QString moduleName = mixed ? pkg + QStringLiteral("._native") : pkg;
    const QString libName = mixed ? QStringLiteral("_native") : pkg;
    p.files << File{QStringLiteral("Cargo.toml"), cargoToml(p.distributionName, libName)}
            << File{QStringLiteral("pyproject.toml"), pyprojectToml(p.distributionName, moduleName, mixed)}
            << File{QStringLiteral("src/lib.rs"), libRs(libName)};
    if (mixed) {
        const QString base = QStringLiteral("python/") + pkg + u'/';
        p.files << File{base + QStringLiteral("__init__.py"),
                        QStringLiteral("from %1._native import sum\n\n__all__ = [\"sum\"]\n").arg(pkg).toUtf8()}
                << File{base + QStringLiteral("_native.pyi"), QByteArrayLiteral("def sum(a: int, b: int) -> int: ...\n")}
                << File{base + QStringLiteral("py.typed"), QByteArray()};
    }
    p.files << File{QStringLiteral("tests/test_%1.py").arg(pkg), testPy(pkg)};
    for (const File &f : std::as_const(p.files)) {
        if (QFileInfo::exists(QDir(p.dir).filePath(f.relativePath)))
            p.conflicts << f.relativePath;
    }
    return p;
}

bool ProjectTemplate::write(const Plan &plan, QString *error)
{
    if (!plan.isWritable()) {
        *error = !plan.error.isEmpty() ? plan.error
                                       : QStringLiteral("these files exist already and are left as they are: %1").arg(plan.conflicts.join(QStringLiteral(", ")));
        return false;
    }
    const QDir dir(plan.dir);
    for (const File &f : plan.files) {
        const QString path = dir.filePath(f.relativePath);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
            return false;
        }
        if (QFileInfo::exists(path)) { // appeared since the plan was made
            *error = QStringLiteral("%1 exists already; not overwritten").arg(QDir::toNativeSeparators(path));
            return false;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(f.bytes) != f.bytes.size() || !out.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
            return false;
        }
    }
    return true;
}

} // namespace wb
