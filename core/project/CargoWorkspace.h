#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

class TomlDocument;

// A member of a Cargo workspace that maturin can build into a Python package: it has its own
// pyproject.toml, or it is a cdylib with Python bindings (pyo3, pyo3-ffi, cffi, uniffi). maturin's
// documentation builds such a member from the root with `maturin build -m crates/x/Cargo.toml`.
struct WorkspaceMember {
    QString name;         // Cargo [package] name
    QString relativeDir;  // to the workspace root, "/" separated ("." for the root package)
    QString dir;          // absolute
    QString manifestPath; // absolute path of its Cargo.toml
    bool hasPyproject = false;
    QString why;          // "pyproject.toml", "cdylib with pyo3"
    // What maturin's -m takes, relative to the workspace root: "crates/x/Cargo.toml".
    QString relativeManifest() const;
};

namespace CargoWorkspace {
// True when the manifest has a [workspace] table.
bool isRoot(const TomlDocument &manifest);
// The workspace's members (members globs expanded, exclude honoured, the root package included
// when the root manifest has a [package]) that are Python packages, in the order of the manifest.
QList<WorkspaceMember> pythonMembers(const QString &rootManifestPath, const TomlDocument &rootManifest);
// The member named NAME: its package name, or its folder relative to the root. nullptr when none.
const WorkspaceMember *find(const QList<WorkspaceMember> &members, const QString &name);
// "py (py/), other (crates/other/)"
QString describe(const QList<WorkspaceMember> &members);
} // namespace CargoWorkspace

} // namespace wb
