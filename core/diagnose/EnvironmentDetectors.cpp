// Environment problems: missing tools, virtual environments, interpreters, compile errors.
#include "core/diagnose/DetectorContext.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace wb::diagnose {

namespace {

void simple(DetectorContext &ctx, const char *kind, const char *id, const QString &message)
{
    for (const SourcedMatch &m : ctx.matches(QString::fromLatin1(kind)))
        ctx.add(QString::fromLatin1(id), message, {DetectorContext::ref(m)});
}

// rustc errors located in the project's own sources: "error[E...]" or an error with a "-->" location, not a
// cargo or pip summary ("error: build failed"), and not in a crate from a registry or git checkout.
void detectRustErrors(DetectorContext &ctx)
{
    QList<SourcedMatch> own, dependency, manifest;
    static const QRegularExpression tomlFile(QStringLiteral(R"re(\.toml:\d+)re"));
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("rust-error"))) {
        if (m.match.args.value(0).isEmpty() && m.match.location.isEmpty())
            continue;
        // cargo's own error in a manifest or configuration file ("--> Cargo.toml:3:11"): not rustc's.
        if (tomlFile.match(m.match.location).hasMatch()) {
            manifest << m;
            continue;
        }
        const bool inDependency = TextFacts::isDependencyPath(m.match.location)
            || (m.match.location.isEmpty() && !ctx.facts().failedCrates.isEmpty()
                && ctx.facts().registryCrates.contains(ctx.facts().failedCrates.first())
                && !ctx.facts().localCrates.contains(ctx.facts().failedCrates.first()));
        (inDependency ? dependency : own) << m;
    }
    if (own.isEmpty() && dependency.isEmpty() && !manifest.isEmpty()) {
        const TextMatch &first = manifest.first().match;
        Finding &f = ctx.add(QStringLiteral("cargo-manifest-invalid"),
                             QStringLiteral("cargo cannot read %1: %2").arg(first.location, first.args.value(1)),
                             {DetectorContext::ref(manifest.first())});
        f.confidence = Confidence::Medium;
        f.rank = 45;
        f.fix.summary = QStringLiteral("Correct the value at %1 to the form cargo expects.").arg(first.location);
        return;
    }
    if (own.isEmpty() && !dependency.isEmpty()) {
        const TextMatch &first = dependency.first().match;
        Finding &f = ctx.add(QStringLiteral("dependency-compile-error"),
                             QStringLiteral("A dependency does not compile (%1%2): not the project's code.")
                                 .arg(first.location.isEmpty() ? QString() : first.location + QStringLiteral(": "), first.args.value(1)),
                             {DetectorContext::ref(dependency.first())});
        f.confidence = Confidence::Low;
        f.rank = 25;
        return;
    }
    if (own.isEmpty())
        return;
    QList<EvidenceRef> evidence;
    QStringList codes;
    for (const SourcedMatch &m : std::as_const(own)) {
        evidence << DetectorContext::ref(m);
        const QString code = m.match.args.value(0);
        if (!code.isEmpty() && !codes.contains(code))
            codes << code;
    }
    const TextMatch &first = own.first().match;
    const QString message = first.location.isEmpty()
        ? QStringLiteral("rustc: %1").arg(first.args.value(1))
        : QStringLiteral("rustc at %1: %2 %3").arg(first.location, first.args.value(0), first.args.value(1)).simplified();
    Finding &f = ctx.add(QStringLiteral("rust-compile-error"),
                         own.size() > 1 ? message + QStringLiteral(" (and %1 more)").arg(own.size() - 1) : message, evidence);
    f.rank = 40;
    // The code does not compile, certainly; as the cause, a deeper one (an API change of a dependency, a
    // version mismatch, a toolchain) may stand behind it, and text alone cannot tell whose sources the
    // location is in: a lead (Low), unless the open project holds the file (Medium).
    f.confidence = Confidence::Low;
    const ProjectFacts &p = ctx.project();
    const QString file = first.location.section(QLatin1Char(':'), 0, 0);
    if (p.present && !file.isEmpty() && !QDir::isAbsolutePath(file)) {
        const QString cargoDir = p.cargoPath.isEmpty() ? p.dir : QFileInfo(p.cargoPath).absolutePath();
        if (QFileInfo::exists(QDir(cargoDir).filePath(file)) || QFileInfo::exists(QDir(p.dir).filePath(file)))
            f.confidence = Confidence::Medium;
    }
    // Errors about PyO3's own traits are what a PyO3 upgrade leaves behind in code written for the previous API.
    static const QRegularExpression pyo3Api(QStringLiteral(
        R"re(\b(?:IntoPy(?:Object|CallbackOutput|Dict)?|FromPyObject|PyClass|PyFunctionArgument|PyClassInitializer|ToPyObject|PyRef(?:Mut)?|GILPool)\b|\b(?:Bound|Py)<|\bpyo3::)re"));
    if (std::any_of(own.cbegin(), own.cend(), [](const SourcedMatch &m) { return m.match.args.value(1).contains(pyo3Api); })) {
        f.message += QStringLiteral(" The errors are about PyO3's own types and traits: after a PyO3 upgrade, its migration guide lists what "
                                    "changed (0.21 the Bound API, 0.23 IntoPyObject and #[pyclass] types that must be Sync).");
        f.links.prepend(QStringLiteral("https://pyo3.rs/latest/migration.html"));
    }
    f.fix.commands.clear();
    for (const QString &c : std::as_const(codes))
        f.fix.commands << QStringLiteral("rustc --explain %1").arg(c.mid(1, c.size() - 2));
    if (!first.location.isEmpty())
        f.fix.summary = QStringLiteral("Fix the code at %1; the error code explains the rule.").arg(first.location);
}

// `maturin develop --uv` installs with uv; when uv is not there, maturin 1.8.3 stops before it compiles with
// only "Caused by: No such file or directory (os error 2)". The command line (a transcript, or a log Wheelbench
// saved) tells which program it was; without it the line stays unexplained (cargo missing says more).
void detectUvMissing(DetectorContext &ctx)
{
    const QList<SourcedMatch> command = ctx.matches(QStringLiteral("develop-uv"));
    const QList<SourcedMatch> missing = ctx.matches(QStringLiteral("os-error-2-cause"));
    if (command.isEmpty() || missing.isEmpty() || ctx.find(QStringLiteral("cargo-not-found")))
        return;
    ctx.add(QStringLiteral("uv-not-found"), QStringLiteral("maturin develop --uv installs with uv, and maturin could not run uv."),
            {DetectorContext::ref(command.first()), DetectorContext::ref(missing.first())});
}

} // namespace

void detectEnvironmentProblems(DetectorContext &ctx)
{
    simple(ctx, "cargo-missing", "cargo-not-found", QStringLiteral("maturin could not run cargo."));
    // maturin's "Cargo metadata failed. Do you have cargo in your PATH?" wraps every failure of cargo metadata
    // (a toolchain error, a manifest error): it names cargo missing only with "No such file" (os error 2) in sight.
    if (Finding *f = ctx.find(QStringLiteral("cargo-not-found"))) {
        bool onlyWrapper = true;
        for (const EvidenceRef &r : std::as_const(f->evidence))
            onlyWrapper = onlyWrapper && r.text.contains(QLatin1String("Do you have cargo in your PATH"));
        const QString all = ctx.evidence().errorText + ctx.evidence().logText;
        if (onlyWrapper && !all.contains(QLatin1String("(os error 2)")) && !all.contains(QLatin1String("program not found")))
            f->confidence = Confidence::Low;
    }
    simple(ctx, "rustc-missing", "rustc-not-found", QStringLiteral("cargo could not run the Rust compiler."));
    simple(ctx, "maturin-missing", "maturin-not-found", QStringLiteral("maturin is not installed where the build runs."));
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("module-not-found"))) {
        if (m.match.args.value(0) == QLatin1String("maturin"))
            ctx.add(QStringLiteral("maturin-not-found"), QStringLiteral("The Python that runs the build has no maturin module."),
                    {DetectorContext::ref(m)});
    }
    simple(ctx, "no-venv", "no-virtualenv", QStringLiteral("maturin develop found no usable virtual environment."));
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("no-interpreter"))) {
        const QString named = m.match.args.value(0);
        // A path given with -i that is not there (or not usable here) is the wrong interpreter, not a missing one.
        if (named.contains(QLatin1Char('/')) || named.contains(QLatin1Char('\\'))) {
            Finding &f = ctx.add(QStringLiteral("wrong-interpreter"),
                                 QStringLiteral("The interpreter path '%1' given to maturin does not exist here.").arg(named),
                                 {DetectorContext::ref(m)});
            f.confidence = Confidence::Medium;
            continue;
        }
        Finding &f = ctx.add(QStringLiteral("no-python-interpreter"),
                             named.isEmpty() ? QStringLiteral("maturin found no Python interpreter to build for.")
                                             : QStringLiteral("The interpreter '%1' given to maturin does not exist.").arg(named),
                             {DetectorContext::ref(m)});
        // A bare version (-i 3.12) that "doesn't exist": not installed, or a maturin that predates that Python: a lead.
        static const QRegularExpression bareVersion(QStringLiteral(R"re(^(?:python)?3\.\d+t?$)re"));
        if (bareVersion.match(named).hasMatch())
            f.confidence = Confidence::Low;
        if (ctx.project().requiresPython.present())
            ctx.add(QStringLiteral("no-python-interpreter"), QString(), {ctx.pyprojectRef(ctx.project().requiresPython)});
    }
    simple(ctx, "patchelf-missing", "patchelf-missing", QStringLiteral("The repair step needs patchelf, which is not installed."));
    simple(ctx, "pip-missing", "pip-missing-in-venv", QStringLiteral("The virtual environment has no pip."));
    detectUvMissing(ctx);
    simple(ctx, "rust-target-missing", "rust-target-missing", QStringLiteral("The Rust standard library for the build target is missing."));
    simple(ctx, "cargo-test-link", "cargo-test-libpython-link",
           QStringLiteral("A test or binary cannot link the Python symbols because extension-module turns off libpython linking."));
    simple(ctx, "maturin-unpinned", "maturin-unpinned", QStringLiteral("build-system requires maturin without a version bound."));
    // maturin prints this advice in every build with an unpinned maturin, failed or not: a lead, not a cause.
    if (Finding *f = ctx.find(QStringLiteral("maturin-unpinned")))
        f->confidence = Confidence::Low;
    simple(ctx, "extension-in-use", "stale-develop-artifact",
           QStringLiteral("A running Python holds the old extension open, so it was not replaced."));
    detectRustErrors(ctx);
}

} // namespace wb::diagnose
