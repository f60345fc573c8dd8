#pragma once

#include "core/build/OutputLineParser.h"

namespace wb {

// maturin's own lines (all on stderr), with or without their emoji:
//   🍹 Building a mixed python/rust project      🔗 Found pyo3 bindings[ with abi3-py39 support]
//   🐍 Found CPython 3.13 at /usr/bin/python3     📡 Using build options features from pyproject.toml
//   📦 Built wheel for CPython 3.13 to PATH       📦 Built source distribution to PATH
//   ⚠️  Warning: ...
//   💥 maturin failed
//     Caused by: Failed to build a native library through cargo
//     Caused by: Cargo build finished with "exit status: 101": ...
// A failure and the "Caused by:" lines after it are one chain: one MaturinFailed event, emitted when
// a line that is not a cause arrives or the output ends. A chain without the "💥" line (other
// anyhow-style tools) is one event as well.
class MaturinLineParser : public OutputLineParser
{
public:
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
    void flush(QList<BuildEvent> &events) override;
    // The line without leading emoji, variation selectors and spaces.
    static QString withoutDecoration(const QString &line);
    // The Issues entry for a failure chain: an error whose message is the first cause.
    static Diagnostic failureDiagnostic(const QString &header, const QStringList &causes, int logLine);

private:
    static constexpr int MaxCauses = 64; // a hostile log cannot grow one chain without bound
    bool m_inFailure = false;
    BuildEvent m_failure;
    QStringList m_rendered;
};

} // namespace wb
