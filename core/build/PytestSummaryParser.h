#pragma once

#include "core/build/OutputLineParser.h"

namespace wb {

// pytest's closing line: "==== 2 passed, 1 failed in 0.05s ====" -> a TestSummary event.
class PytestSummaryParser : public OutputLineParser
{
public:
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
};

} // namespace wb
