// The wordings of failures that come from the project's layout and metadata as maturin reads them, from
// the tools around the build (rustc, cargo, patchelf) being absent, from develop installs and the files
// they leave behind, and from the repair step. Each rule is the message family, not one report's details.
#include "core/diagnose/FailureRuleTable.h"

namespace wb::diagnose {

namespace {
using C = Confidence;
using rules::rule;
} // namespace

// Sources of the wordings: maturin (src/project_layout.rs, src/build_context.rs, src/auditwheel/repair.rs,
// src/auditwheel/patchelf.rs, src/pyproject_toml.rs, src/develop.rs, src/main.rs), the toml and serde crates'
// deserialisation errors as maturin's Cargo.toml reader prints them, cargo (workspace manifests, inheritance),
// pip (req/req_uninstall.py, utils/temp_dir.py), uv (resolver), file(1) and readelf.
const QList<rules::Rule> &rules::projectRules()
{
    static const QList<Rule> all = {
        // Cargo.toml as maturin reads it: a workspace root, fields newer than this maturin.
        rule("no-library-target", "virtual-manifest", C::High, 82,
             "maturin was run on a Cargo.toml without a [package]: a virtual workspace manifest, which has no library to build.",
             R"re(missing field `package`|is a virtual manifest, but this command requires running against an actual package|found a virtual manifest at `[^`]+` instead of a package manifest|contains no package: The manifest is virtual)re"),
        // cargo's manifest reader: a [lib] name cargo refuses; any other manifest it cannot read (a lead:
        // a newer manifest feature than this cargo knows, a missing file, says more where it is recognised).
        rule("cargo-manifest-invalid", "lib-name", C::High, 80, "Cargo.toml's [lib] name %1 contains a hyphen, which cargo refuses.",
             R"re(library target names cannot contain hyphens: (\S+))re"),
        rule("cargo-manifest-invalid", "", C::Low, 30, "cargo cannot read the manifest %1.",
             R"re(failed to parse manifest at `([^`]+)`)re"),
        // maturin 0.8 and later (src/compile.rs) when cargo produced no cdylib for the lib target (shared: SharedWordings.cpp).
        rule("crate-type-not-cdylib", "", C::High, 80, "cargo built no cdylib: Cargo.toml's [lib] crate-type lacks \"cdylib\".",
             R"re(Cargo didn't build an? (?:\w+ )?cdylib\. Did you miss crate-type = \["cdylib"\])re"),
        rule("no-library-target", "no-lib", C::High, 80, "The package %1 has no library target (only binaries) for maturin to build as an extension.",
             R"re(no library targets found in package `([^`]+)`)re"),
        rule("maturin-too-old", "inherited", C::High, 80,
             "Cargo.toml inherits package.%1 from the workspace ({ workspace = true }), which this maturin cannot read: it predates "
             "workspace inheritance.",
             R"re(invalid type: map, expected an? (?:sequence|string|boolean|integer)[\w ]* for key `package\.([\w-]+)`)re"),
        // The same error without the key (newer toml crates quote the line instead): only with an inherited field in sight.
        rule("maturin-too-old", "inherited-bare", C::Medium, 70,
             "A Cargo.toml field is a table ({ workspace = true }) where this maturin expects a value: it predates workspace inheritance.",
             R"re(invalid type: map, expected an? (?:sequence|string|boolean|integer)\s*$)re"),
        // pyproject.toml [project] as maturin reads it.
        rule("version-static-and-dynamic", "", C::High, 84,
             "pyproject.toml sets [project] version and also lists version in dynamic: maturin refuses to choose.",
             R"re(`?project\.dynamic`? must not (?:specify|contain|include) `?version`? when `?project\.version`? is present)re"),
        rule("python-source-missing", "", C::High, 80, "The python-source folder %1 does not exist where the build runs.",
             R"re(python source path `([^`]+)` does not exist)re"),
        // Tools around the build.
        rule("rustc-not-found", "host-target", C::Medium, 70, "maturin could not run rustc (to ask for the host target): Rust is not installed or not on PATH.",
             R"re(Failed to run rustc to get the host target)re"),
        // setuptools-rust's old wording of its no-rustc error (the newer one: sdist-fallback-no-wheel). The line is the same
        // whether Rust is absent, off this shell's PATH (sudo), or an old pip missed a wheel and built the source: a lead.
        rule("rustc-not-found", "setuptools-rust", C::Low, 70, "setuptools-rust found no Rust compiler (rustc) on PATH.",
             R"re([Cc]an not find Rust compiler)re"),
        // A cargo test binary (target/<profile>/deps/<name>-<hash>, no library suffix) without Python's symbols.
        rule("cargo-test-libpython-link", "test-binary", C::Medium, 80,
             "A cargo test or binary built with extension-module lacks Python's symbols (libpython is not linked).",
             R"re(Referenced from: \S*target[/\\](?:debug|release)[/\\]deps[/\\][\w-]+-[0-9a-f]{16}\s*$)re"),
        // dyld's newer wording (macOS 12 and later) names no file: the process lacks Python's symbols, a cargo test or run
        // binary built with extension-module, or an embedding program, or an extension built for another interpreter: a lead.
        rule("cargo-test-libpython-link", "flat-namespace", C::Low, 60,
             "The process has no Python symbol %1: a Rust binary (cargo test/run) built with extension-module does not link libpython.",
             R"re(symbol not found in flat namespace '_?(Py\w+)')re"),
        rule("rustc-not-found", "no-default", C::Medium, 72, "rustup is installed but has no default toolchain, so there is no rustc or cargo to run.",
             R"re(rustup could not choose a version of \w+ to run|no override and no default toolchain set|no default toolchain (?:is )?configured)re"),
        rule("cargo-not-found", "metadata", C::Medium, 72, "A build tool could not run cargo: Rust is not installed or not on PATH.",
             R"re((?i:failed to (?:run|get|execute|spawn)) (?:command )?['"`]?cargo\b.*(?:No such file or directory|program not found|cannot find the file specified|\(os error 2\)))re"),
        rule("patchelf-missing", "version", C::Medium, 70, "maturin ran patchelf to read its version and got nothing back: patchelf is missing or broken.",
             R"re(Failed to parse patchelf version)re"),
        rule("auditwheel-copy-needed", "check", C::High, 80, "The extension needs external libraries that a repair would copy into the wheel, and the build only checks.",
             R"re(compliant because it requires copying the following libraries|Can not repair the wheel because `--auditwheel=check` is specified)re"),
        // abi3 that the interpreter cannot build.
        rule("abi3-not-applied", "interpreter", C::High, 70, "%1 cannot build abi3, so maturin built version-specific artifacts for it.",
             R"re(((?:CPython|PyPy|GraalPy) [\d.]+t?)(?: at .*)? does not (?:yet )?support abi3)re"),
        // develop: the installer of the environment refuses the wheel that was just built for another interpreter.
        rule("develop-env-mismatch", "tag", C::Low, 60, "The installer refuses the built wheel: its Python tag is not the environment's.",
             R"re(has no wheels with a matching Python (?:version|ABI) tag|has no wheels are available with a matching Python (?:ABI|implementation)|only has wheels with the following Python (?:ABI|implementation|version) tags?|is not a supported wheel on this platform)re"),
        // Artifacts: a debug build, debug information, a leftover package folder.
        rule("debug-profile", "runtime", C::Medium, 60, "The package says it was not compiled with the release profile.",
             R"re((?:has not been|was not|wasn't|is not) (?:compiled|built) (?:in|with) (?:release mode|the release profile|--release|optimi[sz]ations))re"),
        rule("debug-symbols", "file", C::Medium, 55, "file(1) says the extension carries debug information (with debug_info, not stripped).",
             R"re(shared object.*with debug_info, not stripped)re"),
        rule("stale-develop-artifact", "pip-leftover", C::Medium, 62,
             "pip could not remove the old package folder (%1): a running process holds its extension, and the leftover copy can be "
             "imported instead of the new build.",
             R"re(Failed to remove contents in a temporary directory '([^'\s]*~[^'\s]*))re"),
        // A [package.metadata.maturin] value in a form this maturin does not read (the older list form of project-url,
        // a string where a table is expected): serde's wording names the key.
        rule("maturin-metadata-format-outdated", "", C::Medium, 76,
             "Cargo.toml's [package.metadata.maturin] %1 is written in a form this maturin does not read.",
             R"re(invalid type: [\w ]+, expected [\w ]+ for key `package\.metadata\.maturin\.([\w-]+)`)re"),
        // maturin on Android (Termux) needs the API level it builds for.
        rule("android-api-level-unset", "", C::High, 86, "maturin cannot tell which Android API level to build for.",
             R"re(Failed to determine Android API level)re"),
        // maturin before 0.8 chose the bindings without the crate's features: a pyo3 behind a feature was not seen.
        rule("pyo3-feature-disabled", "not-in-dependencies", C::High, 80, "maturin does not see pyo3 among the crate's dependencies (is it behind a feature?).",
             R"re(The bindings crate pyo3 was not found in the dependencies list)re"),
        rule("pyo3-feature-disabled", "no-bindings", C::Low, 60, "maturin found no bindings crate among the dependencies (pyo3 behind a feature, or missing).",
             R"re(Couldn't find any bindings; Please specify them with --bindings)re"),
        // The readme a manifest names is missing (maturin before 1.5.1 quotes the path as written, later ones the full path).
        // Only the file's name tells what it was for: a readme that Cargo.toml or pyproject.toml names.
        rule("readme-missing", "open", C::Medium, 70, "The readme file %1 named by Cargo.toml or pyproject.toml does not exist.",
             R"re(failed to open file `([^`]*[/\\]README[^`/\\]*|README[^`/\\]*)`: No such file or directory)re"),
        rule("readme-missing", "", C::High, 84, "The readme file %1 named by Cargo.toml or pyproject.toml does not exist.",
             R"re(failed to normalize readme path `([^`]+)`)re"),
        // maturin's metadata reader (src/metadata.rs), before the compile: the path it looked at.
        rule("readme-missing", "metadata", C::High, 84, "The readme file %2 named by %1 does not exist.",
             R"re(Failed to read [Rr]eadme specified in (?:(pyproject\.toml)|(Cargo\.toml)), which should be at (\S.*?)\s*$)re"),
        // The license file [project] license = { file } names, read after the compile: only a file named like one.
        rule("license-file-missing", "", C::Medium, 80, "The license file %1 does not exist (named by [project] license in pyproject.toml).",
             R"re(Failed to read (\S*?[^\s/\\]*(?:LICEN[CS]E|[Ll]icen[cs]e|COPYING|NOTICE)[^\s/\\]*)\s*$)re"),
        // [project] tables maturin validates itself (src/metadata.rs; the extra names through the pep508 crate).
        rule("pyproject-invalid", "entry-points", C::High, 84,
             "pyproject.toml lists %1 under [project.entry-points]: scripts belong in [project.scripts] (or [project.gui-scripts]).",
             R"re((console_scripts|gui_scripts) is not allowed in project\.entry-points table)re"),
        rule("pyproject-invalid", "extra-name", C::High, 84,
             "The extra %1 in pyproject.toml's [project.optional-dependencies] is not a valid name.",
             R"re(invalid extra name: (.+?)\s*$)re"),
        // [tool.maturin] data, relative to pyproject.toml (maturin 1.x).
        rule("data-dir-missing", "", C::High, 84, "The data folder %1 ([tool.maturin] data) does not exist.",
             R"re(No such data directory (\S.*?)\s*$)re"),
        // cargo, for --profile / [tool.maturin] profile or editable-profile.
        rule("cargo-profile-undefined", "", C::High, 84, "cargo was asked for the profile %1, which no [profile.%1] table defines.",
             R"re(error: profile `([^`]+)` is not defined)re"),
        // maturin's audit, for a tag it has no policy of (src/auditwheel/audit.rs; 1.x).
        rule("compatibility-policy-unknown", "", C::High, 84, "maturin has no auditwheel policy for %1, the platform tag it was asked for.",
             R"re(((?:many|musl)linux_?[\w]+) compatibility policy is not defined by auditwheel yet)re"),
        // (The same refusal of a license table is license-field-format's: the forms of [project] license.)
        rule("readme-file-and-text", "", C::High, 84, "pyproject.toml's [project] readme table sets both file and text.",
             R"re(file and text fields of 'project\.readme' are mutually-exclusive)re"),
        // A source tree without the files the crate needs (an incomplete sdist).
        rule("sdist-missing-files", "workspace-root", C::Medium, 60, "The crate inherits from a workspace root manifest that is not in the source tree.",
             R"re(failed to find a workspace root|error inheriting `[^`]+` from workspace root manifest)re"),
        rule("sdist-missing-files", "no-lib-source", C::Low, 56, "The crate's library source (%1) is not in the source tree being built.",
             R"re(can't find library `([^`]+)`, rename file to `src/lib\.rs` or specify lib\.path)re"),
        rule("sdist-missing-files", "no-manifest", C::Medium, 58, "The source tree being built has no Cargo.toml: %1.",
             R"re(could not find `Cargo\.toml` in `([^`]+)`)re"),
        // A library the extension needs that neither the wheel nor the machine has.
        rule("manylinux-forbidden-library", "import", C::Medium, 62,
             "The extension needs %1, which the wheel does not carry (it was not copied in by the repair step) and this machine lacks.",
             R"re(ImportError: ((?!libpython|lib(?:c|m|dl|rt|pthread|stdc\+\+|gcc_s|z)\.so)lib[\w.+-]+?\.so[\w.]*): cannot open shared object file)re"),
        // The macOS linker's summary of undefined symbols, without the symbols: a lead.
        rule("macos-undefined-dynamic-lookup", "summary", C::Low, 50,
             "The macOS linker found undefined symbols (%1); for a Python extension these are usually Python's, which must be left "
             "to the interpreter with -undefined dynamic_lookup.",
             R"re(ld: symbol\(s\) not found for architecture (\w+)|Undefined symbols for architecture (\w+):?\s*$)re"),
        // Valid input some maturin releases refused: a policy enum misread (0.11.0-0.11.3, fixed in 0.11.4), a
        // build-backend required (2021 releases; later ones warn), a readme joined onto a Windows verbatim path.
        rule("maturin-bug", "policy-enum", C::Medium, 80,
             "This maturin (0.11.0-0.11.3) misreads [tool.maturin] manylinux/compatibility = \"%1\"; 0.11.4 fixed it: upgrade maturin.",
             R"re(unknown variant `([^`]+)`, expected one of `Manylinux`, `Musllinux`)re"),
        rule("maturin-bug", "build-backend", C::Medium, 76,
             "This maturin requires [build-system] build-backend, which a pyproject.toml may omit (later releases only warn): add "
             "build-backend = \"maturin\", or upgrade maturin.",
             R"re(not PEP 517 compliant: missing field `build-backend`)re"),
        rule("maturin-bug", "verbatim-readme", C::Medium, 80,
             "maturin joined the readme's relative path onto a Windows verbatim path (\\\\?\\...\\..\\README.md), which Windows refuses.",
             R"re(Failed to read readme specified in \S+, which should be at \\\\\?\\\S*\.\.[/\\])re"),
        // maturin 0.12.0 on macOS; fixed in 0.12.1.
        rule("maturin-regression", "macos-platform", C::Medium, 80, "This maturin cannot parse the macOS platform string sysconfig.get_platform() gives.",
             R"re(Invalid platform string from `sysconfig\.get_platform\(\)`)re"),
        // maturin 1.8.7 passed its compression level with every method; the zip crate refuses a level for stored (no compression).
        rule("maturin-regression", "zip-level", C::Medium, 80,
             "maturin 1.8.7 passes its compression level along with the compression method, and the zip library refuses a level "
             "for stored (uncompressed) entries.",
             R"re(unsupported Zip archive: Unsupported compression level)re"),
        // maturin 1.12.5-1.12.6's develop added --include-debuginfo of its own and then refused it beside [tool.maturin] strip = true.
        rule("maturin-regression", "debuginfo-strip", C::Medium, 78,
             "maturin develop turned on --include-debuginfo itself, which clashes with strip = true in [tool.maturin].",
             R"re(--include-debuginfo cannot be used with --strip)re"),
        // maturin 1.9-1.11 refused a license file from the workspace (license-file.workspace = true) outside the project's folder.
        rule("maturin-regression", "license-outside-root", C::Medium, 78,
             "maturin refuses the license file %1 because it lies outside the project folder %2 (a workspace-level license file).",
             R"re(license file `([^`]+)` exists outside of the project root `([^`]+)`)re"),
        // A folder named like the module without __init__.py; maturin 0.14.0-0.14.1 also said it of a bin project's folder.
        rule("maturin-regression", "src-layout", C::Low, 60,
             "maturin took the folder %1 next to Cargo.toml for a mixed project's Python package: add an __init__.py or rename the "
             "folder (maturin 0.14.0-0.14.1 also said this wrongly of a bin project's folder).",
             R"re(Found a directory with the module name \(([^)]+)\) next to Cargo\.toml, which indicates a mixed python/rust project, but the directory didn't contain an __init__\.py file)re"),
        // Where pip unpacked a source distribution to build it: a Cargo.toml or the library's sources the sdist lacks
        // (outside a source build, FailureDetectors lowers these to a lead).
        rule("sdist-missing-files", "no-manifest", C::Medium, 60, "The source distribution has no Cargo.toml where maturin looks: %1.",
             R"re(Can't find (\S*[/\\]pip-(?:req-build|install)-\S*Cargo\.toml))re"),
        // cargo finding a workspace member that the root manifest does not list, where pip unpacked a source distribution:
        // the sdist maturin wrote lost the member list (fixed in 1.3.1, #1811; glob members 1.3.2, #1846). (In the
        // project's own checkout the same message means its workspace's members are wrong: no rule.)
        rule("maturin-bug", "sdist-workspace-members", C::Medium, 70,
             "The source distribution's root Cargo.toml does not list the member %1: maturin wrote it without the workspace's "
             "members (maturin 1.3.1 fixed the list, 1.3.2 its globs).",
             R"re(this may be fixable by adding `([^`]+)` to the `workspace\.members` array of the manifest located at: \S*[/\\]pip-(?:req-build|install)-)re"),
        // A released sdist without its sources is broken, and was built because no wheel matched: which one the thread
        // blames varies, so a lead beside the no-wheel one.
        rule("sdist-missing-files", "no-lib-rs", C::Low, 60, "The crate %1 has no library source (src/lib.rs) where the build looks: the source tree lacks it.",
             R"re(can't find library `([\w-]+)`, rename file to `src/lib\.rs` or specify lib\.path)re"),
    };
    return all;
}

} // namespace wb::diagnose
