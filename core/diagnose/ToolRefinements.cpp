#include "core/diagnose/ToolRefinements.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace wb::diagnose {

QString maturinSupportsSince(const QString &os, bool *known)
{
    // maturin's changelog: "Support for FreeBSD" (0.7.0), "basic support for OpenBSD" (0.10.3), NetBSD (0.12.2),
    // Illumos (0.12.3), Haiku (0.12.5), wasm32-unknown-emscripten (0.13.0), AIX (1.6.0, PR #2030), GNU/Hurd
    // (1.7.5), Cygwin (1.10.0). Android builds (Termux) came with a release the changelog does not date; cross
    // builds for Android with 1.11.
    static const QHash<QString, QString> since = {
        {QStringLiteral("freebsd"), QStringLiteral("0.7.0")},   {QStringLiteral("openbsd"), QStringLiteral("0.10.3")},
        {QStringLiteral("netbsd"), QStringLiteral("0.12.2")},   {QStringLiteral("illumos"), QStringLiteral("0.12.3")},
        {QStringLiteral("haiku"), QStringLiteral("0.12.5")},    {QStringLiteral("emscripten"), QStringLiteral("0.13.0")},
        {QStringLiteral("aix"), QStringLiteral("1.6.0")},       {QStringLiteral("hurd"), QStringLiteral("1.7.5")},
        {QStringLiteral("cygwin"), QStringLiteral("1.10.0")},   {QStringLiteral("android"), QString()},
        {QStringLiteral("linux"), QString()},                   {QStringLiteral("windows"), QString()},
        {QStringLiteral("darwin"), QString()},                  {QStringLiteral("macos"), QString()},
    };
    const auto it = since.constFind(os.toLower());
    *known = it != since.constEnd();
    return *known ? *it : QString();
}

namespace {

void refineUnsupportedOs(const QVersionNumber &maturin, RuleHit &hit)
{
    const QString os = hit.args.value(0);
    bool known = false;
    const QString since = maturinSupportsSince(os, &known);
    if (!known) {
        hit.id = QStringLiteral("maturin-os-unsupported");
        hit.confidence = Confidence::Medium;
        hit.rank = 78;
        hit.message = QStringLiteral("maturin does not build for the operating system %1: no release adds it (its changelog).").arg(os);
        return;
    }
    hit.message = since.isEmpty()
        ? QStringLiteral("This maturin does not know the operating system %1, which newer releases build on: upgrade maturin.").arg(os)
        : QStringLiteral("This maturin does not know the operating system %1: maturin builds on it since %2. Upgrade maturin, and "
                         "its lower bound in [build-system] requires.").arg(os, since);
    // (The version the text shows is added to every maturin-too-old message by refineProjectHit.)
    if (!maturin.isNull() && !since.isEmpty() && maturin >= QVersionNumber::fromString(since))
        hit.confidence = Confidence::Low; // a release that should know it: a build of its own, or another cause
}

// Wordings other programs print too: they name their cause only when the text shows the tool that does.
// Returns false when the context shows the wording means something else here.
bool refineByPrintingTool(const QString &text, RuleHit &hit)
{
    // An option the maturin that ran does not know: one maturin removed (its changelog: --cargo-extra-args and
    // --rustc-extra-args in 0.13.0, --universal2 in 1.0.0) means a newer maturin than the workflow was written for;
    // any other may as well be newer than an old maturin (maturin-too-old) or a typo: a lead.
    // clap's wordings of an unknown option: any command-line program prints them, not maturin alone.
    // clap's refusal names maturin only with maturin's usage line beside it.
    if (hit.id == QLatin1String("maturin-feature-missing") && !text.contains(QLatin1String("Usage: maturin")))
        hit.confidence = Confidence::Low;
    const bool clapMessage = hit.id == QLatin1String("maturin-unpinned")
        && (hit.tag == QLatin1String("dropped-option") || hit.tag == QLatin1String("old-clap"));
    if (clapMessage) {
        static const QStringList removed = {QStringLiteral("--cargo-extra-args"), QStringLiteral("--rustc-extra-args"),
                                            QStringLiteral("--universal2")};
        if (!removed.contains(hit.args.value(0)))
            hit.confidence = Confidence::Low;
    }
    if (hit.tag == QLatin1String("time-080")) {
        static const QRegularExpression oldTime(QStringLiteral(R"re(\btime-0\.3\.(?:[0-9]|[12]\d|3[0-4])\b)re"));
        if (!oldTime.match(text).hasMatch())
            return false;  // the same inference error in other code
    }
    // A panic in src/ is maturin's own only when maturin ran; an executable "not found" is the loader only when the shell said so.
    if (hit.id == QLatin1String("maturin-bug") && !text.contains(QLatin1String("maturin")) && !text.contains(QLatin1String("🔗 Found")))
        return false;
    if (hit.id == QLatin1String("nixos-dynamic-loader") && hit.tag == QLatin1String("file")
        && !text.contains(QLatin1String("No such file or directory")))
        return false;
    if (hit.id == QLatin1String("abi3-forward-compatibility") && hit.text.contains(QLatin1String("to suppress this check")))
        return false;  // PyO3's own hint in the too-new message, not a build that used the switch
    if ((clapMessage || hit.tag == QLatin1String("musl-cdylib") || hit.tag == QLatin1String("double-target")
         || hit.id == QLatin1String("multiple-bin-targets"))
        && !text.contains(QLatin1String("maturin")))
        return false;  // the same cargo or clap message from a run maturin did not drive
    if (hit.tag == QLatin1String("test-binary") && !text.contains(QLatin1String("Symbol not found: _Py")))
        return false;
    return true;
}

// Wordings whose confidence depends on a second sign in the text (incremental compilation, cargo install,
// auditwheel's own frames, setuptools-rust's build_rust).
bool refineBySecondSign(const QString &text, RuleHit &hit)
{
    // An internal compiler error is a stale incremental cache when the text shows incremental compilation;
    // otherwise it may be a compiler bug: a lead.
    if (hit.id == QLatin1String("rustc-incremental-ice") && !text.contains(QLatin1String("incremental"), Qt::CaseInsensitive))
        hit.confidence = Confidence::Low;
    // Two versions of one crate: cargo install without --locked only when the text shows cargo install.
    if (hit.id == QLatin1String("cargo-install-unlocked") && hit.tag == QLatin1String("duplicate-crate")
        && !text.contains(QLatin1String("cargo install")) && !text.contains(QLatin1String("Installing ")))
        hit.confidence = Confidence::Low;
    // wheel's modules imported by auditwheel's own frames: the repair tool and its wheel package disagree.
    if (hit.id == QLatin1String("auditwheel-wheel-incompatible") && text.contains(QLatin1String("auditwheel"))) {
        hit.confidence = Confidence::High;
        hit.rank = 84;
        hit.message = QStringLiteral("auditwheel imports %1, which the installed wheel package does not have: auditwheel and wheel "
                                     "versions do not match.").arg(hit.args.value(0));
    }
    if (hit.id == QLatin1String("setuptools-rust-regression") && hit.tag == QLatin1String("crt-static")
        && !text.contains(QLatin1String("build_rust")) && !text.contains(QLatin1String("setuptools")))
        return false;  // the same cargo message from a build setuptools-rust did not drive
    return true;
}


// maturin refusing an interpreter because it cross compiles: the interpreter of a local environment (a virtualenv's,
// free-threaded ones among them; not a system path, which a real cross build may be given by mistake) means maturin
// took a native build for a cross build.
void refineCrossInterpreter(const QString &text, bool crossTarget, RuleHit &hit)
{
    static const QRegularExpression localEnv(QStringLiteral(R"re((?:cross-compil\w*|interpreter):\s*\S*(?:[/\\]\.?venv|[/\\][\w.-]*-venv|[/\\]Scripts[/\\]python(?:\.exe)?\b))re"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression freeThreaded(QStringLiteral(R"re(\b(?:py)?3\.?1\dt\b|python3\.\d+t\b)re"));
    if (crossTarget)
        return;
    // maturin could not run the interpreter at all (maturin 1.8.3 warns so when VIRTUAL_ENV names an environment
    // that is gone): a missing or broken environment, which it then took for a foreign one.
    if (hit.tag == QLatin1String("unsupported-kind") && text.contains(QLatin1String("Failed to determine python platform"))) {
        static const QRegularExpression path(QStringLiteral(R"re(cross-compilation:\s*(\S+?);)re"));
        hit.id = QStringLiteral("develop-env-mismatch");
        hit.confidence = Confidence::Medium;
        hit.rank = 80;
        hit.message = QStringLiteral("maturin could not run the interpreter %1 (\"Failed to determine python platform\"): the environment "
                                     "that VIRTUAL_ENV or CONDA_PREFIX names is missing or broken. Activate an existing one, or unset "
                                     "the variable.")
                          .arg(path.match(text).captured(1));
        return;
    }
    if (!localEnv.match(text).hasMatch())
        return;
    if (hit.tag == QLatin1String("unsupported-kind") && text.contains(QLatin1String("supported interpreters are pypy, graalpy, and python"))) {
        // A wording of maturin before 1.13.0, which resolves interpreters anew (PR #3032).
        hit.id = QStringLiteral("maturin-too-old");
        hit.confidence = Confidence::Medium;
        hit.rank = 80;
        hit.message = QStringLiteral("This maturin (before 1.13.0, by its wording) took the local %1interpreter for a cross build and "
                                     "refused it: maturin 1.13.0 resolves interpreters anew. Upgrade maturin.")
                          .arg(freeThreaded.match(text).hasMatch() ? QStringLiteral("free-threaded ") : QString());
        return;
    }
    hit.id = QStringLiteral("maturin-false-cross-compile");
    hit.confidence = Confidence::Low;
    hit.rank = 70;
    hit.message = QStringLiteral("maturin took the build for a cross build, yet the interpreter it refuses is a local environment's: "
                                 "a host it misjudged (Windows on ARM with an x86_64 Python before 1.12.3) or a --target this machine "
                                 "runs natively. Upgrade maturin, drop --target, or give -i pythonX.Y.");
}

// Wordings whose cause depends on the release that printed them, or on a second line.
bool refineByRelease(const QString &text, const TextFacts &facts, RuleHit &hit)
{
    if (hit.id == QLatin1String("cross-compile-interpreter") && (hit.tag == QLatin1String("kind-not-path") || hit.tag == QLatin1String("unsupported-kind")))
        refineCrossInterpreter(text, facts.crossTarget, hit);
    if (hit.id == QLatin1String("zig-version-incompatible") && !text.contains(QLatin1String("zig"), Qt::CaseInsensitive))
        hit.confidence = Confidence::Low;
    if (hit.id == QLatin1String("maturin-too-old") && hit.tag == QLatin1String("os"))
        refineUnsupportedOs(facts.maturin, hit);
    // The dlltool shown missing: the import library's failure is certain to be it.
    if (hit.id == QLatin1String("llvm-dlltool-missing")) {
        static const QRegularExpression missing(QStringLiteral(R"re(dlltool\S*"?[^\n]*(?:\n[^\n]*){0,3}(?:No such file or directory|os error 2|not found|program not found))re"));
        if (missing.match(text).hasMatch())
            hit.confidence = Confidence::Medium;
    }
    // An architecture current maturin builds for (ARM since 0.7.8, the others since 0.8-0.12): an old maturin.
    if (hit.id == QLatin1String("maturin-too-old") && hit.tag == QLatin1String("arch")) {
        static const QRegularExpression known(QStringLiteral(R"re(^(?:ARM|arm\w*|aarch64|AArch64|ppc64\w*|powerpc64\w*|s390x|i[3-6]86|x86(?:_64)?|riscv64\w*)$)re"));
        if (known.match(hit.args.value(0)).hasMatch()) {
            hit.confidence = Confidence::Medium;
            hit.message += QStringLiteral(" Current maturin releases build for it: upgrade maturin.");
        } else {
            hit.id = QStringLiteral("maturin-os-unsupported");
            hit.message = QStringLiteral("maturin does not build for the architecture %1 (a newer release may).").arg(hit.args.value(0));
        }
    }
    // A dependency missing from the only index: TestPyPI's, as --index-url made it.
    if (hit.id == QLatin1String("index-missing-dependency") && !text.contains(QLatin1String("test.pypi.org")))
        return false;
    // The list's address alone is printed by a successful run too: the failure is the 404.
    if (hit.id == QLatin1String("pyodide-build-outdated") && !text.contains(QLatin1String("404")))
        return false;
    // The private attribute another tool could read too: pyodide-build's only when it is in sight.
    if (hit.id == QLatin1String("pyodide-build-pypa-build-incompatible") && !text.contains(QLatin1String("pyodide"), Qt::CaseInsensitive))
        hit.confidence = Confidence::Low;
    return true;
}

} // namespace

bool refineToolHit(const QString &text, const TextFacts &facts, RuleHit &hit)
{
    return refineByPrintingTool(text, hit) && refineBySecondSign(text, hit) && refineByRelease(text, facts, hit);
}

} // namespace wb::diagnose
