// Refinements of build and install failures' rule hits by what else the text shows: the versions, the crates cargo
// compiled, the kind of run (an installer's source build, a deliberate setup.py run, a re-import), and the tools
// around the build (ToolRefinements) and the project's layout.
#include "core/diagnose/BuildRefinements.h"

#include "core/diagnose/RegressionRefinements.h"
#include "core/diagnose/SharedWordings.h"
#include "core/diagnose/ToolRefinements.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

QVersionNumber v(const char *s) { return QVersionNumber::fromString(QLatin1String(s)); }

void refinePyO3Range(const DetectorContext &ctx, RuleHit &hit)
{
    const TextFacts &f = ctx.facts();
    // PyO3 before 0.14 printed the minor versions only ("Python 3 required version is 3.5, current version is 3.1").
    const QString python = (hit.tag == QLatin1String("py3-required") ? QStringLiteral("3.") : QString()) + hit.args.value(0);
    if (hit.id == QLatin1String("pyo3-python-too-old") && python == QLatin1String("3.1")) {
        hit.retarget(QStringLiteral("pyo3-version-misparse"), Confidence::Medium,
                     QStringLiteral("PyO3 read the interpreter's version as 3.1: its build script predates two-digit minor versions "
                                    "(Python 3.10 and later). Update pyo3 in Cargo.lock."), 87);
    }
    if (!f.pyo3.isNull())
        hit.message += QStringLiteral(" The text shows PyO3 %1.").arg(f.pyo3.toString());
    if (hit.id == QLatin1String("pyo3-python-too-new") && f.freeThreaded)
        hit.message += QStringLiteral(" The interpreter is a free-threaded build: only PyO3 0.23 and newer build for it, and the abi3 "
                                      "forward-compatibility switch does not apply.");
    else if (hit.id == QLatin1String("pyo3-python-too-new"))
        hit.message += QStringLiteral(" Use a PyO3 release whose maximum is at least %1, an older Python, or (abi3 only) "
                                      "PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1.").arg(python);
}

// The project-layout wordings (ProjectRules.cpp) that depend on the run they come from.
bool refineProjectHit(const DetectorContext &ctx, const QString &text, RuleHit &hit)
{
    const QVersionNumber maturin = ctx.facts().maturin;
    if (hit.id == QLatin1String("develop-env-mismatch") && hit.tag == QLatin1String("tag")) {
        // maturin develop installs the wheel it built for one interpreter into an environment with another.
        static const QRegularExpression develop(QStringLiteral(R"re(pip install in \S+ failed running|maturin develop)re"));
        if (!develop.match(text).hasMatch()) {
            if (hit.text.contains(QLatin1String("not a supported wheel")))
                return false;  // pip's wording outside develop: the packaging detectors judge it
            hit.id = QStringLiteral("unsupported-wheel-platform");
            hit.message = QStringLiteral("The installer found no wheel for this Python version.");
            return true;
        }
        // pip's "not a supported wheel" does not say which tag it refused (Python, ABI or platform). When the interpreter
        // maturin built for lives in the environment it installs into, the platform tag is what differs: a lead.
        static const QRegularExpression env(QStringLiteral(R"re(pip install in (\S+) failed running)re"));
        static const QRegularExpression built(QStringLiteral(R"re((?:Using|Found) \w+ [\d.]+t? at (\S+))re"));
        const QString envPath = env.match(text).captured(1);
        const QString interpreter = built.match(text).captured(1);
        if (!envPath.isEmpty() && interpreter.startsWith(envPath) && hit.text.contains(QLatin1String("not a supported wheel"))) {
            hit.retarget(QStringLiteral("unsupported-wheel-platform"), Confidence::Low,
                         QStringLiteral("maturin built the wheel for the environment's own interpreter and its installer refuses the "
                                        "wheel's tags: the platform tag maturin chose is not one this interpreter accepts."));
            return true;
        }
        hit.confidence = Confidence::Medium;
        hit.rank = 78;
        hit.message = QStringLiteral("maturin develop built the wheel for one interpreter and the environment's installer runs "
                                     "another (UV_PYTHON, a conda or another virtualenv): it refuses the wheel's Python tag.");
        // A macOS 11+ platform tag: pip before 20.3 refuses those whatever the interpreter, so either may be the cause.
        static const QRegularExpression macos11(QStringLiteral(R"re(macosx_(?:1[1-9]|[2-9]\d)_\d+_\w+\.whl)re"));
        if (macos11.match(hit.text).hasMatch()) {
            hit.confidence = Confidence::Low;
            hit.message += QStringLiteral(" Or the environment's pip predates 20.3 and does not know macOS 11 and later tags.");
        }
    }
    if (hit.id == QLatin1String("no-library-target") && hit.tag == QLatin1String("virtual-manifest")
        && !text.contains(QLatin1String("Cargo.toml")))
        hit.confidence = Confidence::Low;  // a missing `package` field of another file
    if (hit.id == QLatin1String("maturin-too-old") && hit.tag == QLatin1String("inherited-bare")) {
        static const QRegularExpression inherited(QStringLiteral(R"re(\.workspace\s*=\s*true|\{\s*workspace\s*=\s*true)re"));
        if (!inherited.match(text).hasMatch())
            return false;
    }
    // cargo's own "failed to parse manifest" (not maturin's "Failed to parse Cargo.toml"): a cargo before 1.64, which
    // predates workspace inheritance, reads the manifest.
    if (hit.id == QLatin1String("maturin-too-old") && hit.tag == QLatin1String("inherited") && text.contains(QLatin1String("failed to parse manifest at"))
        && !text.contains(QLatin1String("Failed to parse Cargo.toml"))) {
        hit.retarget(QStringLiteral("rust-too-old"), Confidence::Medium,
                     QStringLiteral("cargo cannot read package.%1 inherited from the workspace ({ workspace = true }): it predates "
                                    "workspace inheritance (Rust 1.64).")
                         .arg(hit.args.value(0)));
        return true;
    }
    if (hit.id == QLatin1String("maturin-too-old") && !maturin.isNull())
        hit.message += QStringLiteral(" The text shows maturin %1.").arg(maturin.toString());
    return true;
}

// setuptools-rust's "can't find Rust compiler" in a setup.py run that no installer started (cibuildwheel, a
// distribution's package recipe, python setup.py bdist_wheel): the build from source is deliberate, so the
// missing compiler is the cause, not a wheel that did not match.
void refineDeliberateSourceBuild(const TextFacts &f, const QString &text, RuleHit &hit)
{
    static const QRegularExpression installer(QStringLiteral(R"re(\b(?:pip|uv pip|pipx) install\b|[/\\]pip-install-|\.tar\.gz\b)re"));
    if (hit.id != QLatin1String("sdist-fallback-no-wheel") || hit.tag != QLatin1String("no-rust") || f.sourceBuild || f.indexSource
        || !text.contains(QLatin1String("running build_rust")) || installer.match(text).hasMatch())
        return;
    hit.id = QStringLiteral("rustc-not-found");
    hit.message = QStringLiteral("setuptools-rust found no Rust compiler (rustc) on PATH while the package was built from its "
                                 "source on purpose (setup.py run directly, not an installer's fallback).");
}

// PyO3 0.17-0.19 (and later releases on CPython 3.8 and older) refuse a second initialisation of a module in one
// process: in a sub-interpreter, or after a re-import in the same interpreter (pytest's coverage dropping the package
// from sys.modules, importlib.reload, autoreload, or a submodule wrapped again with wrap_pymodule! inside its parent's
// initialisation). The run around the line tells which; without it, a lead.
void refineOncePerProcess(const QString &text, RuleHit &hit)
{
    if (hit.id != QLatin1String("subinterpreters-unsupported") || !hit.text.contains(QLatin1String("may only be initialized once per interpreter process")))
        return;
    static const QRegularExpression reimport(QStringLiteral(
        R"re(^E\s+ImportError:|\bpytest\b|--cov\b|\bcoverage\b|importlib\.reload|\breload\(|autoreload|failed to wrap pymodule)re"), QRegularExpression::MultilineOption);
    static const QRegularExpression sub(QStringLiteral(R"re(sub-?interpreter|SubInterpreter|mod_wsgi|\bceph\b|\bmgr\b|\bJep\b)re"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (sub.match(text).hasMatch())
        return;
    if (reimport.match(text).hasMatch()) {
        hit.retarget(QStringLiteral("pyo3-module-reimported"), Confidence::Medium,
                     QStringLiteral("The PyO3 module was initialised a second time in the same interpreter (the run re-imports it: a test "
                                    "runner with coverage, a reload), which this PyO3 refuses."));
        return;
    }
    hit.confidence = Confidence::Low;
    hit.message += QStringLiteral(" Or it was imported a second time in the same interpreter (a reload, coverage dropping it from "
                                  "sys.modules), which PyO3 before 0.20 refused too.");
}

// A loader's architecture mismatch says that the extension and the interpreter differ, not which one is wrong (an
// x86_64 Python under Rosetta, a bundle made on another machine, a wheel whose tag promises an architecture it
// lacks): a lead. An extension file in a source tree, not an installed package's, was built there: for the Rust
// toolchain's architecture instead of the interpreter's (maturin develop or an editable install under Rosetta).
void refineArchitectureMismatch(RuleHit &hit)
{
    if (hit.id != QLatin1String("wrong-interpreter") || hit.tag != QLatin1String("arch"))
        return;
    static const QRegularExpression installed(QStringLiteral(R"re([/\\](?:site|dist)-packages[/\\])re"));
    static const QRegularExpression extension(QStringLiteral(R"re(\.(?:so|pyd|dylib)\b)re"));
    const bool builtHere = hit.text.contains(extension) && !hit.text.contains(installed)
                        && hit.text.contains(QLatin1String("incompatible architecture"));
    hit.confidence = builtHere ? Confidence::Medium : Confidence::Low;
    if (builtHere)
        hit.message = QStringLiteral("The extension in the source tree was built for another architecture than the interpreter runs as: "
                                     "the Rust toolchain built for its own host (an x86_64 Python under Rosetta on Apple silicon, or the "
                                     "reverse). Build for the interpreter's architecture, or use a Python of the machine's own.");
}

// maturin's own crashes and refusals that another line of the text explains.
void refineMaturinCrashes(const QString &text, RuleHit &hit)
{
    // maturin 0.12's policy lookup unwrapped nothing for a compatibility tag without an auditwheel policy (a clear error since 0.12.5).
    if (hit.id == QLatin1String("maturin-bug") && text.contains(QLatin1String("auditwheel/audit.rs"))
        && text.contains(QLatin1String("`Option::unwrap()` on a `None` value"))) {
        hit.retarget(QStringLiteral("compatibility-policy-unknown"), Confidence::Medium,
                     QStringLiteral("maturin panicked looking up the auditwheel policy of the compatibility tag it was asked for: this maturin "
                                    "has no policy for that tag (maturin 0.12.5 and later say so instead of panicking)."));
    }
    // clap's refusal of a shell as a subcommand is maturin's only with maturin's usage (or name) in sight.
    if (hit.id == QLatin1String("docker-entrypoint-is-maturin") && !text.contains(QLatin1String("maturin")))
        hit.confidence = Confidence::Low;
}

// A dependency's crate cargo could not load in a build from source: pip processing an sdist (the sdist lacks it) or
// a local folder (pip's copy of it lacks what lies outside it). A git dependency that could not be fetched is not this.
bool refineMissingDependency(const TextFacts &f, const QString &text, RuleHit &hit)
{
    static const QRegularExpression processing(QStringLiteral(R"re(^\s*Processing (\S+)\s*$)re"), QRegularExpression::MultilineOption);
    static const QRegularExpression archive(QStringLiteral(R"re(\.(?:tar\.gz|tgz|tar\.bz2|zip)$)re"));
    static const QRegularExpression fetched(QStringLiteral(R"re(Unable to update (?:https?|ssh|git)://|failed to fetch|failed to clone)re"));
    if (text.contains(fetched))
        return false;
    const QString processed = processing.match(text).captured(1);
    if (!processed.isEmpty() && processed.contains(archive)) {
        hit.retarget(QStringLiteral("sdist-missing-files"), Confidence::Medium,
                     QStringLiteral("cargo cannot load a dependency's crate while pip builds the source distribution %1: the sdist lacks it "
                                    "(a path dependency, such as a workspace member, left out when it was packed).")
                         .arg(processed.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1)));
        return true;
    }
    if (!processed.isEmpty() && !processed.endsWith(QLatin1String(".whl"))) {
        hit.retarget(QStringLiteral("pip-out-of-tree-build"), Confidence::Medium,
                     QStringLiteral("pip builds the local project %1 from a copy in a temporary folder (pip before 21.3), and cargo cannot "
                                    "load a path dependency from there: the copy lacks what lies outside the project's folder.")
                         .arg(processed));
        return true;
    }
    return hit.tag != QLatin1String("dependency-source") || f.sourceBuild;
}

// Files missing where a build from source looks for them: whose they are (an sdist's, the project's) by where they
// were looked for. Returns false when the wording means something else here.
bool refineSourceTreeHit(const TextFacts &f, const QString &text, RuleHit &hit)
{
    if (hit.id == QLatin1String("sdist-missing-files") && !f.sourceBuild && !text.contains(QLatin1String("pip-install"))
        && !text.contains(QLatin1String("sdist")))
        hit.confidence = Confidence::Low;
    // A path dependency missing inside a folder named like a release (name-1.2.3) or where pip unpacks: an sdist without it.
    static const QRegularExpression releaseFolder(QStringLiteral(R"re([/\\][\w.]+-\d+(?:\.\d+)+[/\\]|[/\\]pip-(?:req-build|install)-)re"));
    if (hit.id == QLatin1String("sdist-missing-files") && hit.tag == QLatin1String("path-dependency") && hit.args.value(0).contains(releaseFolder))
        hit.confidence = Confidence::Medium;
    // The readme or license an sdist's metadata names, missing where pip unpacked the sdist to build it: the sdist lacks it.
    static const QRegularExpression unpacked(QStringLiteral(R"re([/\\]pip-(?:req-build|install)-\w+[/\\])re"));
    if ((hit.id == QLatin1String("readme-missing") || hit.id == QLatin1String("license-file-missing")) && text.contains(QLatin1String(".tar.gz"))
        && hit.text.contains(unpacked)) {
        hit.retarget(QStringLiteral("sdist-missing-files"), Confidence::Medium,
                     QStringLiteral("The source distribution lacks a file its metadata names (%1): it was packed without it (maturin "
                                    "before 1.14.0 left out a readme or license from outside the project's folder).")
                         .arg(hit.text.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).trimmed()));
    }
    if (hit.tag == QLatin1String("dependency-source") || hit.id == QLatin1String("pip-out-of-tree-build"))
        return refineMissingDependency(f, text, hit);
    return !(hit.id == QLatin1String("sdist-fallback-no-wheel") && hit.tag == QLatin1String("platform") && !f.sourceBuild);
}

} // namespace

bool refineBuildHit(const DetectorContext &ctx, const QString &text, RuleHit &hit)
{
    const TextFacts &f = ctx.facts();
    refineDeliberateSourceBuild(f, text, hit);
    refineOncePerProcess(text, hit);
    refineMaturinCrashes(text, hit);
    refineArchitectureMismatch(hit);
    if (hit.id.startsWith(QLatin1String("pyo3-python-too")))
        refinePyO3Range(ctx, hit);
    if (hit.id == QLatin1String("wheel-metadata-inconsistent"))
        refineMetadataVersion(ctx.facts(), text, hit);
    if (hit.id == QLatin1String("maturin-regression"))
        refineRegression(ctx.facts(), hit);
    if (hit.id == QLatin1String("no-python-interpreter") && f.crossTarget) {
        hit.retarget(QStringLiteral("cross-compile-interpreter"), Confidence::Medium,
                     QStringLiteral("Cross compiling: maturin cannot run the target's interpreters, so it needs -i with "
                                    "PYO3_CROSS_LIB_DIR (or an abi3 build, or a container with the target's Python)."), 80);
    }
    // A published crate fails to compile: cargo install without --locked (refineToolHit: how sure, by the text).
    if (hit.id == QLatin1String("cargo-install-unlocked") && hit.tag != QLatin1String("yanked") && !TextFacts::isDependencyPath(f.firstLocation))
        return false;
    if (hit.id == QLatin1String("dependency-build-script-failed") && hit.args.value(0).contains(QLatin1Char('('))
        && f.pythonTraceback) {
        hit.id = QStringLiteral("build-script-python-incompatible");
        hit.rank = 72;
        hit.message = QStringLiteral("The package's own build script (%1) runs Python code that fails on this interpreter.")
                          .arg(hit.args.value(0).section(QLatin1Char(' '), 0, 1));
    }
    if (hit.id == QLatin1String("dependency-build-script-failed") && hit.args.value(0).startsWith(QLatin1String("openssl-sys "))) {
        hit.id = QStringLiteral("system-library-missing");
        hit.rank = 75;
        hit.message = QStringLiteral("The build script of %1 failed: it looks for the OpenSSL development files.").arg(hit.args.value(0));
    }
    if (hit.id == QLatin1String("license-field-format") && hit.tag.isEmpty()) {
        static const QRegularExpression invalid(QStringLiteral(R"re(is invalid|TOML parse error|PEP 517 compliant)re"));
        if (!invalid.match(text).hasMatch())
            return false;
        hit.message += QStringLiteral(" maturin reads the PEP 639 forms (license = \"SPDX expression\", license-files = [globs]) "
                                      "since 1.9.0; older releases want a table.");
        if (!f.maturin.isNull())
            hit.message += QStringLiteral(" The text shows maturin %1%2.")
                               .arg(f.maturin.toString(), f.maturin < v("1.9.0") ? QStringLiteral(": upgrade it") : QString());
    }
    // A bare `python` that is not a usable interpreter is often Python 2 on PATH: without its wording, a lead.
    if (hit.id == QLatin1String("wrong-interpreter") && hit.tag.isEmpty() && hit.args.contains(QLatin1String("python")))
        hit.confidence = Confidence::Low;
    if (!refineSourceTreeHit(f, text, hit))
        return false;
    // maturin lists the files with pip too: the uv wording is the sign that the uv is the one at fault.
    static const QRegularExpression uvCalled(QStringLiteral(R"re("uv" "pip"|\buv pip\b|--uv\b)re"));
    if (hit.id == QLatin1String("uv-too-old") && !text.contains(uvCalled))
        hit.confidence = Confidence::Low;
    // An old PyO3 on a stable compiler: it needs a nightly at all (rust-nightly-required), not an older one.
    if (hit.tag == QLatin1String("old-pyo3-nightly") && text.contains(QLatin1String("stable release channel")))
        return false;
    // A header missing in a cross build: the target's sysroot or a C compiler not made for the target, as often as a package.
    if (hit.id == QLatin1String("system-library-missing") && hit.tag == QLatin1String("header") && f.crossTarget)
        hit.confidence = Confidence::Low;
    return refineToolHit(text, f, hit) && refineProjectHit(ctx, text, hit);
}

} // namespace wb::diagnose
