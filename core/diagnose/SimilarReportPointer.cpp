// A failure no rule names may still be one that users reported upstream, with other words around it.
// The unrecognised failure then points to the reported failure most like it (when it is at least half
// alike) and to the cause its thread established, for the user to compare. It stays unrecognised: measured
// on the held-out reports, offering that cause as a lead instead was right for only 4 of the 18 it was
// offered for (docs/troubleshooting.md, "Reported failures alike").
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/SimilarReports.h"

#include <algorithm>

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

// What is compared: a text as long as a report (up to 400 lines) whole; in a longer one, the lines within 60 of
// the decisive lines, so that thousands of lines of a build's progress neither dilute the words nor cost time.
QString comparedText(const Evidence &e, const Finding &unrecognised)
{
    QString out;
    for (const auto &[source, text] : {std::pair{QStringLiteral("error"), e.errorText}, std::pair{QStringLiteral("log"), e.logText}}) {
        const QStringList lines = text.split(QLatin1Char('\n'));
        if (lines.size() <= 400) {
            out += text + QLatin1Char('\n');
            continue;
        }
        QList<bool> keep(lines.size(), false);
        for (const EvidenceRef &r : unrecognised.evidence) {
            const int line = r.source == source && r.location.startsWith(QLatin1String("line ")) ? r.location.mid(5).toInt() : 0;
            for (qsizetype i = std::max(0, line - 61); line > 0 && i < std::min<qsizetype>(lines.size(), line + 60); ++i)
                keep[i] = true;
        }
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (keep.at(i))
                out += lines.at(i) + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace

void pointToSimilarReports(DetectorContext &ctx)
{
    Finding *unrecognised = ctx.find(QStringLiteral("unrecognised-failure"));
    if (!unrecognised)
        return;
    const Evidence &e = ctx.evidence();
    const std::optional<SimilarReports::Match> m = SimilarReports::builtIn().nearest(comparedText(e, *unrecognised), MinimumSimilarity);
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
