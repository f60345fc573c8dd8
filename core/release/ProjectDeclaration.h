#pragma once

#include "core/release/WorkflowTargets.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

struct ReleaseSet;

// What the project says it supports and needs, gathered from the release's own metadata
// (Requires-Python, classifiers), the sdist's pyproject.toml and Cargo.toml, and — when a project
// folder is given — its pyproject.toml, Cargo.toml and CI workflows (which win over the sdist's).
struct ProjectDeclaration {
    QString requiresPython;        // Requires-Python of the wheels (else pyproject's)
    QString requiresPythonFrom;
    QList<int> classifierMinors;   // "Programming Language :: Python :: 3.X"
    bool classifierPyPy = false;   // "... :: Implementation :: PyPy"
    bool classifierFreeThreading = false; // "Programming Language :: Python :: Free Threading ..."
    QString rustVersion;           // [package] rust-version
    QString rustVersionFrom;
    QString pythonSource;          // [tool.maturin] python-source
    QString manifestPath;          // [tool.maturin] manifest-path
    QList<CiPlatform> ciPlatforms; // from the project's workflows
    QStringList workflowFiles;
    QString projectDir;

    // From the set (metadata and the first readable sdist), then PROJECTDIR (may be empty).
    static ProjectDeclaration gather(const ReleaseSet &set, const QString &projectDir);
    // The pieces of pyproject.toml / Cargo.toml this needs (no error when absent or broken).
    void readPyproject(const QByteArray &toml, const QString &from);
    void readCargoToml(const QByteArray &toml, const QString &from);
};

} // namespace wb
