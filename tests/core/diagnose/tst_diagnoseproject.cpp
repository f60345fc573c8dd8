// Diagnosis of project folders: broken variants of examples/hello-pyo3 (alone and with the real
// messages they produce), the fixes applied as minimal edits, and real projects of the corpus.
#include "DiagnoseTestSupport.h"
#include "support/TestPaths.h"

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/FixApplier.h"
#include "core/diagnose/ProjectEvidence.h"
#include "core/project/RustModuleScanner.h"

#include <QTest>

using namespace wb::diagnose;

class TestDiagnoseProject : public QObject
{
    Q_OBJECT

    QString example() const { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }

    // A temporary copy of the example with one replacement in one file.
    bool makeVariant(QTemporaryDir &dir, const QString &file, const QByteArray &from, const QByteArray &to)
    {
        if (!dir.isValid() || !wb::test::copyTree(example(), dir.path()))
            return false;
        return file.isEmpty() || wb::test::replaceInFile(dir.path() + QLatin1Char('/') + file, from, to);
    }

private Q_SLOTS:
    void healthyExampleHasNoFindings()
    {
        const ProjectFacts p = ProjectEvidence::read(example());
        QVERIFY(p.problems.isEmpty());
        QCOMPARE(p.effectiveModuleName(), QStringLiteral("hello_pyo3._native"));
        QCOMPARE(p.pymodules.size(), 1);
        QCOMPARE(p.pymodules.first().name, QStringLiteral("_native"));
        QCOMPARE(p.pymodules.first().file, QStringLiteral("src/lib.rs"));
        QVERIFY(p.pymodules.first().line > 1);
        Evidence e;
        e.project = p;
        QCOMPARE(wb::test::ids(Diagnoser::diagnose(e)), QStringList());
        e.logText = wb::test::readText(wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-healthy.log")));
        QCOMPARE(wb::test::ids(Diagnoser::diagnose(e)), QStringList());
    }

    // Each variant: the change, the finding, and the fix restores the original bytes exactly.
    void brokenVariants_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("message");  // captured message to paste with it (data/ file), or empty
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("apply");    // finding whose fix is applied
        QTest::addColumn<bool>("restores");    // the fix gives back the example's bytes
        QTest::addColumn<bool>("healthyAfter"); // the project has no findings after the fix
        const QString py = QStringLiteral("pyproject.toml");
        const QString cargo = QStringLiteral("Cargo.toml");
        QTest::newRow("module-name does not match #[pymodule]")
            << py << QByteArray("module-name = \"hello_pyo3._native\"") << QByteArray("module-name = \"hello_pyo3._core\"")
            << QStringLiteral("python-3.13-pyinit-mismatch-import.txt") << QStringList{QStringLiteral("pyinit-missing")}
            << QStringLiteral("pyinit-missing") << true << true;
        QTest::newRow("module renamed, package imports the old name")
            << py << QByteArray("module-name = \"hello_pyo3._native\"") << QByteArray("module-name = \"hello_pyo3._core\"")
            << QStringLiteral("python-3.13-module-not-found-import.txt")
            << QStringList{QStringLiteral("module-not-found"), QStringLiteral("pyinit-missing")} << QStringLiteral("module-not-found") << true << true;
        QTest::newRow("dash in module-name")
            << py << QByteArray("module-name = \"hello_pyo3._native\"") << QByteArray("module-name = \"hello-pyo3\"")
            << QStringLiteral("maturin-1.8.3-module-name-dash.log")
            << QStringList{QStringLiteral("module-name-has-dash"), QStringLiteral("pyinit-missing")} << QStringLiteral("module-name-has-dash") << false << false;
        QTest::newRow("missing python-source folder")
            << py << QByteArray("python-source = \"python\"") << QByteArray("python-source = \"pysrc\"")
            << QStringLiteral("maturin-1.8.3-python-source-missing.log") << QStringList{QStringLiteral("python-source-missing")}
            << QStringLiteral("python-source-missing") << true << true;
        QTest::newRow("no version information")
            << py << QByteArray("dynamic = [\"version\"]\n") << QByteArray()
            << QStringLiteral("maturin-1.8.3-develop-version-missing.log") << QStringList{QStringLiteral("version-missing")}
            << QStringLiteral("version-missing") << true << true;
        QTest::newRow("PyO3 0.22 without extension-module")
            << py << QByteArray("features = [\"pyo3/extension-module\"]\n") << QByteArray()
            << QString() << QStringList() << QString() << false << true;  // the Cargo.toml dependency still has it
        QTest::newRow("rlib only")
            << cargo << QByteArray("crate-type = [\"cdylib\"]") << QByteArray("crate-type = [\"rlib\"]")
            << QString() << QStringList{QStringLiteral("crate-type-not-cdylib")} << QStringLiteral("crate-type-not-cdylib") << false << true;
        QTest::newRow("compatibility linux")
            << py << QByteArray("module-name = \"hello_pyo3._native\"\n")
            << QByteArray("module-name = \"hello_pyo3._native\"\ncompatibility = \"linux\"\n")
            << QStringLiteral("maturin-1.8.3-compatibility-linux.log") << QStringList{QStringLiteral("linux-tag-not-uploadable")}
            << QStringLiteral("linux-tag-not-uploadable") << true << true;
        QTest::newRow("project name with a space")
            << py << QByteArray("name = \"hello-pyo3\"") << QByteArray("name = \"hello pyo3\"")
            << QStringLiteral("pip-25-inconsistent-name.txt") << QStringList{QStringLiteral("wheel-metadata-inconsistent")}
            << QStringLiteral("wheel-metadata-inconsistent") << true << true;
        QTest::newRow("project name with a space, the project alone")
            << py << QByteArray("name = \"hello-pyo3\"") << QByteArray("name = \"hello pyo3\"")
            << QString() << QStringList{QStringLiteral("wheel-metadata-inconsistent")}
            << QStringLiteral("wheel-metadata-inconsistent") << true << true;
        QTest::newRow("script without its function, the project alone")
            << py << QByteArray("[tool.maturin]\n") << QByteArray("[project.scripts]\nhello = \"hello_pyo3\"\n\n[tool.maturin]\n")
            << QString() << QStringList{QStringLiteral("script-entry-point-invalid")} << QString() << false << false;
        QTest::newRow("extension moved to a sub-package the package does not import, the project alone")
            << py << QByteArray("module-name = \"hello_pyo3._native\"") << QByteArray("module-name = \"hello_pyo3.sub._native\"")
            << QString() << QStringList{QStringLiteral("module-not-found")} << QStringLiteral("module-not-found") << true << true;
        QTest::newRow("dev profile configured")
            << py << QByteArray("module-name = \"hello_pyo3._native\"\n")
            << QByteArray("module-name = \"hello_pyo3._native\"\nprofile = \"dev\"\n")
            << QStringLiteral("maturin-1.8.3-debug-build.log") << QStringList{QStringLiteral("debug-profile")}
            << QStringLiteral("debug-profile") << false << true;
    }
    void brokenVariants()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, message);
        QFETCH(QStringList, expected);
        QFETCH(QString, apply);
        QFETCH(bool, restores);
        QFETCH(bool, healthyAfter);
        QTemporaryDir dir;
        QVERIFY(makeVariant(dir, file, from, to));
        Evidence e;
        e.project = ProjectEvidence::read(dir.path());
        if (!message.isEmpty())
            e.errorText = wb::test::readText(wb::test::diagnoseData(message));
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), expected);
        if (apply.isEmpty())
            return;
        const Finding *f = wb::test::findingById(findings, apply);
        QVERIFY(f);
        // The finding cites the setting, with its file and line.
        bool citesFile = false;
        for (const EvidenceRef &ref : f->evidence)
            citesFile |= (ref.source == file && ref.location.startsWith(QLatin1String("line ")) && !ref.text.isEmpty());
        QVERIFY2(citesFile, qPrintable(apply));
        QVERIFY(!f->fix.edits.isEmpty());
        const PreparedFix prepared = FixApplier::prepare(dir.path(), f->fix.edits);
        QVERIFY2(prepared.ok, qPrintable(prepared.error));
        QVERIFY(!prepared.diff.isEmpty());
        const QByteArray variantBytes = wb::test::readBytes(prepared.path);
        QString error;
        QVERIFY2(FixApplier::write(prepared, &error), qPrintable(error));
        if (restores)
            QCOMPARE(wb::test::readBytes(prepared.path), wb::test::readBytes(example() + QLatin1Char('/') + f->fix.edits.first().file));
        // After the fix the problem is gone (and, but for the dash case, the project is healthy).
        Evidence after;
        after.project = ProjectEvidence::read(dir.path());
        const QStringList left = wb::test::ids(Diagnoser::diagnose(after));
        QVERIFY(!left.contains(apply));
        if (healthyAfter)
            QCOMPARE(left, QStringList());
        // Undo: the previous bytes come back.
        QVERIFY2(FixApplier::undo(prepared, &error), qPrintable(error));
        QCOMPARE(wb::test::readBytes(prepared.path), variantBytes);
    }

    // A failure about what a setting names (a file, a folder, a profile, a tag), with the project open:
    // the finding cites the setting's line too, so the window can lead there.
    void citesTheSettingItIsAbout_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("cited"); // the cited line, or empty: none (the log names another value)
        const QByteArray module("module-name = \"hello_pyo3._native\"\n");
        QTest::newRow("readme") << QByteArray("license = \"MIT\"\n") << QByteArray("license = \"MIT\"\nreadme = \"NOPE.md\"\n")
                                << QStringLiteral("maturin-1.8.3-readme-missing.log") << QStringLiteral("readme-missing")
                                << QStringLiteral("readme = \"NOPE.md\"");
        QTest::newRow("data") << module << module + "data = \"hello.data\"\n" << QStringLiteral("maturin-1.8.3-data-missing.log")
                              << QStringLiteral("data-dir-missing") << QStringLiteral("data = \"hello.data\"");
        QTest::newRow("profile") << module << module + "profile = \"fast\"\n" << QStringLiteral("maturin-1.8.3-profile-undefined.log")
                                 << QStringLiteral("cargo-profile-undefined") << QStringLiteral("profile = \"fast\"");
        QTest::newRow("policy") << module << module + "compatibility = \"manylinux_2_99\"\n" << QStringLiteral("maturin-1.8.3-policy-undefined.log")
                                << QStringLiteral("compatibility-policy-unknown") << QStringLiteral("compatibility = \"manylinux_2_99\"");
        QTest::newRow("bindings") << module << module + "bindings = \"cffi\"\n" << QStringLiteral("maturin-1.8.3-bindings-cffi.log")
                                  << QStringLiteral("bindings-not-pyo3") << QStringLiteral("bindings = \"cffi\"");
        QTest::newRow("bindings, the import") << module << module + "bindings = \"cffi\"\n" << QStringLiteral("python-3.13-cffi-bindings-import.txt")
                                              << QStringLiteral("bindings-not-pyo3") << QStringLiteral("bindings = \"cffi\"");
        const QByteArray name("name = \"hello-pyo3\"\n");
        QTest::newRow("project name") << name << QByteArray("name = \"hello pyo3\"\n") << QStringLiteral("pip-25-inconsistent-name.txt")
                                      << QStringLiteral("wheel-metadata-inconsistent") << QStringLiteral("name = \"hello pyo3\"");
        QTest::newRow("project name of another state") << name << QByteArray("name = \"hello-pyo3\"\n")
                                                       << QStringLiteral("pip-25-inconsistent-name.txt")
                                                       << QStringLiteral("wheel-metadata-inconsistent") << QString();
        QTest::newRow("feature") << QByteArray("features = [\"pyo3/extension-module\"]")
                                 << QByteArray("features = [\"pyo3/extension-module\", \"fast\"]")
                                 << QStringLiteral("maturin-1.8.3-feature-undefined.log") << QStringLiteral("cargo-feature-undefined")
                                 << QStringLiteral("features = [\"pyo3/extension-module\", \"fast\"]");
        QTest::newRow("feature of another state") << QByteArray("module-name") << QByteArray("module-name")
                                                  << QStringLiteral("maturin-1.8.3-feature-undefined.log")
                                                  << QStringLiteral("cargo-feature-undefined") << QString();
        QTest::newRow("TOML error") << QByteArray("requires-python = \">=3.9\"\n")
                                    << QByteArray("requires-python = \">=3.9\"\nversion = \"1.0-banana\"\n")
                                    << QStringLiteral("maturin-1.8.3-version-invalid.log") << QStringLiteral("pyproject-invalid")
                                    << QStringLiteral("version = \"1.0-banana\"");
        QTest::newRow("script") << QByteArray("[tool.maturin]\n") << QByteArray("[project.scripts]\nhello = \"hello_pyo3\"\n\n[tool.maturin]\n")
                                << QStringLiteral("pip-25-script-no-callable.txt") << QStringLiteral("script-entry-point-invalid")
                                << QStringLiteral("hello = \"hello_pyo3\"");
        QTest::newRow("script of another state") << QByteArray("[tool.maturin]\n")
                                                 << QByteArray("[project.scripts]\nhello = \"hello_pyo3:main\"\n\n[tool.maturin]\n")
                                                 << QStringLiteral("pip-25-script-no-callable.txt") << QStringLiteral("script-entry-point-invalid")
                                                 << QString();
        QTest::newRow("policy of another state") << module << module + "compatibility = \"manylinux_2_28\"\n"
                                                 << QStringLiteral("maturin-1.8.3-policy-undefined.log") << QStringLiteral("compatibility-policy-unknown")
                                                 << QString();
    }
    void citesTheSettingItIsAbout()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, log);
        QFETCH(QString, id);
        QFETCH(QString, cited);
        QTemporaryDir dir;
        QVERIFY(makeVariant(dir, QStringLiteral("pyproject.toml"), from, to));
        Evidence e;
        e.project = ProjectEvidence::read(dir.path());
        e.logText = wb::test::readText(wb::test::diagnoseData(log));
        QVERIFY(!e.logText.isEmpty());
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, id);
        QCOMPARE(findings.first().confidence, Confidence::High);
        QStringList fromProject;
        for (const EvidenceRef &ref : findings.first().evidence)
            if (ref.source == QLatin1String("pyproject.toml"))
                fromProject << ref.text;
        QCOMPARE(fromProject, cited.isEmpty() ? QStringList() : QStringList{cited});
    }

    // Imports of the example that fail without any mistake in its settings: the message says what happened.
    void importFailuresOfAHealthyProject_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("says");
        QTest::addColumn<Confidence>("confidence");
        QTest::newRow("not installed") << QStringLiteral("python-3.13-package-not-installed.txt")
                                       << QStringLiteral("is this project's own package") << Confidence::High;
        QTest::newRow("from the source folder") << QStringLiteral("python-3.13-source-folder-import.txt")
                                                << QStringLiteral("from the source folder python/hello_pyo3") << Confidence::Medium;
    }
    void importFailuresOfAHealthyProject()
    {
        QFETCH(QString, error);
        QFETCH(QString, says);
        QFETCH(Confidence, confidence);
        Evidence e;
        e.project = ProjectEvidence::read(example());
        e.errorText = wb::test::readText(wb::test::diagnoseData(error));
        QVERIFY(!e.errorText.isEmpty());
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("module-not-found")});
        QVERIFY2(findings.first().message.contains(says), qPrintable(findings.first().message));
        QVERIFY(findings.first().fix.edits.isEmpty()); // nothing in the settings to change
        QCOMPARE(findings.first().confidence, confidence);
    }

    void pyinitMismatchNamesBothSidesAndTheEdit()
    {
        QTemporaryDir dir;
        QVERIFY(makeVariant(dir, QStringLiteral("pyproject.toml"), "module-name = \"hello_pyo3._native\"", "module-name = \"hello_pyo3._core\""));
        Evidence e;
        e.project = ProjectEvidence::read(dir.path());
        e.errorText = wb::test::readText(wb::test::diagnoseData(QStringLiteral("python-3.13-pyinit-mismatch-import.txt")));
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(findings.size(), 1);
        const Finding &f = findings.first();
        QVERIFY2(f.message.contains(QLatin1String("PyInit__core")) && f.message.contains(QLatin1String("'_native'")), qPrintable(f.message));
        QStringList sources;
        for (const EvidenceRef &r : f.evidence)
            sources << r.source + QLatin1Char(' ') + r.location + QStringLiteral(": ") + r.text;
        const QString all = sources.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("error line 6: ImportError: dynamic module does not define module export function (PyInit__core)")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("pyproject.toml line 19: module-name = \"hello_pyo3._core\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("src/lib.rs line 18: #[pymodule] _native")), qPrintable(all));
        QCOMPARE(f.fix.edits.size(), 1);
        QCOMPARE(f.fix.edits.first().file, QStringLiteral("pyproject.toml"));
        QCOMPARE(f.fix.edits.first().table, QStringLiteral("tool.maturin"));
        QCOMPARE(f.fix.edits.first().key, QStringLiteral("module-name"));
        QCOMPARE(f.fix.edits.first().value, QStringLiteral("\"hello_pyo3._native\""));
    }

    void extensionModuleMissingWithPyO3_022()
    {
        QTemporaryDir dir;
        QVERIFY(makeVariant(dir, QStringLiteral("Cargo.toml"), "pyo3 = { version = \"0.22\", features = [\"extension-module\"] }", "pyo3 = \"0.22\""));
        QVERIFY(wb::test::replaceInFile(dir.path() + QStringLiteral("/pyproject.toml"), "features = [\"pyo3/extension-module\"]\n", ""));
        Evidence e;
        e.project = ProjectEvidence::read(dir.path());
        e.logText = wb::test::readText(wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-pyo3-0.22-no-extension-module.log")));
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("missing-extension-module")});
        const Finding &f = findings.first();
        bool citesLog = false, citesCargo = false;
        for (const EvidenceRef &r : f.evidence) {
            citesLog |= r.source == QLatin1String("log") && r.text.contains(QLatin1String("libpython3.13.so.1.0"));
            citesCargo |= r.source == QLatin1String("Cargo.toml") && r.text == QLatin1String("pyo3 = \"0.22\"");
        }
        QVERIFY(citesLog && citesCargo);
        const PreparedFix prepared = FixApplier::prepare(dir.path(), f.fix.edits);
        QVERIFY2(prepared.ok, qPrintable(prepared.error));
        QVERIFY(prepared.after.contains("features = [\"pyo3/extension-module\"]\n"));
        QString error;
        QVERIFY2(FixApplier::write(prepared, &error), qPrintable(error));
        QCOMPARE(wb::test::readBytes(prepared.path), wb::test::readBytes(example() + QStringLiteral("/pyproject.toml")));
    }

    // What maturin develop leaves in the package (data/README.md): the module it built, which the editable
    // install's .pth imports. Newer than the Rust sources, it is the installed module (no finding, as after
    // every Develop); older, the code changed since; two builds of one module, one of them is left over.
    void staleDevelopArtifact_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("ageDays"); // how much older than the Rust sources the files are (0: just built)
        QTest::addColumn<QString>("reason"); // empty: no finding
        const QString cp313 = QStringLiteral("python/hello_pyo3/_native.cpython-313-x86_64-linux-gnu.so");
        QTest::newRow("the current develop build") << QStringList{cp313} << 0 << QString();
        QTest::newRow("built before the code changed") << QStringList{cp313} << 2 << QStringLiteral("built before src/lib.rs last changed");
        QTest::newRow("two builds of the module") << QStringList{cp313, QStringLiteral("python/hello_pyo3/_native.abi3.so")} << 0
                                                  << QStringLiteral("one of several builds of the same module");
    }
    void staleDevelopArtifact()
    {
        QFETCH(QStringList, files);
        QFETCH(int, ageDays);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(makeVariant(dir, QString(), {}, {}));
        const QDateTime sources = QDateTime::currentDateTime().addSecs(-3600);
        for (const auto &[source, time] : {std::pair{"/src/lib.rs", sources}, std::pair{"/Cargo.toml", sources.addSecs(-600)}}) {
            QFile f(dir.path() + QString::fromLatin1(source));
            QVERIFY(f.open(QIODevice::ReadWrite) && f.setFileTime(time, QFileDevice::FileModificationTime));
        }
        for (const QString &f : files) {
            QVERIFY(wb::test::writeBytes(dir.path() + u'/' + f, "\x7f" "ELF"));
            QFile so(dir.path() + u'/' + f);
            QVERIFY(so.open(QIODevice::ReadWrite) && so.setFileTime(ageDays > 0 ? sources.addDays(-ageDays) : sources.addSecs(60),
                                                                     QFileDevice::FileModificationTime));
        }
        Evidence e;
        e.project = ProjectEvidence::read(dir.path());
        const QList<Finding> findings = Diagnoser::diagnose(e);
        if (reason.isEmpty()) {
            QVERIFY2(findings.isEmpty(), qPrintable(wb::test::ids(findings).join(u' ')));
            return;
        }
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("stale-develop-artifact")});
        QVERIFY(files.contains(findings.first().evidence.first().location));
        QVERIFY2(findings.first().evidence.first().text.endsWith(reason), qPrintable(findings.first().evidence.first().text));
    }

    void pymoduleForms_data()
    {
        QTest::addColumn<QString>("rust");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("fn") << QStringLiteral("#[pymodule]\nfn _core(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }") << QStringList{QStringLiteral("_core")};
        QTest::newRow("pyo3 name") << QStringLiteral("#[pymodule]\n#[pyo3(name = \"_lib\")]\nfn inner(m: &Bound<'_, PyModule>) {}") << QStringList{QStringLiteral("_lib")};
        QTest::newRow("pymodule name") << QStringLiteral("#[pymodule(name = \"fast\")]\npub fn slow(_py: Python, m: &PyModule) {}") << QStringList{QStringLiteral("fast")};
        QTest::newRow("declarative mod") << QStringLiteral("#[pymodule]\nmod my_ext {\n  #[pymodule_export]\n  use super::f;\n}") << QStringList{QStringLiteral("my_ext")};
        QTest::newRow("pyo3 path, raw ident") << QStringLiteral("#[pyo3::pymodule]\npub(crate) fn r#async(m: &PyModule) {}") << QStringList{QStringLiteral("async")};
        QTest::newRow("commented out") << QStringLiteral("// #[pymodule]\nfn nothing() {}") << QStringList();
    }
    void pymoduleForms()
    {
        QFETCH(QString, rust);
        QFETCH(QStringList, names);
        QStringList found;
        for (const wb::PyModuleDecl &d : wb::scanPyModulesInText(rust, QStringLiteral("src/lib.rs")))
            found << d.name;
        QCOMPARE(found, names);
    }

    // Real projects (their pyproject.toml + Cargo.toml, no sources): no false alarms.
    void corpusProjectsHaveNoFalseFindings()
    {
        WB_REQUIRE_CORPUS();
        const QDir projects(wb::test::corpusDir() + QStringLiteral("/projects"));
        const QStringList names = projects.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(names.size() >= 20);
        for (const QString &name : names) {
            Evidence e;
            e.project = ProjectEvidence::read(projects.filePath(name));
            QVERIFY2(e.project.present, qPrintable(name));
            const QList<Finding> findings = Diagnoser::diagnose(e);
            QStringList got = wb::test::ids(findings);
            QVERIFY2(got.isEmpty(), qPrintable(name + QStringLiteral(": ") + got.join(QStringLiteral(", "))));
        }
    }

    // Fixes go through the settings editor (core/project + core/toml; docs/settings.md): these rows pin
    // its behaviour as the troubleshooting fixes see it.
    void fixApplierEdits_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("remove");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("replace keeps comment") << QByteArray("[tool.maturin]\nstrip = false # keep\nx = 1\n") << QStringLiteral("tool.maturin")
                                               << QStringLiteral("strip") << QStringLiteral("true") << false
                                               << QByteArray("[tool.maturin]\nstrip = true # keep\nx = 1\n");
        // A one-per-line array stays one per line; the comment of the replaced element goes with it.
        QTest::newRow("replace multi-line array") << QByteArray("[project]\ndynamic = [\n  \"readme\", # r\n]\nname = \"x\"\n")
                                                  << QStringLiteral("project") << QStringLiteral("dynamic") << QStringLiteral("[\"version\"]") << false
                                                  << QByteArray("[project]\ndynamic = [\n  \"version\",\n]\nname = \"x\"\n");
        QTest::newRow("insert after last key, before comments") << QByteArray("[tool.maturin]\na = 1\n\n# next\n[tool.other]\nb = 2\n")
                                                                << QStringLiteral("tool.maturin") << QStringLiteral("strip") << QStringLiteral("true") << false
                                                                << QByteArray("[tool.maturin]\na = 1\nstrip = true\n\n# next\n[tool.other]\nb = 2\n");
        QTest::newRow("new table, no final newline") << QByteArray("[project]\nname = \"x\"") << QStringLiteral("tool.maturin")
                                                     << QStringLiteral("strip") << QStringLiteral("true") << false
                                                     << QByteArray("[project]\nname = \"x\"\n\n[tool.maturin]\nstrip = true");  // still no final newline
        QTest::newRow("remove line") << QByteArray("[tool.maturin]\ncompatibility = \"linux\"  # no\nstrip = true\n") << QStringLiteral("tool.maturin")
                                     << QStringLiteral("compatibility") << QString() << true << QByteArray("[tool.maturin]\nstrip = true\n");
        QTest::newRow("crlf and unicode before") << QByteArray("[tool.maturin]\r\n# é ü\r\nmodule-name = \"ä.b\"\r\n") << QStringLiteral("tool.maturin")
                                                 << QStringLiteral("module-name") << QStringLiteral("\"x.y\"") << false
                                                 << QByteArray("[tool.maturin]\r\n# é ü\r\nmodule-name = \"x.y\"\r\n");
        QTest::newRow("literal string stays literal") << QByteArray("[tool.maturin]\npython-source = 'py'\n") << QStringLiteral("tool.maturin")
                                                      << QStringLiteral("python-source") << QStringLiteral("\"python\"") << false
                                                      << QByteArray("[tool.maturin]\npython-source = 'python'\n");
        QTest::newRow("remove inside an inline table") << QByteArray("[tool]\nmaturin = { strip = true }\n") << QStringLiteral("tool.maturin")
                                                       << QStringLiteral("strip") << QString() << true << QByteArray("[tool]\nmaturin = {  }\n");
    }
    void fixApplierEdits()
    {
        QFETCH(QByteArray, before);
        QFETCH(QString, table);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, remove);
        QFETCH(QByteArray, after);
        const ConfigEdit edit{QStringLiteral("pyproject.toml"), table, key, value, remove ? ConfigEdit::Action::Remove : ConfigEdit::Action::Set};
        const PreparedFix fix = FixApplier::prepareText(before, {edit}, QStringLiteral("pyproject.toml"));
        QVERIFY2(fix.ok, qPrintable(fix.error));
        QCOMPARE(fix.after, after);
        QCOMPARE(fix.before, before);
    }

    void fixApplierRefuses()
    {
        // An unparsable file is not touched.
        PreparedFix fix = FixApplier::prepareText("[tool.maturin\nx = 1\n", {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"),
                                                                             QStringLiteral("strip"), QStringLiteral("true"), ConfigEdit::Action::Set}},
                                                  QStringLiteral("pyproject.toml"));
        QVERIFY(!fix.ok);
        QVERIFY(fix.error.contains(QLatin1String("pyproject.toml:1")));
        // A value that is not TOML is refused after the splice.
        fix = FixApplier::prepareText("[tool.maturin]\nstrip = false\n", {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"),
                                                                          QStringLiteral("strip"), QStringLiteral("tru e"), ConfigEdit::Action::Set}},
                                      QStringLiteral("pyproject.toml"));
        QVERIFY(!fix.ok);
        // A key below a value that is not a table cannot be set.
        fix = FixApplier::prepareText("[tool]\nmaturin = 1\n", {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"),
                                                                 QStringLiteral("strip"), QStringLiteral("true"), ConfigEdit::Action::Set}},
                                      QStringLiteral("pyproject.toml"));
        QVERIFY(!fix.ok);
        QVERIFY(fix.after.isEmpty());
        // The file changed on disk after the fix was prepared: it is not overwritten.
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/pyproject.toml");
        QVERIFY(wb::test::writeBytes(path, "[tool.maturin]\nstrip = false\n"));
        fix = FixApplier::prepare(dir.path(), {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("strip"),
                                                QStringLiteral("true"), ConfigEdit::Action::Set}});
        QVERIFY2(fix.ok, qPrintable(fix.error));
        QVERIFY(wb::test::writeBytes(path, "[tool.maturin]\nstrip = false # edited elsewhere\n"));
        QString error;
        QVERIFY(!FixApplier::write(fix, &error));
        QVERIFY2(error.contains(QLatin1String("changed on disk")), qPrintable(error));
        QCOMPARE(wb::test::readBytes(path), QByteArray("[tool.maturin]\nstrip = false # edited elsewhere\n"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseProject)
#include "tst_diagnoseproject.moc"
