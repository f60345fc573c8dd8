// What an install shows besides its messages: the build folder of an old pip, and two builds of one
// extension side by side in a package folder (the older one can be imported instead of the new one).
#include "core/diagnose/DetectorContext.h"

#include <QHash>
#include <QRegularExpression>

namespace wb::diagnose {

namespace {

struct Line {
    QString source;
    int number = 0;
    QString text;
};

QList<Line> linesOf(const Evidence &e)
{
    QList<Line> out;
    for (const auto &[source, text] : {std::pair{QStringLiteral("error"), e.errorText}, std::pair{QStringLiteral("log"), e.logText}}) {
        const QStringList lines = TextScanner::stripAnsi(text.left(16 * 1024 * 1024)).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i)
            out << Line{source, int(i) + 1, lines.at(i).trimmed().left(1000)};
    }
    return out;
}

EvidenceRef refOf(const Line &l) { return {l.source, QStringLiteral("line %1").arg(l.number), l.text}; }

// pip before 10 unpacks source distributions into <tmp>/pip-build-XXXX (later: pip-req-build-, pip-install-).
// Such a pip predates the manylinux tags most wheels carry, so it builds the source distribution instead.
void detectOldPip(DetectorContext &ctx, const QList<Line> &lines)
{
    static const QRegularExpression oldBuildDir(QStringLiteral(R"re([/\\]pip-build-\w+[/\\])re"));
    static const QRegularExpression failure(QStringLiteral(R"re(^(?:error:|ERROR:|Command .* failed with error code)|Complete output from command )re"));
    const Line *dir = nullptr;
    const Line *error = nullptr;
    for (const Line &l : lines) {
        if (!dir && oldBuildDir.match(l.text).hasMatch())
            dir = &l;
        if (!error && failure.match(l.text).hasMatch())
            error = &l;
    }
    if (!dir || !error)
        return;
    QList<EvidenceRef> evidence{refOf(*dir)};
    if (error != dir)
        evidence << refOf(*error);
    Finding &f = ctx.add(QStringLiteral("pip-too-old"),
                         QStringLiteral("The installer is pip 9 or older (it builds in a pip-build-* folder). It does not accept the "
                                        "manylinux tags of current wheels (pip 8.1 added manylinux1, 19.0 manylinux2010, 19.3 "
                                        "manylinux2014, 20.3 manylinux_2_x), so it built the source distribution, which failed."),
                         evidence);
    f.confidence = Confidence::Medium;
    f.rank = 77;
    ctx.remove(QStringLiteral("sdist-missing-files"));  // what building that source distribution ran into
}

// pip names its own version in its upgrade notice and in pip -V. Before 19.0 it knows no manylinux2010 (and
// before 20.3 no manylinux_2_x) tag, so it skips the wheels a Rust project publishes and builds the sdist.
void detectOldPipVersion(DetectorContext &ctx, const QList<Line> &lines)
{
    if (ctx.find(QStringLiteral("pip-too-old")) && ctx.find(QStringLiteral("pip-too-old"))->confidence != Confidence::Low)
        return;
    static const QRegularExpression version(QStringLiteral(R"re(You are using pip version (\d+\.\d+)|^pip (\d+\.\d+)(?:\.\d+)* from )re"));
    static const QRegularExpression failure(QStringLiteral(
        R"re(No matching distribution found for|Failed building wheel for|Preparing metadata \(pyproject\.toml\)[ .:]*(?:error|finished with status 'error')|Command "python setup\.py egg_info" failed)re"));
    const Line *shown = nullptr;
    const Line *failed = nullptr;
    QVersionNumber pip;
    for (const Line &l : lines) {
        const QRegularExpressionMatch m = version.match(l.text);
        if (!shown && m.hasMatch()) {
            shown = &l;
            pip = QVersionNumber::fromString(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
        }
        if (!failed && failure.match(l.text).hasMatch())
            failed = &l;
    }
    // Without a failure in sight, the source distribution it chose is the sign, and only a lead.
    static const QRegularExpression sdistChosen(QStringLiteral(R"re(^(?:Using cached|Downloading) \S+\.(?:tar\.gz|zip)\b)re"));
    const Line *chose = nullptr;
    if (shown && !failed) {
        for (const Line &l : lines) {
            if (sdistChosen.match(l.text).hasMatch()) {
                chose = &l;
                break;
            }
        }
    }
    if (!shown || !(failed || chose) || pip >= QVersionNumber(19, 0))
        return;
    if (!failed) {
        Finding &lead = ctx.add(QStringLiteral("pip-too-old"),
                                QStringLiteral("The installer is pip %1 and chose a source distribution: it knows no manylinux2010 or newer "
                                               "tag (pip 19.0 added manylinux2010, 19.3 manylinux2014, 20.3 manylinux_2_x), so it may have "
                                               "skipped the release's wheels. Upgrade pip and install again.")
                                    .arg(pip.toString()),
                                {refOf(*shown), refOf(*chose)});
        lead.confidence = Confidence::Low;
        lead.rank = 60;
        lead.severity = Severity::Warning;  // nothing failed in sight: advice, not a claimed failure
        return;
    }
    Finding &f = ctx.add(QStringLiteral("pip-too-old"),
                         QStringLiteral("The installer is pip %1: it knows no manylinux2010 or newer tag (pip 19.0 added "
                                        "manylinux2010, 19.3 manylinux2014, 20.3 manylinux_2_x), so it skipped the published "
                                        "wheels.").arg(pip.toString()),
                         {refOf(*shown), refOf(*failed)});
    f.confidence = Confidence::Medium;
    f.rank = 77;
}

// The same extension module built twice in one folder with different tags (_x.abi3.so beside
// _x.cpython-312-darwin.so): Python prefers the version-specific file, so a stale build wins the import.
void detectTwoBuilds(DetectorContext &ctx, const QList<Line> &lines)
{
    static const QRegularExpression extension(QStringLiteral(
        R"re((?:^|[\s'"(])((?:[\w.-]+[/\\])*)(\w+)\.(abi3|cpython-\d+\w*(?:-[\w-]+)?|cp\d+-win_\w+|pypy\d+-pp\d+[\w-]*)\.(?:so|pyd)\b)re"));
    QHash<QString, QStringList> tags;
    QHash<QString, QList<EvidenceRef>> where;
    for (const Line &l : lines) {
        for (auto it = extension.globalMatch(l.text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString key = m.captured(1) + m.captured(2);
            QStringList &seen = tags[key];
            if (seen.contains(m.captured(3)))
                continue;
            seen << m.captured(3);
            where[key] << refOf(l);
        }
    }
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        Finding &f = ctx.add(QStringLiteral("stale-develop-artifact"),
                             QStringLiteral("Two builds of the extension %1 sit side by side (%2): Python imports the version-specific "
                                            "one first, so an old build can hide the new one.")
                                 .arg(it.key(), it.value().join(QStringLiteral(", "))),
                             where.value(it.key()));
        f.confidence = Confidence::Medium;
        f.rank = 70;
        return;
    }
}

// cargo install resolving a package's dependencies afresh (without --locked) and finding no version that fits: the
// versions the release was built with (its lock file) are gone or yanked, or the index is stale.
void detectUnlockedInstall(DetectorContext &ctx, const QList<Line> &lines)
{
    static const QRegularExpression install(QStringLiteral(R"re(failed to compile `([^`]+)`, intermediate artifacts can be found at)re"));
    static const QRegularExpression resolve(QStringLiteral(R"re(failed to select a version for the requirement `[^`]+`)re"));
    const Line *installed = nullptr;
    const Line *unresolved = nullptr;
    for (const Line &l : lines) {
        if (!installed && install.match(l.text).hasMatch())
            installed = &l;
        if (!unresolved && resolve.match(l.text).hasMatch())
            unresolved = &l;
    }
    if (!installed || !unresolved)
        return;
    Finding &f = ctx.add(QStringLiteral("cargo-install-unlocked"),
                         QStringLiteral("cargo install resolved %1's dependencies afresh and found no version that fits: the lock file of the "
                                        "release (cargo install --locked) would have kept the versions it was built with.")
                             .arg(install.match(installed->text).captured(1)),
                         {refOf(*installed), refOf(*unresolved)});
    f.confidence = Confidence::Medium;
    f.rank = 66;
}

} // namespace

void detectInstallerContext(DetectorContext &ctx)
{
    const QList<Line> lines = linesOf(ctx.evidence());
    if (lines.isEmpty())
        return;
    detectOldPip(ctx, lines);
    detectOldPipVersion(ctx, lines);
    detectTwoBuilds(ctx, lines);
    detectUnlockedInstall(ctx, lines);
}

} // namespace wb::diagnose
