// Each case names the line, the causes that print it, and the evidence that tells them apart.
#include "core/diagnose/SharedWordings.h"

#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/TextFacts.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

bool has(const QString &text, const char *pattern)
{
    const QRegularExpression re(QString::fromUtf8(pattern));
    return re.match(text).hasMatch();
}

// The link of a Python extension (a cdylib made by maturin or setuptools-rust), not of a test binary or a
// program that embeds Python.
bool extensionLink(const QString &text)
{
    if (has(text, R"re(target[/\\](?:[\w-]+[/\\])?(?:debug|release)[/\\]deps[/\\][\w-]+-[0-9a-f]{16}(?:["'\s]|$))re"))
        return false;  // cargo's test (or bin) executable: no library suffix
    // cargo 1.64 and later name the target that failed: "(lib)" is the crate's library, the extension.
    return has(text, R"re(\.(?:so|dylib)\b|\bcdylib\b|maturin|setuptools[-_]rust|build_rust|could not compile `[^`]+` \(lib\))re");
}

// A cargo test, bench or run binary in sight (not an embedding program or another Python's extension).
bool cargoTestBinary(const QString &text)
{
    return has(text, R"re(target[/\\](?:[\w-]+[/\\])?(?:debug|release)[/\\]deps[/\\][\w-]+-[0-9a-f]{16}|Running unittests|cargo (?:test|run|bench)\b|Running `target[/\\])re");
}

// Libraries every manylinux policy allows: listed as "forbidden", they stand for too-recent symbol versions
// (maturin's older wording), not for a library the wheel must carry.
bool onlySystemLibraries(const QString &list)
{
    static const QRegularExpression lib(QStringLiteral(R"re([\w.+-]+\.so[\w.]*)re"));
    static const QRegularExpression system(QStringLiteral(
        R"re(^(?:libc|libm|libdl|librt|libpthread|libgcc_s|libstdc\+\+|libutil|libcrypt|libnsl|ld-linux[\w-]*)\.so[\w.]*$)re"));
    int count = 0;
    for (auto it = lib.globalMatch(list); it.hasNext();) {
        if (!system.match(it.next().captured(0)).hasMatch())
            return false;
        ++count;
    }
    return count > 0;
}

void lowerIfOnly(Finding *f, bool (*decisive)(const QString &))
{
    if (!f || f->confidence == Confidence::Low)
        return;
    for (const EvidenceRef &e : std::as_const(f->evidence)) {
        if (!e.fromText() || decisive(e.text))
            return;
    }
    f->confidence = Confidence::Low;
}

} // namespace

void lowerSharedRuleHit(const TextFacts &facts, const QString &text, RuleHit &hit)
{
    const QString &id = hit.id;
    const QString &tag = hit.tag;
    bool shared = false;
    // `"_Py…", referenced from:`: the extension's link without -undefined dynamic_lookup, or a cargo test binary
    // or an embedding program that does not link libpython.
    if (id == QLatin1String("macos-undefined-dynamic-lookup") && tag.isEmpty())
        shared = !extensionLink(text);
    // `could not find native static library `python3.x``: a dependency that links libpython, or PyO3 itself without
    // extension-module on an interpreter that only offers a static libpython; only a binding crate besides PyO3 tells.
    else if (id == QLatin1String("dependency-links-libpython") && tag.isEmpty())
        shared = !has(text, R"re(\bpython(?:27|3)?-sys\b|\bcpython v\d|`cpython`|\brust-cpython\b)re");
    // auditwheel cannot locate a library to copy: it is off the loader path (the usual case when auditwheel itself
    // runs), the extension links libpython (PyO3 without extension-module, or a dependency), or a tool that wraps
    // auditwheel's repair regressed; the line alone, without auditwheel's own run in sight, does not tell.
    else if (id == QLatin1String("auditwheel-copy-needed"))
        shared = hit.text.contains(QLatin1String("libpython"))
            || (hit.text.contains(QLatin1String("could not be located"))
                && !has(text, R"re(auditwheel[./\ ](?:main_repair|repair|py)|auditwheel repair|LD_LIBRARY_PATH)re"));
    // A macOS tag with a minor version: maturin's regression, or another build tool's tag (or a deployment target).
    else if (id == QLatin1String("maturin-regression") && tag == QLatin1String("macos-minor"))
        shared = !text.contains(QLatin1String("maturin"));
    // The 0.12.7 regression, or a source tree that has no pyproject.toml: only the release tells.
    else if (id == QLatin1String("maturin-regression") && tag == QLatin1String("pyproject-required"))
        shared = facts.maturin.isNull() || facts.maturin < QVersionNumber(0, 12, 7);
    // crt-static on musl: maturin before 0.9.2, or RUSTFLAGS that turn it on again.
    else if (id == QLatin1String("maturin-regression") && tag == QLatin1String("musl-cdylib"))
        shared = facts.maturin.isNull();
    // uv's warning that VIRTUAL_ENV is ignored: printed in runs that fail for any reason.
    else if (id == QLatin1String("develop-env-mismatch") && tag == QLatin1String("uv"))
        shared = true;
    // A key this maturin does not know: a maturin older than the file, or a typo.
    else if (id == QLatin1String("pyproject-invalid") && tag == QLatin1String("unknown-field"))
        shared = true;
    // maturin's "pyproject.toml is invalid" wraps every reason (a license form or a key of another maturin release,
    // a value of the wrong type): the lines after it tell.
    else if (id == QLatin1String("pyproject-invalid") && tag.isEmpty())
        shared = hit.text.contains(QLatin1String("is invalid"));
    // A TOML error that names no file: pyproject.toml, Cargo.toml or a config file, for many reasons.
    else if (id == QLatin1String("pyproject-invalid") && tag == QLatin1String("toml"))
        shared = hit.text.contains(QLatin1String("is invalid")) || !text.contains(QLatin1String("pyproject.toml"));
    // Access denied on a .pyd: a file in use, or a folder the user may not write (a system site-packages).
    else if (id == QLatin1String("windows-file-in-use") && tag == QLatin1String("denied"))
        shared = !has(text, R"re(used by another process|os error 32)re");
    // pip's leftover ~folder: a warning of any reinstall while a file is open (Windows), whatever failed.
    else if (id == QLatin1String("stale-develop-artifact") && tag == QLatin1String("pip-leftover"))
        shared = true;
    // A shared library missing at import: not copied into a wheel, or a local build whose library is off the loader path.
    else if (id == QLatin1String("manylinux-forbidden-library") && tag == QLatin1String("import"))
        shared = !has(text, R"re(\.whl\b|manylinux|auditwheel)re");
    // An interpreter of that version not found: not installed, or a maturin (or uv) that predates it.
    else if (id == QLatin1String("no-python-interpreter")
             && (tag == QLatin1String("uv") || has(hit.text, R"re(Failed to find an? \w+ [\d.]+t? interpreter|Unsupported Python interpreter)re")))
        shared = true;
    // maturin's probe of an interpreter failing: Python 2, a broken or stub interpreter, a Python too old for maturin.
    else if (id == QLatin1String("wrong-interpreter") && tag.isEmpty() && !hit.text.contains(QLatin1String("Only python")))
        shared = true;
    // python3X.lib not found: a PyO3 configured for another interpreter, a missing import library, abi3's python3.lib.
    else if (id == QLatin1String("system-library-missing") && tag == QLatin1String("msvc-lib"))
        shared = has(hit.text, R"re('python\d*t?(?:_d)?\.lib')re");
    // Cargo.lock out of date in a source distribution being built: its publisher's stale lock, or the sdist packer
    // rewriting Cargo.toml (maturin before 0.14.12 dropped dev-dependencies): not the user's lock file.
    else if (id == QLatin1String("cargo-lock-outdated"))
        shared = facts.sourceBuild || has(text, R"re(\bsdist\b|feedstock|\.tar\.gz\b)re");
    // maturin finding no cdylib among cargo's artifacts: a [lib] without "cdylib", or maturin's own artifact lookup failing
    // (a custom profile, an emscripten target in maturin 1.1); only the project's Cargo.toml tells.
    else if (id == QLatin1String("crate-type-not-cdylib"))
        shared = true;
    // "partially initialized module 'x' ... circular import": a local x.py shadowing the package, or a real import
    // cycle in a package; only a traceback frame in a file named like the module tells.
    else if (id == QLatin1String("module-shadowed-by-local-file") && tag == QLatin1String("circular")) {
        QString module; // the module's last component, from whichever wording's capture matched
        for (const QString &a : hit.args) {
            if (!a.isEmpty()) {
                module = a.section(QLatin1Char('.'), -1);
                break;
            }
        }
        shared = module.isEmpty()
            || !QRegularExpression(QStringLiteral(R"re([/\\]%1(?:\.py|[/\\]__init__\.py)")re").arg(QRegularExpression::escape(module))).match(text).hasMatch();
    }
    // The python-source folder missing in a source build: the sdist lacks it.
    else if (id == QLatin1String("python-source-missing"))
        shared = facts.sourceBuild;
    if (shared)
        hit.confidence = Confidence::Low;
}

void lowerSharedFindings(DetectorContext &ctx)
{
    // "Your library links libpython": PyO3 without extension-module, or a dependency that links libpython; maturin's
    // extension-module warning alone is advice printed in builds that fail for other reasons. Both together: Medium.
    if (Finding *f = ctx.find(QStringLiteral("missing-extension-module"))) {
        bool links = false, warned = false, other = false;
        for (const EvidenceRef &e : std::as_const(f->evidence)) {
            if (!e.fromText())
                other = true;
            else if (e.text.contains(QLatin1String("without activating pyo3's `extension-module`")))
                warned = true;
            else if (e.text.contains(QLatin1String("libpython")))
                links = true;
        }
        if (!other && !(links && warned))
            f->confidence = Confidence::Low;
    }
    // Python's symbols missing at link or load time: a cargo test/run binary, an embedding program, another Python's
    // extension. Medium only with the test binary in sight.
    const Evidence &e = ctx.evidence();
    if (!cargoTestBinary(e.errorText + QLatin1Char('\n') + e.logText))
        lowerIfOnly(ctx.find(QStringLiteral("cargo-test-libpython-link")), [](const QString &) { return false; });
    // "does not define module export function (PyInit_x)": a module named otherwise, an old build of another name
    // beside the new one, a PyO3 macro bug; only the project or the wheel tells which.
    lowerIfOnly(ctx.find(QStringLiteral("pyinit-missing")), [](const QString &) { return false; });
    // "Library not loaded: …libpython…" at import: the extension links libpython (no extension-module), or it was
    // built with another Python; alone, a lead.
    lowerIfOnly(ctx.find(QStringLiteral("wrong-interpreter")), [](const QString &line) {
        return !line.contains(QLatin1String("Library not loaded")) || !line.contains(QLatin1String("libpython"));
    });
    // "links the following forbidden libraries: [libc.so.6, ...]": system libraries stand for too-recent symbols.
    lowerIfOnly(ctx.find(QStringLiteral("manylinux-forbidden-library")), [](const QString &line) {
        return !line.contains(QLatin1String("forbidden libraries")) || !onlySystemLibraries(line.section(QLatin1String("forbidden libraries"), 1));
    });
}

} // namespace wb::diagnose
