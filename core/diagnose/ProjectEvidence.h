#pragma once

#include "core/diagnose/Evidence.h"

namespace wb::diagnose {

// Reads what the detectors need from a project folder: pyproject.toml and Cargo.toml (with the line
// of every value) and the #[pymodule] names in the crate's Rust sources.
// Adapter: to be switched to core/project's settings model once it exists.
class ProjectEvidence
{
public:
    static ProjectFacts read(const QString &dir);
    // The same from texts (tests, pasted files); sources maps a relative path to its Rust text.
    static ProjectFacts fromTexts(const QByteArray &pyproject, const QByteArray &cargo);
    // #[pymodule] declarations in one Rust file.
    static QList<PyModuleDecl> findPyModules(const QString &rustText, const QString &relativePath);
};

} // namespace wb::diagnose
