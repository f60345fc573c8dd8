#pragma once

#include "core/diagnose/FailureRules.h"
#include "core/diagnose/TextFacts.h"

namespace wb::diagnose {

// The hits of one text (the pasted error or the log) that need more than one line, or the text's facts, to
// tell: each as a RuleHit, as the rule table gives them.
QList<RuleHit> contextualHits(const TextFacts &facts, const QString &text);

} // namespace wb::diagnose
