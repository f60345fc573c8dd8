#pragma once

#include "core/wheel/PlatformTag.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

// A platform a GitHub Actions workflow builds wheels for with PyO3/maturin-action: the `target`
// values of its matrices (`- runner: ... target: x86_64`, `target: [x86_64, aarch64]`, a block
// list) and `--target TRIPLE` in `args:`, taken per job. The OS comes from a full target triple,
// else from the job's name (linux, musllinux, windows, macos) or its runner; musllinux from the job
// name, a musl triple or `manylinux: musllinux_1_2`. Jobs that do not use maturin-action are skipped.
struct CiPlatform {
    PlatformTag::Kind kind = PlatformTag::Kind::Other;
    QString arch;      // in wheel-tag spelling: x86_64, i686, aarch64, armv7l, amd64, x86, arm64, ...
    QString target;    // as written
    QString job;
    QString file;
    int line = 0;
    QString level;     // manylinux: value ("2_28", "auto"), empty when unset
};

class WorkflowTargets
{
public:
    static QList<CiPlatform> parse(const QString &yaml, const QString &file);
    // Every .github/workflows/*.yml / *.yaml under PROJECTDIR; *files gets the ones that use maturin-action.
    static QList<CiPlatform> read(const QString &projectDir, QStringList *files = nullptr);
    // Maps a maturin-action target ("x86", "aarch64", "x86_64-unknown-linux-musl", ...) on an OS to the
    // architecture spelling of wheel platform tags.
    static QString wheelArch(PlatformTag::Kind kind, const QString &target);
};

} // namespace wb
