// Validation rules, each with a failing and a passing project; effective values; the corpus.
#include "support/TestPaths.h"

#include "core/project/EffectiveSettings.h"
#include "core/project/PackagingSpecs.h"
#include "core/project/ProjectValidator.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace wb;

namespace {
using Files = QMap<QString, QByteArray>;

const QByteArray goodPyproject = "[build-system]\nrequires = [\"maturin>=1.8,<2.0\"]\nbuild-backend = \"maturin\"\n\n"
                                 "[project]\nname = \"demo\"\nrequires-python = \">=3.9\"\ndynamic = [\"version\"]\n\n"
                                 "[tool.maturin]\nmodule-name = \"demo._native\"\npython-source = \"python\"\nstrip = true\n";
const QByteArray goodCargo = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\nname = \"_native\"\n"
                             "crate-type = [\"cdylib\"]\n\n[dependencies]\npyo3 = { version = \"0.22\", features = [\"extension-module\"] }\n\n"
                             "[features]\nfast = []\n";
const QByteArray goodLib = "use pyo3::prelude::*;\n#[pymodule]\nfn _native(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }\n";

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

Files goodFiles()
{
    return {{QStringLiteral("pyproject.toml"), goodPyproject},
            {QStringLiteral("Cargo.toml"), goodCargo},
            {QStringLiteral("src/lib.rs"), goodLib},
            {QStringLiteral("python/demo/__init__.py"), "from ._native import *\n"}};
}

QByteArray with(const QByteArray &text, const char *from, const char *to)
{
    QByteArray t = text;
    Q_ASSERT(t.contains(from));
    return t.replace(from, to);
}
} // namespace

class TestProjectValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QString>("maturinVersion");
        const Files good = goodFiles();
        auto py = [&](const char *from, const char *to) {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = with(goodPyproject, from, to);
            return f;
        };
        auto cargo = [&](const char *from, const char *to) {
            Files f = good;
            f[QStringLiteral("Cargo.toml")] = with(goodCargo, from, to);
            return f;
        };
        const QString none;
        struct Rule {
            const char *id;
            Files failing;
            QString version = {};
        };
        const QList<Rule> rules = {
            {"toml.syntax", py("strip = true", "strip = \n")},
            {"maturin.unknown-key", py("strip = true", "strip = true\nstirp = true")},
            {"maturin.removed-key", py("strip = true", "strip = true\nsdist-include = [\"x\"]")},
            {"maturin.cli-only-key", py("strip = true", "strip = true\nzig = true")},
            {"maturin.key-too-new", py("strip = true", "strip = true\npgo-command = \"python bench.py\""), QStringLiteral("1.8.3")},
            {"maturin.wrong-type", py("strip = true", "strip = \"yes\"")},
            {"maturin.invalid-value", py("strip = true", "strip = true\nbindings = \"pyo4\"")},
            {"maturin.deprecated-key", py("strip = true", "strip = true\nskip-auditwheel = true")},
            {"cargo.crate-type-no-cdylib", cargo("crate-type = [\"cdylib\"]", "crate-type = [\"rlib\"]")},
            {"module.name-has-dash", py("module-name = \"demo._native\"", "module-name = \"demo-x\"")},
            {"module.name-invalid", py("module-name = \"demo._native\"", "module-name = \"demo.1x\"")},
            {"module.pymodule-mismatch", py("module-name = \"demo._native\"", "module-name = \"demo._other\"")},
            {"layout.python-source-missing", py("python-source = \"python\"", "python-source = \"pysrc\"")},
            {"layout.package-missing", py("module-name = \"demo._native\"", "module-name = \"other._native\"")},
            {"pyo3.extension-module-missing", cargo(", features = [\"extension-module\"]", "")},
            {"pyo3.extension-module-deprecated", cargo("version = \"0.22\"", "version = \"0.26\"")},
            {"pyo3.abi3-requires-python", cargo("[\"extension-module\"]", "[\"extension-module\", \"abi3-py311\"]")},
            {"project.version-missing", py("dynamic = [\"version\"]", "")},
            {"project.version-conflict", py("dynamic = [\"version\"]", "dynamic = [\"version\"]\nversion = \"1.0\"")},
            {"project.version-invalid", py("dynamic = [\"version\"]", "version = \"1.0-banana\"")},
            {"project.name-invalid", py("name = \"demo\"", "name = \"-demo-\"")},
            {"project.requires-python-invalid", py(">=3.9", "=>3.9")},
            {"project.dependency-invalid", py("dynamic = [\"version\"]", "dynamic = [\"version\"]\ndependencies = [\"numpy >== 1\"]")},
            {"build-system.maturin-unbounded", py("maturin>=1.8,<2.0", "maturin>=1.8")},
            {"build-system.backend-not-maturin", py("build-backend = \"maturin\"", "build-backend = \"setuptools.build_meta\"")},
            {"build-system.missing", py("[build-system]\nrequires = [\"maturin>=1.8,<2.0\"]\nbuild-backend = \"maturin\"\n", "")},
            {"files.include-no-match", py("strip = true", "strip = true\ninclude = [\"docs/*.md\"]")},
            {"cargo.feature-undefined", py("strip = true", "strip = true\nfeatures = [\"turbo\"]")},
            {"size.no-strip", py("strip = true", "")},
            {"cargo.profile-unknown", py("strip = true", "strip = true\nprofile = \"dist\"")},
            {"cargo.manifest-missing", py("strip = true", "strip = true\nmanifest-path = \"crates/x/Cargo.toml\"")},
            {"build-system.requirement-invalid", py("requires = [\"maturin>=1.8,<2.0\"]", "requires = [\"maturin>=1.8,<2.0\", \"cffi >== 1\"]")},
            {"layout.init-missing", [&] {
                 Files f = good;
                 f.remove(QStringLiteral("python/demo/__init__.py"));
                 f[QStringLiteral("python/demo/helpers.py")] = "X = 1\n";
                 return f;
             }()},
            {"project.no-pyproject", [&] {
                 Files f = good;
                 f.remove(QStringLiteral("pyproject.toml"));
                 return f;
             }()},
            {"file.unreadable", py("strip = true", "strip = true\n") /* made oversized below */},
        };
        for (const Rule &r : rules) {
            Files failing = r.failing;
            if (QLatin1String(r.id) == QLatin1String("file.unreadable")) // larger than a settings file can be
                failing[QStringLiteral("pyproject.toml")] += '#' + QByteArray(Project::MaxFileSize, 'x') + '\n';
            QTest::newRow(qPrintable(QStringLiteral("%1 fails").arg(QLatin1String(r.id)))) << failing << QString::fromLatin1(r.id) << true << r.version;
            QTest::newRow(qPrintable(QStringLiteral("%1 passes").arg(QLatin1String(r.id)))) << good << QString::fromLatin1(r.id) << false
                                                                                           << r.version;
        }
        // Passing variants that must not trigger their rule.
        QTest::newRow("extension-module via [tool.maturin] features")
            << [&] {
                   Files f = cargo(", features = [\"extension-module\"]", "");
                   f[QStringLiteral("pyproject.toml")] = with(goodPyproject, "strip = true", "strip = true\nfeatures = [\"pyo3/extension-module\"]");
                   return f;
               }()
            << QStringLiteral("pyo3.extension-module-missing") << false << none;
        QTest::newRow("pyo3 0.26 without extension-module") << cargo("version = \"0.22\", features = [\"extension-module\"]", "version = \"0.26\"")
                                                            << QStringLiteral("pyo3.extension-module-missing") << false << none;
        QTest::newRow("pymodule renamed by #[pyo3(name)]")
            << [&] {
                   Files f = py("module-name = \"demo._native\"", "module-name = \"demo._fast\"");
                   f[QStringLiteral("src/lib.rs")] = "#[pymodule]\n#[pyo3(name = \"_fast\")]\nfn native(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }\n";
                   return f;
               }()
            << QStringLiteral("module.pymodule-mismatch") << false << none;
        QTest::newRow("strip in [profile.release]")
            << [&] {
                   Files f = py("strip = true", "");
                   f[QStringLiteral("Cargo.toml")] = goodCargo + "\n[profile.release]\nstrip = true\n";
                   return f;
               }()
            << QStringLiteral("size.no-strip") << false << none;
        QTest::newRow("key known by the installed maturin") << py("strip = true", "strip = true\npgo-command = \"x\"")
                                                            << QStringLiteral("maturin.key-too-new") << false << QStringLiteral("1.13.0");
        QTest::newRow("dep/feature form") << py("strip = true", "strip = true\nfeatures = [\"pyo3/abi3-py39\", \"fast\"]")
                                          << QStringLiteral("cargo.feature-undefined") << false << none;
        // The readme and license files maturin reads into the metadata (src/metadata.rs): a missing one stops it.
        const char *nameLine = "name = \"demo\"\nrequires-python";
        auto withFile = [&](Files f, const char *path) {
            f[QString::fromLatin1(path)] = "text\n";
            return f;
        };
        // PEP 639: a license-files pattern must match a file; maturin 1.8.3 builds on without it.
        const char *licenseFiles = "name = \"demo\"\nlicense-files = [\"LICEN[CS]E*\", \"licenses/**/*.txt\"]\nrequires-python";
        QTest::newRow("license-files match nothing") << withFile(py(nameLine, licenseFiles), "LICENSE")
                                                     << QStringLiteral("project.license-files-no-match") << true << none;
        QTest::newRow("license-files match") << withFile(withFile(py(nameLine, licenseFiles), "LICENSE"), "licenses/vendored/zlib.txt")
                                             << QStringLiteral("project.license-files-no-match") << false << none;
        QTest::newRow("license-files match, '**/' as no folder") << withFile(withFile(py(nameLine, licenseFiles), "LICENCE.md"), "licenses/zlib.txt")
                                                                << QStringLiteral("project.license-files-no-match") << false << none;
        QTest::newRow("license-files, '*' stays in its folder") << withFile(withFile(py(nameLine, licenseFiles), "LICENSE"), "licenses/zlib.md")
                                                               << QStringLiteral("project.license-files-no-match") << true << none;
        QTest::newRow("readme missing") << py(nameLine, "name = \"demo\"\nreadme = \"README.md\"\nrequires-python")
                                        << QStringLiteral("project.readme-missing") << true << none;
        QTest::newRow("readme there") << withFile(py(nameLine, "name = \"demo\"\nreadme = \"README.md\"\nrequires-python"), "README.md")
                                      << QStringLiteral("project.readme-missing") << false << none;
        QTest::newRow("readme table, file missing")
            << py(nameLine, "name = \"demo\"\nreadme = { file = \"docs/README.rst\", content-type = \"text/x-rst\" }\nrequires-python")
            << QStringLiteral("project.readme-missing") << true << none;
        QTest::newRow("readme table, file there")
            << withFile(py(nameLine, "name = \"demo\"\nreadme = { file = \"docs/README.rst\", content-type = \"text/x-rst\" }\nrequires-python"),
                        "docs/README.rst")
            << QStringLiteral("project.readme-missing") << false << none;
        QTest::newRow("readme text") << py(nameLine, "name = \"demo\"\nreadme = { text = \"Hi\", content-type = \"text/plain\" }\nrequires-python")
                                     << QStringLiteral("project.readme-missing") << false << none;
        QTest::newRow("readme file and text")
            << withFile(py(nameLine, "name = \"demo\"\nreadme = { file = \"README.md\", text = \"Hi\" }\nrequires-python"), "README.md")
            << QStringLiteral("project.readme-file-and-text") << true << none;
        QTest::newRow("license file missing") << py(nameLine, "name = \"demo\"\nlicense = { file = \"LICENSE\" }\nrequires-python")
                                              << QStringLiteral("project.license-missing") << true << none;
        QTest::newRow("license file there") << withFile(py(nameLine, "name = \"demo\"\nlicense = { file = \"LICENSE\" }\nrequires-python"), "LICENSE")
                                            << QStringLiteral("project.license-missing") << false << none;
        QTest::newRow("license text") << py(nameLine, "name = \"demo\"\nlicense = { text = \"MIT\" }\nrequires-python")
                                      << QStringLiteral("project.license-missing") << false << none;
        QTest::newRow("license file and text")
            << withFile(py(nameLine, "name = \"demo\"\nlicense = { file = \"LICENSE\", text = \"MIT\" }\nrequires-python"), "LICENSE")
            << QStringLiteral("project.license-file-and-text") << true << none;
        const char *edition = "edition = \"2021\"\n";
        QTest::newRow("Cargo readme missing") << cargo(edition, "edition = \"2021\"\nreadme = \"../README.md\"\n")
                                              << QStringLiteral("cargo.readme-missing") << true << none;
        QTest::newRow("Cargo readme there") << withFile(cargo(edition, "edition = \"2021\"\nreadme = \"README.md\"\n"), "README.md")
                                            << QStringLiteral("cargo.readme-missing") << false << none;
        QTest::newRow("Cargo readme false") << cargo(edition, "edition = \"2021\"\nreadme = false\n")
                                            << QStringLiteral("cargo.readme-missing") << false << none;
        // What maturin 1.8.3 stops on (or silently drops) in [tool.maturin] and [project], each tried with it.
        const char *strip = "strip = true";
        QTest::newRow("data folder missing") << py(strip, "strip = true\ndata = \"demo.data\"")
                                             << QStringLiteral("layout.data-missing") << true << none;
        QTest::newRow("data folder there") << withFile(py(strip, "strip = true\ndata = \"demo.data\""), "demo.data/scripts/run")
                                           << QStringLiteral("layout.data-missing") << false << none;
        QTest::newRow("bindings cffi on a PyO3 crate") << py(strip, "strip = true\nbindings = \"cffi\"")
                                                       << QStringLiteral("maturin.bindings-not-pyo3") << true << none;
        QTest::newRow("bindings uniffi on a PyO3 crate") << py(strip, "strip = true\nbindings = \"uniffi\"")
                                                         << QStringLiteral("maturin.bindings-not-pyo3") << true << none;
        QTest::newRow("bindings pyo3") << py(strip, "strip = true\nbindings = \"pyo3\"") << QStringLiteral("maturin.bindings-not-pyo3")
                                       << false << none;
        {
            Files cffiCrate = py(strip, "strip = true\nbindings = \"cffi\"");
            cffiCrate[QStringLiteral("Cargo.toml")] = with(goodCargo, "pyo3 = { version = \"0.22\", features = [\"extension-module\"] }\n", "");
            QTest::newRow("bindings cffi on a cffi crate") << cffiCrate << QStringLiteral("maturin.bindings-not-pyo3") << false << none;
        }
        QTest::newRow("python-packages missing") << py(strip, "strip = true\npython-packages = [\"extra\"]")
                                                 << QStringLiteral("layout.python-package-missing") << true << none;
        QTest::newRow("python-packages, a folder") << withFile(py(strip, "strip = true\npython-packages = [\"extra\"]"), "python/extra/__init__.py")
                                                   << QStringLiteral("layout.python-package-missing") << false << none;
        QTest::newRow("python-packages, a module") << withFile(py(strip, "strip = true\npython-packages = [\"extra\"]"), "python/extra.py")
                                                   << QStringLiteral("layout.python-package-missing") << false << none;
        // The package's imports of its child modules against where the extension is built (maturin builds either way).
        auto withInit = [&](Files f, const char *init) {
            f[QStringLiteral("python/demo/__init__.py")] = init;
            return f;
        };
        const QString notBuilt = QStringLiteral("layout.import-not-built");
        QTest::newRow("imports a module nothing builds") << withInit(good, "from ._core import x\n") << notBuilt << true << none;
        QTest::newRow("imports the extension by its full name") << withInit(good, "import sys\nfrom demo._native import x\n") << notBuilt << false << none;
        QTest::newRow("imports a missing module inside try:")
            << withInit(good, "try:\n    from ._core import x\nexcept ImportError:\n    x = None\n") << notBuilt << false << none;
        QTest::newRow("from . imports a module nothing builds") << withInit(good, "from . import _core, util as u\n") << notBuilt << true << none;
        QTest::newRow("from . imports the extension") << withInit(good, "from . import (_native)\n") << notBuilt << false << none;
        QTest::newRow("from . imports a name the file defines") << withInit(good, "from ._native import *\nhelper = 1\nfrom . import helper\n")
                                                                << notBuilt << false << none;
        QTest::newRow("imports a module of its own") << withFile(withInit(good, "from .util import x\n"), "python/demo/util.py") << notBuilt << false << none;
        QTest::newRow("an import in a docstring") << withInit(good, "\"\"\"Use it so:\nfrom ._core import x\n\"\"\"\n") << notBuilt << false << none;
        QTest::newRow("extension moved to a sub-package, old import")
            << py("module-name = \"demo._native\"", "module-name = \"demo.sub._native\"") << notBuilt << true << none;
        QTest::newRow("extension in a sub-package, imported there")
            << withInit(py("module-name = \"demo._native\"", "module-name = \"demo.sub._native\""), "from .sub._native import x\n") << notBuilt
            << false << none;
        QTest::newRow("profile nowhere") << py(strip, "strip = true\nprofile = \"fast\"") << QStringLiteral("cargo.profile-unknown") << true << none;
        QTest::newRow("profile in .cargo/config.toml")
            << [&] {
                   Files f = py(strip, "strip = true\nprofile = \"fast\"");
                   f[QStringLiteral(".cargo/config.toml")] = "[profile.fast]\ninherits = \"release\"\n";
                   return f;
               }()
            << QStringLiteral("cargo.profile-unknown") << false << none;
        QTest::newRow("profile in Cargo.toml") << [&] {
            Files f = py(strip, "strip = true\nprofile = \"fast\"");
            f[QStringLiteral("Cargo.toml")] = goodCargo + "\n[profile.fast]\ninherits = \"release\"\n";
            return f;
        }() << QStringLiteral("cargo.profile-unknown") << false << none;
        QTest::newRow("no policy for manylinux_2_20") << py(strip, "strip = true\ncompatibility = \"manylinux_2_20\"")
                                                      << QStringLiteral("maturin.policy-undefined") << true << none;
        QTest::newRow("no policy for 2_99") << py(strip, "strip = true\ncompatibility = \"2_99\"") << QStringLiteral("maturin.policy-undefined")
                                            << true << none;
        QTest::newRow("no policy for musllinux_1_3") << py(strip, "strip = true\ncompatibility = \"musllinux_1_3\"")
                                                     << QStringLiteral("maturin.policy-undefined") << true << none;
        // Rust 1.64 and later need glibc 2.17 (maturin 1.8.3: "not manylinux_2_12 (aka manylinux2010) compliant").
        QTest::newRow("manylinux2010") << py(strip, "strip = true\ncompatibility = \"manylinux2010\"") << QStringLiteral("maturin.policy-below-rust")
                                       << true << none;
        QTest::newRow("manylinux1, short form") << py(strip, "strip = true\ncompatibility = \"1\"") << QStringLiteral("maturin.policy-below-rust")
                                                << true << none;
        QTest::newRow("manylinux_2_12") << py(strip, "strip = true\ncompatibility = \"manylinux_2_12\"")
                                        << QStringLiteral("maturin.policy-below-rust") << true << none;
        QTest::newRow("manylinux_2_17") << py(strip, "strip = true\ncompatibility = \"manylinux_2_17\"")
                                        << QStringLiteral("maturin.policy-below-rust") << false << none;
        QTest::newRow("manylinux_2_28") << py(strip, "strip = true\ncompatibility = \"manylinux_2_28\"") << QStringLiteral("maturin.policy-undefined")
                                        << false << none;
        QTest::newRow("manylinux2014") << py(strip, "strip = true\ncompatibility = \"manylinux2014\"") << QStringLiteral("maturin.policy-undefined")
                                       << false << none;
        QTest::newRow("manylinux_2_40 with maturin 1.8.3") << py(strip, "strip = true\ncompatibility = \"manylinux_2_40\"")
                                                           << QStringLiteral("maturin.policy-undefined") << true << QStringLiteral("1.8.3");
        QTest::newRow("manylinux_2_39 with maturin 1.8.3") << py(strip, "strip = true\ncompatibility = \"manylinux_2_39\"")
                                                           << QStringLiteral("maturin.policy-undefined") << false << QStringLiteral("1.8.3");
        QTest::newRow("manylinux_2_40, maturin not known") << py(strip, "strip = true\ncompatibility = \"manylinux_2_40\"")
                                                           << QStringLiteral("maturin.policy-undefined") << false << none;
        QTest::newRow("policy unknown, audit skipped") << py(strip, "strip = true\ncompatibility = \"manylinux_2_20\"\nauditwheel = \"skip\"")
                                                       << QStringLiteral("maturin.policy-undefined") << false << none;
        QTest::newRow("extra name invalid") << [&] {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = goodPyproject + "\n[project.optional-dependencies]\n\"bad extra!\" = [\"numpy\"]\n";
            return f;
        }() << QStringLiteral("project.extra-invalid") << true << none;
        QTest::newRow("extra name valid") << [&] {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = goodPyproject + "\n[project.optional-dependencies]\nnumpy-support = [\"numpy\"]\n";
            return f;
        }() << QStringLiteral("project.extra-invalid") << false << none;
        QTest::newRow("console_scripts as an entry point") << [&] {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = goodPyproject + "\n[project.entry-points.console_scripts]\ndemo = \"demo:main\"\n";
            return f;
        }() << QStringLiteral("project.entry-points-scripts") << true << none;
        QTest::newRow("another entry point group") << [&] {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = goodPyproject + "\n[project.entry-points.pyinstaller40]\nhook-dirs = \"demo:hooks\"\n";
            return f;
        }() << QStringLiteral("project.entry-points-scripts") << false << none;
        // pip refuses the wheel maturin builds from these (tried with maturin 1.8.3 and pip 25: "A callable suffix is required").
        const auto withScripts = [&](const char *table) {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = goodPyproject + "\n" + table + "\n";
            return f;
        };
        QTest::newRow("project name with a space") << [&] {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = with(goodPyproject, "name = \"demo\"", "name = \"demo app\"");
            return f;
        }() << QStringLiteral("project.name-invalid") << true << none;
        // PyPI refuses these in Author-email (the failure reports); maturin 1.8.3 builds with them.
        const auto people = [&](const char *line) {
            Files f = good;
            f[QStringLiteral("pyproject.toml")] = with(goodPyproject, "name = \"demo\"", line);
            return f;
        };
        QTest::newRow("author email a URL") << people("name = \"demo\"\nauthors = [{name = \"A\", email = \"https://github.com/a\"}]")
                                            << QStringLiteral("project.email-invalid") << true << none;
        QTest::newRow("maintainer emails joined") << people("name = \"demo\"\nmaintainers = [{email = \"a@b.org; c@d.org\"}]")
                                                  << QStringLiteral("project.email-invalid") << true << none;
        QTest::newRow("author emails valid")
            << people("name = \"demo\"\nauthors = [{name = \"A\"}, {email = \"1755071+a@users.noreply.github.com\"}]")
            << QStringLiteral("project.email-invalid") << false << none;
        QTest::newRow("script without a function") << withScripts("[project.scripts]\ndemo = \"demo\"") << QStringLiteral("project.script-invalid")
                                                   << true << none;
        QTest::newRow("gui script with a path") << withScripts("[project.gui-scripts]\ndemo = \"demo/cli.py:main\"")
                                                << QStringLiteral("project.script-invalid") << true << none;
        QTest::newRow("script as a table") << withScripts("[project.scripts]\ndemo = { module = \"demo\" }")
                                           << QStringLiteral("project.script-invalid") << true << none;
        QTest::newRow("scripts as maturin's test crates write them")
            << withScripts("[project.scripts]\nget_42 = \"demo:DummyClass.get_42\"\ncli = \"demo.cli : main [extra]\"\nnon_ascii = \"démo:état\"")
            << QStringLiteral("project.script-invalid") << false << none;
        // What cargo refuses before maturin learns anything (cargo metadata fails), and pip's missing backend.
        QTest::newRow("Cargo version not semver") << cargo("version = \"0.1.0\"", "version = \"0.1\"") << QStringLiteral("cargo.version-invalid")
                                                  << true << none;
        QTest::newRow("Cargo version pre-release") << cargo("version = \"0.1.0\"", "version = \"0.1.0-beta.2+build.5\"")
                                                   << QStringLiteral("cargo.version-invalid") << false << none;
        QTest::newRow("[lib] name with a hyphen") << [&] {
            Files f = cargo("name = \"_native\"", "name = \"demo-native\"");
            f[QStringLiteral("pyproject.toml")] = with(goodPyproject, "module-name = \"demo._native\"", "module-name = \"demo.demo_native\"");
            f[QStringLiteral("src/lib.rs")] = "use pyo3::prelude::*;\n#[pymodule]\nfn demo_native(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }\n";
            return f;
        }() << QStringLiteral("cargo.lib-name-invalid") << true << none;
        QTest::newRow("[lib] path missing") << cargo("crate-type = [\"cdylib\"]", "crate-type = [\"cdylib\"]\npath = \"src/native.rs\"")
                                            << QStringLiteral("cargo.lib-path-missing") << true << none;
        QTest::newRow("[lib] path there") << withFile(cargo("crate-type = [\"cdylib\"]", "crate-type = [\"cdylib\"]\npath = \"src/native.rs\""), "src/native.rs")
                                          << QStringLiteral("cargo.lib-path-missing") << false << none;
        QTest::newRow("requires without maturin") << py("requires = [\"maturin>=1.8,<2.0\"]", "requires = [\"setuptools\"]")
                                                  << QStringLiteral("build-system.maturin-not-required") << true << none;
        QTest::newRow("requires maturin with extras") << py("requires = [\"maturin>=1.8,<2.0\"]", "requires = [\"maturin[zig]>=1.8,<2.0\"]")
                                                      << QStringLiteral("build-system.maturin-not-required") << false << none;
        QTest::newRow("Cargo readme inherited") << cargo(edition, "edition = \"2021\"\nreadme.workspace = true\n")
                                                << QStringLiteral("cargo.readme-missing") << false << none;
    }

    void rules()
    {
        QFETCH(Files, files);
        QFETCH(QString, id);
        QFETCH(bool, expected);
        QFETCH(QString, maturinVersion);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QVERIFY(write(dir.filePath(it.key()), it.value()));
        ProjectOptions options;
        options.maturinVersion = QVersionNumber::fromString(maturinVersion);
        const Project project = Project::load(dir.path(), options);
        QVERIFY(project.isUsable());
        const QList<SettingsDiagnostic> diags = ProjectValidator::validate(project);
        const SettingsDiagnostic *found = nullptr;
        QStringList all;
        for (const SettingsDiagnostic &d : diags) {
            all << QStringLiteral("%1:%2 %3 %4").arg(d.line).arg(d.column).arg(d.id, d.message);
            if (d.id == id)
                found = &d;
        }
        QVERIFY2((found != nullptr) == expected, qPrintable(all.join(u'\n')));
        if (!found)
            return;
        // A finding that a file or folder is missing is about a path the checks report as looked for
        // (the Project view watches those, and re-checks when one appears).
        static const QStringList aboutAPath = {QStringLiteral("project.readme-missing"), QStringLiteral("project.license-missing"),
                                               QStringLiteral("cargo.readme-missing"), QStringLiteral("cargo.lib-path-missing"),
                                               QStringLiteral("layout.data-missing"), QStringLiteral("layout.python-source-missing"),
                                               QStringLiteral("layout.package-missing"), QStringLiteral("layout.python-package-missing")};
        if (aboutAPath.contains(id)) {
            QStringList consulted;
            ProjectValidator::validate(project, &consulted);
            QVERIFY2(std::any_of(consulted.cbegin(), consulted.cend(), [](const QString &c) { return !QFileInfo::exists(c); }),
                     qPrintable(consulted.join(u' ')));
        }
        QVERIFY(!found->message.isEmpty());
        QVERIFY(!found->file.isEmpty());
        // Findings about a whole file have no line.
        static const QStringList wholeFile = {QStringLiteral("cargo.manifest-missing"), QStringLiteral("build-system.missing"),
                                              QStringLiteral("project.no-pyproject"), QStringLiteral("file.unreadable")};
        if (!wholeFile.contains(id))
            QVERIFY2(found->line > 0 || id == QLatin1String("size.no-strip"), qPrintable(id));
        // A fix, when offered, applies cleanly and makes the finding go away.
        if (!found->fix.isEmpty()) {
            for (const SettingsEdit &e : found->fix) {
                const QString path = project.path(e.file);
                QFile f(path);
                const bool existed = f.exists(); // a fix may create the file (project.no-pyproject)
                QVERIFY(!existed || f.open(QIODevice::ReadOnly));
                const QByteArray before = existed ? f.readAll() : QByteArray();
                f.close();
                const TomlEditResult r = applySettingsEdit(TomlDocument::parse(before), e);
                QVERIFY2(r.ok, qPrintable(r.message));
                QString error;
                QVERIFY2(SettingsFile::write(path, r.bytes, existed ? SettingsFile::hash(before) : QByteArray(), &error), qPrintable(error));
            }
            const QList<SettingsDiagnostic> after = ProjectValidator::validate(Project::load(dir.path(), options));
            for (const SettingsDiagnostic &d : after)
                QVERIFY2(d.id != id || d.severity == SettingsSeverity::Info || id == QLatin1String("maturin.unknown-key"), qPrintable(d.message));
        }
    }

    // Every misspelt [tool.maturin] key gets "did you mean", also when the key it resembles is set
    // too (then without a rename fix, which would overwrite it).
    void didYouMean_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("suggestion");
        QTest::addColumn<bool>("renameFix");
        QTest::newRow("modul-name beside module-name") << QByteArray("strip = true") << QByteArray("strip = true\nmodul-name = \"x\"")
                                                       << QStringLiteral("did you mean module-name? module-name is also set here") << false;
        QTest::newRow("stirp beside strip") << QByteArray("strip = true") << QByteArray("strip = true\nstirp = false")
                                            << QStringLiteral("did you mean strip? strip is also set here") << false;
        QTest::newRow("pyhton-source alone") << QByteArray("python-source = \"python\"") << QByteArray("pyhton-source = \"python\"")
                                             << QStringLiteral("did you mean python-source?") << true;
        QTest::newRow("compatability alone") << QByteArray("strip = true") << QByteArray("strip = true\ncompatability = \"pypi\"")
                                             << QStringLiteral("did you mean compatibility?") << true;
    }
    void didYouMean()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, suggestion);
        QFETCH(bool, renameFix);
        QTemporaryDir dir;
        Files files = goodFiles();
        files[QStringLiteral("pyproject.toml")] = with(goodPyproject, from.constData(), to.constData());
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QVERIFY(write(dir.filePath(it.key()), it.value()));
        const QList<SettingsDiagnostic> diags = ProjectValidator::validate(Project::load(dir.path()));
        QStringList all;
        for (const SettingsDiagnostic &d : diags) {
            all << d.message;
            if (d.id == QLatin1String("maturin.unknown-key") && d.message.contains(suggestion)) {
                QCOMPARE(!d.fix.isEmpty(), renameFix);
                return;
            }
        }
        QFAIL(qPrintable(all.join(u'\n')));
    }

    // [tool.maturin.generate-ci] and below: unknown keys with did-you-mean, wrong types, the rules of
    // platform tables, and version gates (source: maturin's GitHubCIConfig and friends, 1.13-1.14).
    void generateCi_data()
    {
        QTest::addColumn<QByteArray>("extra");    // appended to the [tool.maturin] table
        QTest::addColumn<QString>("maturin");     // version checked against ("" none)
        QTest::addColumn<QString>("id");          // expected finding ("" none of maturin.*)
        QTest::addColumn<int>("count");           // how many findings with that id
        QTest::addColumn<QString>("message");     // part of its message
        QTest::addColumn<QString>("at");          // text on the line it points at
        QTest::addColumn<bool>("renameFix");      // a rename fix that makes it go away
        const QByteArray full = "\n[tool.maturin.generate-ci.github]\npytest = true\nzig = false\nskip-attestation = true\n"
                                "trusted-publishing = true\npublishing-environment = \"pypi\"\nargs = \"--locked\"\n\n"
                                "[tool.maturin.generate-ci.github.linux]\ntargets = [\"x86_64\", \"aarch64\"]\nmanylinux = \"2_28\"\n"
                                "before-script-linux = \"yum install -y openssl-devel\"\n\n"
                                "[tool.maturin.generate-ci.github.macos]\nrunner = \"macos-14\"\nrust-toolchain = \"stable\"\n\n"
                                "[[tool.maturin.generate-ci.github.windows.target]]\narch = \"x64\"\nrunner = \"windows-latest\"\n"
                                "docker-options = \"\"\nrustup-components = \"rust-src\"\ncontainer = \"off\"\nargs = \"-v\"\n\n"
                                "[[tool.maturin.generate-ci.github.windows.target]]\narch = \"aarch64\"\n";
        const QString none;
        QTest::newRow("every key maturin knows") << full << QStringLiteral("1.14.1") << none << 0 << none << none << false;
        QTest::newRow("known keys, no maturin known") << full << none << none << 0 << none << none << false;
        QTest::newRow("misspelt github key")
            << QByteArray("\n[tool.maturin.generate-ci.github]\npytset = true\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("generate-ci.github.pytset and ignores it silently (did you mean pytest?)") << QStringLiteral("pytset")
            << true;
        QTest::newRow("underscore instead of dash")
            << QByteArray("\n[tool.maturin.generate-ci.github]\nskip_attestation = true\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("did you mean skip-attestation?") << QStringLiteral("skip_attestation") << true;
        QTest::newRow("misspelt platform table")
            << QByteArray("\n[tool.maturin.generate-ci.github.linx]\ntargets = [\"x86_64\"]\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("did you mean linux?") << QStringLiteral("linx") << false;
        QTest::newRow("unknown provider")
            << QByteArray("\n[tool.maturin.generate-ci.azure-pipelines]\npytest = true\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("generate-ci.azure-pipelines and ignores it silently (generate-ci takes github)") << QStringLiteral("azure-pipelines") << false;
        QTest::newRow("gitlab: only github is known")
            << QByteArray("\n[tool.maturin.generate-ci.gitlab]\npytest = true\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("did you mean github?") << QStringLiteral("gitlab") << false;
        QTest::newRow("misspelt platform key")
            << QByteArray("\n[tool.maturin.generate-ci.github.linux]\nmanylnux = \"auto\"\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("did you mean manylinux?") << QStringLiteral("manylnux") << true;
        QTest::newRow("dotted keys in [tool.maturin]")
            << QByteArray("generate-ci.github.pytets = true\n") << none << QStringLiteral("maturin.unknown-key") << 1
            << QStringLiteral("did you mean pytest?") << QStringLiteral("pytets") << true;
        QTest::newRow("bool as string")
            << QByteArray("\n[tool.maturin.generate-ci.github]\npytest = \"yes\"\n") << none << QStringLiteral("maturin.wrong-type") << 1
            << QStringLiteral("generate-ci.github.pytest must be true or false") << QStringLiteral("pytest") << false;
        QTest::newRow("targets as a string")
            << QByteArray("\n[tool.maturin.generate-ci.github.linux]\ntargets = \"x86_64\"\n") << none << QStringLiteral("maturin.wrong-type") << 1
            << QStringLiteral("targets must be an array of strings") << QStringLiteral("targets") << false;
        QTest::newRow("platform as a string")
            << QByteArray("\n[tool.maturin.generate-ci.github]\nlinux = \"all\"\n") << none << QStringLiteral("maturin.wrong-type") << 1
            << QStringLiteral("linux must be a table") << QStringLiteral("linux") << false;
        QTest::newRow("[[target]] without arch")
            << QByteArray("\n[[tool.maturin.generate-ci.github.linux.target]]\narch = \"x86_64\"\n\n"
                          "[[tool.maturin.generate-ci.github.linux.target]]\nrunner = \"ubuntu-24.04-arm\"\n")
            << none << QStringLiteral("maturin.wrong-type") << 1 << QStringLiteral("linux.target[1] has no arch") << QStringLiteral("[[tool.maturin.generate-ci.github.linux.target]]\nrunner") << false;
        QTest::newRow("misspelt key in a [[target]]")
            << QByteArray("\n[[tool.maturin.generate-ci.github.linux.target]]\narch = \"x86_64\"\nrunnr = \"x\"\n") << none
            << QStringLiteral("maturin.unknown-key") << 1 << QStringLiteral("linux.target[0].runnr and ignores it silently (did you mean runner?)")
            << QStringLiteral("runnr") << false;
        QTest::newRow("wrong type in a [[target]]")
            << QByteArray("\n[[tool.maturin.generate-ci.github.linux.target]]\narch = 64\n") << none << QStringLiteral("maturin.wrong-type") << 1
            << QStringLiteral("linux.target[0].arch must be a string") << QStringLiteral("arch") << false;
        QTest::newRow("targets and [[target]] together")
            << QByteArray("\n[tool.maturin.generate-ci.github.linux]\ntargets = [\"x86_64\"]\n\n[[tool.maturin.generate-ci.github.linux.target]]\narch = \"aarch64\"\n")
            << none << QStringLiteral("maturin.invalid-value") << 1 << QStringLiteral("has both targets and [[target]]") << QString() << false;
        QTest::newRow("empty targets")
            << QByteArray("\n[tool.maturin.generate-ci.github.macos]\ntargets = []\n") << none << QStringLiteral("maturin.invalid-value") << 1
            << QStringLiteral("generate-ci.github.macos: targets is empty") << QStringLiteral("targets") << false;
        QTest::newRow("generate-ci older than the maturin: one finding, not one per key")
            << full << QStringLiteral("1.8.3") << QStringLiteral("maturin.key-too-new") << 1
            << QStringLiteral("tool.maturin.generate-ci needs maturin 1.13.0 or newer") << QStringLiteral("[tool.maturin.generate-ci.github]") << false;
        QTest::newRow("trusted publishing needs 1.13.2")
            << full << QStringLiteral("1.13.0") << QStringLiteral("maturin.key-too-new") << 2
            << QStringLiteral("needs maturin 1.13.2 or newer") << QStringLiteral("trusted-publishing") << false;
    }
    void generateCi()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, maturin);
        QFETCH(QString, id);
        QFETCH(int, count);
        QFETCH(QString, message);
        QFETCH(QString, at);
        QFETCH(bool, renameFix);
        QTemporaryDir dir;
        Files files = goodFiles();
        files[QStringLiteral("pyproject.toml")] = goodPyproject + extra;
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QVERIFY(write(dir.filePath(it.key()), it.value()));
        ProjectOptions options;
        options.maturinVersion = QVersionNumber::fromString(maturin);
        const QList<SettingsDiagnostic> diags = ProjectValidator::validate(Project::load(dir.path(), options));
        QStringList all;
        QList<SettingsDiagnostic> found;
        for (const SettingsDiagnostic &d : diags) {
            all << QStringLiteral("%1:%2 %3 %4").arg(d.line).arg(d.column).arg(d.id, d.message);
            if (id.isEmpty() ? d.id.startsWith(QLatin1String("maturin.")) : d.id == id)
                found << d;
        }
        QVERIFY2(found.size() == count, qPrintable(all.join(u'\n')));
        if (found.isEmpty())
            return;
        const SettingsDiagnostic &d = found.first();
        QVERIFY2(d.message.contains(message), qPrintable(d.message));
        const QByteArray text = files.value(QStringLiteral("pyproject.toml"));
        if (!at.isEmpty()) {
            const int line = int(text.left(text.indexOf(at.toUtf8())).count('\n')) + 1;
            QVERIFY2(text.contains(at.toUtf8()), qPrintable(at));
            QVERIFY2(d.line == line, qPrintable(QStringLiteral("%1 at line %2, expected %3").arg(d.message).arg(d.line).arg(line)));
        }
        QCOMPARE(!d.fix.isEmpty(), renameFix);
        if (renameFix) {
            QByteArray bytes = text;
            for (const SettingsEdit &e : d.fix) {
                const TomlEditResult r = applySettingsEdit(TomlDocument::parse(bytes), e);
                QVERIFY2(r.ok, qPrintable(r.message));
                bytes = r.bytes;
            }
            QVERIFY(write(dir.filePath(QStringLiteral("pyproject.toml")), bytes));
            for (const SettingsDiagnostic &after : ProjectValidator::validate(Project::load(dir.path(), options)))
                QVERIFY2(!after.id.startsWith(QLatin1String("maturin.")), qPrintable(after.message));
        }
    }

    void exampleProjectIsClean()
    {
        const Project project = Project::load(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"));
        QVERIFY(project.isUsable());
        QStringList consulted;
        const QList<SettingsDiagnostic> diags = ProjectValidator::validate(project, &consulted);
        for (const SettingsDiagnostic &d : diags)
            QVERIFY2(d.severity == SettingsSeverity::Info, qPrintable(d.id + u' ' + d.message));
        // What the checks looked for on disk, so that a view re-checks when it changes: python-source,
        // the package in it, and the Rust sources scanned for the #[pymodule].
        const QDir dir(project.dir);
        for (const char *rel : {"python", "python/hello_pyo3", "src"})
            QVERIFY2(consulted.contains(QDir::cleanPath(dir.filePath(QString::fromLatin1(rel)))), qPrintable(consulted.join(u' ')));
        const EffectiveSettings e = computeEffectiveSettings(project);
        QCOMPARE(e.moduleName, QStringLiteral("hello_pyo3._native"));
        QCOMPARE(e.extensionName, QStringLiteral("_native"));
        QCOMPARE(e.bindings, QStringLiteral("pyo3"));
        QCOMPARE(e.pythonSource, QStringLiteral("python"));
        QVERIFY(e.extensionModule);
    }

    void effectiveModuleNamePrecedence_data()
    {
        QTest::addColumn<QByteArray>("pyproject");
        QTest::addColumn<QByteArray>("cargo");
        QTest::addColumn<QString>("expected");
        const QByteArray cargoLib = "[package]\nname = \"pkg-name\"\n[lib]\nname = \"libname\"\ncrate-type = [\"cdylib\"]\n";
        const QByteArray cargoNoLib = "[package]\nname = \"pkg-name\"\n[lib]\ncrate-type = [\"cdylib\"]\n";
        QTest::newRow("module-name") << QByteArray("[project]\nname = \"proj\"\n[tool.maturin]\nmodule-name = \"a.b\"\n") << cargoLib << "a.b";
        QTest::newRow("lib name") << QByteArray("[project]\nname = \"proj\"\n") << cargoLib << "libname";
        QTest::newRow("project name") << QByteArray("[project]\nname = \"proj\"\n") << cargoNoLib << "proj";
        QTest::newRow("package name") << QByteArray("[tool.maturin]\nstrip = true\n") << cargoNoLib << "pkg_name"; // Cargo's lib name: - read as _
    }
    void effectiveModuleNamePrecedence()
    {
        QFETCH(QByteArray, pyproject);
        QFETCH(QByteArray, cargo);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("pyproject.toml")), pyproject));
        QVERIFY(write(dir.filePath(QStringLiteral("Cargo.toml")), cargo));
        QCOMPARE(computeEffectiveSettings(Project::load(dir.path())).moduleName, expected);
    }

    void effectivePlatformTag_data()
    {
        QTest::addColumn<QByteArray>("toolMaturin");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("from");
        QTest::newRow("default") << QByteArray("strip = true\n") << "auto" << "default: the lowest manylinux tag";
        QTest::newRow("compatibility") << QByteArray("compatibility = \"manylinux_2_28\"\n") << "manylinux_2_28" << "[tool.maturin] compatibility";
        QTest::newRow("short glibc form") << QByteArray("compatibility = \"2_17\"\n") << "manylinux_2_17" << "[tool.maturin] compatibility";
        QTest::newRow("old alias and name") << QByteArray("manylinux = \"2014\"\n") << "manylinux2014" << "[tool.maturin] manylinux";
        QTest::newRow("off") << QByteArray("compatibility = \"off\"\n") << "linux" << "[tool.maturin] compatibility";
        QTest::newRow("case") << QByteArray("compatibility = \"MuslLinux_1_2\"\n") << "musllinux_1_2" << "[tool.maturin] compatibility";
    }
    void effectivePlatformTag()
    {
        QFETCH(QByteArray, toolMaturin);
        QFETCH(QString, tag);
        QFETCH(QString, from);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("pyproject.toml")), "[project]\nname = \"p\"\n[tool.maturin]\n" + toolMaturin));
        QVERIFY(write(dir.filePath(QStringLiteral("Cargo.toml")), goodCargo));
        const EffectiveSettings e = computeEffectiveSettings(Project::load(dir.path()));
        QCOMPARE(e.platformTag, tag);
        QVERIFY2(e.platformTagFrom.startsWith(from), qPrintable(e.platformTagFrom));
        QCOMPARE(e.pipPlatformTag, QStringLiteral("linux"));
    }

    void srcLayoutFallback()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("pyproject.toml")), "[project]\nname = \"pend\"\n[tool.maturin]\nmodule-name = \"pend._pend\"\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("rust/Cargo.toml")), "[package]\nname = \"x\"\n[lib]\ncrate-type = [\"cdylib\"]\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("src/pend/__init__.py")), ""));
        const Project p = Project::load(dir.path());
        QVERIFY(p.hasCargo);
        QVERIFY(p.cargoPath.endsWith(QLatin1String("rust/Cargo.toml")));
        QCOMPARE(computeEffectiveSettings(p).pythonSource, QStringLiteral("src"));
    }

    void packagingSpecs()
    {
        QVERIFY(PackagingSpecs::isValidName(QStringLiteral("hello-pyo3")));
        QVERIFY(!PackagingSpecs::isValidName(QStringLiteral("-x")));
        QVERIFY(PackagingSpecs::isValidVersion(QStringLiteral("1.0.0rc1.post2.dev3+local.1")));
        QVERIFY(!PackagingSpecs::isValidVersion(QStringLiteral("1.0-banana")));
        QVERIFY(PackagingSpecs::isValidSpecifier(QStringLiteral(">=3.9, !=3.10.*, <4")));
        QVERIFY(!PackagingSpecs::isValidSpecifier(QStringLiteral("=>3.9")));
        QVERIFY(PackagingSpecs::isValidRequirement(QStringLiteral("maturin[zig]>=1.0,<2.0 ; python_version >= '3.8'")));
        QVERIFY(PackagingSpecs::hasUpperBound(QStringLiteral(">=1,<2")));
        QVERIFY(!PackagingSpecs::hasUpperBound(QStringLiteral(">=1")));
        QCOMPARE(PackagingSpecs::lowerBound(QStringLiteral(">=3.9,<4")), QVersionNumber(3, 9));
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("dir");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no corpus") << QString();
            return;
        }
        const QDir root(wb::test::corpusDir() + QStringLiteral("/projects"));
        for (const QString &d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(d)) << root.filePath(d);
    }
    void corpus()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, dir);
        // The corpus holds the two files only: judge the files, with the Cargo.toml beside them.
        ProjectOptions options;
        options.cargoManifest = dir + QStringLiteral("/Cargo.toml");
        options.checkFilesystem = false;
        const Project project = Project::load(dir, options);
        QVERIFY(project.isUsable());
        QVERIFY(project.pyproject.isValid());
        QVERIFY(project.cargo.isValid());
        const QList<SettingsDiagnostic> diags = ProjectValidator::validate(project);
        for (const SettingsDiagnostic &d : diags) {
            QVERIFY2(d.severity != SettingsSeverity::Error, qPrintable(QStringLiteral("%1:%2: %3 [%4]").arg(d.file).arg(d.line).arg(d.message, d.id)));
            QVERIFY(!d.id.isEmpty());
        }
        if (dir.endsWith(QLatin1String("tiktoken"))) {
            QCOMPARE(diags.size(), 1);
            QCOMPARE(diags.first().id, QStringLiteral("project.not-maturin"));
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectValidator)
#include "tst_projectvalidator.moc"
