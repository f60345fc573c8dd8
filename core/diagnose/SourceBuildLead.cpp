// pip or uv failed to build a released package from source, and the excerpt shows nothing else: no
// toolchain error, no compiler error, no message any rule knows. An installer builds a release from
// source when none of its wheels matches the interpreter and platform, so that is the likeliest root
// cause, but the text cannot show it: a lead (Low), never a verdict, and only when nothing else fits.
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/ErrorLines.h"
#include "core/project/PackagingSpecs.h"

#include <algorithm>

namespace wb::diagnose {

namespace {

// The project's own distribution, built by `pip install .` whose excerpt lost the "Processing ./" line.
bool isTheProject(const ProjectFacts &p, const QString &name)
{
    if (!p.present)
        return false;
    const QString built = PackagingSpecs::normalizedName(name);
    return built == PackagingSpecs::normalizedName(p.projectName.value) || built == PackagingSpecs::normalizedName(p.packageName.value);
}

} // namespace

void leadFromSourceBuild(DetectorContext &ctx)
{
    const TextFacts &f = ctx.facts();
    const QList<Finding> &findings = ctx.findings();
    if (!f.sourceBuild || f.localSource || f.sourceBuildName.isEmpty()
        || std::any_of(findings.cbegin(), findings.cend(), [](const Finding &x) { return x.citesText(); })
        || isTheProject(ctx.project(), f.sourceBuildName))
        return;
    EvidenceRef where{QStringLiteral("log"), QString(), f.sourceBuildLine};
    for (const errorlines::Line &l : errorlines::inputLines(ctx.evidence())) {
        if (l.text.contains(f.sourceBuildLine)) {
            where = {l.source, QStringLiteral("line %1").arg(l.number), l.text};
            break;
        }
    }
    Finding &lead = ctx.add(QStringLiteral("sdist-fallback-no-wheel"),
                            QStringLiteral("The installer built %1 from its source distribution, and that build failed; the text does "
                                           "not show why. An installer builds a release from source when none of its wheels matches the "
                                           "Python and platform: check which wheels the release publishes. A lead, not a verdict.")
                                .arg(f.sourceBuildName),
                            {where});
    lead.confidence = Confidence::Low;
    lead.rank = 1;
}

} // namespace wb::diagnose
