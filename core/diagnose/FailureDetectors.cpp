// Build and install failures named by their own messages: PyO3's interpreter checks, toolchains, system
// libraries, cargo's lockfile and resolver, source builds by pip/uv, and maturin's known regressions,
// refined by what else the text shows (the versions, the crates cargo compiled, the kind of run).
#include "core/diagnose/BuildRefinements.h"
#include "core/diagnose/ContextualHits.h"
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/FailureRules.h"
#include "core/diagnose/SharedWordings.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

struct Sourced {
    QString source;
    RuleHit hit;
};

QVersionNumber v(const char *s) { return QVersionNumber::fromString(QLatin1String(s)); }

void addHit(DetectorContext &ctx, const Sourced &s)
{
    const bool existed = ctx.find(s.hit.id) != nullptr;
    Finding &f = ctx.add(s.hit.id, s.hit.message,
                         {EvidenceRef{s.source, QStringLiteral("line %1").arg(s.hit.line), s.hit.text}});
    // The forward-compatibility switch is advice (a warning) where it is only set; where it is why the code does not
    // compile, it is the failure's cause.
    if (s.hit.id == QLatin1String("abi3-forward-compatibility") && s.hit.tag == QLatin1String("ffi-missing"))
        f.severity = Severity::Error;
    if (!existed) {
        f.confidence = s.hit.confidence;
        f.rank = s.hit.rank;
        return;
    }
    if (s.hit.rank > f.rank)
        f.rank = s.hit.rank;
    if (int(s.hit.confidence) < int(f.confidence)) {
        f.confidence = s.hit.confidence;
        f.message = s.hit.message;
    }
}

// A failure about a file, folder or profile the open project's settings name: the setting's line is
// evidence too (and a link to it in the window). Which file maturin read is in the hit's message.
void citeProjectSettings(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    if (!p.present)
        return;
    const auto cite = [&ctx](const char *id, const EvidenceRef &ref) {
        Finding *f = ctx.find(QString::fromLatin1(id));
        if (f && !ref.location.isEmpty() && !f->evidence.contains(ref))
            f->evidence << ref;
    };
    const auto py = [&ctx](const Setting &s) { return s.present() ? ctx.pyprojectRef(s) : EvidenceRef{}; };
    // Only a setting whose value the failure names (the log may be of another state of the files).
    const auto named = [&ctx](const char *id, const Setting &s) {
        const Finding *f = ctx.find(QString::fromLatin1(id));
        return f && s.present() && f->message.contains(s.value, Qt::CaseInsensitive);
    };
    if (named("data-dir-missing", p.data))
        cite("data-dir-missing", py(p.data));
    if (named("compatibility-policy-unknown", p.compatibility))
        cite("compatibility-policy-unknown", py(p.compatibility));
    cite("license-file-missing", py(p.licenseFile));
    cite("readme-file-and-text", py(p.readme));
    for (const Setting &profile : {p.profile, p.editableProfile}) {
        if (named("cargo-profile-undefined", profile))
            cite("cargo-profile-undefined", py(profile));
    }
    // [tool.maturin] features, when the feature cargo refused is one of them.
    if (const Finding *f = ctx.find(QStringLiteral("cargo-feature-undefined")); f && p.maturinFeatures.present()) {
        for (const QString &feature : p.maturinFeatures.items) {
            if (f->message.contains(QStringLiteral(" %1 ").arg(feature)))
                cite("cargo-feature-undefined", py(p.maturinFeatures));
        }
    }
    if (const Finding *f = ctx.find(QStringLiteral("readme-missing")))
        cite("readme-missing", f->message.contains(QLatin1String("Cargo.toml")) && p.cargoReadme.present() ? ctx.cargoRef(p.cargoReadme) : py(p.readme));
}

// A toolchain missing while pip/uv build a release from source: the root cause is that no wheel matched.
void detectSourceFallback(DetectorContext &ctx)
{
    const TextFacts &f = ctx.facts();
    // A source build whose origin the excerpt does not show (no local path, no index download): most
    // likely an install of a release (developers run maturin itself), but only a lead.
    const bool unknownOrigin = !f.indexSource && !f.localSource;
    if (!f.sourceBuild || (!f.indexSource && !unknownOrigin))
        return;
    for (const char *id : {"cargo-not-found", "rustc-not-found", "sdist-missing-files"}) {
        const Finding *missing = ctx.find(QString::fromLatin1(id));
        if (!missing)
            continue;
        const QList<EvidenceRef> evidence = missing->evidence;  // copied: adding a finding may move the others
        const bool incomplete = QLatin1String(id) == QLatin1String("sdist-missing-files");
        // A file the sdist surely lacks is what broke, and is listed first; that no wheel matched is why it was built.
        const bool sureIncomplete = incomplete && missing->confidence != Confidence::Low;
        const int missingRank = missing->rank;
        Finding &fb = ctx.add(QStringLiteral("sdist-fallback-no-wheel"),
                              incomplete ? QStringLiteral("The installer found no wheel of this release for the platform or Python and builds "
                                                          "the source distribution, which lacks files the build needs.")
                                         : QStringLiteral("The installer found no wheel of this release for the platform or Python and builds the "
                                                          "source distribution, which needs a Rust toolchain that is not there."),
                              evidence);
        // Why no wheel matched (an old installer, a Python newer than the release's wheels, a release missing its
        // wheels, a platform it never supports) the text rarely shows: a lead either way.
        fb.confidence = Confidence::Low;
        fb.rank = sureIncomplete ? missingRank - 1 : 76;
    }
}

// maturin's build-time PyInit check has known false positives: before 0.12.0 it missed the leading underscore
// of macOS arm64 symbols; up to 1.14.1 its ELF check looked only for PyInit_, while abi3t (free-threaded
// stable ABI) builds may export PyModExport_ instead (maturin #3223, fixed by #3246).
QString knownFalsePositive(const QString &all, const QVersionNumber &shown)
{
    if (!all.contains(QLatin1String("Couldn't find the symbol `PyInit_")))
        return {};
    static const QRegularExpression arm64Wheel(QStringLiteral(R"re(macosx_\w*arm64\.whl)re"));
    // A warning that also names PyModExport_ comes from a maturin far newer than 0.12.0.
    const bool newWording = all.contains(QLatin1String("`PyModExport_"));
    if (arm64Wheel.match(all).hasMatch() && !newWording && (shown.isNull() || shown < v("0.12.0")))
        return QStringLiteral("maturin warned of a missing PyInit for a macOS arm64 wheel; before 0.12.0 that check missed the "
                              "symbol's leading underscore.");
    static const QRegularExpression abi3tElfWheel(QStringLiteral(R"re(\babi3t\b[\w.-]*-(?:manylinux|musllinux|linux)_\w+\.whl)re"));
    if (abi3tElfWheel.match(all).hasMatch() && (shown.isNull() || shown <= v("1.14.1")))
        return QStringLiteral("maturin warned of a missing PyInit for an abi3t (free-threaded stable ABI) Linux wheel; its ELF check "
                              "looked only for PyInit_, while such builds may export PyModExport_ instead (fixed after maturin 1.14.1).");
    return {};
}

void detectPyInitFalsePositive(DetectorContext &ctx)
{
    const Finding *pyinit = ctx.find(QStringLiteral("pyinit-missing"));
    if (!pyinit || !ctx.project().pymodules.isEmpty())
        return;
    const QString all = ctx.evidence().errorText + ctx.evidence().logText;
    const QVersionNumber shown = ctx.facts().maturin;
    const QString why = knownFalsePositive(all, shown);
    if (why.isEmpty())
        return;
    const QList<EvidenceRef> evidence = pyinit->evidence;
    ctx.remove(QStringLiteral("pyinit-missing"));
    Finding &f = ctx.add(QStringLiteral("pyinit-check-false-positive"),
                         why + (shown.isNull() ? QString() : QStringLiteral(" The text shows maturin %1.").arg(shown.toString())),
                         evidence);
    f.confidence = Confidence::Medium;
    f.rank = 60;
}

} // namespace

void detectBuildFailures(DetectorContext &ctx)
{
    const Evidence &e = ctx.evidence();
    QList<Sourced> hits;
    for (const auto &[source, text] : {std::pair{QStringLiteral("error"), e.errorText}, std::pair{QStringLiteral("log"), e.logText}}) {
        if (text.trimmed().isEmpty())
            continue;
        for (RuleHit hit : FailureRules::scan(text) + contextualHits(ctx.facts(), text)) {
            if (!refineBuildHit(ctx, text, hit))
                continue;
            lowerSharedRuleHit(ctx.facts(), text, hit);
            hits << Sourced{source, hit};
        }
    }
    for (const Sourced &s : std::as_const(hits))
        addHit(ctx, s);
    citeProjectSettings(ctx);
    detectSourceFallback(ctx);
    detectPyInitFalsePositive(ctx);
}

} // namespace wb::diagnose
