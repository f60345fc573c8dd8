#pragma once

#include "core/project/CargoWorkspace.h"
#include "core/project/SettingsDiagnostic.h"
#include "core/toml/TomlDocument.h"

#include <QDir>
#include <QString>
#include <QVersionNumber>

namespace wb {

struct ProjectOptions {
    QString cargoManifest;         // use this Cargo.toml instead of finding one
    bool checkFilesystem = true;   // false: judge the two files only (no python-source, globs, Rust sources)
    QVersionNumber maturinVersion; // the installed maturin, when known: gates version-specific keys
    QString maturinFrom;           // where that version came from, for messages ("PATH", "project .venv", ...)
    QString member;                // a Cargo workspace root: the member to open (package name or folder)
};

// A maturin project as read from disk: pyproject.toml and the crate's Cargo.toml, bytes kept as they are.
// Reading runs nothing from the project.
class Project
{
public:
    static Project load(const QString &dir, const ProjectOptions &options = {});

    QString dir;
    QString pyprojectPath;
    QString cargoPath;      // empty when none was found
    QString cargoHow;       // how the manifest was found, in words
    QString workspaceRootPath; // a Cargo workspace root above the crate, when there is one
    TomlDocument pyproject;
    TomlDocument cargo;
    TomlDocument workspaceRoot;
    bool hasPyproject = false;
    bool hasCargo = false;
    QString readError;      // the project cannot be used at all (no such folder, no files)
    QList<SettingsDiagnostic> loadDiagnostics; // unreadable or oversized files, workspace choices
    ProjectOptions options;
    // Opened at a Cargo workspace root without a pyproject.toml: its members that are Python packages.
    // When one was chosen (ProjectOptions::member, or the only one), the project is that member (dir,
    // files) and workspaceDir is the folder that was opened; builds run there with -m member/Cargo.toml.
    QList<WorkspaceMember> pythonMembers;
    QString workspaceDir;
    QString member;         // the chosen member's package name
    const WorkspaceMember *chosenMember() const { return CargoWorkspace::find(pythonMembers, member); }
    // A workspace root with several Python members and none chosen.
    bool needsMember() const { return member.isEmpty() && pythonMembers.size() > 1; }

    bool isUsable() const { return readError.isEmpty(); }
    // Why the folder is not a maturin project, or empty when it is one: a pyproject.toml with the maturin
    // backend or [tool.maturin], or a Cargo.toml maturin can build from.
    QString whyNotMaturin() const;
    const TomlDocument &document(ProjectFileKind kind) const { return kind == ProjectFileKind::Cargo ? cargo : pyproject; }
    QString path(ProjectFileKind kind) const { return kind == ProjectFileKind::Cargo ? cargoPath : pyprojectPath; }

    // Which file a key belongs to: tool./project./build-system. -> pyproject.toml; package./lib./
    // dependencies./features./profile./workspace. (and other Cargo tables) -> Cargo.toml.
    static bool fileForKey(const QString &key, ProjectFileKind *kind);

    static constexpr qint64 MaxFileSize = 8 * 1024 * 1024;
    // Reads a settings file (bounded); false with a message when it cannot.
    static bool readFile(const QString &path, QByteArray *bytes, QString *error);

private:
    static bool openWorkspaceMember(Project *p, const QDir &dir, const ProjectOptions &options);
};

} // namespace wb
