#pragma once

#include <QString>
#include <QStringList>
#include <QVersionNumber>

namespace wb::diagnose {

// What a failure text shows besides its messages: the maturin and PyO3 versions it names, the crates
// cargo compiled (with a path: the project's own; without: from a registry) and the context of the run.
struct TextFacts {
    QVersionNumber maturin;      // "maturin 1.8.3", "maturin-1.1.0/", "Compiling maturin v1.1.0", "maturin:v1.13.3"
    QVersionNumber pyo3;         // "Compiling pyo3 v0.16.3", "pyo3-0.22.5/", "Current version: 0.24.1"
    QStringList localCrates;     // "Compiling x v0.1.0 (/path)"
    QStringList registryCrates;  // "Compiling x v1.0.0"
    QStringList failedCrates;    // "could not compile `x`"
    bool sourceBuild = false;    // pip or uv builds a distribution from source (pep517)
    bool indexSource = false;    // ... that came from an index (a pinned name==version, a downloaded .tar.gz)
    bool localSource = false;    // ... of a local folder or checkout (pip install ., maturin develop, pip-req-build-*)
    QString sourceBuildLine;     // the installer's line naming the distribution it failed to build
    QString sourceBuildName;     // ... and that distribution's name
    bool crossTarget = false;    // --target, target:, CARGO_BUILD_TARGET, cross
    bool freeThreaded = false;   // a python3.Xt interpreter
    bool pythonTraceback = false;
    QString firstLocation;       // the path of the first rustc "--> file:line:col"

    static TextFacts read(const QString &text);
    // A rustc location in a crate from a registry or a git checkout (not the project's own sources).
    static bool isDependencyPath(const QString &location);
    QString versionsNote() const;  // "maturin 1.8.3, PyO3 0.22.5" as far as shown
};

} // namespace wb::diagnose
