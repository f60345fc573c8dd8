#pragma once

#include "core/diagnose/FailureRules.h"

#include <QVersionNumber>

namespace wb::diagnose {

// Refinements of rule hits about the tools around the build (maturin's platform support, pyodide-build),
// where the catalogue's answer depends on the release that printed the message or on a second line.
// Returns false when the context shows the wording means something else here.
bool refineToolHit(const QString &text, const QVersionNumber &maturin, bool crossTarget, RuleHit &hit);

// Refinements of wordings that other programs print too (clap's, cargo's, a loader's) or whose confidence
// depends on a second sign in the text. Returns false when the wording means something else here.
bool refineToolWording(const QString &text, RuleHit &hit);

// The first maturin release that builds on the operating system its error names ("Aix", "Android": the
// spelling of maturin's message), from maturin's changelog. `known` is false for a system no release adds;
// the version is empty for one supported since releases the changelog does not date (Android).
QString maturinSupportsSince(const QString &os, bool *known);

} // namespace wb::diagnose
