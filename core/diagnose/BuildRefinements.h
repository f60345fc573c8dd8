#pragma once

#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/FailureRules.h"

namespace wb::diagnose {

// Refines a build or install failure's rule hit by the rest of the text and the run (confidence, a more specific
// cause, the versions shown). Returns false when the context shows the wording means something else here.
bool refineBuildHit(const DetectorContext &ctx, const QString &text, RuleHit &hit);

} // namespace wb::diagnose
