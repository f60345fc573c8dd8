#include "core/diagnose/ToolRefinements.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

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
        hit.retarget(QStringLiteral("maturin-os-unsupported"), Confidence::Medium,
                     QStringLiteral("maturin does not build for the operating system %1: no release adds it (its changelog).").arg(os), 78);
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
    if (hit.id == QLatin1String("maturin-bug") && hit.tag != QLatin1String("read-only-copy") && hit.tag != QLatin1String("android-platform-system")
        && !text.contains(QLatin1String("maturin"))
        && !text.contains(QLatin1String("🔗 Found")))
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
    // A Windows the text names as older than 10: the procedure missing is one current Rust binaries import.
    if (hit.id == QLatin1String("os-too-old-for-rust-binary")) {
        static const QRegularExpression oldWindows(QStringLiteral(R"re(\bWindows[ -](?:7|8(?:\.1)?|Vista)\b|Windows Server 20(?:08|12)|\b6\.[123]\.\d{4}\b|\bwin(?:7|8)\b)re"),
                                                   QRegularExpression::CaseInsensitiveOption);
        if (oldWindows.match(text).hasMatch())
            hit.confidence = Confidence::Medium;
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
        hit.retarget(QStringLiteral("develop-env-mismatch"), Confidence::Medium,
                     QStringLiteral("maturin could not run the interpreter %1 (\"Failed to determine python platform\"): the environment "
                                    "that VIRTUAL_ENV or CONDA_PREFIX names is missing or broken. Activate an existing one, or unset "
                                    "the variable.")
                         .arg(path.match(text).captured(1)), 80);
        return;
    }
    if (!localEnv.match(text).hasMatch())
        return;
    if (hit.tag == QLatin1String("unsupported-kind") && text.contains(QLatin1String("supported interpreters are pypy, graalpy, and python"))) {
        // A wording of maturin before 1.13.0, which resolves interpreters anew (PR #3032).
        hit.retarget(QStringLiteral("maturin-too-old"), Confidence::Medium,
                     QStringLiteral("This maturin (before 1.13.0, by its wording) took the local %1interpreter for a cross build and "
                                    "refused it: maturin 1.13.0 resolves interpreters anew. Upgrade maturin.")
                         .arg(freeThreaded.match(text).hasMatch() ? QStringLiteral("free-threaded ") : QString()), 80);
        return;
    }
    hit.retarget(QStringLiteral("maturin-false-cross-compile"), Confidence::Low,
                 QStringLiteral("maturin took the build for a cross build, yet the interpreter it refuses is a local environment's: "
                                "a host it misjudged (Windows on ARM with an x86_64 Python before 1.12.3) or a --target this machine "
                                "runs natively. Upgrade maturin, drop --target, or give -i pythonX.Y."), 70);
}

// maturin before 1.4.1 (its changelog: "Reject `-i python` when cross compiling", PR #1891) looked a cross build's
// interpreter up by name among the sysconfigs it bundles; a name without a version matched none, no wheel was
// built, and it panicked on the empty list.
void refineCrossInterpreterPanic(const QString &text, bool crossTarget, RuleHit &hit)
{
    static const QRegularExpression bareInterpreter(QStringLiteral(R"re((?:-i|--interpreter)[ =](?:python3?|pypy3?)(?:\.exe)?(?=\s|$))re"),
                                                    QRegularExpression::MultilineOption);
    if (hit.id != QLatin1String("maturin-bug") || !crossTarget || !text.contains(QLatin1String("!wheels.is_empty()"))
        || !bareInterpreter.match(text).hasMatch())
        return;
    hit.retarget(QStringLiteral("cross-compile-interpreter"), Confidence::Medium,
                 QStringLiteral("A cross build was given an interpreter without its version (-i python): maturin before 1.4.1 found no "
                                "target configuration for it, built no wheel and panicked. Give the version (-i python3.11), or "
                                "upgrade maturin, which says so."), 80);
}

// PyO3's build script runs $VIRTUAL_ENV/bin/python or $CONDA_PREFIX/bin/python (Scripts\python.exe, python.exe on
// Windows) when the variable is set, and otherwise python3 from PATH: an absolute .../bin/python that does not exist
// is an environment variable left from an environment that is gone (or a PYO3_PYTHON pointing there).
void refineStaleEnvironment(RuleHit &hit)
{
    static const QRegularExpression envPython(QStringLiteral(R"re([/\\](?:bin[/\\]python|Scripts[/\\]python\.exe|python\.exe)$)re"));
    if (hit.id != QLatin1String("no-python-interpreter") || hit.tag != QLatin1String("pyo3-run")
        || !envPython.match(hit.args.value(0)).hasMatch())
        return;
    hit.retarget(QStringLiteral("stale-venv-env-var"), Confidence::Medium,
                 QStringLiteral("PyO3 ran %1, the interpreter of the environment VIRTUAL_ENV or CONDA_PREFIX names, and it does not "
                                "exist: the variable is left from an environment that was removed. Unset it (deactivate), or "
                                "activate an existing environment.").arg(hit.args.value(0)), 80);
}

// PyO3 refusing a 64-bit Rust target for a 32-bit Python without a cross build in sight: most likely a 32-bit Python
// (Windows, cibuildwheel's win32) with the host's 64-bit Rust rather than a cross build without the target's
// configuration (a 32-bit target from a 64-bit host is the usual cross build).
void refineArchitectureBits(bool crossTarget, RuleHit &hit)
{
    if (hit.id != QLatin1String("cross-compile-interpreter") || hit.tag != QLatin1String("arch") || crossTarget
        || hit.args.value(0) != QLatin1String("64") || hit.args.value(1) != QLatin1String("32"))
        return;
    // Still a lead: an excerpt of a cross build may not show its --target.
    hit.retarget(QStringLiteral("wrong-interpreter"), Confidence::Low,
                 QStringLiteral("The Python is 32-bit and Rust builds for 64-bit, most likely the host's own target: build for the "
                                "interpreter's architecture (rustup target add i686-pc-windows-msvc, then --target "
                                "i686-pc-windows-msvc) or use a 64-bit Python. (A cross build for a 64-bit target needs the "
                                "target's Python configuration instead.)"), 80);
}

// Wordings whose cause depends on the release that printed them, or on a second line.
bool refineByRelease(const QString &text, const TextFacts &facts, RuleHit &hit)
{
    refineArchitectureBits(facts.crossTarget, hit);
    refineStaleEnvironment(hit);
    refineCrossInterpreterPanic(text, facts.crossTarget, hit);
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

// A platform as a wheel tag names it: the operating system (with its C library for Linux: a musllinux wheel does not
// install on glibc) and the machine ("linux/x86_64", "musllinux/x86_64", "macos/arm64").
QString platformOf(const QString &tag)
{
    static const QRegularExpression machine(QStringLiteral(R"re((x86_64|aarch64|arm64|universal2|armv7l|ppc64le|s390x|i686|amd64|win32|intel)$)re"));
    const QString os = tag.startsWith(QLatin1String("macosx")) ? QStringLiteral("macos")
                     : tag.startsWith(QLatin1String("win")) ? QStringLiteral("windows")
                     : tag.startsWith(QLatin1String("musllinux")) ? QStringLiteral("musllinux")
                     : tag.contains(QLatin1String("linux")) ? QStringLiteral("linux") : QString();
    const QString arch = machine.match(tag).captured(1);
    return os.isEmpty() || arch.isEmpty() ? QString() : os + QLatin1Char('/') + arch;
}

// uv names the platform it is on and the platforms the release has wheels for. A release with wheels for other
// platforms but none for Linux x86_64 or macOS arm64, the two nearly every release covers, and no source
// distribution, is most likely an incomplete upload (a release job that failed part-way), not a package that
// never supports the platform: still a lead.
void refineMissingCommonPlatform(const QString &text, RuleHit &hit)
{
    if (hit.id != QLatin1String("unsupported-wheel-platform") || hit.tag != QLatin1String("uv"))
        return;
    static const QRegularExpression lineBreak(QStringLiteral(R"re(\s*\n\s*)re"));
    static const QRegularExpression quotedTag(QStringLiteral(R"re(`([\w.]+)`)re"));
    const QString flat = QString(text).replace(lineBreak, QStringLiteral(" "));  // a hint wrapped over lines
    static const QRegularExpression hint(QStringLiteral(
        R"re((?:You're on \w+ \(`([\w.]+)`\), but `([^`]+)` \(v([^)\s]+)\) only has wheels for the following platforms?|\(e\.g\., `([\w.]+)`\).*?hint: Wheels are available for `([^`]+)` \(v([^)\s]+)\) on the following platforms?):((?: ?`[\w.]+`,?)+))re"));
    const QRegularExpressionMatch m = hint.match(flat);
    if (!m.hasMatch())
        return;
    const QString here = platformOf(m.captured(1).isEmpty() ? m.captured(4) : m.captured(1));
    if (here != QLatin1String("linux/x86_64") && here != QLatin1String("macos/arm64"))
        return;
    QStringList tags;
    for (auto it = quotedTag.globalMatch(m.captured(7)); it.hasNext();)
        tags << it.next().captured(1);
    for (const QString &t : std::as_const(tags)) {
        const QString p = platformOf(t);
        if (p == here || (here.startsWith(QLatin1String("macos")) && p == QLatin1String("macos/universal2")))
            return;  // a wheel for this platform exists: another tag (glibc, macOS version) did not match
    }
    const QString name = m.captured(2).isEmpty() ? m.captured(5) : m.captured(2);
    const QString version = m.captured(3).isEmpty() ? m.captured(6) : m.captured(3);
    hit.retarget(QStringLiteral("release-missing-wheels"), Confidence::Low,
                 QStringLiteral("%1 %2 has wheels for %3 but none for %4, which nearly every release covers, and no source distribution: "
                                "the release most likely lacks wheels it should have (an upload that stopped part-way). Check its files "
                                "on PyPI; until they are there, pin the previous version.")
                     .arg(name, version, tags.join(QStringLiteral(", ")), here));
}

// The source build's Rust bootstrap asks rustup for a host toolchain of the triple it computed. A name that is not
// Rust's (riscv64-unknown-linux-*: Rust says riscv64gc) is the bootstrap's mistake. A real triple rustup ships no
// host toolchain for (arm-unknown-linux-musleabihf, AIX) means the platform has neither a wheel of the release,
// or pip would not build it, nor a rustup Rust: the missing wheel is what to act on.
void refineRustBootstrap(const TextFacts &f, RuleHit &hit)
{
    if (hit.id != QLatin1String("rust-bootstrap-wrong-triple") || hit.args.value(0).startsWith(QLatin1String("riscv64-")) || !f.indexSource)
        return;
    hit.retarget(QStringLiteral("sdist-fallback-no-wheel"), Confidence::Medium,
                 QStringLiteral("The installer built %1 from source: none of the release's wheels matches this platform (%2), and rustup has "
                                "no Rust for it either, so the build's Rust bootstrap stopped. Use a platform or Python the release "
                                "publishes wheels for, or install Rust for this platform from the system's packages first.")
                     .arg(f.sourceBuildName.isEmpty() ? QStringLiteral("the package") : f.sourceBuildName, hit.args.value(0)));
}

// QEMU crashing the program it emulates while Python imports a package, with nothing compiled: the wheel's code
// uses x86-64 instructions the emulator does not provide (Docker's amd64 images on Apple silicon), a lead.
void refineEmulatedImport(const QString &text, RuleHit &hit)
{
    static const QRegularExpression import(QStringLiteral(R"re(\bimport [\w.]+|^\s*from [\w.]+ import )re"));
    static const QRegularExpression compiling(QStringLiteral(R"re(\b(?:rustc|cargo|cc1|Compiling|compiler|gcc|clang|build-script-build)\b)re"));
    if (hit.id != QLatin1String("qemu-emulation-segfault") || hit.tag != QLatin1String("qemu"))
        return;
    // What ran: an import among the few lines before the crash, with no compiler between, nor in the line or two
    // after it (the command that failed).
    const QStringList lines = text.split(QLatin1Char('\n'));
    const qsizetype at = hit.line - 1;
    bool importing = false;
    for (qsizetype i = at - 1; i >= std::max<qsizetype>(0, at - 4) && !importing; --i) {
        if (lines.at(i).contains(compiling))
            return;
        importing = lines.at(i).contains(import);
    }
    for (qsizetype i = at; i < std::min<qsizetype>(lines.size(), at + 3); ++i) {
        if (lines.at(i).contains(compiling))
            return;
    }
    if (!importing)
        return;
    hit.retarget(QStringLiteral("cpu-instructions-unsupported"), Confidence::Low,
                 QStringLiteral("An import crashed under QEMU's emulation (signal %1) with nothing being compiled: emulators such as "
                                "Docker's amd64 images on Apple silicon lack the newer x86-64 instructions (AVX2, FMA) some wheels are "
                                "built for. Try the package's build for older CPUs, or a native arm64 image.")
                     .arg(hit.args.value(0)));
}

bool refineToolHit(const QString &text, const TextFacts &facts, RuleHit &hit)
{
    refineEmulatedImport(text, hit);
    refineMissingCommonPlatform(text, hit);
    refineRustBootstrap(facts, hit);
    return refineByPrintingTool(text, hit) && refineBySecondSign(text, hit) && refineByRelease(text, facts, hit);
}

} // namespace wb::diagnose
