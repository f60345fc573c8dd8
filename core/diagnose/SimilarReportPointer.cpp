// A failure no rule names may still be one that users reported upstream, with other words around it.
// The unrecognised failure then points to the reported failure most like it (when it is at least half
// alike) and to the cause its thread established, for the user to compare. It stays unrecognised: measured
// on the held-out reports, offering that cause as a lead instead was right for only 4 of the 18 it was
// offered for (docs/troubleshooting.md, "Reported failures alike").
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/SimilarReports.h"

namespace wb::diagnose {

namespace {

// How alike (cosine of the rarity-weighted words) the nearest report must be.
constexpr double MinimumSimilarity = 0.5;

QString causeTitle(const Catalogue &catalogue, const QString &cause)
{
    if (const CatalogueEntry *e = catalogue.find(cause))
        return e->title;
    return QString(cause).replace(QLatin1Char('-'), QLatin1Char(' '));
}

} // namespace

void pointToSimilarReports(DetectorContext &ctx)
{
    Finding *unrecognised = ctx.find(QStringLiteral("unrecognised-failure"));
    if (!unrecognised)
        return;
    const Evidence &e = ctx.evidence();
    const std::optional<SimilarReports::Match> m =
        SimilarReports::builtIn().nearest(e.errorText + QLatin1Char('\n') + e.logText, MinimumSimilarity);
    if (!m)
        return;
    const int percent = qRound(m->similarity * 100);
    const QString &url = m->report.source;
    if (!unrecognised->message.endsWith(QLatin1Char('.')))
        unrecognised->message += QLatin1Char('.');
    unrecognised->message += QStringLiteral(" The failure users reported that is most like this one (%1 % alike in its rarer words) is at "
                                            "%2; its cause there was: %3. Compare the two: it may not be this one's.")
                                 .arg(percent)
                                 .arg(url, causeTitle(ctx.catalogue(), m->cause));
    unrecognised->evidence << EvidenceRef{QStringLiteral("reported failure"), url,
                                          QStringLiteral("%1 % alike; words both share: %2").arg(percent).arg(m->sharedWords.join(QStringLiteral(", ")))};
    unrecognised->fix.steps.prepend(QStringLiteral("Compare with the reported failure most like it: %1").arg(url));
    unrecognised->links.prepend(url);
}

} // namespace wb::diagnose
