// The wordings of failures that come from the machine or the environment a package runs or installs in
// rather than from the build itself: the interpreter a build tool probes, the macOS loader, Windows' DLL
// search, paired native packages, installers too old for the package's format, and compilers newer than
// the code. Each rule is the message family (the tool's fixed phrases), not one report's details.
#include "core/diagnose/FailureRuleTable.h"

namespace wb::diagnose {

namespace {
using C = Confidence;
using rules::rule;
} // namespace

// Sources of the wordings: maturin (src/python_interpreter: its probe reads sys.base_prefix and refuses
// Python 2), CPython 2's AttributeError text, dyld ("Symbol not found", "which was built for Mac OS X"),
// CPython's Windows loader (os.add_dll_directory since 3.8: PATH is no longer searched for dependent DLLs),
// pip before PEP 517 (python setup.py egg_info), pip's -v link evaluation, pyo3-build-config (its config
// file in the build script's out directory), rustc's invalid_reference_casting lint (deny by default since
// 1.73), pip's and uv's metadata consistency errors, the Rust 1.80 release notes (the time crate before 0.3.35) and GNU ld/ld64 for -lpython.
const QList<rules::Rule> &rules::runtimeRules()
{
    static const QList<Rule> all = {
        // Polars moved its plugin helpers out of polars.utils (polars 1.0: polars.plugins.register_plugin_function):
        // plugin code written for the older API stops importing.
        rule("polars-plugin-api-outdated", "", C::Medium, 72,
             "The code imports polars.utils, which newer Polars no longer has: it was written for Polars' older plugin API "
             "(register plugins with polars.plugins.register_plugin_function).",
             R"re(No module named '?polars\.utils(?:\.udfs)?'?)re"),
        // A script or folder named like the package it imports shadows the installed package (CPython 3.13 names the
        // file; earlier releases only say "partially initialized module ... circular import").
        rule("module-shadowed-by-local-file", "", C::High, 86, "The file %1 has the name of the package it imports, and Python imports it instead.",
             R"re(consider renaming '([^']+)' (?:since it has the same name as the (?:library|standard library module) you intended to import|if it has the same name as a library you intended to import))re"),
        rule("module-shadowed-by-local-file", "circular", C::Medium, 70,
             "The module %1 imports itself while it is initialised: a local file named like the package usually shadows it.",
             R"re((?:partially initialized module '([\w.]+)' has no attribute '[^']+'|cannot import name '[^']+' from partially initialized module '([\w.]+)') \(most likely due to a circular import\))re"),
        // Rust 1.78 and later build for Windows 10 and newer: their binaries import functions (ProcessPrng from
        // bcryptprimitives.dll) that Windows 7, 8 and Server 2008/2012 lack. A DLL of another version than the one the
        // extension was built against fails the same way: a lead unless the text names an older Windows.
        rule("os-too-old-for-rust-binary", "windows", C::Low, 56,
             "Windows cannot find a function the extension %1 imports: binaries built with Rust 1.78 or later need Windows 10 "
             "or newer (or a DLL beside it is of another version than the one it was built against).",
             R"re(DLL load failed(?: while importing (\w+))?: The specified procedure could not be found)re"),
        // An executable installed from a wheel (into bin/) whose load path points to the libraries delocate bundled beside
        // the package (<pkg>.dylibs in site-packages), relative to the executable: they are not there after installation.
        rule("bundled-dylib-load-path-wrong", "", C::Medium, 76,
             "The executable looks for the libraries bundled in %1 relative to itself, but the wheel installs them beside the "
             "package in site-packages: its load path was not made for where the installer puts scripts.",
             R"re(Library not loaded: @(?:loader|executable)_path/\.\./([\w.-]+\.dylibs)/)re"),
        // An extension that links a library by its Homebrew path: the wheel was not delocated (the library not copied in).
        rule("auditwheel-copy-needed", "homebrew", C::Medium, 72,
             "The extension links %1 from Homebrew by its absolute path: the wheel does not carry it (delocate did not copy it in).",
             R"re(Library not loaded: ((?:/opt/homebrew|/usr/local/(?:opt|Cellar))/(?!\S*(?:libpython|Python\.framework))\S+\.dylib))re"),
        // AWS Lambda's wording of a module that cannot be imported: a package's compiled part built for another platform
        // or Python than the runtime's (the usual case of a deployment package made on macOS or Windows), or not installed.
        rule("packaged-for-other-platform", "lambda", C::Medium, 66,
             "The Lambda runtime cannot import %1: the package's compiled part was installed for another platform or Python than the "
             "runtime's (a bundle made with pip on macOS, Windows or another architecture).",
             R"re(Unable to import module '[^']+': No module named '(\w+\._\w+)')re"),
        // A cdylib that links a static libpython: its code is not position-independent, so the shared object cannot be made.
        rule("missing-extension-module", "static-relocation", C::Medium, 74,
             "The extension links a static libpython (the relocation against %1 cannot go into a shared object): PyO3's extension-module "
             "feature is off, so PyO3 links libpython.",
             R"re(relocation R_\w+ against (?:symbol )?[`']?(_?_?Py\w+)'? can not be used when making a shared object)re"),
        // A package's own import-time CPU check that fails on a flag it does not know (a bug of that release).
        rule("package-cpu-check-bug", "", C::Medium, 72, "The package's own CPU check does not know the flag %1: a bug of this release.",
             R"re(RuntimeError: unknown feature flag:? ['"]([^'"]+)['"])re"),
        // musl's loader refuses a library whose thread-local storage uses the initial-exec model for a symbol that is
        // only resolved at load time (mimalloc and other allocators built that way cannot be dlopened on musl).
        rule("musl-initial-exec-tls", "", C::High, 86, "musl cannot load %1: it uses initial-exec thread-local storage that resolves to a dynamic definition.",
             R"re(Error relocating ([^:]+): [^:]*: initial-exec TLS resolves to dynamic definition)re"),
        // A free-threaded CPython turns the GIL back on for a module that does not declare Py_MOD_GIL_NOT_USED.
        rule("gil-not-declared-free-threaded", "", C::High, 84, "The module %1 has not declared that it runs without the GIL, so the interpreter enabled the GIL.",
             R"re(has been enabled to load module '([^']+)', which has not declared)re"),
        // The interpreter a build tool probed is Python 2 (a bare `python` on PATH).
        rule("python2-on-path", "", C::High, 84, "The interpreter the build probed is Python %1: maturin needs Python 3.",
             R"re(Only python (?:python )?>= ?[\d.]+ is supported, while you(?:'re|r)? using python (2(?:\.\d+)?)\b)re"),
        rule("python2-on-path", "py2-probe", C::Medium, 82, "The interpreter the build probed is Python 2 (no sys.%1).",
             R"re(AttributeError: 'module' object has no attribute '(base_prefix|implementation|abiflags)')re"),
        // dyld: the binary's minimum macOS is newer than the running system.
        rule("macos-deployment-target-too-new", "", C::Medium, 80,
             "The extension was built for macOS %1, newer than this system: its deployment target is too new.",
             R"re(\(which was built for (?:Mac OS X|macOS) ([\d.]+)\)|\(built for macOS ([\d.]+) which is newer than running OS\))re"),
        rule("macos-deployment-target-too-new", "chkstk", C::Medium, 78,
             "The extension uses ___chkstk_darwin, which macOS before 10.15 lacks: its deployment target is too new.",
             R"re(Symbol not found: _{2,4}chkstk_darwin)re"),
        // A pure-Python package and the native package it pins, installed at different versions.
        rule("native-package-version-mismatch", "", C::Medium, 78,
             "The installed %1 is version %2, not the one its companion package requires (%3).",
             R"re(installed ([\w.-]+) version \(?([\d.]+\w*)\)? is incompatible with .*requires ([\d.]+\w*))re"),
        // Windows: the extension loads, a DLL it depends on is not on the DLL search path (not PATH since Python 3.8).
        rule("windows-dll-search-path", "", C::Low, 50,
             "A DLL that the extension %1 depends on was not found on the DLL search path (since Python 3.8 PATH is not searched).",
             R"re(DLL load failed while importing (\w+): The specified module could not be found)re"),
        // CPython before 3.8 did not name the module.
        rule("windows-dll-search-path", "py37", C::Low, 50, "A DLL that the extension depends on was not found on the DLL search path.",
             R"re(DLL load failed: The specified module could not be found)re"),
        // pip before PEP 517 support runs setup.py, which a pyproject-only source distribution does not have.
        rule("pip-too-old", "setup-py", C::Medium, 70,
             "The installer ran setup.py, which this source distribution does not have: it predates pyproject.toml builds (PEP 517).",
             R"re(No such file or directory: '[^']*[/\\]setup\.py')re"),
        // Old pip's -v link evaluation skipping abi3/manylinux wheels: an installer too old for those tags, or another platform.
        rule("pip-too-old", "skip-link", C::Low, 30, "The installer skipped the %1 wheels as incompatible: check that it knows those tags.",
             R"re(Skipping link \S*-(abi3|manylinux2010|manylinux2014|manylinux_\d+_\d+)[\w.-]*\.whl.*it is not compatible with this Python)re"),
        // No thread state while a module initialises or is called: a second libpython in the process, which the extension
        // links or carries itself (built without PyO3's or rust-cpython's extension-module feature, or against another
        // Python, as two versions of PyO3 in one build can do). A lead.
        rule("missing-extension-module", "no-tstate", C::Low, 50,
             "Python crashed without a thread state in the extension: the extension most likely links its own libpython (built "
             "without the extension-module feature, or against another Python), so two interpreters' runtimes meet in one process.",
             R"re(Fatal Python error: (?:PyThreadState_Get: no current thread|take_gil: NULL tstate))re"),
        // PyO3 0.17.0 stopped accepting objects that pass PySequence_Check but are not registered Sequences, NumPy arrays
        // among them, for Vec<T> (fixed in 0.17.1) and [T; N] (fixed in 0.17.3, PR #2675).
        rule("pyo3-regression", "ndarray-sequence", C::Medium, 80,
             "PyO3 0.17.0 stopped accepting NumPy arrays for Vec<T> and fixed-size array arguments (fixed in 0.17.1 for Vec, "
             "0.17.3 for [T; N]): upgrade PyO3, or take a PyReadonlyArray from rust-numpy.",
             R"re('ndarray' object cannot be converted to 'Sequence')re"),
        // PyO3's build script cannot read the configuration it wrote itself (its out directory).
        rule("pyo3-regression", "config-file", C::Medium, 80, "PyO3's build script cannot read the configuration file it generated itself.",
             R"re(failed to (?:parse|open) PyO3 config file(?: at)? .*pyo3-build-config-[0-9a-f]+[/\\]out)re"),
        rule("pyo3-regression", "config", C::Low, 60, "PyO3's build script cannot parse its build configuration.",
             R"re(failed to parse PyO3 config: )re"),
        // A deny-by-default lint newer rustc added, in code that older compilers accepted.
        rule("rust-too-new", "lint", C::Low, 45, "A lint that newer rustc denies by default rejects this code (%1): the toolchain is newer than the code.",
             R"re((casting `&T` to `&mut T` is undefined behavior)|`#\[deny\((invalid_reference_casting|(?!arithmetic_overflow\b)\w+)\)\]` on by default)re"),
        // rustc evaluating constant arithmetic that overflows: the code does not compile for this target (usize is
        // 32 bits on a 32-bit one); arithmetic_overflow has been denied by default since the lint exists.
        rule("rust-compile-error", "overflow", C::Low, 42, "rustc finds constant arithmetic that overflows (`%1`): the code does not compile for this target.",
             R"re(attempt to compute `([^`]+)`, which would overflow)re"),
        // rustc 1.80's inference change broke the time crate before 0.3.35 (the Rust 1.80 release notes).
        rule("rust-too-new", "time-080", C::Low, 45, "rustc 1.80 and later cannot infer a type in the time crate before 0.3.35: update time.",
             R"re(type annotations needed for `Box<_>`)re"),
        // polars refusing a plugin whose string/binary layout is an older polars's (pyo3-polars' own check).
        rule("polars-plugin-version-mismatch", "layout", C::High, 84,
             "polars cannot call the plugin: it was compiled with a pyo3-polars whose data layout this polars no longer has.",
             R"re(This Polars' version has a different '[\w/]+' layout\. Please compile with latest 'pyo3-polars')re"),
        // musl's loader (ldso/dynlink.c: "Error relocating %s: %s: symbol not found") missing a symbol only glibc defines.
        rule("musl-wheel-glibc-symbol", "", C::Medium, 80,
             "The musl loader cannot resolve %2, a symbol only glibc provides, in %1: the library was linked against glibc.",
             R"re(Error relocating ([^:]+): (__cxa_thread_atexit_impl|gnu_get_libc_\w+|__\w+_chk|__libc_\w+|__register_atfork|[a-z]+64|(?:swap|get|set|make)context|backtrace(?:_symbols(?:_fd)?)?|mallinfo2?|error_at_line|fts_\w+|obstack_\w+): symbol not found)re"),
        // Any other symbol the musl loader cannot resolve: a glibc-only function, or a library that is missing: a lead.
        rule("musl-wheel-glibc-symbol", "other", C::Low, 60,
             "The musl loader cannot resolve %2 in %1: the library may be linked against glibc.",
             R"re(Error relocating ([^:]+): (\w+): symbol not found)re"),
        // rust-numpy before 0.6 refusing an array of the very dtype it asks for: its dtype mapping was wrong (Uint64 on x86_64).
        rule("rust-numpy-dtype-mapping-bug", "", C::Medium, 78, "rust-numpy refuses an array of the dtype %1 it asks for: a dtype mapping bug of that rust-numpy release.",
             R"re(from=\(dim=\d+, dtype=(\w+)\), to=\(dim=\w+, dtype=\1\))re"),
        // rust-numpy's downcast of an argument to PyArray<T, D> fails when the dtype or the dimensionality differs (PyO3's
        // DowncastError names the Python type on both sides; older releases name PyArray<T, D>, or print rust-numpy's own
        // "type mismatch"/"dimensionality mismatch" with from= and to=).
        rule("numpy-array-dtype-mismatch", "", C::Medium, 78, "The array passed in has another dtype or number of dimensions than the Rust function declares.",
             R"re('ndarray' object (?:is not an instance of 'ndarray'|cannot be converted to '(?:PyArray|PyReadonlyArray|PyReadwriteArray)[^']*')|(?:dimensionality|type) mismatch:\s+from=(\S+), to=(\S+))re"),
        // The installer compares the file name's name and version with the metadata's (pip since 20.3; uv). pip 20.3-21
        // wrote "filename has", later releases "expected". Why they differ the detectors work out (MetadataConsistency.cpp).
        rule("wheel-metadata-inconsistent", "pip", C::High, 84,
             "The installer refuses the file: its %1 is '%2' by the file name but '%3' by its metadata.",
             R"re(has inconsistent (name|version): (?:expected|filename has) '([^']*)', but metadata has '([^']*)')re"),
        // uv (crates/uv-distribution/src/error.rs): against the wheel's file name, or against the "given" name or version,
        // the requirement's; for a local path that name may be one uv inferred, so a lead.
        rule("wheel-metadata-inconsistent", "uv-filename", C::High, 84,
             "The installer refuses the wheel: its metadata says %1 '%2', the file name '%3'.",
             R"re(Package metadata (name|version) `([^`]*)` does not match `([^`]*)` from the wheel filename)re"),
        rule("wheel-metadata-inconsistent", "uv-version", C::High, 84,
             "The installer refuses the file: its metadata says %1 '%2', the file name or requirement '%3'.",
             R"re(Package metadata (version) `([^`]*)` does not match given version `([^`]*)`)re"),
        rule("wheel-metadata-inconsistent", "uv-name", C::Medium, 76,
             "The installer refuses the package: its metadata says %1 '%2', the requirement or file name '%3'.",
             R"re(Package metadata (name) `([^`]*)` does not match given name `([^`]*)`)re"),
        // PyPI's upload check of the core metadata (warehouse's form validation: "'value' is an invalid value for Field.
        // Error: reason See https://packaging..."; before 2018 "field_name: Invalid email address.").
        rule("pypi-metadata-invalid", "", C::High, 84, "PyPI refuses the package's %2 '%1': %3.",
             R"re('(.*)' is an invalid value for ([\w-]+)\. Error: (.*?)\.?(?: See https?://\S+.*)?$)re"),
        rule("pypi-metadata-invalid", "old", C::High, 82, "PyPI refuses the package's %1: %2.",
             R"re(\b([a-z]+_email|version|classifiers?|name): (Invalid (?:email address|value)))re"),
        // pip's wheel installer (before 20: "... for req: x - A callable suffix", later "For req: x. Invalid ...").
        rule("script-entry-point-invalid", "", C::High, 84,
             "The installer refuses the script %1 = \"%2\": it names a module, not the function to call (module:function).",
             R"re(Invalid script entry point: <ExportEntry (\S+) = ([^:\s>]+):None \[[^\]]*\]>)re"),
        // libpython at link time: PyO3 without extension-module links it (or an embedding build lacks the dev package).
        rule("missing-extension-module", "lpython", C::Low, 86,
             "The link asks for %1: the extension links libpython, which an extension module should leave to the interpreter.",
             R"re((?:cannot find -l|unable to find library -l|library not found for -l)(python[\d.]*m?)\b)re"),
        rule("jemalloc-page-size-unsupported", "", C::High, 84, "The package's jemalloc was built for another page size than this system's.",
             R"re(<jemalloc>: Unsupported system page size)re"),
    };
    return all;
}

} // namespace wb::diagnose
