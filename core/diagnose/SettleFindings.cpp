// The last step: a specific cause suppresses the symptoms it produces, text-only verdicts get the
// confidence the text allows, every finding quotes its decisive lines, and a failure nothing explains
// gets one unrecognised-failure that says what to check instead of a confident wrong name.
#include "core/diagnose/ConfidencePolicy.h"
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/ErrorLines.h"
#include "core/diagnose/SharedWordings.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb::diagnose {

namespace {

using errorlines::Line;
using errorlines::decisiveLines;
using errorlines::errorLine;
using errorlines::inputLines;

// cause -> the findings it explains (they are what the cause looks like further down).
const QList<std::pair<const char *, QList<const char *>>> &supersedes()
{
    static const QList<std::pair<const char *, QList<const char *>>> map = {
        {"sdist-fallback-no-wheel", {"cargo-not-found", "rustc-not-found"}},
        {"cross-compile-interpreter", {"no-python-interpreter", "wrong-interpreter"}},
        {"develop-env-mismatch", {"no-virtualenv", "unsupported-wheel-platform"}},
        {"pip-missing-in-venv", {"module-not-found"}},
        {"cffi-build-requirement-missing", {"pip-missing-in-venv"}},
        {"polars-plugin-api-outdated", {"module-not-found"}},
        {"rust-too-new", {"rust-nightly-required"}},
        {"pypi-password-auth-removed", {"pypi-upload-forbidden"}},
        {"rust-host-glibc-too-old", {"glibc-too-old-at-runtime"}},
        {"manylinux-too-recent-symbols", {"manylinux-forbidden-library"}},
        {"maturin-regression", {"blacklisted-symbols", "unsupported-wheel-platform", "auditwheel-copy-needed", "pyproject-invalid", "manylinux-too-recent-symbols",
                                "pip-too-old", "release-missing-wheels"}},
        {"sccache-gha-cache-unavailable", {"rustc-not-found", "cargo-not-found"}},
        {"rustup-component-missing", {"dependency-build-script-failed"}},
        {"wrong-interpreter", {"cargo-test-libpython-link", "linux-tag-not-uploadable", "external-symbol-undefined"}},
        {"embed-static-libpython-symbols", {"wrong-interpreter", "external-symbol-undefined"}},
        {"cargo-test-libpython-link", {"debug-profile"}},
        {"pyo3-regression", {"pyinit-missing"}},
        {"auditwheel-regression", {"blacklisted-symbols"}},
        {"macos-undefined-dynamic-lookup", {"cargo-test-libpython-link"}},
        {"license-field-format", {"pyproject-invalid"}},
        {"pyo3-free-threaded-unsupported", {"pyo3-python-too-new"}},
        {"pyo3-version-misparse", {"pyo3-python-too-old"}},
        {"cargo-lock-outdated", {"cargo-not-found"}},
        {"dependency-links-libpython", {"system-library-missing"}},
        {"pyo3-python-too-old", {"no-python-interpreter"}},
        {"version-static-and-dynamic", {"version-missing"}},
        {"no-library-target", {"pyproject-invalid"}},
        {"maturin-too-old", {"pyproject-invalid"}},
        {"python2-on-path", {"wrong-interpreter"}},
        {"rust-nightly-required", {"cargo-not-found"}},
        {"rust-too-old", {"cargo-not-found", "cargo-manifest-invalid"}},
        {"index-missing-dependency", {"pip-too-old", "release-missing-wheels"}},
        {"pip-too-old", {"release-missing-wheels"}},
        {"maturin-bug", {"pyproject-invalid", "readme-missing"}},
        {"sdist-missing-files", {"cargo-manifest-invalid"}},
        {"pyo3-regression", {"dependency-build-script-failed"}},
        {"auditwheel-wheel-incompatible", {"module-not-found"}},
        {"package-cpu-check-bug", {"cpu-instructions-unsupported"}},
        {"module-shadowed-by-local-file", {"module-not-found"}},
        {"bindings-not-pyo3", {"module-not-found", "pyo3-feature-disabled"}},
        {"wheel-metadata-inconsistent", {"pip-too-old", "unsupported-wheel-platform", "release-missing-wheels"}},
    };
    return map;
}

// Generic failures: named only when nothing more specific explains them.
bool isGeneric(const QString &id)
{
    return id == QLatin1String("rust-compile-error") || id == QLatin1String("dependency-build-script-failed")
        || id == QLatin1String("dependency-compile-error");
}

bool onlyFromText(const Finding &f)
{
    return !f.evidence.isEmpty() && std::all_of(f.evidence.cbegin(), f.evidence.cend(), [](const EvidenceRef &e) { return e.fromText(); });
}

void suppressSymptoms(DetectorContext &ctx)
{
    for (const auto &[cause, symptoms] : supersedes()) {
        const Finding *found = ctx.find(QString::fromLatin1(cause));
        if (!found || found->confidence == Confidence::Low)
            continue;  // a lead does not hide what the text says outright
        for (const char *s : symptoms)
            ctx.remove(QString::fromLatin1(s));
    }
    int best = -1;
    for (const Finding &f : ctx.findings()) {
        if (!isGeneric(f.id) && f.severity == Severity::Error && f.citesText() && f.confidence != Confidence::Low)
            best = std::max(best, f.rank);
    }
    QStringList generic;
    for (const Finding &f : ctx.findings()) {
        if (isGeneric(f.id) && f.rank < best)
            generic << f.id;
    }
    for (const QString &id : std::as_const(generic))
        ctx.remove(id);
}

// What a message alone can say of the causes the import and packaging detectors name.
void textOnlyConfidence(DetectorContext &ctx)
{
    static const QList<std::pair<const char *, Confidence>> levels = {
        {"module-not-found", Confidence::Low},         // a wrong module-name, a shadowing folder, a broken wheel...
        {"pyinit-missing", Confidence::Medium},
        {"wrong-interpreter", Confidence::Medium},
        {"external-symbol-undefined", Confidence::Medium},
        {"crate-type-not-cdylib", Confidence::Medium},
        {"missing-extension-module", Confidence::Medium},
        {"cargo-test-libpython-link", Confidence::Medium},  // or an embedding program that does not link libpython
    };
    for (const auto &[id, level] : levels) {
        Finding *f = ctx.find(QString::fromLatin1(id));
        if (f && onlyFromText(*f) && int(f->confidence) < int(level))
            f->confidence = level;
    }
    // maturin's build-time check for the PyInit symbol has known false positives (pyinit-check-false-positive):
    // without the project or the wheel to confirm it, its warning is a lead.
    if (Finding *f = ctx.find(QStringLiteral("pyinit-missing")); f && onlyFromText(*f)) {
        bool onlyBuildCheck = true;
        for (const EvidenceRef &e : std::as_const(f->evidence))
            onlyBuildCheck = onlyBuildCheck && e.text.contains(QLatin1String("Couldn't find the symbol `PyInit_"));
        if (onlyBuildCheck)
            f->confidence = Confidence::Low;
    }
    // A standard-library extension (lib-dynload) cannot have been built for another interpreter: the process
    // did not make libpython's symbols visible (an embedding program), so "wrong interpreter" is only a lead.
    if (Finding *f = ctx.find(QStringLiteral("wrong-interpreter"))) {
        for (const EvidenceRef &e : std::as_const(f->evidence)) {
            if (e.text.contains(QLatin1String("/lib-dynload/")))
                f->confidence = Confidence::Low;
        }
    }
}

// How the extension was built (the dev profile, debug information) makes it slow or large; it does not
// make anything fail. Next to an error those lines are only context: a lead at most, so the error is
// explained by something else or by unrecognised-failure.
void lowerBuildQualityNextToErrors(DetectorContext &ctx)
{
    QList<Finding *> fromTheText;
    for (const char *id : {"debug-profile", "debug-symbols"}) {
        if (Finding *f = ctx.find(QString::fromLatin1(id)); f && f->citesText())
            fromTheText << f;
    }
    if (fromTheText.isEmpty())
        return;  // nothing to lower: the lines are not read
    const QList<Line> lines = inputLines(ctx.evidence());
    if (std::any_of(lines.begin(), lines.end(), [](const Line &l) { return errorLine().match(l.text).hasMatch(); })) {
        for (Finding *f : std::as_const(fromTheText))
            f->confidence = Confidence::Low;
    }
}

void addUnrecognised(DetectorContext &ctx, const QList<Line> &lines)
{
    // Any error, or any cause the text itself names with some confidence, is an answer already.
    for (const Finding &f : ctx.findings()) {
        if (f.severity == Severity::Error || (f.citesText() && f.confidence != Confidence::Low))
            return;
    }
    if (lines.isEmpty())
        return;
    QList<EvidenceRef> evidence;
    QStringList quoted;
    for (const Line &l : lines) {
        evidence << EvidenceRef{l.source, QStringLiteral("line %1").arg(l.number), l.text};
        quoted << l.text;
    }
    Finding &f = ctx.add(QStringLiteral("unrecognised-failure"),
                         QStringLiteral("No known cause matches this failure. The decisive lines: %1").arg(quoted.join(QStringLiteral(" | "))),
                         evidence);
    f.confidence = Confidence::Low;
    f.rank = 0;
}

} // namespace

void settleFindings(DetectorContext &ctx)
{
    // First: a verdict on generic lines alone is a lead (Low), so it cannot suppress a generic finding below.
    for (const Finding &f : QList<Finding>(ctx.findings())) {
        if (f.confidence != Confidence::Low && ConfidencePolicy::restsOnGenericLines(f))
            ctx.find(f.id)->confidence = Confidence::Low;
    }
    lowerSharedFindings(ctx);  // before a finding may suppress another
    suppressSymptoms(ctx);
    textOnlyConfidence(ctx);
    lowerBuildQualityNextToErrors(ctx);
    // The decisive lines, read once: the unrecognised failure quotes them and every finding cites them.
    const Evidence &e = ctx.evidence();
    const bool noText = e.errorText.trimmed().isEmpty() && e.logText.trimmed().isEmpty();
    const QList<Line> decisive = noText ? QList<Line>() : decisiveLines(e);
    addUnrecognised(ctx, decisive);
    if (noText)
        return;
    for (Finding f : ctx.findings()) {
        Finding *target = ctx.find(f.id);
        QStringList lines;
        for (const EvidenceRef &r : f.evidence) {
            if (r.fromText() && !lines.contains(r.text))
                lines << r.text;
        }
        for (const Line &l : decisive) {
            if (!lines.contains(l.text))
                lines << l.text;
        }
        target->decisiveLines = lines.mid(0, 6);
    }
}

} // namespace wb::diagnose
