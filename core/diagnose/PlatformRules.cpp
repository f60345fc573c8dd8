// The wordings of failures that come from where a build or an import runs rather than from the project: the
// interpreter's flavour (PyPy, a free-threaded CPython) meeting C API a package needs, the loader of an older
// macOS, an emulated compiler, an unpacked source tree without its path dependencies, and maturin develop
// finding no interpreter in the virtualenv it was told about. Each rule is the message family (the tool's
// fixed phrases), not one report's details.
#include "core/diagnose/FailureRuleTable.h"

namespace wb::diagnose {

namespace {
using C = Confidence;
using rules::rule;
} // namespace

// Sources of the wordings: rustc (E0425 "cannot find function `x` in module `y`"; PyO3's ffi module leaves
// CPython's private _Py* functions out for PyPy, GraalPy and the limited API), CPython 3.13's Include/Python.h
// ("The limited API is not currently supported in the free-threaded build"), dyld ("load command 0x80000034 is
// unknown": LC_DYLD_CHAINED_FIXUPS, read by the loader of macOS 12 and later, written by ld64 for a deployment
// target of 12 and later), GCC's "internal compiler error: Segmentation fault", cargo's resolver
// ("no matching package named `x` found / location searched: <path>") and maturin's develop command
// (src/develop.rs of 2020: "Expected `python` to be a python interpreter inside a virtualenv").
const QList<rules::Rule> &rules::platformRules()
{
    static const QList<Rule> all = {
        // A package calls a CPython-private function that PyO3 does not declare for this build: PyPy, GraalPy or an
        // abi3 build (or a PyO3 that dropped it). Without the interpreter in sight, a lead.
        rule("pypy-unsupported", "private-api", C::Low, 62,
             "The code calls %1, a private CPython function that PyO3 declares only for CPython without the limited API: the build is "
             "for PyPy or GraalPy (which lack it) or abi3, so the package does not support this interpreter or build.",
             R"re(cannot find (?:function|value|type) `(_Py\w+)` in (?:module|crate) `(?:pyo3::)?(?:ffi|pyo3_ffi)`)re"),
        // A C extension (cffi's generated module, a C dependency) built with the limited API for a free-threaded
        // CPython 3.13, which has no limited API.
        // Android's loader (bionic) resolves an extension's symbols only from the libraries it names: one built without
        // -lpython, as on Linux, cannot find CPython's symbols there.
        rule("android-libpython-not-linked", "", C::Medium, 80,
             "Android's loader cannot find %1 for the extension: the extension does not link libpython, which Android requires.",
             R"re(dlopen failed: cannot locate symbol "(_?Py\w+)" referenced by)re"),
        // rustc's note that the item a crate uses is configured out of free-threaded builds (PyO3's GILProtected, GILPool).
        rule("pyo3-free-threaded-unsupported", "gil-gated", C::Medium, 84,
             "A crate uses a PyO3 item that free-threaded builds leave out (#[cfg(not(Py_GIL_DISABLED))]): it does not support the "
             "free-threaded CPython yet; use a release of it that does, or a Python with the GIL.",
             R"re(#\[cfg\(not\(Py_GIL_DISABLED\)\)\])re"),
        rule("pyo3-free-threaded-unsupported", "limited-api", C::Medium, 84,
             "A C part of the build uses the limited API (abi3), which the free-threaded CPython does not offer: the package or its "
             "C dependencies (cffi) do not support the free-threaded build yet.",
             R"re(The limited API is not currently supported in the free-threaded build)re"),
        rule("macos-deployment-target-too-new", "load-command", C::Medium, 78,
             "The extension uses a Mach-O load command (%1) that this macOS's loader does not know: it was linked for a newer macOS "
             "than this one (the deployment target, whatever the wheel's tag says).",
             R"re(load command (0x[0-9a-fA-F]+) is unknown)re"),
        // The C compiler itself crashing (not reporting an error in the code): under QEMU emulation the usual cause.
        rule("qemu-emulation-segfault", "", C::Low, 66,
             "The C compiler crashed (%1) instead of reporting an error in the code: in an emulated build (an aarch64, ppc64le or "
             "s390x container on an x86_64 host) the emulator is the usual cause.",
             R"re(internal compiler error: (Segmentation fault|Illegal instruction))re"),
        // A path dependency missing where cargo looked: in an unpacked source distribution, a crate the sdist left out.
        rule("sdist-missing-files", "path-dependency", C::Low, 62, "The path dependency at %1 is not there: the source tree lacks that crate.",
             R"re(^\s*location searched: ((?:/|[A-Za-z]:[/\\]|\.\.?[/\\])\S*))re"),
        // A path dependency that resolved to the temporary folder itself (or a folder right in it): the build ran in a copy
        // of the project placed there (pip before 21.3 copies a local project), beside which the relative path points.
        // Whose copy (pip's, or an sdist's) is told by what was processed (FailureDetectors).
        rule("pip-out-of-tree-build", "", C::Low, 62,
             "A path dependency resolved to %1, beside the temporary folder the build ran in: the build used a copy of the project "
             "without what lies outside it (pip before 21.3 builds a local project from such a copy).",
             R"re(Unable to update ((?:/tmp|/var/folders/[^/\s]+/[^/\s]+/T|[A-Za-z]:\\Users\\[^\\]+\\AppData\\Local\\Temp)(?:[/\\](?!pip-)[^/\\\s]+)?)[/\\]?\s*$)re"),
        // cargo could not load a dependency's source: whose tree lacks it is told by the context (FailureDetectors).
        rule("sdist-missing-files", "dependency-source", C::Low, 56, "cargo could not load the source of the dependency %1.",
             R"re(failed to load source for (?:a )?dependency (?:on )?`([\w-]+)`)re"),
        // PyO3 before 0.11 built only on the nightly Rust of its time (specialization and other unstable features that
        // later nightlies changed): errors inside its own sources mean a newer nightly than the code.
        rule("rust-too-new", "old-pyo3-nightly", C::Medium, 70,
             "%1 fails to compile inside its own sources: PyO3 before 0.11 needs the nightly Rust of its time, and later nightlies "
             "changed the unstable features it uses. Use a newer PyO3 (the package's newer release), or the nightly it was written for.",
             R"re(-->\s+\S*[/\\](pyo3(?:cls|-derive-backend)?-0\.(?:\d|10)\.\d+)[/\\]src[/\\])re"),
        // PyO3 leaves its embedding functions out of a build for PyPy (cfg(not(PyPy))): not found, they point to a PyPy build.
        rule("wrong-interpreter", "pypy-embedding", C::Low, 64,
             "PyO3 has no %1 in this build: it leaves the embedding functions out when it builds for PyPy, so the build probably "
             "picked a PyPy interpreter (pass -i with the CPython you mean). With a PyO3 before 0.26, initialize is called "
             "prepare_freethreaded_python.",
             R"re(no (?:function or associated item|function) named `(initialize|prepare_freethreaded_python|with_embedded_python_interpreter)` found for struct `Python|cannot find function `(prepare_freethreaded_python|with_embedded_python_interpreter)` in (?:crate|module) `pyo3)re"),
        // QEMU user emulation reporting the crash of the program it runs (rustc, cc) itself.
        rule("qemu-emulation-segfault", "qemu", C::High, 80, "QEMU's emulation crashed the program it ran (signal %1): the build runs emulated.",
             R"re(qemu: uncaught target signal (\d+))re"),
        // docker run <the maturin image> sh -c "...": the image's entrypoint is maturin (FailureDetectors: Low without maturin's usage).
        rule("docker-entrypoint-is-maturin", "", C::Medium, 76,
             "maturin was given '%1' as its subcommand: the container's entrypoint is maturin, so the command after the image name went to it.",
             R"re(unrecognized subcommand '((?:/bin/|/usr/bin/)?(?:sh|bash|python3?|pip3?|cargo))')re"),
        rule("sccache-client-server-version-mismatch", "", C::High, 80,
             "The sccache client and the sccache server it talks to are different versions.",
             R"re(Mismatch of client/server versions\?)re"),
        // `python -m pip` with an interpreter that has no pip (a uv venv, a container's system python3).
        rule("pip-missing-in-venv", "module", C::Medium, 70, "%1 has no pip module, and a step runs pip with it.",
             R"re(^\s*(\S*python[\d.]*(?:\.exe)?): No module named pip\s*$)re"),
        // rustc's hint that a #![feature] the package enables has been stabilised: the code predates this compiler.
        rule("rust-too-new", "stabilised-feature", C::Medium, 86,
             "The package enables the feature %1 with #![feature], which Rust has stabilised since %2: its code predates this compiler "
             "(use the package's newer release, or a Rust older than %2).",
             R"re(the feature `(\w+)` has been stable since `?([\d.]+)`? and no longer requires an attribute)re"),
        // A public CPython function missing from pyo3::ffi: the build is for the limited API (abi3), often forced by
        // PYO3_USE_ABI3_FORWARD_COMPATIBILITY for a Python newer than the PyO3 in use, or for PyPy: a lead.
        rule("abi3-forward-compatibility", "ffi-missing", C::Low, 60,
             "pyo3::ffi lacks %1 in this build: it builds for the limited API (abi3), often forced by "
             "PYO3_USE_ABI3_FORWARD_COMPATIBILITY for a Python newer than this PyO3, which the code does not support.",
             R"re(cannot find (?:function|value|type) `(Py(?!Py)\w+)` in (?:module|crate) `(?:pyo3::)?(?:ffi|pyo3_ffi)`)re"),
        // setuptools-rust cannot map the interpreter's platform to a Rust target (Termux reports aarch64-unknown-linux-android).
        rule("setuptools-rust-false-cross-compile", "", C::High, 82,
             "setuptools-rust does not know the Rust target of the system type %1: set CARGO_BUILD_TARGET to rustc's host triple.",
             R"re(Don't know the correct rust target for system type (\S+?)\.? Please set the CARGO_BUILD_TARGET)re"),
        rule("develop-env-mismatch", "venv-python", C::Medium, 72,
             "maturin develop found no Python inside the virtualenv that VIRTUAL_ENV names: the variable points where the environment "
             "is not (a stale activation, or a Unix-style path such as /cygdrive/c/... or /c/... that maturin on Windows cannot use).",
             R"re(Expected `python` to be a python interpreter inside a virtualenv)re"),
    };
    return all;
}

} // namespace wb::diagnose
