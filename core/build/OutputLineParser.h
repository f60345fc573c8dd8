#pragma once

#include "core/build/BuildEvent.h"

#include <QList>
#include <QString>

namespace wb {

// One link of the parser chain. A parser looks at a line (colours already removed) and says:
//  Done       - the line was mine and is complete;
//  InProgress - mine, and the next lines may belong to it too: offer them to me first;
//  NotHandled - not mine, ask the next parser.
class OutputLineParser
{
public:
    enum class Status { Done, InProgress, NotHandled };
    virtual ~OutputLineParser() = default;
    virtual Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) = 0;
    // Emits whatever is still pending (the stream ended or another parser took over).
    virtual void flush(QList<BuildEvent> &events) { Q_UNUSED(events); }
};

} // namespace wb
