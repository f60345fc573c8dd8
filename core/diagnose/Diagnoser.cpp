#include "core/diagnose/Diagnoser.h"

#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/LogPrefixes.h"

#include <algorithm>

namespace wb::diagnose {

QList<Finding> Diagnoser::diagnose(const Evidence &evidence, const Catalogue &catalogue)
{
    // The lines as the tools wrote them: CI and container logs prefix every line with a timestamp or a step.
    Evidence e = evidence;
    e.errorText = LogPrefixes::strip(e.errorText);
    e.logText = LogPrefixes::strip(e.logText);
    DetectorContext ctx(e, catalogue);
    detectEnvironmentProblems(ctx);
    detectImportProblems(ctx);
    detectPackagingProblems(ctx);
    detectConfigProblems(ctx);  // completes findings of the others with the settings that cause them
    detectBuildFailures(ctx);
    detectInstallerContext(ctx);
    detectMetadataInconsistency(ctx);
    detectScriptEntryPoints(ctx);
    detectTomlErrorLocation(ctx);
    wordForBindings(ctx);       // after the config detector: the libpython finding's wording follows the bindings shown
    leadFromSourceBuild(ctx);   // after every detector: only when nothing else explains the text
    settleFindings(ctx);        // a specific cause suppresses the generic one
    pointToSimilarReports(ctx); // last: where no cause is named, the most alike failure users reported
    QList<Finding> findings = ctx.takeFindings();
    sort(&findings);
    return findings;
}

void Diagnoser::sort(QList<Finding> *findings)
{
    // Errors first; among them the more specific cause, then the surer one.
    std::stable_sort(findings->begin(), findings->end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return int(a.severity) < int(b.severity);
        if (a.rank != b.rank)
            return a.rank > b.rank;
        return int(a.confidence) < int(b.confidence);
    });
}

} // namespace wb::diagnose
