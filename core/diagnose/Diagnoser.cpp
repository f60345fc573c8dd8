#include "core/diagnose/Diagnoser.h"

#include "core/diagnose/DetectorContext.h"

#include <algorithm>

namespace wb::diagnose {

QList<Finding> Diagnoser::diagnose(const Evidence &evidence, const Catalogue &catalogue)
{
    DetectorContext ctx(evidence, catalogue);
    detectEnvironmentProblems(ctx);
    detectImportProblems(ctx);
    detectPackagingProblems(ctx);
    detectConfigProblems(ctx);  // last: completes findings of the others with the settings that cause them
    QList<Finding> findings = ctx.takeFindings();
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return int(a.severity) < int(b.severity); });
    return findings;
}

} // namespace wb::diagnose
