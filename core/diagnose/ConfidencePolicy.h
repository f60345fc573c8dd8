#pragma once

#include "core/diagnose/Finding.h"

#include <QString>

namespace wb::diagnose {

// How sure a verdict may be, whatever recogniser reached it (docs/troubleshooting.md, "How confidence is
// assigned"): a finding that rests only on generic lines of pasted text or a log (a summary such as
// `error: could not compile`, `linking with cc failed` without the missing symbol, an installer's wrapper
// line, an exit status, a bare ImportError) is Low: those lines follow from many causes.
class ConfidencePolicy
{
public:
    // A line every failure of its kind prints, whatever the cause: it names no cause.
    static bool isGenericLine(const QString &line);
    // True when the finding cites text (pasted or log) and every text line it cites is generic, and it has
    // no project or wheel evidence that would confirm it.
    static bool restsOnGenericLines(const Finding &finding);
    // Lowers such findings to Low.
    static void apply(QList<Finding> &findings);
};

} // namespace wb::diagnose
