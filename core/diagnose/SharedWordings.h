#pragma once
// Lines that more than one cause prints alike (docs/troubleshooting.md, "How confidence is assigned"):
// alone they give a lead (Low); High or Medium stays only where the text carries what tells the causes apart.
#include "core/diagnose/FailureRules.h"

namespace wb::diagnose {

class DetectorContext;
struct TextFacts;

// A rule's hit on such a line: lowered to Low unless `text` (the whole input it came from) holds the evidence.
void lowerSharedRuleHit(const TextFacts &facts, const QString &text, RuleHit &hit);
// The findings the message scanner's detectors add from such lines (before the settling step compares them).
void lowerSharedFindings(DetectorContext &ctx);

} // namespace wb::diagnose
