#pragma once

#include "core/diagnose/FailureRules.h"
#include "core/diagnose/TextFacts.h"

namespace wb::diagnose {

// A maturin-regression hit gets the release that fixed it, compared with the maturin the text shows (an
// older one: upgrade; the fix or newer: only a lead).
void refineRegression(const TextFacts &facts, RuleHit &hit);

// pip's "inconsistent version" with the file name's A.postN against the metadata's A+N: maturin before 0.9.2
// wrote a Cargo version's build metadata unescaped (maturin #419). Turns the hit into that regression.
void refineMetadataVersion(const TextFacts &facts, const QString &text, RuleHit &hit);

} // namespace wb::diagnose
