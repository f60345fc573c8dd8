// The wordings of failures that come from the tools around the build rather than from the project: rustup
// and maturin's Rust bootstrap, sccache in CI, the sdist packer, installers reading wheel metadata, the CPU a
// wheel was compiled for, and maturin's own invocation of cargo in releases that had a known regression.
// Each rule is the message family (the tool's fixed phrases), not one report's details.
#include "core/diagnose/FailureRuleTable.h"

namespace wb::diagnose {

namespace {
using C = Confidence;
using rules::rule;
} // namespace

// Sources of the wordings: rustup (errors.rs: "is not installed for the toolchain"), puccinialin (maturin's
// Rust bootstrap for source builds: "Target triple not supported by rustup"), sccache (server startup, the
// GitHub Actions cache backend and GitHub's notice gh.io/gha-cache-sunset), maturin (src/source_distribution.rs,
// src/compile.rs), cargo (rustc with several targets, --target given twice), pkginfo and Poetry ("Unknown
// metadata version", NewMetadataVersion), the shells' SIGILL reports and polars' CPU check, PyPI's upload refusal
// (warehouse: "File already exists", help/#file-name-reuse), Rust's panic message format, NixOS's stub loader
// (nix-ld's "Could not start dynamically linked executable") and file(1); pyo3-build-config (the auto-initialize
// check), auditwheel (wheeltools.py importing wheel's modules), twine's InvalidDistribution, cargo's resolver
// ("failed to select a version for the requirement"), setuptools-rust (build_rust's artifact lookup), rustc's
// feature gates (E0658) and human-panic's crash report (the "Panic occurred in file" lines maturin printed), maturin's
// target check ("The operating system X is not supported"), uv's check of a wheel it built and pyodide-build's
// cross-build environment list.
const QList<rules::Rule> &rules::toolRules()
{
    static const QList<Rule> all = {
        rule("rustup-component-missing", "", C::High, 86, "The rustup component '%1' is not installed for the toolchain %2.",
             R"re('([\w-]+)' is not installed for the (?:custom )?toolchain '([^']+)')re"),
        // rustup 1.3-1.12 named the toolchain first.
        rule("rustup-component-missing", "old-rustup", C::High, 86, "The toolchain %1 lacks %2: its rustup component is not installed.",
             R"re(toolchain '([^']+)' does not have the binary `([\w-]+)`)re"),
        // rustup reads a file named rust-toolchain as a bare toolchain name: a TOML [toolchain] table in it is refused.
        rule("rust-toolchain-file-misnamed", "", C::High, 86,
             "rustup read the TOML table '[toolchain]' as a toolchain name: the file is named rust-toolchain, and rustup reads TOML only "
             "from rust-toolchain.toml.",
             R"re(invalid toolchain name:? '\[toolchain\]')re"),
        // cargo from early 2020 lists Cargo.toml.orig in `cargo package --list`; maturin before 0.8 tried to copy it into the sdist.
        rule("rust-too-new", "cargo-toml-orig", C::Medium, 80,
             "The sdist step copies Cargo.toml.orig, which cargo from 2020 on lists among the packaged files and which maturin before "
             "0.8 did not expect: this cargo is newer than this maturin. Upgrade maturin.",
             R"re(Failed to add file from Cargo\.toml\.orig to sdist)re"),
        // rustup's installer script finds no rustup-init for the host (a tier-2 host such as i686-unknown-linux-musl).
        rule("rustup-host-unsupported", "", C::High, 84,
             "rustup publishes no installer for the host %1: Rust cannot be installed there with rustup.",
             R"re(installer for platform '([^']+)' not found, this may be unsupported)re"),
        // maturin develop marks the install editable from `pip show --files` (`uv pip show --files` with --uv); a uv
        // without that option fails there (FailureDetectors: Low without uv in sight).
        rule("uv-too-old", "", C::Medium, 76,
             "maturin could not list the installed package's files (`uv pip show --files`): this uv is older than the maturin "
             "that calls it expects. Upgrade uv.",
             R"re(Caused by: failed to list package files)re"),
        rule("rust-bootstrap-wrong-triple", "", C::High, 84,
             "The Rust bootstrap of the source build computed the target %1, which rustup does not know.",
             R"re(Target triple not supported by rustup: (\S+))re"),
        rule("sccache-gha-cache-unavailable", "", C::High, 88,
             "sccache's GitHub Actions cache backend talks to the legacy cache service GitHub shut down.",
             R"re(gh\.io/gha-cache-sunset|ArtifactCacheServiceDecommissionedException|This legacy service is shutting down)re"),
        // sccache failing to start has several causes (its storage, its port, its version): a lead.
        rule("sccache-gha-cache-unavailable", "startup", C::Low, 50, "sccache (the compiler cache the build wraps rustc with) failed to start.",
             R"re(sccache: error: Server startup failed)re"),
        rule("sdist-output-not-ignored", "", C::High, 86,
             "maturin would pack its own output %1 into the source distribution: the output folder is not ignored.",
             R"re(Attempting to include the sdist output tarball (\S+) into itself)re"),
        rule("installer-metadata-version-unsupported", "", C::High, 84,
             "The installer's metadata reader does not know Metadata-Version %1 of the wheel.",
             R"re(Unknown metadata version: ([\d.]+)|New metadata version \(([\d.]+)\) higher than latest supported version)re"),
        rule("cpu-instructions-unsupported", "check", C::Medium, 80, "The package's CPU check found instructions this processor lacks.",
             R"re(required CPU features were not detected|Missing required CPU features)re"),
        // SIGILL: usually a wheel compiled for a newer CPU, but a Rust abort (ud2) ends the same way: a lead. The shells'
        // wordings (bash/zsh, macOS "Illegal instruction: 4") and Windows' exception code 0xC000001D.
        rule("cpu-instructions-unsupported", "sigill", C::Low, 55, "The process died on an illegal instruction (SIGILL).",
             R"re(illegal hardware instruction|Illegal [Ii]nstruction(?:: \d+| \(core dumped\))?(?:\s|$)|signal: 4, SIGILL|0xC000001D|STATUS_ILLEGAL_INSTRUCTION)re"),
        // PyPI (warehouse) refuses a file name it has seen before, even a deleted one.
        rule("pypi-file-exists", "", C::High, 86, "The index refused the upload: a file of that name was uploaded before.",
             R"re(\b400 (?:Client Error: )?File already exists|File already exists\b.*file-name-reuse|File already exists \('[^']+\.(?:whl|tar\.gz|zip|egg)'|This filename has already been used, use a different version)re"),
        // PyPI's own words for refusals with a single cause (warehouse's forklift upload view), and the publish action's.
        rule("pypi-password-auth-removed", "", C::High, 90, "PyPI no longer accepts an account name and password for uploads: use an API token or trusted publishing.",
             R"re(Username/Password authentication is no longer supported)re"),
        // PyPI's wording since 2018, and the legacy upload's before it ("has no verified email addresses").
        rule("pypi-account-email-unverified", "", C::High, 88, "The uploading PyPI account %1 has no verified primary email address.",
             R"re(User '([^']+)' (?:does not have a verified primary email address|has no verified email address))re"),
        rule("pypi-project-name-too-similar", "", C::High, 88, "PyPI refuses the new project name %1: it is too similar to an existing project's.",
             R"re(The name '([^']+)' is too similar to an existing project)re"),
        rule("wheel-metadata-inconsistent", "pypi-wheel-path", C::Medium, 76,
             "PyPI looks for %1 (named after the file) and the wheel does not have it: the file was renamed after the build, or its name and metadata disagree.",
             R"re(Invalid distribution file\. WHEEL not found at ([\w.+-]+\.dist-info)/WHEEL)re"),
        rule("publish-action-run-twice-in-job", "", C::High, 84,
             "The publish step finds %1's attestation from an earlier run in the same job: it ran twice on the same dist/ folder.",
             R"re(Attestation generation failure: \S*?([^/\s]+) already has a publish attestation)re"),
        // PyPI's 403 for an account without upload rights on the project (maturin 0.14.3+ shows PyPI's text); before
        // 0.14.3 maturin said "Username and/or password are wrong" for every 403, which wrong credentials print too: a lead.
        rule("pypi-upload-forbidden", "", C::High, 86, "The index refused the upload: the account may not upload to project %1.",
             R"re(isn't allowed to upload to project '([^']+)')re"),
        rule("pypi-upload-forbidden", "credentials", C::Low, 60, "The index refused the credentials, or the account's right to upload to that project.",
             R"re(Username and/or password are (?:possibly )?wrong)re"),
        // PyPI refuses a platform tag it does not accept (not linux_*: linux-tag-not-uploadable has those), e.g.
        // emscripten/pyodide wheels before PEP 783.
        rule("pypi-platform-tag-unsupported", "", C::High, 84, "The index does not accept wheels with the platform tag %1.",
             R"re(has an unsupported platform tag '((?!linux_|macosx_)[\w.]+)')re"),
        // PyPI checks a macOS tag's major version against a list it extends after each macOS release (warehouse).
        rule("pypi-macos-version-not-allowed", "", C::High, 84,
             "The index does not accept the macOS tag %1 (yet): its list of macOS versions ends below %2.",
             R"re(has an unsupported platform tag '(macosx_(\d+)_\d+_\w+)')re"),
        // pyodide-build before 0.25.1 read a private attribute that pypa/build 1.2.0 removed.
        rule("pyodide-build-pypa-build-incompatible", "", C::High, 84,
             "This pyodide-build uses a private attribute of pypa/build that build 1.2.0 removed.",
             R"re('_DefaultIsolatedEnv' object has no attribute '_scripts_dir')re"),
        // Yanked versions are all that satisfy a requirement: cargo install (without --locked) or a build without a lock
        // file resolves afresh; the lock file of the release would have kept the versions it was built with.
        rule("cargo-install-unlocked", "yanked", C::Low, 56, "Only yanked versions satisfy a dependency: the build resolved afresh instead of using the lock file.",
             R"re(^\s*version [\w.+-]+ is yanked)re"),
        // A Windows program that replaces its own running executable (pip upgrading pip.exe, uv replacing uv.exe).
        rule("windows-file-in-use", "self", C::High, 82, "The running %1 cannot replace its own executable on Windows.",
             R"re(Access is denied:? '?[^']*[\\/]((?:pip|uv|maturin)\d*(?:\.\d+)?\.exe)'?)re"),
        // A panic located in the running tool's own sources (a relative src/ path; dependencies' panics show registry
        // paths, build scripts build.rs, an extension's panics the '<unnamed>' Python thread): only with maturin in sight.
        // Certainly maturin's bug, but whether a known regression of a release (maturin-regression) the panic alone
        // does not say: a lead.
        rule("maturin-bug", "panic", C::Low, 62, "maturin itself panicked (%1): a bug in maturin, not in the project.",
             R"re(thread 'main'(?: \(\d+\))? panicked at (?:'(.*)', src[/\\][\w/\\]+\.rs:\d+|src[/\\][\w/\\]+\.rs:\d+:\d+:?$))re"),
        // maturin's own crash banner (human-panic), with or without the panic's place below it.
        rule("maturin-bug", "banner", C::Low, 60, "maturin itself panicked: a bug in maturin, not in the project.",
             R"re(^maturin has panicked\. This is a bug in maturin)re"),
        // maturin before 1.11.1 (PR #2916) walked every folder of the project while collecting the package's files and
        // stopped at one it could not read, even outside the package. A lead: the package's own folder may be unreadable.
        rule("maturin-bug", "unreadable-folder", C::Low, 58,
             "maturin could not read %1 while collecting the package's files: releases before 1.11.1 stopped at any unreadable "
             "folder of the project, even one outside the package. Upgrade maturin, or make the folder readable.",
             R"re(Caused by: (\S+): IO error for operation on \S+: Permission)re"),
        // An executable of a manylinux wheel on NixOS: its ELF interpreter path does not exist there.
        rule("nixos-dynamic-loader", "", C::High, 86, "NixOS cannot run a dynamically linked executable built for generic Linux.",
             R"re(NixOS cannot run dynamically linked executables intended for generic|Could not start dynamically linked executable)re"),
        // file(1) naming the loader: printed when someone investigates an executable that "does not exist" (a lead).
        rule("nixos-dynamic-loader", "file", C::Low, 50, "The executable needs the loader %1, which may not exist on this system (NixOS).",
             R"re(ELF \d+-bit LSB (?:pie )?executable, .*dynamically linked, interpreter (/lib(?:64)?/ld-linux[\w.-]*\.so\.\d))re"),
        rule("multiple-bin-targets", "", C::Medium, 78,
             "cargo refuses maturin's rustc arguments for several targets at once: the package has more than one binary.",
             R"re(extra arguments to `rustc` can only be passed to one target)re"),
        // PyO3's own check names the cause: auto-initialize wants a shared libpython.
        rule("pyo3-auto-initialize-static-python", "", C::High, 86,
             "PyO3's auto-initialize feature is on, and this Python only offers a static libpython to embed.",
             R"re(The `auto-initialize` feature is enabled, but your python installation only supports embedding the Python interpreter statically)re"),
        // A tool importing a module of the wheel package that the installed wheel lacks; auditwheel's when its frames show (refine).
        rule("auditwheel-wheel-incompatible", "", C::Low, 80, "The installed wheel package has no module %1, which the tool imports.",
             R"re(No module named '(wheel\.\w+)')re"),
        // twine (pkginfo) reads neither Name nor Version: it did not understand the Metadata-Version at all.
        // The only index is TestPyPI: dependencies are looked for there too (refined: only with TestPyPI in sight).
        rule("index-missing-dependency", "", C::Medium, 70, "No version of %1 on the index the installer looks at.",
             R"re(Could not find a version that satisfies the requirement (\S+) \(from [\w.-]+\))re"),
        rule("index-metadata-version-unsupported", "", C::High, 84, "The package index refuses Metadata-Version %1.",
             R"re(Metadata version '([\d.]+)' is unsupported)re"),
        rule("numpy-runtime-dependency-missing", "", C::High, 84, "The extension needs NumPy (rust-numpy imports its C API), and NumPy is not installed.",
             R"re(Failed to access NumPy array API capsule: .*No module named 'numpy'"?\))re"),
        // rust-numpy before 0.14 panicked without the reason: NumPy missing, as a rule, or a NumPy that fails to import.
        rule("numpy-runtime-dependency-missing", "old", C::Medium, 80,
             "The extension needs NumPy (rust-numpy imports its C API) and could not import it: NumPy is not installed (or does not import).",
             R"re((?:panicked at '|PanicException: )Failed to import numpy module)re"),
        // The import library fails for a missing dlltool, or for a dlltool that fails (refined by what the text shows).
        rule("llvm-dlltool-missing", "", C::Low, 76,
             "PyO3's build script could not make the import library of %1 for the Windows target: the dlltool it runs is missing or failed.",
             R"re(failed to generate (python3\w*\.dll) import library)re"),
        rule("maturin-too-old", "abiflags", C::Medium, 76,
             "This maturin cannot read a Windows Python 3.14+ that defines ABIFLAGS in its sysconfig (maturin 1.13.0 reads both forms).",
             R"re(A python 3 interpreter on windows does not define abiflags in its sysconfig)re"),
        rule("maturin-too-old", "arch", C::Low, 60, "This maturin does not support the architecture %1.",
             R"re(The architecture (\S+) is not supported)re"),
        rule("installer-metadata-version-unsupported", "missing-fields", C::Medium, 72,
             "The metadata reader found neither Name nor Version in the wheel: it does not know the wheel's Metadata-Version.",
             R"re(Metadata is missing required fields: Name, Version\b)re"),
        // cargo's index has no matching version: a stale index, a version that does not exist, or one that needs a newer Rust.
        rule("cargo-registry-stale", "", C::Low, 50, "cargo's registry index has no version matching %1 (is the local index stale?).",
             R"re(failed to select a version for the requirement `([^`]+)`)re"),
        // clap's refusal of a value for a flag: maturin 1.14.1 made --timings a flag without one.
        rule("maturin-regression", "timings-flag", C::Medium, 80,
             "This maturin takes --timings as a flag without a value (since 1.14.1); the workflow passes one, as cargo's --timings=html.",
             R"re(unexpected value '[^']*' for '--timings' found)re"),
        // setuptools before 77 (its validate-pyproject schema) knows only the table forms of [project] license.
        rule("setuptools-too-old-pep639", "", C::High, 86,
             "This setuptools reads [project] license only as a table ({file = ...} or {text = ...}): PEP 639's SPDX string needs setuptools 77 or newer.",
             R"re(`project\.license` must be valid exactly by one definition)re"),
        // A UBSan runtime symbol missing when a library is loaded: C code compiled with -fsanitize=undefined, which zig cc
        // 0.14 turns on (maturin --zig); refine: a lead without zig in sight.
        rule("zig-version-incompatible", "", C::Medium, 80,
             "A library needs %1 from the UBSan runtime: its C code was compiled with undefined-behaviour checks (zig 0.14's cc does that by default).",
             R"re(undefined symbol: (__ubsan_handle_\w+))re"),
        // maturin's target check: a system this release does not know (refine: a later release, or none, supports it).
        rule("maturin-too-old", "os", C::High, 80, "This maturin does not know the operating system %1.",
             R"re(The operating system (\w+) is not supported)re"),
        // uv installing the wheel it just built from an sdist on Android: the tag maturin computed is refused.
        rule("android-tag-api-level-wrong", "", C::Medium, 76,
             "The installer refuses the Android wheel %1 it has just built: the platform tag maturin wrote names an API level this device does not accept.",
             R"re(The built wheel `([^`]*-android_\d+_\w+\.whl)` is not compatible with the current Python)re"),
        // pyodide-build's cross-build environments: old releases read a list Pyodide no longer publishes (refine: the 404).
        rule("pyodide-build-outdated", "", C::High, 82,
             "pyodide-build reads its list of cross-build environments from an address Pyodide no longer serves: this pyodide-build is too old.",
             R"re(pyodide-cross-build-environments\.json)re"),
        // setuptools-rust looking for the executable it had cargo build (maturin's own sdist builds through it).
        rule("setuptools-rust-regression", "executable", C::Low, 55,
             "setuptools-rust cannot find the executable %1 that cargo built: its lookup does not match this build (MSYS2's Python among them).",
             R"re(Rust build failed; unable to locate executable '([^']+)')re"),
        // setuptools-rust's artifact lookup: a release's lookup bug, a crate type it does not expect or a cargo it does not know.
        rule("setuptools-rust-regression", "artifacts", C::Low, 50,
             "setuptools-rust found none of the libraries cargo built: its artifact lookup does not match this build.",
             R"re(Rust build failed; unable to find any (?:\w+ or \w+ )?build artifacts)re"),
        // The musl cdylib refusal in a build setuptools-rust drives (refine: only with build_rust in sight).
        rule("setuptools-rust-regression", "crt-static", C::Low, 55,
             "setuptools-rust's cargo call keeps crt-static on for the musl target %1, so cargo cannot build the extension (a cdylib).",
             R"re(cannot produce cdylib for .* as the target `([\w-]+-musl\w*)` does not support these crate types)re"),
        // A feature gate: a toolchain older than the code, or a feature that is still nightly-only: a lead.
        rule("rust-too-old", "feature-gate", C::Low, 50, "rustc refuses a language feature as unstable: the toolchain may be older than the code.",
             R"re(error\[E0658\]: (?!use of unstable library feature).*(?:is experimental|are experimental|is unstable|are unstable))re"),
        // Return-position impl Trait in trait methods (stable since Rust 1.75): older compilers refuse the code as written.
        rule("rust-too-old", "rpitit", C::Medium, 70, "The code returns impl Trait from a trait method, which Rust allows since 1.75: the toolchain is older.",
             R"re(`impl Trait` only allowed in function and inherent method return types, not in trait method return types)re"),
        // setuptools-rust's extension names a Cargo.toml that is not there (an sdist packed without the crate, or a wrong path).
        rule("sdist-missing-files", "setuptools-rust", C::Medium, 60, "setuptools-rust finds no Cargo.toml for the Rust extension %1 at %2.",
             R"re(can't find manifest for Rust extension `([^`]+)` at path `([^`]+)`)re"),
        // A program (a packaged maturin, a build tool) the loader cannot start: a shared library it needs is not installed
        // (the libpython and libatomic cases have rules of their own, ranked above).
        rule("system-library-missing", "loader", C::Medium, 56,
             "%1 needs the shared library %2, which the loader cannot find: install the package that provides it.",
             R"re(([\w.+-]+): error while loading shared libraries: ((?!libpython|libatomic)[\w.+-]+\.so[\w.]*): cannot open shared object file)re"),
        // cryptography's refusal of an OpenSSL the OpenSSL project no longer supports.
        rule("system-openssl-too-old", "", C::High, 84, "The package is linked against OpenSSL %1, which it no longer supports.",
             R"re(You are linking against OpenSSL ([\d.]+\w*), which is no longer supported by the OpenSSL project)re"),
        // Python 3.13 says platform.system() is "android" on Android, where maturin before 1.12.0 (PR #2992) expected the
        // Rust target's OS, Linux: a native Android build refused as a mismatch.
        rule("maturin-bug", "android-platform-system", C::Medium, 84,
             "maturin before 1.12.0 refused a native Android build: Python 3.13 reports the system as \"android\", which it "
             "compared with the Rust target's OS, Linux (fixed in 1.12.0). Upgrade maturin, or its lower bound in [build-system] requires.",
             R"re(platform\.system\(\) in python, android, and the rust target, .*env: Android.*don't match)re"),
        // patchelf refused to open the copy of an external library that the repair made: maturin before 0.14.2 (PR #1292)
        // copied it with its read-only mode (a Nix store's 555). Which repair tool copied it the line does not say: a lead.
        rule("maturin-bug", "read-only-copy", C::Low, 60,
             "patchelf could not open the copy of an external library for writing: maturin before 0.14.2 copied libraries with "
             "their read-only mode (as a Nix store's are) and then could not patch them. Upgrade maturin.",
             R"re(^patchelf: open: Permission denied)re"),
        // uv refusing the wheel it just built because of its macOS tag: maturin tagged it with the build machine's macOS
        // (no MACOSX_DEPLOYMENT_TARGET), newer than the target the installer accepts.
        rule("macos-deployment-target-too-new", "built-wheel", C::Medium, 78,
             "The wheel just built is tagged for macOS %2.%3, newer than the installer accepts: without MACOSX_DEPLOYMENT_TARGET "
             "the build takes the machine's own macOS. Set MACOSX_DEPLOYMENT_TARGET (e.g. 11.0) for the build.",
             R"re(The built wheel `([^`]*-macosx_(\d+)_(\d+)_\w+\.whl)` is\W+not compatible with the current Python)re"),
        // maturin's cffi bindings import cffi in the build environment; without it maturin tries pip, which an isolated
        // build environment (python -m build, uv) may not have. cffi belongs in [build-system] requires.
        rule("cffi-build-requirement-missing", "", C::Medium, 80,
             "maturin builds cffi bindings and cffi is not installed in the build environment: [build-system] requires lacks cffi.",
             R"re(cffi not found\. Trying to install it)re"),
        // human-panic's crash report of maturin (older releases): maturin's bug; which release fixes it, only a lead.
        rule("maturin-bug", "human-panic", C::Low, 62, "maturin itself panicked in %1: a bug in maturin, not in the project.",
             R"re(Panic occurred in file '(src[/\\][\w/\\]+\.rs)' at line \d+)re"),
        // maturin regressions that the text shows by their symptom and the behaviour of the release.
        rule("maturin-regression", "ft-windows-lib", C::Medium, 82,
             "The link asks for %1, the free-threaded import library, that this maturin does not point the linker at on Windows.",
             R"re(LNK1181: cannot open input file '(python3\d+t(?:_d)?\.lib)')re"),
        rule("maturin-regression", "pyproject-required", C::Medium, 78,
             "This maturin requires a pyproject.toml even when the Cargo.toml is given.",
             R"re(Couldn't find pyproject\.toml at (\S+))re"),
        rule("maturin-regression", "musl-cdylib", C::Medium, 74,
             "maturin did not turn off crt-static for the musl target %1, so cargo cannot build the extension (a cdylib).",
             R"re(cannot produce cdylib for .* as the target `([\w-]+-musl\w*)` does not support these crate types)re"),
        rule("maturin-regression", "double-target", C::Medium, 78,
             "maturin passed --target twice to cargo (--target combined with --universal2).",
             R"re(specifying multiple `--target` flags requires `-Zmultitarget`)re"),
        // pip's resolver: no version of a requirement fits, and "(from versions: none)" says no file of any release does:
        // the same lead as "No matching distribution found". (A list whose newest entry is below the version asked for
        // says no more: newer releases skipped for Requires-Python, for want of a file for this platform, or missing
        // from the index read alike.)
        rule("release-missing-wheels", "from-none", C::Low, 20,
             "No file of %1 matches this Python and platform: check which wheels and Requires-Python its releases publish, and which pip ran.",
             R"re(Could not find a version that satisfies the requirement ([\w.-]+)[^(]*(?:\([^)]*\)\s*)*?\(from versions: (?:none)?\)\s*$)re"),
        // uv's resolver: a release without a wheel for this platform or Python ("no usable wheels", "no wheels with a
        // matching platform tag (e.g., win_amd64)"): which release is missing what, and whether it ever had it, a lead.
        rule("release-missing-wheels", "uv", C::Low, 22, "%1 has no wheel that this Python and platform can use.",
             R"re(([\w.\[\]-]+==\S+) has no (?:usable wheels|wheels with a matching (?:platform|Python ABI|Python implementation|Python version) tag))re"),
        rule("qemu-32bit-cargo-registry-bug", "", C::Medium, 76,
             "cargo cannot read its registry index (EOVERFLOW): a 32-bit build emulated on a 64-bit host.",
             R"re([/\\]\.cargo[/\\]registry[/\\].*Value too large for defined data type)re"),
        rule("rust-toolchain-libatomic-missing", "", C::High, 84, "The Rust toolchain's %1 needs libatomic.so.1, which this system lacks.",
             R"re(([\w.-]*(?:rustup-init|rustc|cargo)): error while loading shared libraries: libatomic\.so)re"),
    };
    return all;
}

} // namespace wb::diagnose
