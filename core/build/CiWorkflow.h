#pragma once

#include <QString>

namespace wb {

struct PyprojectBuildSettings;

// A GitHub Actions workflow in the shape `maturin generate-ci github` writes: wheels for Linux
// (manylinux and musllinux), Windows and macOS, an sdist job, and a release job on tags that
// publishes with `uv publish`. Non-abi3 projects build for every interpreter the runners have that
// requires-python allows (--find-interpreter); abi3 projects build one wheel per platform.
struct CiWorkflowOptions {
    QString name = QStringLiteral("CI");
    bool abi3 = false;
    bool pytest = false;    // install the wheel and run pytest on x86_64 Linux
    QString projectName;    // for the pytest step
    QString requiresPython; // shown in a comment

    static CiWorkflowOptions fromSettings(const PyprojectBuildSettings &settings);
};

class CiWorkflow
{
public:
    static QString generate(const CiWorkflowOptions &options);
    // .github/workflows/<name>.yml under projectDir (name lower-cased, spaces to dashes).
    static QString path(const QString &projectDir, const QString &name);
    // Writes atomically; refuses (false, *error) to replace an existing file unless overwrite.
    static bool write(const QString &file, const QString &yaml, bool overwrite, QString *error);
};

} // namespace wb
