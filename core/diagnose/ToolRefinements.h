#pragma once

#include "core/diagnose/FailureRules.h"
#include "core/diagnose/TextFacts.h"

#include <QVersionNumber>

namespace wb::diagnose {

// Refinements of rule hits about the tools around the build: wordings other programs print too (clap's,
// cargo's, a loader's), wordings whose confidence depends on a second sign in the text, and those whose
// cause depends on the release that printed them (maturin's platform support and interpreter handling,
// pyodide-build). Returns false when the context shows the wording means something else here.
bool refineToolHit(const QString &text, const TextFacts &facts, RuleHit &hit);

// The first maturin release that builds on the operating system its error names ("Aix", "Android": the
// spelling of maturin's message), from maturin's changelog. `known` is false for a system no release adds;
// the version is empty for one supported since releases the changelog does not date (Android).
QString maturinSupportsSince(const QString &os, bool *known);

} // namespace wb::diagnose
