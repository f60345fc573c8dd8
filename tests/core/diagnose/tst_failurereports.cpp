// Real failure texts (tests/data/failure-reports): every development report must get its established cause
// as the top finding. Held-out reports are only run and counted (never tuned to): the test checks that
// each gives a well-formed answer and prints the aggregate; bench_diagnose reports the same figures
// through the command line.
#include "DiagnoseTestSupport.h"
#include "support/FailureReport.h"

#include "core/diagnose/Catalogue.h"
#include "core/diagnose/Diagnoser.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace wb::diagnose;

namespace {

using Report = wb::test::FailureReport;

bool readReport(const QString &path, Report *r)
{
    return wb::test::readFailureReport(path, r);
}

QList<Finding> diagnose(const Report &r)
{
    Evidence e;
    (r.kind == QLatin1String("log") ? e.logText : e.errorText) = r.text;
    return Diagnoser::diagnose(e);
}

QString reportsDir(const char *part)
{
    return qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/data/failure-reports/") + QLatin1String(part);
}

// Development reports whose text does not show their cause (the thread established it from elsewhere).
// Each is a known miss; QEXPECT_FAIL turns an unexpected pass into a failure, so the list stays true.
const QHash<QString, QString> &knownMisses()
{
    static const QHash<QString, QString> misses = {
        {QStringLiteral("a-abi3-not-applied-1.txt"), QStringLiteral("the log alone does not show that the project asked for abi3")},
        {QStringLiteral("a-maturin-regression-2.txt"), QStringLiteral("the text is cargo's stale-lockfile error; only the thread knew the sdist was maturin's own")},
        {QStringLiteral("a-maturin-regression-5.txt"), QStringLiteral("maturin's own message blames crate-type; the regression is not visible")},
        {QStringLiteral("a-maturin-regression-7.txt"), QStringLiteral("the abi3 message is legitimate unless the project shows abi3-py310")},
        {QStringLiteral("a-maturin-regression-8.txt"), QStringLiteral("the excerpt stops before the error")},
        {QStringLiteral("a-python-source-missing-1.txt"), QStringLiteral("only 'No such file or directory (os error 2)'")},
        {QStringLiteral("a-rust-nightly-required-1.txt"), QStringLiteral("only 'could not compile `smallvec`'")},
        {QStringLiteral("a-pyinit-check-false-positive-1.txt"), QStringLiteral("an x86_64 macOS wheel: the known false positive was arm64")},
        {QStringLiteral("b-maturin-regression-2.txt"), QStringLiteral("a ModuleNotFoundError; the musllinux regression is not visible")},
        {QStringLiteral("b-pyo3-free-threaded-unsupported-2.txt"), QStringLiteral("only a SIGSEGV exit code")},
        {QStringLiteral("b-pyo3-regression-3.txt"), QStringLiteral("reads as an error in the project's code")},
        {QStringLiteral("b-pyo3-regression-4.txt"), QStringLiteral("reads as an interpreter/target mismatch")},
        {QStringLiteral("c-abi3-not-applied-1.txt"), QStringLiteral("only pip's 'No matching distribution found'; the missing abi3 wheel is known from the thread")},
        {QStringLiteral("c-stale-develop-artifact-3.txt"), QStringLiteral("only 'cannot import name'; the stale .pyd is not in the text")},
        {QStringLiteral("d-pyinit-check-false-positive-2.txt"), QStringLiteral("the warning alone: the text cannot tell the submodule oversight from a real mismatch")},
        {QStringLiteral("e-maturin-regression-2.txt"), QStringLiteral("only 'Failed to run cargo' (os error 2) from a maturin built from source; the unreleased change is known from the thread")},
        {QStringLiteral("e-maturin-regression-5.txt"), QStringLiteral("the excerpt stops inside pyo3-ffi's build script output; the interpreter maturin picked is not shown")},
        {QStringLiteral("f-pip-too-old-1.txt"), QStringLiteral("only 'Cargo ... is not installed' in a source build; pip's version and the wheel tags it skipped are not shown")},
        {QStringLiteral("d-pyo3-regression-2.txt"), QStringLiteral("reads as a macOS link without dynamic_lookup; only pinning PyO3 back showed the regression")},
        {QStringLiteral("g-maturin-too-old-1.txt"), QStringLiteral("'Python interpreter `3.12` doesn't exist' cannot tell a missing 3.12 from a maturin that predates it; the pin is in the thread")},
        {QStringLiteral("g-maturin-bug-4.txt"), QStringLiteral("only 'python3 doesn't exist'; that this maturin looked for the wrong name on Windows is known from the thread")},
        {QStringLiteral("g-rust-too-old-1.txt"), QStringLiteral("reads as a crate missing from the registry; the cargo bug behind it is known from the thread")},
        {QStringLiteral("h-native-package-version-mismatch-1.txt"), QStringLiteral("only 'cannot import name' from the companion package; the installed versions are not shown")},
        {QStringLiteral("h-package-release-regression-1.txt"), QStringLiteral("only 'DLL load failed ... procedure could not be found', read as a Windows older than current Rust supports (a lead); the release and its fix are known from the thread")},
        {QStringLiteral("h-pip-of-other-interpreter-1.txt"), QStringLiteral("only pip's 'from versions: none'; which pip ran is not shown")},
        {QStringLiteral("b-pip-too-old-1.txt"), QStringLiteral("only pip's 'No matching distribution found for uv'; that this pip predates musllinux tags is known from the thread")},
        {QStringLiteral("z3a-auditwheel-copy-needed-1.txt"), QStringLiteral("maturin's repair cannot locate a library a dependency built; without the repair's run in sight it is only a lead (a warning), below the unrecognised failure")},
        {QStringLiteral("z3a-interpreter-discovery-bug-1.txt"), QStringLiteral("only 'Could not find any interpreters'; that pyenv-win's shims defeated this maturin's discovery is known from the thread")},
        {QStringLiteral("z3a-maturin-action-bug-1.txt"), QStringLiteral("reads as a toolchain not installed (sccache probing rustc); that maturin-action's musllinux setup removed it is known from the fix")},
        {QStringLiteral("z3a-package-release-regression-1.txt"), QStringLiteral("a traceback in maturin's own sdist bootstrap on Python 3.8; which setuptools-rust it got and why is known from the fix")},
        {QStringLiteral("z3a-requires-python-excludes-interpreter-1.txt"), QStringLiteral("only 'Could not find a version that satisfies setuptools-rust>=1.11.0'; that its newer releases need Python 3.9 is not shown")},
        {QStringLiteral("z3a-windows-store-python-stub-1.txt"), QStringLiteral("'Trying to get metadata from the python interpreter python.exe failed': the Store stub on WSL's PATH is known from the thread")},
        {QStringLiteral("z3a-wrong-interpreter-1.txt"), QStringLiteral("only maturin's list of the interpreters it found; that the x64 ones cannot serve the arm64 target is known from the thread")},
        {QStringLiteral("z3b-build-cache-mixed-interpreters-1.txt"), QStringLiteral("a GIL build missing PyUnstable_Module_SetGIL; that the cargo cache was shared with the free-threaded build is known from the thread")},
        {QStringLiteral("z3b-frozen-app-missing-module-1.txt"), QStringLiteral("rust-numpy cannot import numpy.core.multiarray; that Nuitka's standalone build left it out is known from the thread")},
        {QStringLiteral("z7j-cargo-not-found-1.txt"), QStringLiteral("pip building maturin's own sdist on armv7l without cargo reads as the missing wheel first; the thread fixed it by installing cargo")},
        {QStringLiteral("z7k-cargo-not-found-1.txt"), QStringLiteral("uv building a released sdist without cargo reads as the missing wheel first; the reporter fixed it by putting cargo on PATH")},
        {QStringLiteral("z7k-sdist-fallback-no-wheel-1.txt"), QStringLiteral("only a compile error of the package's own sources; that pip built a release older than the Python is known from the thread")},
        {QStringLiteral("z7l-conda-recipe-dropped-python-sources-2.txt"), QStringLiteral("'cannot import name ... (unknown location)': a package folder without its files; that the conda build dropped them is known from the thread")},
        {QStringLiteral("z7l-native-package-version-mismatch-2.txt"), QStringLiteral("only pydantic's AttributeError in Pyodide; the mismatched pydantic-core version is known from the thread")},
        {QStringLiteral("z8m-macos-deployment-target-too-new-2.txt"), QStringLiteral("only uv's 'has no usable wheels'; that the release's wheels are tagged macOS 15 is known from the thread")},
        {QStringLiteral("z8m-uv-cache-wrong-arch-wheel-1.txt"), QStringLiteral("dyld's architecture mismatch in site-packages is a lead of the wrong interpreter; that uv's cache served the other architecture's wheel is known from the thread")},
        {QStringLiteral("z8o-rust-numpy-version-check-bug-1.txt"), QStringLiteral("rust-numpy's own version check contradicting its ABI number, on an unreleased branch: known from the pull request")},
        {QStringLiteral("zaa-sdist-fallback-no-wheel-1.txt"), QStringLiteral("an old cargo refusing a release's Cargo.lock v4 reads as the toolchain too old; that the release lacked the Python 3.14 wheels is known from the fix (as often the other way round in the development texts)")},
        {QStringLiteral("zab-maturin-bug-1.txt"), QStringLiteral("maturin 0.13's extension-module warning printed before it read the features from pyproject.toml reads as the feature missing; the bug is known from the thread")},
        {QStringLiteral("zad-interpreter-architecture-mismatch-1.txt"), QStringLiteral("only the linker's unresolved __imp_Py* symbols of an aarch64 Windows build; that x64 Pythons of the runner were picked is known from the thread")},
        {QStringLiteral("zad-maturin-regression-1.txt"), QStringLiteral("a macOS link whose arguments are omitted; that maturin 1.13 dropped -undefined dynamic_lookup is known from the bisection")},
        {QStringLiteral("zad-mingw-abi3-python3-import-lib-missing-1.txt"), QStringLiteral("'cannot find -lpython3' reads as libpython linked; that MSYS2 ships no python3 import library for abi3 is known from the thread")},
        {QStringLiteral("zae-polars-plugin-path-regression-1.txt"), QStringLiteral("a plugin library loaded by a relative path; that polars 1.26.0 stored it so is known from the thread")},
        {QStringLiteral("zae-pyo3-regression-1.txt"), QStringLiteral("a dependency that does not compile; that a PyO3 release broke it is known from the thread")},
        {QStringLiteral("zae-pyo3-stub-gen-infer-signature-link-1.txt"), QStringLiteral("a macOS link without Python's symbols reads as the missing dynamic_lookup; that pyo3-stub-gen's feature linked a binary is known from the thread")},
        {QStringLiteral("zaf-maturin-action-upload-arg-globbed-1.txt"), QStringLiteral("maturin's 'Credentials not found'; that the action split --repository-url from its value is known from the command line and the thread")},
        {QStringLiteral("zaf-maturin-regression-1.txt"), QStringLiteral("twine's 'No PKG-INFO in archive' is also an old pkginfo's; that maturin 1.10 wrote tar entries without a type is known from the fix")},
        {QStringLiteral("z3c-installer-platform-misdetected-1.txt"), QStringLiteral("only the ModuleNotFoundError and an aarch64 file name; that the interpreter is 32-bit is known from the thread")},
        {QStringLiteral("z3c-rust-bootstrap-platform-unsupported-1.txt"), QStringLiteral("read as a source build for a platform without wheels (which it also is); that the Rust bootstrap cannot map AIX is weak evidence")},
        {QStringLiteral("z4d-native-package-version-mismatch-1.txt"), QStringLiteral("only the ImportError of the companion module; the two packages' versions are known from the thread")},
        {QStringLiteral("z4d-package-release-bug-1.txt"), QStringLiteral("reads as a missing OpenSSL header (engine.h); that the release included a header OpenSSL 3 distributions drop is known from its fix")},
        {QStringLiteral("z4d-release-missing-wheels-1.txt"), QStringLiteral("a source build of a release with nothing else shown (a lead of no wheel for the platform); that the release had no PyPy wheels is known from the thread")},
        {QStringLiteral("z4d-wrong-interpreter-1.txt"), QStringLiteral("only the ModuleNotFoundError of the extension; which interpreter the wheel was built for is known from the thread")},
        {QStringLiteral("z4e-no-wheel-for-platform-1.txt"), QStringLiteral("an old pip (pip-build-*) running setup.py of a pyproject-only sdist reads as an installer too old; that no ARM wheel existed is known from the thread")},
        {QStringLiteral("z4e-release-missing-wheels-1.txt"), QStringLiteral("a dependency's build script failing in a source build; that the release lacked wheels for the platform is known from the thread")},
        {QStringLiteral("z4e-requires-python-excludes-interpreter-1.txt"), QStringLiteral("only pip's 'from versions: none'; the Python 3.6 behind it is known from the thread")},
        {QStringLiteral("z6h-build-script-python-incompatible-1.txt"), QStringLiteral("the excerpt stops at pip's 'Building wheel ... error' of a release: only the source-build lead")},
        {QStringLiteral("z6h-build-script-wrong-python-1.txt"), QStringLiteral("a build script's traceback reads as Python code failing on this interpreter; that the build ran another Python than the virtualenv's is known from the thread")},
        {QStringLiteral("z6h-release-missing-wheels-1.txt"), QStringLiteral("a release's failed source build (a lead of no wheel for the platform); that the release lacked those wheels is known from the thread")},
        {QStringLiteral("z6i-no-python-interpreter-1.txt"), QStringLiteral("only the linker's 'cannot open input file python313.lib'; that Python 3.13 was not installed on the runner is known from the fix")},
        {QStringLiteral("z6i-rust-too-old-1.txt"), QStringLiteral("the excerpt keeps only cargo's exit code and pip's summary: the rustc message that names the Rust version is cut")},
        {QStringLiteral("z6i-sdist-missing-files-2.txt"), QStringLiteral("a released sdist without src/lib.rs, built because no wheel matched: both are true, and the thread blamed the sdist (a lead beside the no-wheel one)")},
        {QStringLiteral("z5f-conda-static-libpython-lto-mismatch-1.txt"), QStringLiteral("only gcc's LTO version error on PyO3's rlib; that it came from Anaconda's static libpython is known from the fix")},
        {QStringLiteral("z5f-maturin-regression-2.txt"), QStringLiteral("clap's 'requires a value' for an empty --interpreter; that an older maturin accepted it is known from the thread")},
        {QStringLiteral("zax-pypi-project-size-limit-1.txt"), QStringLiteral("PyPI's digest-mismatch 400; that the project had used up its size quota is known from the thread")},
        {QStringLiteral("zay-sdist-fallback-no-wheel-1.txt"), QStringLiteral("a release's sdist that needs nightly Rust, built from the index: both are true, and the thread (weak) blamed the wheels missing for macOS")},
        {QStringLiteral("zaz-cross-c-compiler-incompatible-3.txt"), QStringLiteral("only the package's own runtime error (a failed HTTP request); that the cross toolchain's old GCC built the wheel is known from the fix")},
        {QStringLiteral("zaz-setuptools-rust-regression-1.txt"), QStringLiteral("only the loader's architecture mismatch; that setuptools-rust built an x86_64 library into an arm64 wheel is known from the thread")},
        {QStringLiteral("zba-packaged-for-other-platform-1.txt"), QStringLiteral("a frozen program missing _cffi_backend; that the bundled extensions were built for the other architecture is known from the page (weak)")},
        {QStringLiteral("zbc-rust-compile-error-1.txt"), QStringLiteral("the excerpt starts below rustc's error line: only the location and the caret's note")},
        {QStringLiteral("zav-maturin-not-found-1.txt"), QStringLiteral("the excerpt stops inside the build frontend's traceback, before the error that maturin was not on PATH")},
        {QStringLiteral("zbh-maturin-action-version-lookup-failed-1.txt"), QStringLiteral("a JavaScript TypeError inside maturin-action's version lookup; why its manifest answer was not a list the thread did not settle (weak)")},
        {QStringLiteral("zbj-maturin-bug-1.txt"), QStringLiteral("PyO3's printed configuration for 3.14t without lib_dir and executable; that maturin wrote it so is known from the thread")},
        {QStringLiteral("zbj-pyo3-cross-lib-dir-ignored-1.txt"), QStringLiteral("the excerpt stops at the linker's first line, before its error; PyO3 ignoring PYO3_CROSS_LIB_DIR is known from the thread")},
        {QStringLiteral("zbj-pyo3-ffi-definition-bug-1.txt"), QStringLiteral("a segfault in a debugger on 32-bit Python 3.14; the wrong FFI layout in pyo3-ffi is known from the thread")},
        {QStringLiteral("zbj-pyo3-ffi-definition-bug-2.txt"), QStringLiteral("PyO3's own test failing on Python 3.15 on i686; the slot cast that only works on 64-bit little-endian platforms is known from the thread")},
        {QStringLiteral("zbm-wrong-interpreter-1.txt"), QStringLiteral("rustc's command line and exit code only; the 32-bit Python linked from a 64-bit Rust target is known from the thread")},
        {QStringLiteral("zbn-wrong-interpreter-1.txt"), QStringLiteral("maturin's PyInit_ warning after an x86_64 Python's build on Apple silicon; that the architectures differ is known from the thread (weak)")},
        {QStringLiteral("zbn-sdist-fallback-no-wheel-1.txt"), QStringLiteral("an installed extension linking Homebrew's OpenSSL, read as a wheel without it; that cryptography was built from source because its release had no macOS x86_64 wheel is known from the thread")},
        {QStringLiteral("zbo-vendored-deps-incomplete-1.txt"), QStringLiteral("cargo offline without python3-dll-a; that cargo vendor never saw the feature pyproject.toml enables is known from the thread")},
        {QStringLiteral("zbd-maturin-bug-1.txt"), QStringLiteral("only the ModuleNotFoundError of the extension; that maturin 0.14 wrote a wrong EXT_SUFFIX into musllinux wheels for 3.11 is known from the thread")},
        {QStringLiteral("zbe-requires-python-excludes-interpreter-1.txt"), QStringLiteral("an old pip's empty version list: a release without wheels for the platform reads the same; the Python version is not in sight")},
        {QStringLiteral("zbf-pyo3-bug-1.txt"), QStringLiteral("one linker line (-lpython3.7m not found); that pyo3-build-config named the library from the abi3 minimum on Android is known from the thread")},
        {QStringLiteral("zav-pip-too-old-1.txt"), QStringLiteral("cryptography's sdist built with its generic advice to upgrade pip, no error and no pip version in sight")},
        {QStringLiteral("z5g-host-build-artifacts-in-container-1.txt"), QStringLiteral("a GLIBC version error inside a container; that the host's target folder was mounted into it is known from the thread")},
        {QStringLiteral("z5g-uv-cache-stale-local-build-1.txt"), QStringLiteral("uv's 'Audited 1 package': nothing failed in the text; the stale cached build is known from the thread")},
        {QStringLiteral("i-dependency-compile-error-1.txt"), QStringLiteral("the rustc error sits in src/ as if in the project's own code; that it was the numpy crate's is known from the thread")},
        {QStringLiteral("i-embed-libpython-not-found-1.txt"), QStringLiteral("'cannot find -lpython3.7m' reads the same for an extension that links libpython; that a cargo run binary lacked python3-dev is known from the thread")},
        {QStringLiteral("i-pip-too-old-1.txt"), QStringLiteral("pip's 'not a supported wheel on this platform' does not say which tag it refused; pip's version is not shown")},
        {QStringLiteral("i-pyo3-bug-1.txt"), QStringLiteral("only an undefined PyDateTime_ symbol at import; no PyO3 version is shown, the bug is known from the thread")},
        {QStringLiteral("i-pyo3-version-conflict-1.txt"), QStringLiteral("rustc errors inside the numpy crate's sources; that it was written for another PyO3 release is known from the thread")},
        {QStringLiteral("i-rust-too-new-1.txt"), QStringLiteral("only setuptools-rust's artifact lookup failing; that a nightly cargo changed its output is known from the thread")},
        {QStringLiteral("k-glibc-too-old-at-runtime-1.txt"), QStringLiteral("only pip's 'from versions' list; that the only wheel was tagged manylinux_2_39 is known from the thread")},
        {QStringLiteral("k-pyo3-regression-2.txt"), QStringLiteral("a rustc trait error located in the project's own code; no PyO3 version is shown, the 0.29.0 defect is known from the report")},
        {QStringLiteral("l-manylinux-too-recent-symbols-2.txt"), QStringLiteral("the loader's GLIBC_2.18 line alone reads the same for a wheel on an older machine; the wheel's manylinux1 tag is known from the thread")},
        {QStringLiteral("j-pip-too-old-1.txt"), QStringLiteral("only setuptools-rust's 'Can not find Rust compiler'; that pip 18.1 skipped the prebuilt wheels is known from the ticket")},
        {QStringLiteral("m-cargo-config-build-target-1.txt"), QStringLiteral("only setuptools-rust's artifact lookup failing in target/debug; the cargo config that set a build target is known from the thread")},
        {QStringLiteral("m-maturin-regression-1.txt"), QStringLiteral("pip refusing a cp38 wheel reads as a wheel for another Python; that the project asked for abi3 is known from the report")},
        {QStringLiteral("n-auditwheel-regression-1.txt"), QStringLiteral("auditwheel's 'could not be located' alone; that the repair wrapper's release broke the lookup is known from the thread")},
        {QStringLiteral("n-cargo-not-found-1.txt"), QStringLiteral("uv building a released package from source without cargo reads as the missing wheel; that cargo itself was broken is known from the thread")},
        {QStringLiteral("t-no-wheel-for-platform-1.txt"), QStringLiteral("the package's own stand-in module raising ImportError; that no wheel exists for Python 3.6 is known from the thread")},
        {QStringLiteral("t-no-wheel-for-platform-2.txt"), QStringLiteral("the package's own stand-in module raising ImportError; that no wheel exists for Python 3.11 on macOS is known from the thread")},
        {QStringLiteral("t-no-wheel-for-platform-3.txt"), QStringLiteral("the package's own stand-in module raising ImportError; that the arm64 install is the stand-in is known from the thread")},
        {QStringLiteral("t-optional-runtime-package-missing-1.txt"), QStringLiteral("the package's own 'headless mode' RuntimeError; that a compiler package must be installed is known from the maintainer")},
        {QStringLiteral("t-pip-too-old-1.txt"), QStringLiteral("pip refusing a macOS 11 wheel in maturin develop reads as another interpreter or an old pip: a lead names both")},
        {QStringLiteral("t-requires-python-not-declared-1.txt"), QStringLiteral("pip's backend dependencies failing to install; that the release dropped Python 3.8 silently is known from the maintainer")},
        {QStringLiteral("t-system-library-missing-1.txt"), QStringLiteral("a library missing at import reads as one the wheel should carry; that the package expects the system's SDL2 is known from the thread")},
        {QStringLiteral("u-pyo3-version-conflict-2.txt"), QStringLiteral("only 'PyThreadState_Get: no current thread', a second libpython in the process (a lead of missing-extension-module); that two PyO3 versions made it is known from the thread")},
        {QStringLiteral("r-nixos-dynamic-loader-3.txt"), QStringLiteral("only pre-commit's 'No such file or directory' for the hook's executable; that the system was NixOS is known from the thread")},
        {QStringLiteral("s-pyo3-feature-disabled-2.txt"), QStringLiteral("the excerpt shows maturin choosing cffi and stops before the failure")},
        {QStringLiteral("o-rustc-not-found-1.txt"), QStringLiteral("setuptools-rust's 'Can not find Rust compiler' in pip's build of a released package reads as the missing wheel first")},
        {QStringLiteral("o-unsupported-wheel-platform-1.txt"), QStringLiteral("only pip's 'No matching distribution'; that the release had only manylinux_2_24 wheels is known from the thread")},
        {QStringLiteral("p-package-cpu-check-bug-2.txt"), QStringLiteral("an illegal instruction inside the package's CPU check reads as a CPU too old; the check's bug is known from the fix")},
        {QStringLiteral("p-package-release-bug-1.txt"), QStringLiteral("a StopIteration inside the package's library lookup; the release's bug is known from the thread")},
        {QStringLiteral("p-sdist-fallback-no-wheel-1.txt"), QStringLiteral("only 'command cmake failed' while pip compiles a dependency; the missing wheels are known from the thread")},
        {QStringLiteral("r14-pyo3-python-too-new-1.txt"), QStringLiteral("maturin refusing the virtualenv's interpreter as a cross build; that PyO3 0.23.5 is too old for Python 3.14 is known from the reporter")},
        {QStringLiteral("zag-pip-too-old-1.txt"), QStringLiteral("only pip refusing a cp34-win32 wheel on a 32-bit Python 3.4; that pip 1.5.6 did not know the tag is known from the thread")},
        {QStringLiteral("zah-lto-drops-bundled-c-library-1.txt"), QStringLiteral("a distribution package's undefined onig_ symbol reads as a C library not linked (which it was not); that LTO dropped the bundled copy is known from the packager")},
        {QStringLiteral("zal-release-wheel-broken-1.txt"), QStringLiteral("only polars' own 'binary is missing' warning and a NameError; that the 1.28.0 macOS arm64 wheel was broken is known from the maintainers")},
        {QStringLiteral("n-patchelf-too-old-1.txt"), QStringLiteral("only a library missing at import; that the repair ran an old patchelf is known from the thread")},
    };
    return misses;
}

} // namespace

class TestFailureReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A pattern that does not compile only warns at run time (and matches nothing): fail instead.
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("invalid QRegularExpression"))); }

    void devReports_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(reportsDir("dev"));
        const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no development reports in tests/data/failure-reports/dev");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void devReports()
    {
        QFETCH(QString, path);
        Report r;
        QVERIFY2(readReport(path, &r), qPrintable(path));
        const QList<Finding> findings = diagnose(r);
        const QString top = findings.isEmpty() ? QStringLiteral("(none)") : findings.first().id;
        if (!findings.isEmpty()) {
            QVERIFY(Catalogue::builtIn().find(top));
            QVERIFY(!findings.first().decisiveLines.isEmpty());
        }
        const QString name = QFileInfo(path).fileName();
        if (knownMisses().contains(name))
            QEXPECT_FAIL("", qPrintable(knownMisses().value(name)), Continue);
        QCOMPARE(top, r.cause);
    }

    // The same real texts as CI and container logs show them, as copied out of pip's output, as pasted into
    // an issue: every line prefixed with GitHub Actions', Jenkins' or GitLab's timestamp or Docker BuildKit's
    // step, another tool's time of day, the whole block indented, quoted in Markdown ("> ", a quote within a
    // quote), with HTML's escapes (copied from a page's source), or every row padded with spaces (a
    // terminal's copy). The cause found must not change (each was lost on some reports before these were
    // read past: a quote lost 23 of 380, two of them to a confident wrong cause; the times 26; padding 6).
    // Also at the end of a long build's log, where the rules are tried in groups (FailureRules' prefilter):
    // a group that missed a line one of its rules matches would lose the cause here.
    void devReportsAsLogsShowThem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("htmlEscaped");
        const QDir dir(reportsDir("dev"));
        const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no development reports in tests/data/failure-reports/dev");
        for (const QString &f : files) {
            if (knownMisses().contains(f))
                continue;
            const QString path = dir.filePath(f);
            QTest::addRow("%s, GitHub Actions", qPrintable(f)) << path << QStringLiteral("2024-05-01T12:34:56.1234567Z ") << false;
            QTest::addRow("%s, BuildKit", qPrintable(f)) << path << QStringLiteral("#12 3.456 ") << false;
            QTest::addRow("%s, indented", qPrintable(f)) << path << QStringLiteral("      ") << false;
            QTest::addRow("%s, Jenkins", qPrintable(f)) << path << QStringLiteral("[2024-05-01T12:34:56.123Z] ") << false;
            QTest::addRow("%s, GitLab", qPrintable(f)) << path << QStringLiteral("2024-05-01T12:34:56.123456Z 00O ") << false;
            QTest::addRow("%s, quoted", qPrintable(f)) << path << QStringLiteral("> ") << false;
            QTest::addRow("%s, quoted twice", qPrintable(f)) << path << QStringLiteral("> > ") << false;
            QTest::addRow("%s, HTML escapes", qPrintable(f)) << path << QString() << true;
            QTest::addRow("%s, time of day", qPrintable(f)) << path << QStringLiteral("[12:34:56] ") << false;
            QTest::addRow("%s, Python logging", qPrintable(f)) << path << QStringLiteral("2024-05-01 12:34:56,123 ") << false;
            QTest::addRow("%s, padded rows", qPrintable(f)) << path << QStringLiteral("pad:100") << false;
            QTest::addRow("%s, after a long build", qPrintable(f)) << path << QStringLiteral("after:300") << false;
        }
    }
    void devReportsAsLogsShowThem()
    {
        QFETCH(QString, path);
        QFETCH(QString, prefix);
        QFETCH(bool, htmlEscaped);
        Report r;
        QVERIFY2(readReport(path, &r), qPrintable(path));
        QStringList lines = r.text.split(QLatin1Char('\n'));
        if (prefix.startsWith(QLatin1String("after:"))) { // a whole log: long texts are scanned in groups of rules
            QStringList progress;
            for (int i = 0; i < prefix.mid(6).toInt(); ++i)
                progress << QStringLiteral("   Compiling crate%1 v0.%2.%3").arg(i).arg(i % 9).arg(i % 5);
            lines = progress + lines;
        }
        for (QString &l : lines) {
            if (prefix.startsWith(QLatin1String("pad:"))) // a terminal's copy: every row filled with spaces
                l = l.leftJustified(prefix.mid(4).toInt());
            else if (!prefix.startsWith(QLatin1String("after:")))
                l.prepend(prefix);
        }
        r.text = lines.join(QLatin1Char('\n'));
        if (htmlEscaped)
            r.text = r.text.toHtmlEscaped();
        const QList<Finding> findings = diagnose(r);
        QCOMPARE(findings.isEmpty() ? QStringLiteral("(none)") : findings.first().id, r.cause);
    }

    // Run only: well-formed answers, counted in total. No per-report expectation exists or may be added.
    void heldoutReports()
    {
        const QDir dir(reportsDir("heldout"));
        const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no held-out reports in tests/data/failure-reports/heldout");
        int right = 0, wrong = 0, silent = 0, total = 0;
        for (const QString &f : files) {
            Report r;
            if (!readReport(dir.filePath(f), &r))
                continue;
            ++total;
            const QList<Finding> findings = diagnose(r);
            for (const Finding &finding : findings)
                QVERIFY(Catalogue::builtIn().find(finding.id));
            const QString top = findings.isEmpty() ? QString() : findings.first().id;
            if (top == r.cause)
                ++right;
            else if (top.isEmpty() || top == QLatin1String("unrecognised-failure"))
                ++silent;
            else if (findings.first().confidence != Confidence::Low)
                ++wrong;
        }
        QVERIFY(total > 0);
        qInfo("held-out: %d reports, right %d, confidently wrong %d, silent %d", total, right, wrong, silent);
    }
};

QTEST_GUILESS_MAIN(TestFailureReports)
#include "tst_failurereports.moc"
