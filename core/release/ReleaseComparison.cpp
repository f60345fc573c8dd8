#include "core/release/ReleaseComparison.h"

#include "core/common/SizeFormat.h"
#include "core/release/CoverageMatrix.h"


namespace wb {

namespace {

QStringList presentVersions(const CoverageMatrix &m)
{
    QStringList out;
    for (const MatrixColumn &c : m.columns)
        if (c.present)
            out.append(c.label);
    return out;
}

} // namespace

ReleaseComparison ReleaseComparison::compare(const CoverageMatrix &previous, const CoverageMatrix &current, const QString &previousVersion)
{
    ReleaseComparison c;
    c.previousVersion = previousVersion;
    for (const MatrixRow &r : current.rows) {
        if (!r.present)
            continue;
        SizeChange s{r.label, 0, r.size};
        bool was = false;
        for (const MatrixRow &p : previous.rows)
            if (p.key == r.key && p.present) {
                was = true;
                s.before = p.size;
            }
        if (!was)
            c.newPlatforms.append(r.label);
        c.sizes.append(s);
    }
    for (const MatrixRow &p : previous.rows) {
        if (!p.present)
            continue;
        bool still = false;
        for (const MatrixRow &r : current.rows)
            still = still || (r.key == p.key && r.present);
        if (!still) {
            c.droppedPlatforms.append(p.label);
            c.sizes.append({p.label, p.size, 0});
        }
    }
    const QStringList before = presentVersions(previous), after = presentVersions(current);
    for (const QString &v : after)
        if (!before.contains(v))
            c.newVersions.append(v);
    for (const QString &v : before)
        if (!after.contains(v))
            c.droppedVersions.append(v);
    return c;
}

ReleaseFindingList ReleaseComparison::findings() const
{
    ReleaseFindingList out;
    const QString source = QString::fromLatin1(rule_source::previous);
    const QString prev = previousVersion.isEmpty() ? QStringLiteral("the previous release") : previousVersion;
    for (const QString &p : droppedPlatforms)
        out.append({QStringLiteral("previous.platform-dropped"), Finding::Severity::Warning, ReleaseFinding::Category::Previous,
                    QStringLiteral("%1 had wheels in %2 and has none now").arg(p, prev), {}, source});
    for (const QString &v : droppedVersions)
        out.append({QStringLiteral("previous.version-dropped"), Finding::Severity::Warning, ReleaseFinding::Category::Previous,
                    QStringLiteral("Python %1 had wheels in %2 and has none now").arg(v, prev), {}, source});
    for (const QString &p : newPlatforms)
        out.append({QStringLiteral("previous.platform-new"), Finding::Severity::Info, ReleaseFinding::Category::Previous,
                    QStringLiteral("%1 is new since %2").arg(p, prev), {}, source});
    for (const QString &v : newVersions)
        out.append({QStringLiteral("previous.version-new"), Finding::Severity::Info, ReleaseFinding::Category::Previous,
                    QStringLiteral("Python %1 is new since %2").arg(v, prev), {}, source});
    for (const SizeChange &s : sizes) {
        if (s.before <= 0 || s.after <= 0)
            continue;
        const double ratio = double(s.after) / double(s.before);
        if (ratio > 1.25)
            out.append({QStringLiteral("previous.size-growth"), Finding::Severity::Warning, ReleaseFinding::Category::Previous,
                        QStringLiteral("%1 grew from %2 to %3 (+%4%)")
                            .arg(s.platform, formatSize(s.before), formatSize(s.after))
                            .arg(qRound((ratio - 1.0) * 100.0)),
                        {}, source});
    }
    return out;
}

} // namespace wb
