#include "core/release/ReleaseReport.h"

#include "core/release/ConsistencyRules.h"

#include <QHash>

#include <algorithm>

namespace wb {

namespace {

QString mostCommon(const QStringList &values)
{
    QHash<QString, int> counts;
    QString best;
    for (const QString &v : values)
        if (++counts[v] > counts.value(best))
            best = v;
    return best;
}

} // namespace

ReleaseReport ReleaseReport::check(ReleaseSet set, const ReleaseOptions &options, std::optional<ReleaseSet> previous)
{
    ReleaseReport r;
    r.set = std::move(set);
    QStringList names, versions;
    for (const ReleaseFile &f : r.set.files)
        if (f.readable()) {
            names.append(f.name());
            versions.append(f.version());
        }
    r.name = mostCommon(names);
    r.version = mostCommon(versions);
    r.project = ProjectDeclaration::gather(r.set, options.projectDir);
    r.findings = UploadRules::check(r.set, options.upload);
    r.findings += ConsistencyRules::metadata(r.set);
    r.findings += ConsistencyRules::pureFiles(r.set);
    r.findings += ConsistencyRules::stripping(r.set);
    r.findings += ConsistencyRules::suffixes(r.set);
    r.findings += ConsistencyRules::sdistContents(r.set, r.project, &r.sdistFatal);
    r.matrix = CoverageMatrix::build(r.set, r.project, r.sdistFatal);
    r.findings += r.matrix.findings();
    if (previous) {
        const ProjectDeclaration prevProject = ProjectDeclaration::gather(*previous, {});
        const CoverageMatrix prevMatrix = CoverageMatrix::build(*previous, prevProject);
        QStringList prevVersions;
        for (const ReleaseFile &f : previous->files)
            if (f.readable())
                prevVersions.append(f.version());
        r.comparison = ReleaseComparison::compare(prevMatrix, r.matrix, mostCommon(prevVersions));
        r.findings += r.comparison->findings();
        r.previousSet = std::move(previous);
    }
    std::stable_sort(r.findings.begin(), r.findings.end(), [](const ReleaseFinding &a, const ReleaseFinding &b) {
        return int(a.severity) > int(b.severity);
    });
    return r;
}

int ReleaseReport::count(Finding::Severity s) const
{
    return int(std::count_if(findings.begin(), findings.end(), [s](const ReleaseFinding &f) { return f.severity == s; }));
}

QString ReleaseReport::verdict() const
{
    if (refusedOrMissing())
        return QStringLiteral("blocked");
    return count(Finding::Severity::Warning) > 0 ? QStringLiteral("warnings") : QStringLiteral("ready");
}

QString ReleaseFinding::categoryName(Category c)
{
    switch (c) {
    case Category::Upload: return QStringLiteral("upload");
    case Category::Consistency: return QStringLiteral("consistency");
    case Category::Coverage: return QStringLiteral("coverage");
    case Category::Previous: return QStringLiteral("previous");
    }
    return {};
}

} // namespace wb
