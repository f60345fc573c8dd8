#pragma once

#include "core/build/OutputLineParser.h"

namespace wb {

// maturin's own lines (all on stderr), with or without their emoji:
//   🍹 Building a mixed python/rust project      🔗 Found pyo3 bindings[ with abi3-py39 support]
//   🐍 Found CPython 3.13 at /usr/bin/python3     📡 Using build options features from pyproject.toml
//   📦 Built wheel for CPython 3.13 to PATH       📦 Built source distribution to PATH
//   ⚠️  Warning: ...                              💥 maturin failed / Caused by: ...
class MaturinLineParser : public OutputLineParser
{
public:
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
    // The line without leading emoji, variation selectors and spaces.
    static QString withoutDecoration(const QString &line);
};

} // namespace wb
