#pragma once

#include "core/build/CiConfig.h"

#include <QString>

namespace wb {

struct PyprojectBuildSettings;

// A GitHub Actions workflow in the shape `maturin generate-ci github` (maturin 1.13+) writes: one job
// per platform with a runner/target matrix (linux = manylinux, musllinux, windows, macos by default;
// emscripten and android when configured) building with PyO3/maturin-action, an sdist job, and a
// release job on tags that attests and publishes with `uv publish`. [tool.maturin.generate-ci.github]
// chooses platforms, targets and per-target maturin-action inputs, pytest, zig, attestation and
// trusted publishing, as maturin does. Non-abi3 projects pass --find-interpreter (every interpreter the runner has that
// requires-python allows); abi3 projects build one wheel per platform plus free-threaded 3.14t wheels.
// The lowest Python that requires-python allows picks the setup-python version, as maturin does.
struct CiWorkflowOptions {
    QString name = QStringLiteral("CI");
    bool abi3 = false;
    bool bin = false;       // bindings = "bin"
    bool binPython = false; // ... and the binary uses pyo3/cffi/uniffi: it still needs a Python
    bool pytest = false;    // install each wheel and run pytest (QEMU for other architectures); OR'ed with the config
    bool zig = false;       // like generate-ci --zig; OR'ed with the config
    bool skipAttestation = false;
    QList<CiJobPlatform> platforms; // like generate-ci --platform; empty: the configured ones or the defaults
    CiGithubConfig github;  // [tool.maturin.generate-ci.github]
    bool sdist = true;      // the sdist job
    QString projectName;    // what pip installs for pytest
    QString requiresPython; // [project] requires-python

    static CiWorkflowOptions fromSettings(const PyprojectBuildSettings &settings);
    // fromSettings plus the project's [tool.maturin.generate-ci.github].
    static CiWorkflowOptions fromProject(const QString &projectDir);
};

class CiWorkflow
{
public:
    // The CPython minor versions the comment lists for a project (3.FirstMinor .. 3.LastMinor).
    static constexpr int FirstMinor = 8;
    static constexpr int LastMinor = 14;

    static QString generate(const CiWorkflowOptions &options);
    // The platforms and targets the workflow will have, and maturin's objection to the config if any.
    static CiResolved resolve(const CiWorkflowOptions &options);
    // .github/workflows/<name>.yml under projectDir (name lower-cased, spaces to dashes).
    static QString path(const QString &projectDir, const QString &name);
    // Workflows under projectDir/.github/workflows (*.yml, *.yaml, any name) that already build with
    // PyO3/maturin-action (the file mentions it), by name; generating a second one would build twice.
    static QStringList maturinWorkflows(const QString &projectDir);
    // The top-level `name:` of a workflow file; empty when it has none.
    static QString workflowName(const QString &file);
    // Writes atomically; refuses (false, *error) to replace an existing file unless overwrite.
    static bool write(const QString &file, const QString &yaml, bool overwrite, QString *error);
};

} // namespace wb
