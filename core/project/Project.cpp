#include "core/project/Project.h"

#include "core/toml/TomlTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace wb {

bool Project::readFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > MaxFileSize) {
        *error = QStringLiteral("%1 is larger than %2 MiB; not a settings file").arg(path).arg(MaxFileSize / (1024 * 1024));
        return false;
    }
    *bytes = f.read(MaxFileSize + 1);
    return true;
}

bool Project::fileForKey(const QString &key, ProjectFileKind *kind)
{
    const QString first = TomlKeyPath::fromText(key).segments().value(0);
    static const QStringList py = {QStringLiteral("tool"), QStringLiteral("project"), QStringLiteral("build-system"),
                                   QStringLiteral("dependency-groups")};
    static const QStringList cargo = {QStringLiteral("package"), QStringLiteral("lib"), QStringLiteral("dependencies"),
                                      QStringLiteral("dev-dependencies"), QStringLiteral("build-dependencies"),
                                      QStringLiteral("features"), QStringLiteral("profile"), QStringLiteral("workspace"),
                                      QStringLiteral("target"), QStringLiteral("bin"), QStringLiteral("lints"),
                                      QStringLiteral("patch"), QStringLiteral("badges")};
    if (py.contains(first)) {
        *kind = ProjectFileKind::Pyproject;
        return true;
    }
    if (cargo.contains(first)) {
        *kind = ProjectFileKind::Cargo;
        return true;
    }
    return false;
}

namespace {

TomlDocument readToml(const QString &path, bool *present, QList<SettingsDiagnostic> *diags, ProjectFileKind kind)
{
    *present = QFileInfo(path).isFile();
    if (!*present)
        return {};
    QByteArray bytes;
    QString error;
    if (!Project::readFile(path, &bytes, &error)) {
        SettingsDiagnostic d;
        d.id = QStringLiteral("file.unreadable");
        d.severity = SettingsSeverity::Error;
        d.fileKind = kind;
        d.file = path;
        d.message = error;
        diags->append(d);
        *present = false;
        return {};
    }
    return TomlDocument::parse(bytes, path);
}

bool isVirtualManifest(const TomlDocument &doc)
{
    return doc.isValid() && doc.contains(TomlKeyPath({QStringLiteral("workspace")}))
        && !doc.contains(TomlKeyPath({QStringLiteral("package")}));
}

} // namespace

// A Cargo workspace root without a pyproject.toml: the Python package is one of its members. True
// when *p was replaced by the chosen member (or a read error about --member).
bool Project::openWorkspaceMember(Project *p, const QDir &dir, const ProjectOptions &options)
{
    const QString rootPath = dir.filePath(QStringLiteral("Cargo.toml"));
    bool present = false;
    QList<SettingsDiagnostic> ignored;
    const TomlDocument root = readToml(rootPath, &present, &ignored, ProjectFileKind::Cargo);
    if (!present || !CargoWorkspace::isRoot(root))
        return false;
    const QList<WorkspaceMember> members = CargoWorkspace::pythonMembers(rootPath, root);
    const WorkspaceMember *chosen = nullptr;
    if (!options.member.isEmpty()) {
        chosen = CargoWorkspace::find(members, options.member);
        if (!chosen) {
            p->readError = members.isEmpty()
                ? QStringLiteral("the workspace %1 has no member that is a Python package").arg(p->dir)
                : QStringLiteral("the workspace %1 has no Python package member '%2'; its Python packages: %3")
                      .arg(p->dir, options.member, CargoWorkspace::describe(members));
            return true;
        }
    } else if (members.size() == 1 && members.first().relativeDir != QLatin1String(".")) {
        chosen = &members.first();
    }
    p->pythonMembers = members;
    if (!chosen || chosen->relativeDir == QLatin1String("."))
        return false;
    ProjectOptions memberOptions = options;
    memberOptions.member.clear();
    memberOptions.cargoManifest = chosen->manifestPath;
    Project m = load(chosen->dir, memberOptions);
    m.options.member = options.member;
    m.pythonMembers = members;
    m.member = chosen->name;
    m.workspaceDir = p->dir;
    m.cargoHow = QStringLiteral("workspace member %1 of %2").arg(chosen->relativeDir, QDir(p->dir).dirName());
    *p = m;
    return true;
}

Project Project::load(const QString &dirPath, const ProjectOptions &options)
{
    Project p;
    p.options = options;
    const QFileInfo dirInfo(dirPath);
    if (!dirInfo.isDir()) {
        // A pyproject.toml given directly is fine too.
        if (dirInfo.isFile() && dirInfo.fileName() == QLatin1String("pyproject.toml"))
            return load(dirInfo.absolutePath(), options);
        p.readError = QStringLiteral("%1 is not a folder").arg(dirPath);
        return p;
    }
    p.dir = QDir(dirInfo.absoluteFilePath()).absolutePath();
    const QDir dir(p.dir);
    p.pyprojectPath = dir.filePath(QStringLiteral("pyproject.toml"));
    p.pyproject = readToml(p.pyprojectPath, &p.hasPyproject, &p.loadDiagnostics, ProjectFileKind::Pyproject);

    if (!p.hasPyproject && options.cargoManifest.isEmpty()) {
        if (openWorkspaceMember(&p, dir, options))
            return p;
    }
    // The Cargo manifest: --manifest override, manifest-path, ./Cargo.toml, then rust/Cargo.toml.
    QString manifest;
    if (!options.cargoManifest.isEmpty()) {
        manifest = QFileInfo(options.cargoManifest).absoluteFilePath();
        p.cargoHow = QStringLiteral("given on the command line");
    } else {
        const QString mp = p.pyproject.string(TomlKeyPath({QStringLiteral("tool"), QStringLiteral("maturin"), QStringLiteral("manifest-path")}));
        if (!mp.isEmpty()) {
            manifest = QDir::cleanPath(dir.filePath(mp));
            p.cargoHow = QStringLiteral("[tool.maturin] manifest-path");
        } else if (QFileInfo(dir.filePath(QStringLiteral("Cargo.toml"))).isFile()) {
            manifest = dir.filePath(QStringLiteral("Cargo.toml"));
            p.cargoHow = QStringLiteral("Cargo.toml next to pyproject.toml");
        } else if (QFileInfo(dir.filePath(QStringLiteral("rust/Cargo.toml"))).isFile()) {
            manifest = dir.filePath(QStringLiteral("rust/Cargo.toml"));
            p.cargoHow = QStringLiteral("rust/Cargo.toml (maturin's src-layout fallback)");
        }
    }
    if (!manifest.isEmpty()) {
        p.cargo = readToml(manifest, &p.hasCargo, &p.loadDiagnostics, ProjectFileKind::Cargo);
        if (p.hasCargo)
            p.cargoPath = manifest;
        else
            p.cargoPath = manifest; // remembered for the "missing" diagnostic
    }
    // A virtual workspace manifest: pick the member that is a cdylib, or matches the project name.
    if (p.hasCargo && isVirtualManifest(p.cargo)) {
        const QDir wsDir = QFileInfo(p.cargoPath).absoluteDir();
        const QStringList members = p.cargo.stringArray(TomlKeyPath({QStringLiteral("workspace"), QStringLiteral("members")}));
        QString chosen;
        for (const QString &m : members) {
            if (m.contains(u'*'))
                continue;
            const QString path = QDir::cleanPath(wsDir.filePath(m + QStringLiteral("/Cargo.toml")));
            bool present = false;
            QList<SettingsDiagnostic> ignored;
            const TomlDocument member = readToml(path, &present, &ignored, ProjectFileKind::Cargo);
            if (!present || !member.isValid())
                continue;
            const QStringList types = member.stringArray(TomlKeyPath({QStringLiteral("lib"), QStringLiteral("crate-type")}));
            if (types.contains(QStringLiteral("cdylib")) && chosen.isEmpty())
                chosen = path;
        }
        if (!chosen.isEmpty()) {
            p.workspaceRootPath = p.cargoPath;
            p.workspaceRoot = p.cargo;
            bool present = false;
            p.cargo = readToml(chosen, &present, &p.loadDiagnostics, ProjectFileKind::Cargo);
            p.cargoPath = chosen;
            p.cargoHow += QStringLiteral(", workspace member %1").arg(QDir(p.dir).relativeFilePath(chosen));
        }
    }
    // A workspace root above the crate (for `workspace = true` dependencies).
    if (p.hasCargo && p.workspaceRootPath.isEmpty() && options.checkFilesystem) {
        QDir up = QFileInfo(p.cargoPath).absoluteDir();
        for (int i = 0; i < 4 && up.cdUp(); ++i) {
            const QString candidate = up.filePath(QStringLiteral("Cargo.toml"));
            if (!QFileInfo(candidate).isFile())
                continue;
            bool present = false;
            QList<SettingsDiagnostic> ignored;
            const TomlDocument root = readToml(candidate, &present, &ignored, ProjectFileKind::Cargo);
            if (present && root.isValid() && root.contains(TomlKeyPath({QStringLiteral("workspace")}))) {
                p.workspaceRootPath = candidate;
                p.workspaceRoot = root;
                break;
            }
        }
    }
    if (!p.hasPyproject && !p.hasCargo)
        p.readError = QStringLiteral("%1 has neither a pyproject.toml nor a Cargo.toml").arg(p.dir);
    return p;
}

QString Project::whyNotMaturin() const
{
    if (!isUsable())
        return QStringLiteral("It has neither a pyproject.toml nor a Cargo.toml.");
    if (hasCargo || !hasPyproject || !pyproject.isValid())
        return {};
    const QString backend = pyproject.string(TomlKeyPath({QStringLiteral("build-system"), QStringLiteral("build-backend")}));
    if (backend == QLatin1String("maturin") || pyproject.contains(TomlKeyPath({QStringLiteral("tool"), QStringLiteral("maturin")})))
        return {};
    return QStringLiteral("Its pyproject.toml builds with %1, not maturin, and there is no Cargo.toml.")
        .arg(backend.isEmpty() ? QStringLiteral("no build backend") : backend);
}

} // namespace wb
