#pragma once

#include "core/build/OutputLineParser.h"

namespace wb {

// cargo's status lines: "Compiling pyo3 v0.22.6", the progress bar
// "Building [=====>   ] 12/36: syn, pyo3-ffi(build)", "Finished `release` profile ... in 22.43s",
// and its verdict "error: could not compile `x` (lib) due to 3 previous errors".
class CargoStatusParser : public OutputLineParser
{
public:
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
    // Parses one progress line; false when `line` is not one.
    static bool parseProgress(const QString &line, BuildProgress *progress);
};

} // namespace wb
