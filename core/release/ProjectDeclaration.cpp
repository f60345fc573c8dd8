#include "core/release/ProjectDeclaration.h"

#include "core/release/ReleaseSet.h"
#include "core/toml/TomlDocument.h"
#include "core/toml/TomlTree.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace wb {

namespace {

QString str(const toml::node_view<const toml::node> &n)
{
    const auto v = n.value<std::string>();
    return v ? QString::fromStdString(*v) : QString();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(4 * 1024 * 1024) : QByteArray();
}

} // namespace

void ProjectDeclaration::readPyproject(const QByteArray &bytes, const QString &from)
{
    if (bytes.isEmpty())
        return;
    const TomlDocument doc = TomlDocument::parse(bytes, from);
    if (!doc.isValid())
        return;
    const toml::table &root = doc.parsed()->root;
    const toml::node_view<const toml::node> project = root[std::string_view("project")];
    const QString req = str(project[std::string_view("requires-python")]);
    if (requiresPython.isEmpty() && !req.isEmpty()) {
        requiresPython = req;
        requiresPythonFrom = from;
    }
    const toml::node_view<const toml::node> maturin = root[std::string_view("tool")][std::string_view("maturin")];
    const QString ps = str(maturin[std::string_view("python-source")]);
    if (!ps.isEmpty())
        pythonSource = ps;
    const QString mp = str(maturin[std::string_view("manifest-path")]);
    if (!mp.isEmpty())
        manifestPath = mp;
}

void ProjectDeclaration::readCargoToml(const QByteArray &bytes, const QString &from)
{
    if (bytes.isEmpty())
        return;
    const TomlDocument doc = TomlDocument::parse(bytes, from);
    if (!doc.isValid())
        return;
    const toml::table &root = doc.parsed()->root;
    QString rv = str(root[std::string_view("package")][std::string_view("rust-version")]);
    if (rv.isEmpty())
        rv = str(root[std::string_view("workspace")][std::string_view("package")][std::string_view("rust-version")]);
    if (!rv.isEmpty()) {
        rustVersion = rv;
        rustVersionFrom = from;
    }
}

ProjectDeclaration ProjectDeclaration::gather(const ReleaseSet &set, const QString &projectDir)
{
    ProjectDeclaration d;
    d.projectDir = projectDir;
    static const QRegularExpression version(QStringLiteral("^Programming Language :: Python :: 3\\.(\\d+)\\s*$"));
    for (const ReleaseFile *w : set.wheels()) {
        if (!w->readable())
            continue;
        if (d.requiresPython.isEmpty() && !w->metadata().value(QStringLiteral("Requires-Python")).isEmpty()) {
            d.requiresPython = w->metadata().value(QStringLiteral("Requires-Python"));
            d.requiresPythonFrom = QStringLiteral("Requires-Python of %1").arg(w->fileName);
        }
        for (const QString &c : w->metadata().values(QStringLiteral("Classifier"))) {
            const QRegularExpressionMatch m = version.match(c);
            if (m.hasMatch() && !d.classifierMinors.contains(m.captured(1).toInt()))
                d.classifierMinors.append(m.captured(1).toInt());
            d.classifierPyPy = d.classifierPyPy || c.trimmed() == QLatin1String("Programming Language :: Python :: Implementation :: PyPy");
            d.classifierFreeThreading = d.classifierFreeThreading || c.startsWith(QLatin1String("Programming Language :: Python :: Free Threading"));
        }
    }
    std::sort(d.classifierMinors.begin(), d.classifierMinors.end());
    if (!projectDir.isEmpty()) {
        d.readPyproject(readFile(projectDir + QStringLiteral("/pyproject.toml")), QStringLiteral("pyproject.toml"));
        const QString manifest = d.manifestPath.isEmpty() ? QStringLiteral("Cargo.toml") : d.manifestPath;
        d.readCargoToml(readFile(projectDir + QLatin1Char('/') + manifest), manifest);
        if (d.rustVersion.isEmpty() && manifest != QLatin1String("Cargo.toml"))
            d.readCargoToml(readFile(projectDir + QStringLiteral("/Cargo.toml")), QStringLiteral("Cargo.toml"));
        d.ciPlatforms = WorkflowTargets::read(projectDir, &d.workflowFiles);
    }
    for (const ReleaseFile *s : set.sdists()) {
        if (!s->readable())
            continue;
        if (projectDir.isEmpty())
            d.readPyproject(s->sdistPyproject, QStringLiteral("pyproject.toml in %1").arg(s->fileName));
        if (d.rustVersion.isEmpty())
            d.readCargoToml(s->sdistCargoToml, QStringLiteral("%1 in %2").arg(s->sdistCargoTomlPath, s->fileName));
        if (d.requiresPython.isEmpty() && !s->metadata().value(QStringLiteral("Requires-Python")).isEmpty()) {
            d.requiresPython = s->metadata().value(QStringLiteral("Requires-Python"));
            d.requiresPythonFrom = QStringLiteral("Requires-Python of %1").arg(s->fileName);
        }
        break;
    }
    return d;
}

} // namespace wb
