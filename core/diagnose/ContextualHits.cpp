// Failures the rule table cannot judge line by line: a message whose meaning depends on another line of the
// text (a build script that runs Python, maturin's old "Cargo metadata failed", Windows refusing to replace a
// file a tool just named) or on the run (a crash in PyInit_ under a free-threaded interpreter).
#include "core/diagnose/ContextualHits.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb::diagnose {

namespace {

// PyInit_<name> missing while the library exports (nm's T, readelf's FUNC) PyInit_ with the name's first and last characters cut: a PyO3
// macro bug of its 0.2/0.3 era on a then-new nightly (PyO3 #156), not a misnamed module.
RuleHit truncatedPyInit(const QString &text)
{
    static const QRegularExpression missing(QStringLiteral(R"re(does not define module export function \(PyInit_(\w{3,})\))re"));
    const QRegularExpressionMatch m = missing.match(text);
    if (!m.hasMatch())
        return {};
    const QString name = m.captured(1);
    const QString cut = name.mid(1, name.size() - 2);
    const QRegularExpression exported(QStringLiteral(R"re((?:\bT _?|\bFUNC\s+)PyInit_%1\s*$)re").arg(QRegularExpression::escape(cut)),
                                      QRegularExpression::MultilineOption);
    const QRegularExpressionMatch e = exported.match(text);
    if (!e.hasMatch())
        return {};
    const int line = int(text.left(e.capturedStart()).count(QLatin1Char('\n'))) + 1;
    return RuleHit{QStringLiteral("pyo3-regression"), QStringLiteral("truncated-pyinit"), Confidence::Medium, 82,
                   QStringLiteral("The library exports PyInit_%1 for the module %2: PyO3's module macro cut the name's first and "
                                  "last characters (a PyO3 bug with the nightly of its time, fixed in the next PyO3 release): upgrade PyO3.")
                       .arg(cut, name),
                   {}, line, e.captured(0).trimmed()};
}

// A tool that cannot remove or replace an executable or extension, and on the next line Windows' "Access is
// denied" (os error 5): the file is open in a running process (uv replacing its own uv.exe, a Python holding a .pyd).
RuleHit fileHeldOpen(const QStringList &lines)
{
    static const QRegularExpression touch(QStringLiteral(
        R"re(failed to (?:remove|rename|replace|copy|write|delete|open)\b[^`']*[`']([^`']+?[/\\]?([\w.-]+\.(?:exe|pyd|dll)))[`'])re"),
        QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QRegularExpressionMatch m = touch.match(lines.at(i));
        const QString next = lines.at(i + 1);
        if (!m.hasMatch() || !(next.contains(QLatin1String("Access is denied")) || next.contains(QLatin1String("(os error 5)"))))
            continue;
        static const QRegularExpression tool(QStringLiteral(R"re(^(?:pip|uv|uvx|maturin)\d*(?:\.\d+)?\.exe$)re"), QRegularExpression::CaseInsensitiveOption);
        const QString file = m.captured(2);
        if (tool.match(file).hasMatch())
            return RuleHit{QStringLiteral("windows-file-in-use"), QStringLiteral("self"), Confidence::High, 82,
                           QStringLiteral("The running %1 cannot replace its own executable on Windows.").arg(file), {file}, int(i) + 1,
                           lines.at(i).trimmed()};
        // Access is denied to a file open in a running process, and as much to a file of a system-wide Python without
        // administrator rights: a lead.
        return RuleHit{QStringLiteral("windows-file-in-use"), QStringLiteral("denied"), Confidence::Low, 70,
                       QStringLiteral("Windows refused to replace %1 (access denied): a running process has it open, or the folder "
                                      "needs administrator rights.").arg(file), {file},
                       int(i) + 1, lines.at(i).trimmed()};
    }
    return {};
}

// sysconfig's Py_GIL_DISABLED asked for and answered 1 (True): the interpreter is a free-threaded build.
bool gilDisabledShown(const QStringList &lines)
{
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).contains(QLatin1String("Py_GIL_DISABLED")))
            continue;
        const QString answer = lines.at(i + 1).trimmed();
        if (answer == QLatin1String("1") || answer == QLatin1String("True"))
            return true;
    }
    return false;
}

// A crash (SIGSEGV, EXC_BAD_ACCESS) inside a module's PyInit_, or right at its import, under a free-threaded
// interpreter: an extension built with a PyO3, or for a CPython, that does not support the free-threaded build.
RuleHit freeThreadedInitCrash(const TextFacts &facts, const QStringList &lines)
{
    if (!facts.freeThreaded && !gilDisabledShown(lines))
        return {};
    static const QRegularExpression crash(QStringLiteral(R"re(SIGSEGV|[Ss]egmentation fault|EXC_BAD_ACCESS|signal 11\b)re"));
    const auto crashLine = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) { return crash.match(l).hasMatch(); });
    if (crashLine == lines.cend())
        return {};
    const QString message = QStringLiteral("The extension crashes while it initialises under a free-threaded (no-GIL) interpreter: it was "
                                           "built with a PyO3, or for a CPython, without support for the free-threaded build.");
    static const QRegularExpression init(QStringLiteral(R"re(\bPyInit_\w+)re"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (init.match(lines.at(i)).hasMatch())
            return RuleHit{QStringLiteral("pyo3-free-threaded-unsupported"), QStringLiteral("init-crash"), Confidence::Medium, 66, message,
                           {}, int(i) + 1, lines.at(i).trimmed()};
    }
    // No frame in sight, but the crash is the import's (the shell names the command that died, or it ran just before).
    static const QRegularExpression import(QStringLiteral(R"re(\bimport \w+)re"));
    const qsizetype at = crashLine - lines.cbegin();
    for (qsizetype i = qMax<qsizetype>(0, at - 2); i <= at; ++i) {
        if (import.match(lines.at(i)).hasMatch())
            return RuleHit{QStringLiteral("pyo3-free-threaded-unsupported"), QStringLiteral("import-crash"), Confidence::Medium, 66, message,
                           {}, int(at) + 1, crashLine->trimmed()};
    }
    return {};
}

// A traceback whose frames come from the files of two Python versions (…/lib/python3.12/importlib beside
// …/lib/python3.13/site-packages/pkg) and that ends in a failed import: one interpreter imports a package
// installed for another (PYTHONPATH or a base environment's site-packages leaking into a venv), whose compiled
// module it cannot load.
RuleHit mixedInterpreterImport(const TextFacts &facts, const QStringList &lines)
{
    if (!facts.pythonTraceback)
        return {};
    static const QRegularExpression frame(QStringLiteral(R"re(^\s*File "[^"]*[/\\]lib[/\\]python(\d\.\d+)t?[/\\]([^"]*)")re"));
    static const QRegularExpression failed(QStringLiteral(R"re(^\s*(?:ModuleNotFoundError|ImportError): )re"));
    QStringList running;  // the versions of the standard library's frames
    int packageLine = -1;
    QString packageVersion;
    bool importFailed = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        importFailed = importFailed || failed.match(lines.at(i)).hasMatch();
        const QRegularExpressionMatch m = frame.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        const bool sitePackages = m.captured(2).startsWith(QLatin1String("site-packages")) || m.captured(2).startsWith(QLatin1String("dist-packages"));
        if (!sitePackages) {
            running << m.captured(1);
            continue;
        }
        packageLine = int(i);  // the last installed package's frame: nearest the failed import
        packageVersion = m.captured(1);
    }
    running.removeDuplicates();
    if (!importFailed || running.size() != 1 || packageLine < 0 || packageVersion == running.first())
        return {};
    return RuleHit{QStringLiteral("wrong-interpreter"), QStringLiteral("mixed-versions"), Confidence::Medium, 74,
                   QStringLiteral("Python %1 runs the traceback but imports from the site-packages of Python %2: a package installed for "
                                  "%2 (its compiled module built for it) is on this interpreter's path.")
                       .arg(running.first(), packageVersion),
                   {running.first(), packageVersion}, packageLine + 1, lines.at(packageLine).trimmed()};
}

// A package's native module that does not import under PyPy (its banner or its folders in sight): the package
// may have no PyPy build at all (it needs CPython's C API or a cffi PyPy lacks), a lead.
RuleHit nativeImportOnPyPy(const QStringList &lines)
{
    static const QRegularExpression pypy(QStringLiteral(R"re(\[PyPy \d|[/\\]pypy[\d.]*(?:-[\w.]+)?[/\\]|\bpypy\d*-\d)re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression native(QStringLiteral(R"re(^ImportError: cannot import name '?(_\w+)'?|^ModuleNotFoundError: No module named '[\w.]*?\.?(_\w+)')re"));
    if (!std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return l.contains(pypy); }))
        return {};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const QRegularExpressionMatch m = native.match(line);
        if (!m.hasMatch())
            continue;
        const QString module = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        return RuleHit{QStringLiteral("pypy-unsupported"), QStringLiteral("pypy-import"), Confidence::Low, 45,
                       QStringLiteral("The package's native module %1 does not import under PyPy: check that the package supports PyPy "
                                      "(some need CPython's own C API, or a cffi release PyPy does not have).")
                           .arg(module),
                       {}, int(i) + 1, line};
    }
    return {};
}

// An extension module of the interpreter's own tree (its lib-dynload, or its site-packages) missing a symbol of
// CPython's API: inside a plain python process those are always there, so the process is a program that embeds
// Python without making libpython's symbols visible to the modules it loads (a static libpython, as pyenv builds
// without --enable-shared, or libpython opened without RTLD_GLOBAL). With the standard library's own module, or an
// embedding program in sight (a Rust panic, a test binary), Medium; else a lead.
RuleHit embeddedSymbolsHidden(const QStringList &lines)
{
    static const QRegularExpression missing(QStringLiteral(R"re((?:undefined symbol: |Symbol not found: _?)(_?Py\w+))re"));
    static const QRegularExpression ownTree(QStringLiteral(R"re([/\\]lib-dynload[/\\]|[/\\]\.pyenv[/\\]versions[/\\][^/\\]+[/\\]lib[/\\]python[\d.]+[/\\]site-packages[/\\])re"));
    static const QRegularExpression embedding(QStringLiteral(R"re(thread '[\w-]+' panicked|prepare_freethreaded_python|auto-initialize|Running unittests|[/\\]target[/\\](?:debug|release)[/\\])re"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = missing.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        // The module's path is on the line, or on the lines macOS's dyld adds after it.
        const QString where = lines.mid(i, 4).join(QLatin1Char('\n'));
        if (!where.contains(ownTree))
            return {};
        const bool stdlib = where.contains(QLatin1String("lib-dynload"));
        const bool embedded = std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return l.contains(embedding); });
        return RuleHit{QStringLiteral("embed-static-libpython-symbols"), QString(), stdlib || embedded ? Confidence::Medium : Confidence::Low,
                       74,
                       QStringLiteral("An extension module of the interpreter's own installation misses %1, a symbol of CPython itself: the "
                                      "program that runs Python embeds it without making libpython's symbols visible to the modules it loads "
                                      "(a Python built without a shared libpython, as pyenv builds by default, or libpython opened without "
                                      "RTLD_GLOBAL).")
                           .arg(m.captured(1)),
                       {}, int(i) + 1, lines.at(i).trimmed()};
    }
    return {};
}

// numpy's C extensions failing to import inside a Rust program that embeds Python (its panic carries the
// ImportError): most often libpython's symbols are not visible to the modules the embedded interpreter loads
// (libpython opened with RTLD_LOCAL, as libloading does, or linked statically), a lead.
RuleHit embeddedNumpyImport(const QStringList &lines)
{
    static const QRegularExpression panic(QStringLiteral(R"re(thread '[^']*' panicked at '?(?:ImportError|PyErr)|panicked at .*ImportError)re"));
    if (!std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return panic.match(l).hasMatch(); }))
        return {};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(QLatin1String("Importing the numpy C-extensions failed")))
            return RuleHit{QStringLiteral("embed-static-libpython-symbols"), QStringLiteral("numpy-embedded"), Confidence::Low, 60,
                           QStringLiteral("numpy's compiled modules do not import inside this Rust program that embeds Python: check that "
                                          "libpython's symbols are visible to the modules it loads (libpython loaded with RTLD_GLOBAL, not "
                                          "RTLD_LOCAL as libloading does; a shared, not a static, libpython)."),
                           {}, int(i) + 1, lines.at(i).trimmed()};
    }
    return {};
}

// PyO3's build script configured a free-threaded interpreter (cargo:rustc-cfg=Py_GIL_DISABLED) and pyo3-ffi itself
// does not compile: that PyO3, or the limited API (abi3) the build asked for, does not support the free-threaded build.
RuleHit freeThreadedFfiBuild(const QStringList &lines)
{
    if (!std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return l.contains(QLatin1String("rustc-cfg=Py_GIL_DISABLED")); }))
        return {};
    static const QRegularExpression ffi(QStringLiteral(R"re(-->\s+\S*pyo3-ffi[^/\\\s]*[/\\]src[/\\]\S+\.rs:\d+)re"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (ffi.match(lines.at(i)).hasMatch())
            return RuleHit{QStringLiteral("pyo3-free-threaded-unsupported"), QStringLiteral("ffi-build"), Confidence::Medium, 72,
                           QStringLiteral("pyo3-ffi does not compile for the free-threaded interpreter the build found (Py_GIL_DISABLED): "
                                          "this PyO3, or the limited API (abi3) the build asks for, does not support the free-threaded "
                                          "build (PyO3 0.23 added it, without abi3)."),
                           {}, int(i) + 1, lines.at(i).trimmed()};
    }
    return {};
}

// setuptools-rust looking for the artifacts of a package id that is None: the Cargo.toml it was given is a
// workspace's root manifest, which has no package of its own.
RuleHit workspaceManifestGiven(const QStringList &lines)
{
    static const QRegularExpression frame(QStringLiteral(R"re([/\\]setuptools_rust[/\\]build\.py", line \d+, in _find_cargo_artifacts)re"));
    static const QRegularExpression none(QStringLiteral(R"re(^TypeError: .*not NoneType)re"));
    bool inside = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = lines.at(i).trimmed();
        inside = inside || frame.match(l).hasMatch();
        if (inside && none.match(l).hasMatch())
            return RuleHit{QStringLiteral("workspace-manifest-not-crate"), QString(), Confidence::Medium, 70,
                           QStringLiteral("setuptools-rust found no package in the Cargo.toml it was given (its package id is None): the path "
                                          "names a workspace's root manifest, not the crate's own Cargo.toml."),
                           {}, int(i) + 1, l};
    }
    return {};
}

// cargo updating the crates.io git index, then killed (exit 247 or 137, SIGKILL) before anything compiles: the index
// update ran out of memory, as it does under QEMU emulation and in small containers.
RuleHit indexUpdateKilled(const QStringList &lines)
{
    static const QRegularExpression killed(QStringLiteral(R"re(exit code: (?:247|137)\b|exit status: (?:247|137)\b|signal: 9\b|SIGKILL|^\s*Killed\b)re"));
    static const QRegularExpression progress(QStringLiteral(R"re(^\s*(?:Compiling|Downloaded|Downloading crates|Locking|Adding|Fresh|Checking)\b)re"));
    int updating = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.contains(QLatin1String("Updating crates.io index")) || l.contains(QLatin1String("Updating registry `")))
            updating = int(i);
        else if (updating >= 0 && progress.match(l).hasMatch())
            updating = -1;  // the update was done
        else if (updating >= 0 && killed.match(l).hasMatch())
            return RuleHit{QStringLiteral("qemu-cargo-index-oom"), QString(), Confidence::Medium, 70,
                           QStringLiteral("cargo was killed while it updated the crates.io index, before anything compiled: the git index "
                                          "update ran out of memory (as under QEMU emulation or in a small container)."),
                           {}, int(i) + 1, l.trimmed()};
    }
    return {};
}

// A traceback whose last frame is inside setuptools-rust and whose exception is a programming error (an attribute of
// None, a wrong type, a missing key): setuptools-rust itself failed, not the project's build, a lead.
RuleHit setuptoolsRustCrash(const QStringList &lines)
{
    static const QRegularExpression frame(QStringLiteral(R"re(^\s*File ".*[/\\]setuptools_rust[/\\]\w+\.py", line \d+)re"));
    static const QRegularExpression anyFrame(QStringLiteral(R"re(^\s*File ".*", line \d+)re"));
    static const QRegularExpression internal(QStringLiteral(R"re(^(AttributeError|TypeError|KeyError|IndexError|NameError|UnboundLocalError): )re"));
    bool lastFrameInside = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (anyFrame.match(l).hasMatch())
            lastFrameInside = frame.match(l).hasMatch();
        const QRegularExpressionMatch m = internal.match(l.trimmed());
        if (m.hasMatch() && lastFrameInside) {
            return RuleHit{QStringLiteral("setuptools-rust-regression"), QStringLiteral("crash"), Confidence::Low, 58,
                           QStringLiteral("setuptools-rust itself failed with %1 in its own code: a bug of this setuptools-rust release "
                                          "(or of its use of setuptools), not the project's build. Try another setuptools-rust release.")
                               .arg(m.captured(1)),
                           {}, int(i) + 1, l.trimmed()};
        }
    }
    return {};
}

// maturin's "Failed to build a native library through cargo" as the last line, with no cause under it and no error of
// cargo's or a build script's above it: maturin up to 0.13.0 ended so when cargo built no cdylib (0.13.1 names the crate type). A lead:
// a paste cut short ends the same way.
RuleHit noCdylibBuilt(const QStringList &lines)
{
    static const QRegularExpression cargoError(QStringLiteral(R"re(\berror\b|build failed|--- stderr)re"), QRegularExpression::CaseInsensitiveOption);
    qsizetype last = lines.size() - 1;
    while (last >= 0 && lines.at(last).trimmed().isEmpty())
        --last;
    if (last < 0 || lines.at(last).trimmed() != QLatin1String("Caused by: Failed to build a native library through cargo"))
        return {};
    for (qsizetype i = 0; i < last; ++i) {
        if (cargoError.match(lines.at(i)).hasMatch())
            return {};
    }
    return RuleHit{QStringLiteral("crate-type-not-cdylib"), QString(), Confidence::Low, 55,
                   QStringLiteral("maturin stopped after cargo without naming an error: maturin before 0.13.1 did so when cargo built no "
                                  "cdylib. Check that [lib] crate-type in Cargo.toml includes \"cdylib\"; newer maturin says so."),
                   {}, int(last) + 1, lines.at(last).trimmed()};
}

} // namespace

// Also a build script that runs Python (a panic in build.rs beside a traceback), maturin's old "Cargo metadata failed".
QList<RuleHit> contextualHits(const TextFacts &facts, const QString &text)
{
    QList<RuleHit> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression buildRsPanic(QStringLiteral(R"re(panicked at (?:\S*[/\\])?build\.rs)re"));
    static const QRegularExpression metadata(QStringLiteral(R"re(Caused by: (?:Cargo metadata failed|Failed to run cargo)\s*$)re"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (facts.pythonTraceback && buildRsPanic.match(line).hasMatch()) {
            out << RuleHit{QStringLiteral("build-script-python-incompatible"), QString(), Confidence::Medium, 72,
                           QStringLiteral("The build script runs Python code that fails on this interpreter."), {}, int(i) + 1, line};
        }
        if (metadata.match(line).hasMatch() && i + 1 < lines.size() && lines.at(i + 1).contains(QLatin1String("(os error 2)"))) {
            // "Failed to run cargo" (os error 2) has also been a maturin bug (a wrong working directory): a lead.
            const bool metadataStep = line.contains(QLatin1String("metadata"));
            out << RuleHit{QStringLiteral("cargo-not-found"), QString(), metadataStep ? Confidence::High : Confidence::Low, 70,
                           QStringLiteral("maturin could not run cargo (No such file or directory)."), {}, int(i) + 1, line};
        }
    }
    // Each finder, in this order; an empty id: it found nothing.
    const RuleHit found[] = {
        truncatedPyInit(text),
        fileHeldOpen(lines),
        freeThreadedInitCrash(facts, lines),
        mixedInterpreterImport(facts, lines),
        nativeImportOnPyPy(lines),
        embeddedSymbolsHidden(lines),
        setuptoolsRustCrash(lines),
        embeddedNumpyImport(lines),
        workspaceManifestGiven(lines),
        indexUpdateKilled(lines),
        freeThreadedFfiBuild(lines),
        noCdylibBuilt(lines),
    };
    for (const RuleHit &hit : found) {
        if (!hit.id.isEmpty())
            out << hit;
    }
    return out;
}

} // namespace wb::diagnose
