// The wordings of build failures: interpreters and cross compilation, toolchains, C compilers and system
// libraries, cargo's resolver and lock file, pip and uv source builds, and maturin's regressions. Each rule is a
// message family (the tool's fixed phrases), not one report's details. FailureRules scans with this table and the
// others (ProjectRules, ToolRules, RuntimeRules, PlatformRules).
#include "core/diagnose/FailureRuleTable.h"

namespace wb::diagnose {

namespace {
using C = Confidence;
using rules::rule;
} // namespace

// Sources of the wordings: pyo3-build-config (impl_.rs, errors), pyo3's module initialisation (impl_/pymodule.rs),
// maturin (src/python_interpreter, src/build_context, src/auditwheel, src/pyproject_toml.rs, src/develop),
// cargo (resolver, lockfile, rust-version checks), cc-rs, openssl-sys and pkg-config-rs, rustc, GNU ld, ld64,
// lld, pip, uv, setuptools-rust, CPython and auditwheel. Ranks: 80-90 a cause named by its own message,
// 60-75 a cause a message usually means, 20-40 a generic failure (a build script, a dependency).
const QList<rules::Rule> &rules::buildRules()
{
    static const QList<Rule> all = {
        // Interpreter outside PyO3's range.
        rule("pyo3-python-too-new", "too-new", C::High, 85, "PyO3 refuses Python %1: its maximum is %2.",
             R"re((?:Python|PyPy|GraalPy)(?: interpreter)? version \((\d+\.\d+)\) is newer than PyO3's maximum supported version \((\d+\.\d+)\))re"),
        rule("pyo3-python-too-old", "too-old", C::High, 85, "PyO3 refuses Python %1: its minimum is %2.",
             R"re((?:Python|PyPy|GraalPy)(?: interpreter)? version \((\d+\.\d+)\) is lower than PyO3's minimum supported version \((\d+\.\d+)\))re"),
        // PyO3 0.8-0.13 (build.rs) said it in its own words; the current minor is captured first.
        rule("pyo3-python-too-old", "py3-required", C::High, 85, "PyO3 refuses Python 3.%1: its minimum is 3.%2.",
             R"re(Python 3 required version is 3\.(?=\d+, current version is 3\.(\d+))(\d+))re"),
        rule("pyo3-free-threaded-unsupported", "build-config", C::High, 88, "PyO3 refuses the free-threaded (no-GIL) interpreter.",
             R"re(built with the GIL disabled, which is not yet supported by PyO3|free-threaded build of CPython(?: \d+\.\d+)? does not support the limited API|UNSAFE_PYO3_BUILD_FREE_THREADED|PyO3 does not support the free-threaded build of CPython versions below|CFFI does not support the free-threaded build of CPython)re"),
        // uv built the package's only wheel, an abi3 one, which a free-threaded interpreter cannot load (no stable ABI there).
        rule("pyo3-free-threaded-unsupported", "abi3-wheel", C::Medium, 70,
             "The package builds only a stable-ABI (abi3) wheel, which the free-threaded Python %1 cannot load.",
             R"re(The built wheel `[^`]*-abi3-[^`]*` is not compatible with the current Python\s+(3\.\d+t)\b)re"),
        rule("pyo3-free-threaded-unsupported", "nogil-assert", C::Medium, 65, "A module made for the GIL build was loaded by a free-threaded (nogil) interpreter.",
             R"re(PyModuleDef_Init: Assertion .*_PyObject_IS_IMMORTAL)re"),
        rule("subinterpreters-unsupported", "", C::High, 88, "A PyO3 module was imported in a second (sub-)interpreter of the process.",
             R"re(PyO3 modules (?:compiled for CPython [\d.]+ or older )?may only be initialized once per interpreter process|PyO3 modules do not yet support subinterpreters|does not support loading in subinterpreters)re"),
        // rustc errors inside pyo3-ffi's own sources: a PyO3 older than the interpreter's C API (often forced on with
        // PYO3_USE_ABI3_FORWARD_COMPATIBILITY, or vendored by the package): a lead.
        rule("pyo3-python-too-new", "ffi-sources", C::Low, 64, "rustc fails inside pyo3-ffi's own sources: the PyO3 release is probably older than this Python.",
             R"re(--> \S*pyo3-ffi[-\d.]*[/\\]src[/\\]\S+\.rs:\d+)re"),
        // PyO3 before 0.11 needed nightly Rust and read its date; a distribution's nightly build has none.
        rule("pyo3-rustc-date-check", "", C::High, 84, "PyO3's build script cannot read the date of this nightly rustc.",
             R"re(Failed to determine the rustc date)re"),
        // musllinux policies constrain no symbol versions: maturin 1.12 checked them against glibc's and refused libstdc++.
        rule("maturin-regression", "musllinux-versions", C::Medium, 82,
             "maturin holds %1 to symbol versions for %2, which has none to hold: the maturin 1.12 regression (PR #3019).",
             R"re(External libraries \[([^\]]*)\] require newer symbol versions than (musllinux_\d+_\d+) allows)re"),
        // Interpreters during cross compilation, develop and build.
        rule("cross-compile-interpreter", "", C::High, 82, "Cross compiling: PyO3/maturin need the target's Python configuration.",
             R"re(Must provide PYO3_CROSS_LIB_DIR|PYO3_CROSS_LIB_DIR (?:is not set|must be set)|PYO3_CROSS_LIB_DIR environment variable must be set when cross-compiling|(?:sys\.platform|platform\.system\(\)) in python, (?!android, and the rust target, .*env: Android).*and the rust target, .*don't match)re"),
        // maturin refusing an interpreter it was given while it cross compiles (refine: a local environment's own
        // interpreter means maturin misjudged the build as a cross build; maturin before 1.13.0 did so for
        // interpreters it could not classify, free-threaded ones among them).
        rule("cross-compile-interpreter", "kind-not-path", C::High, 82, "Cross compiling: maturin needs the kind of interpreter (python3.x), not a path.",
             R"re(should be a kind of interpreter \(e\.g\. '[\w.]+' or '[\w.]+'\) when cross-compiling)re"),
        rule("cross-compile-interpreter", "unsupported-kind", C::High, 82, "Cross compiling: maturin does not know the kind of this interpreter.",
             R"re(Unsupported Python interpreter for cross-compilation: )re"),
        rule("cross-compile-interpreter", "arch", C::Low, 80, "The Rust target is %1-bit but the Python interpreter is %2-bit.",
             R"re([Yy]our Rust target architecture \((\d+)-bit\) does not match your python interpreter \((\d+)-bit\))re"),
        rule("no-python-interpreter", "", C::High, 70, "No Python interpreter was found to build for.",
             R"re(Failed to find (?:a|any) python interpreter|Failed to find an? (?:CPython|PyPy|GraalPy) ([\d.]+t?) interpreter|Unsupported Python interpreter: (\S+)|no Python 3\.x interpreter found|Python 3\.x interpreter not found|Couldn't find any python interpreters|Could not find any interpreter at (\S+), are you sure you have Python installed)re"),
        rule("no-python-interpreter", "windows-import-lib", C::Medium, 72,
             "Building for Windows without PyO3's generate-import-lib needs a Python interpreter, and none was found.",
             R"re(Need a Python interpreter to compile for Windows without PyO3's `generate-import-lib` feature|compiling for Windows without an interpreter requires)re"),
        // maturin 1.14.1: none of the interpreters found is new enough for the abi3 minimum (or none was found).
        rule("no-python-interpreter", "abi3", C::Medium, 66, "No Python interpreter was found that the abi3 build's minimum version allows.",
             R"re(No compatible Python interpreters found for stable ABI build)re"),
        // pyo3-build-config 0.14 and later running PYO3_PYTHON (or the python3 on PATH) that is not there.
        rule("no-python-interpreter", "pyo3-run", C::Medium, 68, "PyO3's build script could not run the interpreter %1: it does not exist.",
             R"re(failed to run the Python interpreter at (\S+): (?:No such file or directory|program not found|The system cannot find the file specified))re"),
        rule("no-python-interpreter", "uv", C::Medium, 68, "uv found no interpreter that satisfies the request.",
             R"re(No interpreter found (?:for (?:Python|CPython|PyPy|GraalPy|Pyodide)\b.* )?in (?:managed installations|virtual environments|(?:the )?(?:search|system) path|registry|all sources|(?:the )?active virtual environment|provided path|`py` launcher|conda prefix|Microsoft Store|first executable))re"),
        rule("wrong-interpreter", "", C::Medium, 66, "The interpreter given to the build is not a usable Python 3.",
             R"re(Trying to get metadata from the python interpreter '([^']+)' failed|(\S+) is not a valid python interpreter|Only python >= [\d.]+ is supported, while you(?:'re|r)? using python \d|Failed to get information from the python interpreter at (\S+))re"),
        rule("wrong-interpreter", "print-config", C::Low, 20, "PyO3's build configuration printout: check that executable= is the interpreter you meant.",
             R"re(PYO3_PRINT_CONFIG=1 is set, printing configuration)re"),
        rule("develop-env-mismatch", "", C::High, 82, "Two environments are active at once (a virtualenv and conda).",
             R"re(Both VIRTUAL_ENV and CONDA_PREFIX are set)re"),
        // libpython missing at start: an embedding program, or an interpreter built with --enable-shared itself.
        rule("embed-libpython-not-found", "", C::Medium, 80, "The program that embeds Python cannot find %1 at run time.",
             R"re(error while loading shared libraries: (libpython[\w.]*\.so[\w.]*): cannot open shared object file)re"),
        // C toolchain.
        rule("embed-libpython-not-found", "dyld", C::Medium, 80, "The program that embeds Python cannot find libpython at start.",
             R"re(^dyld(?:\[\d+\])?: Library not loaded: \S*(?:libpython|Python3?\.framework)|python3\d*\.dll was not found)re"),
        rule("wrong-interpreter", "version-check", C::High, 70, "The module was compiled for Python %1 and the interpreter is %2.",
             R"re(Python version mismatch: module was compiled for Python ([\d.]+), but the interpreter version is incompatible: ([\d.]+))re"),
        // An extension compiled against one implementation's C API and loaded by another: PyPy exports PyPy*-prefixed
        // names, CPython the Py* ones (a stale build directory or a PyO3 configured for the other interpreter).
        rule("wrong-interpreter", "pypy-symbols", C::Medium, 80, "The extension was compiled for PyPy (it needs %1) and a CPython loads it.",
             R"re(undefined symbol: (PyPy\w+))re"),
        rule("wrong-interpreter", "cpython-symbols", C::Medium, 80, "A PyPy extension file needs the CPython symbol %1: it was compiled for CPython.",
             R"re(\.pypy\d+-pp\d+[\w-]*\.(?:so|pyd)\b.*(?:Symbol not found: |undefined symbol: )_?(Py(?!Py)\w+))re"),
        rule("wrong-interpreter", "arch", C::Medium, 64, "The extension was built for another architecture than the interpreter's.",
             R"re(wrong ELF class: ELFCLASS\d+|mach-o file, but is an incompatible architecture|mach-o, but wrong architecture|is not a valid Win32 application|cannot load library .*: error 0xc1\b)re"),
        rule("develop-env-mismatch", "uv", C::Medium, 70, "VIRTUAL_ENV names another environment than the project's.",
             R"re(`VIRTUAL_ENV=[^`]*` does not match the project environment path)re"),
        // openssl-sys on Linux without the pkg-config tool.
        rule("system-library-missing", "pkg-config", C::High, 80, "openssl-sys needs the pkg-config tool to find OpenSSL, and pkg-config is not installed.",
             R"re(requires the `pkg-config` utility to find OpenSSL but unfortunately `pkg-config`|`pkg-config` could not be found)re"),
        rule("c-compiler-missing", "", C::High, 86, "The C/C++ toolchain program '%1' is not installed (cc-rs, in a dependency's build script).",
             R"re(Failed to find tool\. Is `([\w.+-]*(?:cc|gcc|clang|g\+\+|c\+\+|ar|cl|link|ranlib)(?:\.exe)?)` installed\?|is `([\w.+-]*(?:cc|gcc|clang|g\+\+|c\+\+|ar|cl)(?:\.exe)?)` not installed\?|failed to find tool "([^"]+)"|error: command '(\S*(?:gcc|clang|cc|cl\.exe))' failed: No such file|(?:^|\s)((?:[\w.-]+-)?(?:gcc|cc|clang|g\+\+|c\+\+)(?:\.exe)?): (?:command )?not found|Microsoft Visual C\+\+ 1\d\.\d (?:or greater )?is required)re"),
        rule("c-compiler-missing", "xcode", C::High, 86, "The Xcode Command Line Tools (the macOS C toolchain) are not installed.",
             R"re(xcrun: error: invalid active developer path)re"),
        rule("dependency-build-script-failed", "tool", C::Medium, 55, "A dependency's build script runs '%1', which is not installed.",
             R"re(is `([\w.+-]+)` not installed\?|Could not find `(protoc)`|Unable to find (libclang))re"),
        rule("c-linker-missing", "", C::High, 87, "The linker '%1' that rustc calls is not installed.",
             R"re(linker `([^`]+)` not found)re"),
        // rustc before the "not found" wording (1.2x and older) printed the OS error after the linker's name.
        rule("c-linker-missing", "old-rustc", C::High, 87, "The linker '%1' that rustc calls is not installed.",
             R"re(could not exec the linker `([^`]+)`: (?:No such file or directory|The system cannot find the file specified))re"),
        rule("c-linker-missing", "msvc", C::High, 87, "The MSVC linker (Visual Studio Build Tools with C++) is not installed.",
             R"re(the msvc targets depend on the msvc linker)re"),
        // System libraries for -sys crates.
        rule("c-linker-missing", "ld", C::High, 86, "The system linker ld is missing.",
             R"re(collect2: fatal error: cannot find 'ld')re"),
        rule("system-library-missing", "pkg-config", C::High, 84, "The system library '%1' (needed by %2) is not installed or pkg-config cannot find it.",
             R"re(The system library `([^`]+)` required by crate `([^`]+)` was not found|could not find system library '([^']+)' required by the '([^']+)' crate|Could not find (\w+) via pkg-config|Could not find directory of (OpenSSL) installation|Package (\S+) was not found in the pkg-config search path)re"),
        // pkg-config failed, without the library's name: usually a missing library, sometimes pkg-config itself.
        rule("system-library-missing", "pkg-config-failed", C::Medium, 74, "pkg-config failed: a system library (or pkg-config itself) is missing.",
             R"re(run pkg_config fail|pkg-config exited with status code|Failed to run (?:command )?`[^`]*pkg-config|Could not run `[^`]*pkg-config|pkg-config"?(?: "[^"`]*")*` did not exit successfully|The pkg-config command could not be found)re"),
        // openssl-sys with OPENSSL_DIR (or OPENSSL_LIB_DIR/OPENSSL_INCLUDE_DIR) naming a folder that does not exist.
        rule("system-library-missing", "openssl-dir", C::Medium, 72, "OpenSSL's %1 directory given to openssl-sys does not exist: %2.",
             R"re(OpenSSL (include|library) directory does not exist: (.+))re"),
        rule("system-library-missing", "link", C::High, 84, "The linker cannot find the system library '%1'.",
             R"re(unable to find library -l(?!python)(\S+)|cannot find -l(?!python)(\S+)|library not found for -l(?!python)(\S+))re"),
        rule("system-library-missing", "msvc-lib", C::Medium, 70, "The MSVC linker cannot open the library %1.",
             R"re(LNK1181: cannot open input file '([^']+\.lib)')re"),
        rule("system-library-missing", "header", C::Medium, 72, "A C header, %1, is missing: its library's development package is not installed.",
             R"re(fatal error: ([\w/.+-]+\.h): No such file or directory|fatal error: '([\w/.+-]+\.h)' file not found)re"),
        rule("dependency-links-libpython", "", C::High, 82, "A dependency links libpython itself (%1), which extension builds do not provide.",
             R"re(could not find native static library `(python[\d.]*)`)re"),
        // Only cargo's summary line names the crate: a lead.
        rule("dependency-links-libpython", "summary", C::Low, 45, "The crate %1 (bindings that link libpython) failed to compile.",
             R"re(could not compile `(python3?-sys)`)re"),
        rule("macos-undefined-dynamic-lookup", "", C::High, 86, "The macOS linker refused the unresolved Python symbols (%1...).",
             R"re("(_Py\w+)", referenced from:)re"),
        rule("pyo3-version-conflict", "", C::High, 88, "Two versions of PyO3 in the dependency graph: only one may link Python.",
             R"re(links to the native library `?python[\d.]*`?, but it conflicts with a previous package)re"),
        // Cargo, rustc.
        rule("pyo3-version-conflict", "old-cargo", C::High, 88, "Two crates link Python (two PyO3 versions, or PyO3 with another binding crate).",
             R"re(multiple packages link to native library `python[\d.]*`)re"),
        rule("cargo-lock-outdated", "", C::High, 84, "Cargo.lock (%1) does not match Cargo.toml and --%2 forbids updating it.",
             R"re(lock file (\S+) needs to be updated but --(locked|frozen) was passed|cannot update the lock file (\S+) because --(locked|frozen) was passed)re"),
        // cargo before the path was added to the message.
        rule("cargo-lock-outdated", "no-path", C::High, 84, "Cargo.lock does not match Cargo.toml and --%1 forbids updating it.",
             R"re(the lock file needs to be updated but --(locked|frozen) was passed)re"),
        // cargo needing the network under --frozen/--offline: a lock file or vendored sources missing something, or a cold cache.
        rule("cargo-lock-outdated", "offline", C::Low, 50, "cargo needed the network to update the lock file or fetch sources, and --%1 forbids it.",
             R"re(attempting to make an HTTP request, but --(frozen|offline) was specified)re"),
        // setuptools-rust's own check of the extension's rust-version requirement.
        rule("rust-too-old", "setuptools-rust", C::High, 84, "rustc %1 is older than the extension requires (%2).",
             R"re(Rust ([\d.]+) does not match extension requirement ([<>=~^!]*\s*[\d.]+))re"),
        rule("rust-too-old", "", C::High, 84, "The Rust toolchain is older than the crates need.",
             R"re(requires rustc ([\d.]+) or newer|rustc (\S+) is not supported by the following packages?|lock file version `?(\d+)`? was found, but this version of Cargo does not understand this lock file|feature `(edition20\d\d|workspace-inheritance)` is required|this version of Cargo is older than the `(\d+)` edition|lock file version (\d+) requires `-Znext-lockfile-bump`|edition (20\d\d) is unstable and only available with|supported edition values are .*, but `(20\d\d)` is unknown)re"),
        // A library feature stabilised after this toolchain, or one that is still nightly-only: a lead.
        rule("rust-too-old", "unstable", C::Low, 62, "A feature the code uses is not stable in this rustc (it is newer than the toolchain).",
             R"re(error\[E0658\]: use of unstable library feature)re"),
        rule("rust-nightly-required", "", C::High, 84, "The crate uses unstable features that only nightly Rust allows.",
             R"re(`?#!\[feature\]`? may not be used on the (?:stable|beta) release channel|is only accepted on the nightly compiler|error\[E0554\]|requires a nightly (?:or dev )?(?:version of Rust|toolchain))re"),
        rule("rustc-incremental-ice", "", C::Medium, 76, "rustc crashed (an internal compiler error), often on a stale incremental cache.",
             R"re(error: internal compiler error|end of query stack|query stack during panic|thread 'rustc' panicked)re"),
        rule("rust-host-glibc-too-old", "", C::High, 88, "The Rust toolchain itself needs %1, newer than this machine's C library.",
             R"re(/(?:rustc|cargo|rustup|rustdoc)(?:\.exe)?: .*version [`'‘](GLIBC_[\d.]+)' not found)re"),
        // FreeBSD's loader: the C library (an older release, a vendor's fork) lacks a symbol version the toolchain's binaries need.
        rule("rust-host-glibc-too-old", "freebsd", C::High, 88, "The Rust toolchain's binaries need %1, which this system's C library lacks.",
             R"re(ld-elf\.so\.1: \S*(?:rustup-init|rustc|cargo|rustup)\S*: Undefined symbol "(\w+@FBSD_[\d.]+)")re"),
        rule("ndarray-version-mismatch", "", C::Medium, 76, "Two versions of ndarray: numpy's and the crate's do not match.",
             R"re(two different versions of crate `ndarray`|found struct `ndarray::ArrayBase`)re"),
        // The same error when the trait (numpy::IntoPyArray, ToPyArray) is not imported, or rust-numpy renamed the method: a lead.
        // pyo3-polars converts to and from the polars release it was built against: with another polars in the crate, the
        // types have the same names and are distinct (two polars_core in the graph).
        rule("polars-crate-version-mismatch", "", C::Medium, 76,
             "Two versions of polars: the one pyo3-polars is built against and the crate's own do not match.",
             R"re(trait bound `polars[\w:]*::(?:DataFrame|Series|LazyFrame|Schema)\w*: From<Py(?:DataFrame|Series|LazyFrame)>` is not satisfied|(?:struct|enum|trait) `polars\w*::[\w:]+` and (?:struct|enum|trait) `polars\w*::[\w:]+` have similar names, but are actually distinct types|two different versions of crate `polars(?:_core|_arrow)?`)re"),
        rule("ndarray-version-mismatch", "method", C::Low, 70, "rustc finds no into_pyarray/to_pyarray: two versions of ndarray, or the numpy trait is not imported.",
             R"re(no method named `(?:into_pyarray|to_pyarray)` found)re"),
        rule("cargo-install-unlocked", "duplicate-crate", C::Medium, 45, "Two versions of the crate %1 are mixed.",
             R"re(two different versions of crate `([\w-]+)` are being used|have similar names, but are actually distinct types)re"),
        // ring's assembly (asm_base.h, arm_arch.h) refuses a C compiler that does not define __ARM_ARCH: an old cross gcc
        // (GCC before 4.9's ACLE macros) or a compiler that is not the target's.
        rule("cross-c-compiler-incompatible", "arm-arch", C::Medium, 72,
             "The C compiler building a dependency's ARM assembly does not define __ARM_ARCH: it is too old for the target (or not the target's).",
             R"re(ARM assembler must define __ARM_ARCH)re"),
        // GCC before 4.9 (the manylinux2014 cross images' aarch64 gcc 4.8) does not know warning options a dependency's
        // build passes (libmimalloc-sys: -Werror=date-time). Any old C compiler refuses them alike: a lead.
        rule("cross-c-compiler-incompatible", "old-gcc-option", C::Low, 62,
             "The C compiler does not know the warning option %1 that a dependency's build passes: it is older than the "
             "dependency expects (GCC 4.8 of the manylinux2014 cross images, for one).",
             R"re(cc1(?:plus)?: error: (-W[\w=-]+): no option -W[\w-]+|cc1(?:plus)?: error: unrecognized command[- ]line option ['‘"]?(-W[\w=-]+))re"),
        // conda-build / conda / mamba: the Rust version a recipe pins has no package for the platform.
        rule("conda-rust-version-unavailable", "", C::Medium, 76, "conda has no package %1 for the platform the recipe builds for.",
             R"re(Unsatisfiable dependencies for platform \S+: \{.*'(rust(?:_[\w-]+)?[=\s][\d.*]+)'|nothing provides requested (rust(?:_[\w-]+)? [\d.*]+))re"),
        rule("dependency-build-script-failed", "", C::Low, 30, "The build script of %1 failed.",
             R"re(failed to run custom build command for `([^`]+)`)re"),
        rule("dependency-build-script-failed", "cc", C::Low, 40, "cc-rs could not compile a dependency's C/C++ sources.",
             R"re(error occurred: Command .* did not execute successfully)re"),
        rule("sdist-missing-files", "", C::Medium, 60, "A file the crate includes at compile time is missing: %1.",
             R"re(couldn't read `([^`]+)`: .*\(os error [23]\))re"),
        // pip, uv: source builds.
        rule("sdist-missing-files", "manifest", C::Medium, 60, "A workspace member or manifest of the crate is missing from the source tree: %1.",
             R"re(failed to read `([^`]+Cargo\.toml)`|failed to load manifest for workspace member)re"),
        // A source build without Rust: no wheel matched, for one of several reasons (an old pip, a Python newer than the
        // release's wheels, a release missing its wheels): a lead.
        rule("sdist-fallback-no-wheel", "no-rust", C::Low, 76, "No wheel matched, so the installer builds the source distribution, and there is no Rust toolchain.",
             R"re(can't find Rust compiler|Rust not found, installing into a temporary directory|If you did intend to build this package from source, try installing a Rust compiler|it is possible a prebuilt wheel is available for this package but pip is not able to install from it)re"),
        rule("sdist-fallback-no-wheel", "platform", C::Medium, 74, "No wheel for the platform %1, so the installer builds from source.",
             R"re(^\s*Unsupported platform: (\S+))re"),
        // cargo's resolver: a dependency asked for a feature its selected version does not have (renamed or
        // removed between releases, such as PyO3's abi3-py36, or misspelt) -- or a registry index that lacks the
        // newer version that has it: the message cannot tell which, so a lead.
        rule("dependency-feature-unknown", "", C::Low, 60, "The crate asks %1 for the feature %2, which that version of %1 does not have.",
             R"re(depends on `([\w-]+)`,? with features?:? `([^`]+)`,? but `[\w-]+` does not have (?:these features|that feature))re"),
        // cargo refusing a feature of the crate itself (maturin's features, --features): the wording since cargo 1.7x,
        // the older one with the package's version and path, and a workspace's. The text names the feature.
        rule("cargo-feature-undefined", "", C::High, 82, "The crate %1 does not define the feature %2 the build asks for.",
             R"re(the package '([^']+)' does not contain (?:this feature|these features): (.+))re"),
        rule("cargo-feature-undefined", "old", C::High, 82, "The crate %1 does not define the feature %2 the build asks for.",
             R"re([Pp]ackage `([\w.-]+)[^`]*` does not have (?:the feature|these features:?) `([^`]+)`)re"),
        rule("cargo-feature-undefined", "workspace", C::Medium, 78, "No selected package of the workspace defines the feature %1.",
             R"re(none of the selected packages contains? (?:this feature|these features): (.+))re"),
        // The package's Requires-Python against the Python that installs it: pip's and uv's refusal.
        rule("requires-python-excludes-interpreter", "pip", C::High, 80, "This Python (%1) is outside the package's Requires-Python (%2).",
             R"re(requires a different Python: (\S+) not in '([^']+)')re"),
        rule("requires-python-excludes-interpreter", "uv", C::High, 80, "This Python (%1) is outside the package's Requires-Python (%2).",
             R"re(the current Python version \(([\d.]+\S*)\) does not satisfy Python([<>=!~][^ ]*))re"),
        // The network: the installer or cargo could not reach the index at all (DNS, proxy, a machine without
        // a network). pip (urllib3's NewConnectionError / ProxyError), uv (reqwest's dns error), cargo (curl).
        rule("index-unreachable", "pip", C::High, 82, "The installer could not reach the package index: %1.",
             R"re(Failed to establish a new connection: (\[Errno -?\d+\] [^'")]+)|(ProxyError\('Cannot connect to proxy)|(ConnectTimeoutError\([^)]*Connection to \S+ timed out))re"),
        rule("index-unreachable", "uv", C::High, 82, "The installer could not reach the package index: %1.",
             R"re((dns error: failed to lookup address information[^)]*)|Request failed after \d+ retries.*(?:dns error|tcp connect error|Connection refused))re"),
        rule("index-unreachable", "cargo", C::High, 82, "cargo could not reach the crate registry (%1).",
             R"re(\[6\] Could(?:n't| not) resolve host ?name \(Could not resolve host: ([\w.-]+)\)|\[6\] (Could(?:n't| not) resolve host ?name)|\[7\] (Couldn't connect to server)|\[28\] (Timeout was reached)|\[56\] .*\((CONNECT tunnel failed, response \d+)\))re"),
        // No file of any release fits: missing wheels, Requires-Python, another pip, an old pip: a lead (old pips: InstallerDetectors).
        rule("release-missing-wheels", "", C::Low, 20,
             "No file of %1 matches this Python and platform: check which wheels and Requires-Python its releases publish, and which pip ran.",
             R"re(No matching distribution found for (\S+))re"),
        rule("unsupported-wheel-platform", "pip-check", C::Medium, 60, "%1 is installed but not for this platform.",
             R"re((\S+) [\d.]+\S* is not supported on this platform)re"),
        // maturin.
        // The release may never support this platform, or its wheels for it may be missing: a lead.
        rule("unsupported-wheel-platform", "uv", C::Low, 70, "%1 has no wheel (and no source distribution) for this platform.",
             R"re([Dd]istribution `?([^`\s]+)`? can't be installed because it doesn't have a source distribution or wheel for the current platform|only has wheels for the following platforms?\b|([\w.-]+)==\S+ has no wheels with a matching platform tag|([\w.-]+)==\S+ has no wheels are available with a matching platform|Wheels are available for `[^`]+` \S+ on the following platforms)re"),
        rule("cargo-install-unlocked", "install", C::Low, 30, "cargo install of %1 failed to compile.",
             R"re(failed to compile `([^`]+)`, intermediate artifacts can be found at)re"),
        rule("maturin-regression", "macos-minor", C::High, 86, "The wheel's macOS tag %1 keeps a minor version, which pip never accepts for macOS 11 and later.",
             R"re(\S*macosx_((?:1[1-9]|[2-9]\d)_[1-9]\d*)_\w+\.whl is not a supported wheel)re"),
        rule("maturin-regression", "13t", C::High, 86, "This maturin cannot parse the free-threaded interpreter name %1.",
             R"re(Invalid python interpreter minor version '(\d+t)')re"),
        rule("maturin-regression", "graft-rerun", C::Medium, 80, "maturin looks for the already-grafted copy %1 of an external library.",
             R"re(Cannot repair wheel, because required library ([\w.+-]+-[0-9a-f]{8}\.so[\d.]*) could not be located)re"),
        // The readme named by both Cargo.toml and pyproject.toml, from different folders, packed twice into the sdist.
        rule("maturin-regression", "sdist-duplicate", C::Medium, 78, "maturin packs two files to the same sdist path %1.",
             R"re(File (\S+) was already added from .*, can't add(?:ed)? it from )re"),
        // musl's loader cannot find a library the repair grafted (name-<hash>.so): the rpath written into the extension
        // is wrong (maturin 1.7.2-1.7.3 for musllinux), or the wheel's .libs folder was not installed: a lead.
        rule("maturin-regression", "musl-rpath", C::Low, 50, "The loader cannot find %1, the copy the wheel's repair bundled: its rpath points elsewhere.",
             R"re(Error loading shared library ([\w.+-]+-[0-9a-f]{8}\.so[\d.]*): No such file or directory)re"),
        // An sdist of a workspace member packed without the workspace's root manifest (the crate inherits from it).
        rule("sdist-missing-files", "workspace-root", C::Medium, 60, "The crate inherits %1 from a workspace root manifest the source tree does not have.",
             R"re(error inheriting `([\w-]+)` from workspace root manifest)re"),
        rule("pyo3-regression", "cdylib-link-arg", C::High, 84,
             "PyO3 %1's build script emits cargo:rustc-cdylib-link-arg, which newer cargo refuses from a library's build script (fixed in PyO3 0.14.2: upgrade PyO3).",
             R"re(invalid instruction `cargo:rustc-cdylib-link-arg` from build script of `pyo3 v([\d.]+)`)re"),
        rule("maturin-regression", "cxa-policy", C::High, 86, "maturin's manylinux policy data black-lists __cxa_thread_atexit_impl.",
             R"re(compliant because it depends on black-listed symbols: .*__cxa_thread_atexit_impl)re"),
        rule("maturin-regression", "editable-bin", C::Low, 35, "The console script %1 is missing after an editable install.",
             R"re(Failed to spawn: `([^`]+)`)re"),
        rule("auditwheel-regression", "", C::Medium, 78, "auditwheel's policy black-lists __cxa_thread_atexit_impl.",
             R"re(From libc\.so\.6: .*__cxa_thread_atexit_impl)re"),
        rule("auditwheel-copy-needed", "", C::High, 78, "auditwheel cannot find the external library %1 to copy into the wheel.",
             R"re(Cannot repair wheel, because required library "([^"]+)" could not be located|Cannot repair wheel, because required library ((?![\w.+-]+-[0-9a-f]{8}\.so)[\w.+-]+\.(?:so|dylib|dll)[\w.]*) could not be located)re"),
        rule("manylinux-too-recent-symbols", "auditwheel", C::High, 84, "auditwheel cannot repair the wheel to %1: it uses symbol versions too recent for it.",
             R"re(cannot repair .* to "([^"]+)" ABI because of the presence of too-recent versioned symbols)re"),
        rule("manylinux-too-recent-symbols", "old-wording", C::High, 84, "maturin found symbol versions too recent for %1 (its older wording lists them as forbidden libraries).",
             R"re(Your library is not (\S+) compliant because it links the following forbidden libraries: \[.*offending symbols)re"),
        // A maturin built without optional features (Debian's 1.8.3: no publish, upload, generate-ci, new, init,
        // upgrade, no --zig; `maturin --help` lists only build, develop, sdist and list-python).
        rule("maturin-feature-missing", "subcommand", C::Medium, 78,
             "This maturin has no %1 command: it was built without it (distribution packages such as Debian's leave those out), or it is older than the command.",
             R"re(unrecognized subcommand '(publish|upload|generate-ci|new|init|upgrade|pep517)')re"),
        rule("maturin-feature-missing", "zig", C::Medium, 78,
             "This maturin was built without zig support (--zig): distribution packages such as Debian's leave it out.",
             R"re(unexpected argument '--zig' found)re"),
        rule("maturin-unpinned", "dropped-option", C::Medium, 70, "The maturin that ran no longer accepts %1: the workflow pulls an unpinned maturin.",
             R"re(error: unexpected argument '(--[\w-]+)' found)re"),
        rule("maturin-unpinned", "ft-314", C::Medium, 70, "A newer maturin builds free-threaded wheels only for 3.14 and later.",
             R"re(Free-threaded Python interpreter is only supported on 3\.14 and later)re"),
        rule("maturin-unpinned", "old-clap", C::Medium, 70, "The maturin that ran does not know the option %1: the workflow and maturin versions differ.",
             R"re(error: Found argument '(--[\w-]+)' which wasn't expected)re"),
        rule("license-field-format", "", C::High, 88, "This maturin reads [project] license/license-files in another form than the file uses.",
             R"re(^[\s>]*\d+\s*\|\s*(license(?:-files)?\s*=.*)|expected a table with 'file' or 'text' key|license-files.*wanted string or table)re"),
        rule("license-field-format", "validate", C::Medium, 80, "The [project] license or license-files value is not in a form this build tool accepts.",
             R"re(`project\.license(?:-files)?` must be|project\.license(?:-files)? .*(?:must be valid|is deprecated|invalid)|file and text fields of 'project\.license' are mutually-exclusive)re"),
        rule("pyproject-invalid", "", C::High, 72, "pyproject.toml is not valid for this maturin.",
             R"re(pyproject\.toml(?: at \S+)? is invalid|pyproject\.toml is not PEP 517 compliant)re"),
        // A TOML error that does not say which file: pyproject.toml, Cargo.toml or a config file.
        rule("pyproject-invalid", "toml", C::Medium, 66, "A TOML file of the build (often pyproject.toml) does not parse or is invalid.",
             R"re(\.toml(?: at \S+)? is invalid|TOML parse error at line \d+)re"),
        rule("pyproject-invalid", "unknown-field", C::Medium, 60, "pyproject.toml has a key this maturin does not know.",
             R"re(pyproject\.toml.*unknown field `[\w-]+`|unknown field `[\w-]+`, expected one of .*(?:module-name|python-source|bindings|features))re"),
        // Error 32 is ERROR_SHARING_VIOLATION on Windows, EPIPE ("Broken pipe (os error 32)") on Unix.
        rule("windows-file-in-use", "", C::High, 84, "Windows keeps the file open in another process (a running Python holds the extension).",
             R"re(being used by another process\.? \(os error 32\)|(?<!Broken pipe )\(os error 32\))re"),
        rule("windows-file-in-use", "denied", C::Medium, 70, "Windows refused to replace a file that is in use (access denied).",
             R"re(\.pyd.*(?:Access is denied|\(os error 5\))|\[WinError 5\] Access is denied: .*\.pyd)re"),
        rule("abi3-not-applied", "no-minimum", C::Low, 40, "maturin needs an abi3-py3X feature to know the minimum Python of the abi3 wheel.",
             R"re(You have selected the `abi3` feature but not a minimum version)re"),
        rule("abi3-forward-compatibility", "", C::Low, 25, "The build used PYO3_USE_ABI3_FORWARD_COMPATIBILITY: an abi3 build for a Python newer than PyO3 knows.",
             R"re((?:^|\s|export |set )PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1\s)re"),
    };
    return all;
}

} // namespace wb::diagnose
