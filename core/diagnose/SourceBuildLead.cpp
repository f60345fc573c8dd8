// pip or uv failed to build a released package from source, and the excerpt shows nothing else: no
// toolchain error, no compiler error, no message any rule knows. An installer builds a release from
// source when none of its wheels matches the interpreter and platform, so that is the likeliest root
// cause, but the text cannot show it: a lead (Low), never a verdict, and only when nothing else fits.
#include "core/diagnose/DetectorContext.h"
#include "core/project/PackagingSpecs.h"

namespace wb::diagnose {

namespace {

bool anyFromText(const QList<Finding> &findings)
{
    for (const Finding &f : findings) {
        for (const EvidenceRef &e : f.evidence) {
            if (e.source == QLatin1String("error") || e.source == QLatin1String("log"))
                return true;
        }
    }
    return false;
}

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
    if (!f.sourceBuild || f.localSource || f.sourceBuildName.isEmpty() || anyFromText(ctx.findings())
        || isTheProject(ctx.project(), f.sourceBuildName))
        return;
    const Evidence &e = ctx.evidence();
    EvidenceRef where{QStringLiteral("log"), QString(), f.sourceBuildLine};
    for (const auto &[source, text] : {std::pair{QStringLiteral("error"), e.errorText}, std::pair{QStringLiteral("log"), e.logText}}) {
        if (const qsizetype at = text.indexOf(f.sourceBuildLine); at >= 0) {
            where = {source, QStringLiteral("line %1").arg(text.left(at).count(QLatin1Char('\n')) + 1), f.sourceBuildLine};
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
