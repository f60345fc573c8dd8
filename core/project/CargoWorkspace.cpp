#include "core/project/CargoWorkspace.h"

#include "core/project/Project.h"
#include "core/toml/TomlDocument.h"

#include <QDir>
#include <QFileInfo>

namespace wb {

QString WorkspaceMember::relativeManifest() const
{
    return relativeDir == QLatin1String(".") ? QStringLiteral("Cargo.toml") : relativeDir + QStringLiteral("/Cargo.toml");
}

namespace CargoWorkspace {

namespace {

TomlKeyPath key(const char *a, const char *b = nullptr)
{
    QStringList parts{QString::fromLatin1(a)};
    if (b)
        parts << QString::fromLatin1(b);
    return TomlKeyPath(parts);
}

// Member patterns as Cargo reads them; a glob is honoured in the last path component.
QStringList expand(const QDir &root, const QStringList &patterns)
{
    QStringList dirs;
    for (const QString &pattern : patterns) {
        const QString clean = QDir::cleanPath(pattern);
        if (!clean.contains(u'*') && !clean.contains(u'?') && !clean.contains(u'[')) {
            dirs << clean;
            continue;
        }
        const QString parent = clean.section(u'/', 0, -2);
        const QString last = clean.section(u'/', -1);
        const QDir base(parent.isEmpty() ? root.path() : root.filePath(parent));
        const QStringList found = base.entryList({last}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &f : found)
            dirs << (parent.isEmpty() ? f : parent + u'/' + f);
    }
    return dirs;
}

QString pythonReason(const TomlDocument &manifest, bool hasPyproject)
{
    if (hasPyproject)
        return QStringLiteral("pyproject.toml");
    QStringList types = manifest.stringArray(key("lib", "crate-type"));
    if (types.isEmpty())
        types = manifest.stringArray(key("lib", "crate_type"));
    if (!types.contains(QStringLiteral("cdylib")))
        return {};
    const QStringList deps = manifest.keys(key("dependencies"));
    for (const char *binding : {"pyo3", "pyo3-ffi", "uniffi", "cffi"}) {
        if (deps.contains(QString::fromLatin1(binding)))
            return QStringLiteral("cdylib with %1").arg(QString::fromLatin1(binding));
    }
    return {};
}

} // namespace

bool isRoot(const TomlDocument &manifest)
{
    return manifest.isValid() && manifest.contains(key("workspace"));
}

QList<WorkspaceMember> pythonMembers(const QString &rootManifestPath, const TomlDocument &rootManifest)
{
    QList<WorkspaceMember> out;
    if (!isRoot(rootManifest))
        return out;
    const QDir root = QFileInfo(rootManifestPath).absoluteDir();
    QStringList dirs;
    if (rootManifest.contains(key("package")))
        dirs << QStringLiteral(".");
    dirs << expand(root, rootManifest.stringArray(key("workspace", "members")));
    const QStringList excluded = expand(root, rootManifest.stringArray(key("workspace", "exclude")));
    dirs.removeDuplicates();
    for (const QString &rel : std::as_const(dirs)) {
        if (excluded.contains(rel))
            continue;
        const QString dir = QDir::cleanPath(root.filePath(rel));
        const QString manifestPath = QDir(dir).filePath(QStringLiteral("Cargo.toml"));
        QByteArray bytes;
        QString error;
        if (!QFileInfo(manifestPath).isFile() || !Project::readFile(manifestPath, &bytes, &error))
            continue;
        const TomlDocument manifest = TomlDocument::parse(bytes, manifestPath);
        if (!manifest.isValid())
            continue;
        WorkspaceMember m;
        m.hasPyproject = rel != QLatin1String(".") && QFileInfo(QDir(dir).filePath(QStringLiteral("pyproject.toml"))).isFile();
        m.why = pythonReason(manifest, m.hasPyproject);
        if (m.why.isEmpty())
            continue;
        m.name = manifest.string(key("package", "name"));
        if (m.name.isEmpty())
            m.name = QFileInfo(dir).fileName();
        m.relativeDir = rel;
        m.dir = dir;
        m.manifestPath = manifestPath;
        out << m;
    }
    return out;
}

const WorkspaceMember *find(const QList<WorkspaceMember> &members, const QString &name)
{
    const QString clean = QDir::cleanPath(name);
    for (const WorkspaceMember &m : members) {
        if (m.name == name || m.relativeDir == clean)
            return &m;
    }
    return nullptr;
}

QString describe(const QList<WorkspaceMember> &members)
{
    QStringList parts;
    for (const WorkspaceMember &m : members)
        parts << QStringLiteral("%1 (%2/, %3)").arg(m.name, m.relativeDir, m.why);
    return parts.join(QStringLiteral(", "));
}

} // namespace CargoWorkspace

} // namespace wb
