#include "core/project/CargoOnlyProject.h"

#include "core/project/PackagingSpecs.h"
#include "core/project/Project.h"
#include "core/toml/TomlLiteral.h"

#include <QDir>

namespace wb::CargoOnlyProject {

QList<SettingsEdit> minimalPyprojectEdits(const Project &project, const QVersionNumber &maturin)
{
    const int major = maturin.isNull() ? 1 : maturin.majorVersion();
    const int minor = maturin.isNull() ? 0 : maturin.minorVersion();
    const QString requires_ = QStringLiteral("maturin>=%1.%2,<%3.0").arg(major).arg(minor).arg(major + 1);
    QString name = project.cargo.string(TomlKeyPath({QStringLiteral("package"), QStringLiteral("name")}));
    if (!PackagingSpecs::isValidName(name))
        name = QDir(project.dir).dirName();
    using Op = SettingsEdit::Op;
    const auto set = [](const QString &key, const QString &value) {
        return SettingsEdit{Op::Set, ProjectFileKind::Pyproject, key, value, -1};
    };
    return {set(QStringLiteral("build-system.requires"), TomlLiteral::stringArray({requires_})),
            set(QStringLiteral("build-system.build-backend"), TomlLiteral::string(QStringLiteral("maturin"))),
            set(QStringLiteral("project.name"), TomlLiteral::string(name)),
            set(QStringLiteral("project.dynamic"), TomlLiteral::stringArray({QStringLiteral("version")}))};
}

SettingsDiagnostic noPyprojectWarning(const Project &project)
{
    SettingsDiagnostic d;
    d.id = QStringLiteral("project.no-pyproject");
    d.severity = SettingsSeverity::Warning;
    d.fileKind = ProjectFileKind::Pyproject;
    d.file = project.pyprojectPath;
    d.message = QStringLiteral("no pyproject.toml: maturin build and maturin develop build this crate from Cargo.toml alone, "
                               "but pip and python -m build cannot build it from source (there is no [build-system])");
    d.fixLabel = QStringLiteral("Create a minimal pyproject.toml (maturin backend, name from Cargo.toml, dynamic version)");
    d.fix = minimalPyprojectEdits(project, project.options.maturinVersion);
    return d;
}

} // namespace wb::CargoOnlyProject
