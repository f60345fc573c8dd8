#pragma once
// The rule tables FailureRules scans with, one per family of causes (internal to core/diagnose).
#include "core/diagnose/Finding.h"

#include <QList>
#include <QRegularExpression>

namespace wb::diagnose::rules {

struct Rule {
    const char *id;
    const char *tag;
    Confidence confidence;
    int rank;
    const char *message;  // %1, %2: the first non-empty captures
    QRegularExpression re;
};

inline Rule rule(const char *id, const char *tag, Confidence c, int rank, const char *message, const char *pattern)
{
    QRegularExpression re(QString::fromUtf8(pattern), QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return {id, tag, c, rank, message, re};
}

// Interpreters, toolchains, system libraries, cargo, pip/uv source builds, maturin's regressions (BuildRules.cpp).
const QList<Rule> &buildRules();
// The project's layout and metadata as maturin reads it, installed tools, develop installs and the
// artifacts they leave, the repair step (ProjectRules.cpp).
const QList<Rule> &projectRules();
// Tools around the build (rustup, sccache, installers, the CPU) and maturin's invocation regressions (ToolRules.cpp).
const QList<Rule> &toolRules();
// The machine and environment a package installs or runs in: probed interpreters, loaders, paired packages (RuntimeRules.cpp).
const QList<Rule> &runtimeRules();
// Where a build or an import runs: the interpreter's flavour, an older macOS's loader, an emulated compiler, an
// unpacked source tree, the virtualenv develop was pointed at (PlatformRules.cpp).
const QList<Rule> &platformRules();

} // namespace wb::diagnose::rules
