#pragma once

#include "core/project/SettingsDiagnostic.h"

#include <QVersionNumber>

namespace wb {

class Project;

// A crate maturin builds from Cargo.toml alone (no pyproject.toml). `maturin build` and `maturin develop`
// accept it; pip and `python -m build` cannot build it from source, and `maturin sdist` has no metadata
// to put in PKG-INFO beyond Cargo's. So it is a warning, with a fix that writes a minimal pyproject.toml
// (the maturin backend, [project] name from Cargo's package name, the version taken from Cargo.toml).
namespace CargoOnlyProject {
// The edits that create that pyproject.toml (applied to an empty document). maturin: the installed
// version, for the lower bound of build-system.requires (1.0 when unknown).
QList<SettingsEdit> minimalPyprojectEdits(const Project &project, const QVersionNumber &maturin);
// The warning, with that fix; file/line point at the pyproject.toml that does not exist yet.
SettingsDiagnostic noPyprojectWarning(const Project &project);
} // namespace CargoOnlyProject

} // namespace wb
