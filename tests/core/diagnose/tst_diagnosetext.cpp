// Diagnosis of real messages: logs and errors captured from maturin 1.8.3, cargo 1.85, pip 25 and
// CPython 3.13 building broken variants of examples/hello-pyo3 (data/README.md says how), and how findings are
// reached from texts users report: root cause over symptom, leads, log prefixes, versions. The single quoted
// messages and their findings are in tst_quotedmessages.
#include "DiagnoseTestSupport.h"

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/ErrorLines.h"
#include "core/diagnose/LogPrefixes.h"
#include "core/diagnose/TextScanner.h"

#include <QFile>
#include <QTest>

using namespace wb::diagnose;

class TestDiagnoseText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Lines of cargo's progress alone are passed over by the rule scans; anything more on the line is read.
    void cargoProgressLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("progress");
        QTest::newRow("registry crate") << QStringLiteral("   Compiling pyo3-build-config v0.22.6") << true;
        QTest::newRow("local crate") << QStringLiteral("   Compiling hello-pyo3 v0.1.0 (/home/u/hello-pyo3)") << true;
        QTest::newRow("downloaded") << QStringLiteral("  Downloaded serde_json v1.0.128") << true;
        QTest::newRow("git crate") << QStringLiteral("    Checking arrow v53.0.0 (https://github.com/apache/arrow-rs?rev=1#abc)") << true;
        QTest::newRow("pre-release") << QStringLiteral("   Compiling pyo3 v0.23.0-alpha.1") << true;
        QTest::newRow("more on the line") << QStringLiteral("   Compiling pyo3 v0.22.0 error: could not compile") << false;
        QTest::newRow("behind a CI prefix") << QStringLiteral("2024-01-01T00:00:00Z    Compiling pyo3 v0.22.0") << false;
        QTest::newRow("cargo's failure") << QStringLiteral("error: could not compile `pyo3` (lib) due to 2 previous errors") << false;
        QTest::newRow("no version") << QStringLiteral("   Compiling the project") << false;
    }
    void cargoProgressLines()
    {
        QFETCH(QString, line);
        QFETCH(bool, progress);
        QCOMPARE(TextScanner::isCargoProgress(line), progress);
    }

    void capturedFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *file, QStringList ids) {
            ids.sort();
            QTest::newRow(file) << QString::fromLatin1(file) << ids;
        };
        row("maturin-1.8.3-healthy.log", {});
        row("maturin-1.8.3-develop.log", {});
        row("maturin-1.8.3-external-symbol.log", {});
        row("maturin-1.8.3-pyinit-mismatch.log", {QStringLiteral("pyinit-missing")});
        row("maturin-1.8.3-module-renamed.log", {QStringLiteral("pyinit-missing")});
        row("python-3.13-pyinit-mismatch-import.txt", {QStringLiteral("pyinit-missing")});
        row("python-3.13-module-not-found-import.txt", {QStringLiteral("module-not-found")});
        row("python-3.13-undefined-symbol-import.txt", {QStringLiteral("external-symbol-undefined")});
        row("maturin-1.8.3-module-name-dash.log", {QStringLiteral("module-name-has-dash")});
        row("maturin-1.8.3-python-source-missing.log", {QStringLiteral("python-source-missing")});
        row("maturin-1.8.3-develop-no-virtualenv.log", {QStringLiteral("no-virtualenv")});
        row("maturin-1.8.3-interpreter-not-runnable.log", {QStringLiteral("wrong-interpreter")});
        row("maturin-1.8.3-find-interpreter-none.log", {QStringLiteral("no-python-interpreter")});
        row("maturin-1.8.3-cargo-not-found.log", {QStringLiteral("cargo-not-found")});
        row("maturin-1.8.3-develop-uv-missing.log", {QStringLiteral("uv-not-found")});
        row("maturin-1.8.3-feature-undefined.log", {QStringLiteral("cargo-feature-undefined")});
        row("maturin-1.8.3-version-invalid.log", {QStringLiteral("pyproject-invalid")});
        row("maturin-1.8.3-cargo-toml-invalid.log", {QStringLiteral("cargo-manifest-invalid")});
        row("bash-maturin-not-found.txt", {QStringLiteral("maturin-not-found")});
        row("maturin-1.8.3-develop-version-missing.log", {QStringLiteral("version-missing")});
        row("maturin-1.8.3-rust-compile-error.log", {QStringLiteral("rust-compile-error")});
        row("maturin-1.8.3-manylinux_2_28-too-recent.log", {QStringLiteral("manylinux-too-recent-symbols")});
        row("maturin-1.8.3-compatibility-linux.log", {QStringLiteral("linux-tag-not-uploadable")});
        row("maturin-1.8.3-pyo3-0.22-no-extension-module.log", {QStringLiteral("missing-extension-module")});
        row("maturin-1.8.3-debug-build.log", {QStringLiteral("debug-profile")});
        row("pip-25-unsupported-wheel.txt", {QStringLiteral("unsupported-wheel-platform")});
    }
    void capturedFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const QString text = wb::test::readText(wb::test::diagnoseData(file));
        QVERIFY2(!text.isEmpty(), qPrintable(file));
        for (bool asLog : {true, false}) {
            const QList<Finding> findings = wb::test::diagnoseText(text, asLog);
            QCOMPARE(wb::test::ids(findings), expected);
            for (const Finding &f : findings) {
                QVERIFY2(!f.evidence.isEmpty(), qPrintable(f.id));
                QVERIFY2(!f.title.isEmpty() && !f.message.isEmpty() && !f.fix.summary.isEmpty(), qPrintable(f.id));
                for (const EvidenceRef &e : f.evidence) {
                    QCOMPARE(e.source, asLog ? QStringLiteral("log") : QStringLiteral("error"));
                    QVERIFY2(text.contains(e.text), qPrintable(e.text));  // the evidence quotes the input
                    QVERIFY(e.location.startsWith(QLatin1String("line ")));
                }
            }
        }
    }

    // rustc errors in the project's code about PyO3's own types and traits point to PyO3's migration guide
    // (what an upgrade leaves behind); other errors do not.
    void pyo3ApiErrorsPointToTheMigrationGuide_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("hint");
        QTest::newRow("IntoPyObject") << QStringLiteral("error[E0277]: the trait bound `Foo: IntoPyObject<'py>` is not satisfied") << true;
        QTest::newRow("Bound with a lifetime") << QStringLiteral("error[E0308]: expected `Bound<'py, PyAny>`, found `&PyAny`") << true;
        QTest::newRow("Py of a type") << QStringLiteral("error[E0599]: no method named `as_ref` found for struct `Py<PyAny>` in the current scope") << true;
        QTest::newRow("a path in pyo3") << QStringLiteral("error[E0433]: failed to resolve: could not find `prepare_freethreaded_python` in `pyo3::ffi`") << true;
        QTest::newRow("GILPool") << QStringLiteral("error[E0603]: struct `GILPool` is private") << true;
        QTest::newRow("not PyO3's") << QStringLiteral("error[E0425]: cannot find value `PyClassic` in this scope") << false;
        QTest::newRow("a word ending in Py") << QStringLiteral("error[E0412]: cannot find type `NumPy` in this scope") << false;
    }
    void pyo3ApiErrorsPointToTheMigrationGuide()
    {
        QFETCH(QString, error);
        QFETCH(bool, hint);
        const QList<Finding> findings = wb::test::diagnoseText(QStringLiteral("   Compiling mypkg v0.1.0 (/home/u/mypkg)\n") + error
                                                         + QStringLiteral("\n  --> src/lib.rs:12:5\n"),
                                                     true);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, QStringLiteral("rust-compile-error"));
        QCOMPARE(findings.first().message.contains(QLatin1String("migration guide")), hint);
        QCOMPARE(findings.first().links.contains(QStringLiteral("https://pyo3.rs/latest/migration.html")), hint);
    }

    // pip older than 19 choosing a source distribution, with no failure in sight: a warning (a lead), never an error.
    void oldPipChoosingAnSdistIsAdvice()
    {
        const QString log = QStringLiteral("$ pip --version\npip 18.1 from /opt/venv/lib/python3.6/site-packages/pip (python 3.6)\n"
                                           "$ pip install cryptography\nCollecting cryptography\n"
                                           "  Downloading https://files.pythonhosted.org/packages/94/5c/cryptography-3.2.1.tar.gz (540kB)\n"
                                           "  Installing build dependencies ... done\n");
        const QList<Finding> findings = wb::test::diagnoseText(log, true);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("pip-too-old")});
        QCOMPARE(findings.first().severity, Severity::Warning);
        QCOMPARE(findings.first().confidence, Confidence::Low);
        // With the build's failure in sight, the old pip is the cause (an error).
        const QList<Finding> failed = wb::test::diagnoseText(log + QStringLiteral("  ERROR: Failed building wheel for cryptography\n"), true);
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.first().id, QStringLiteral("pip-too-old"));
        QCOMPARE(failed.first().severity, Severity::Error);
    }

    // A specific cause suppresses the generic one; rust-compile-error only for the project's own sources.
    void rootCauseOverSymptom_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("linker then build scripts")
            << QStringLiteral("   Compiling libc v0.2.150\nerror: linker `cc` not found\n  |\n  = note: No such file or directory (os error 2)\n\n"
                              "error: could not compile `libc` (build script) due to 1 previous error\n"
                              "error: could not compile `proc-macro2` (build script) due to 1 previous error\n")
            << QStringLiteral("c-linker-missing");
        QTest::newRow("error in a registry crate")
            << QStringLiteral("   Compiling foo v1.2.3\nerror[E0308]: mismatched types\n"
                              "   --> /home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.2.3/src/lib.rs:10:5\n"
                              "error: could not compile `foo` (lib) due to 1 previous error\n")
            << QStringLiteral("dependency-compile-error");
        QTest::newRow("error in the project")
            << QStringLiteral("   Compiling mypkg v0.1.0 (/home/u/mypkg)\nerror[E0425]: cannot find value `x` in this scope\n"
                              "  --> src/lib.rs:7:5\nerror: could not compile `mypkg` (lib) due to 1 previous error\n")
            << QStringLiteral("rust-compile-error");
        QTest::newRow("build script of a -sys crate with pkg-config")
            << QStringLiteral("error: failed to run custom build command for `openssl-sys v0.9.100`\n\nCaused by:\n"
                              "  process didn't exit successfully: `/t/release/build/openssl-sys-1/build-script-main` (exit status: 101)\n"
                              "  --- stderr\n  Could not find openssl via pkg-config:\n")
            << QStringLiteral("system-library-missing");
        QTest::newRow("pyo3 build script")
            << QStringLiteral("error: failed to run custom build command for `pyo3-ffi v0.22.0`\n  --- stderr\n"
                              "  error: the configured Python interpreter version (3.14) is newer than PyO3's maximum supported version (3.13)\n")
            << QStringLiteral("pyo3-python-too-new");
        QTest::newRow("time crate before 0.3.35 on rustc 1.80")
            << QStringLiteral("error[E0282]: type annotations needed for `Box<_>`\n"
                              "  --> /home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/time-0.3.34/src/format_description/parse/mod.rs:83:9\n"
                              "error: could not compile `time` (lib) due to 1 previous error\n")
            << QStringLiteral("rust-too-new");
        QTest::newRow("pip and a toolchain missing for a released sdist")
            << QStringLiteral("Collecting rpds-py\n  Downloading rpds_py-0.7.1.tar.gz (15 kB)\n  Preparing metadata (pyproject.toml): finished with status 'error'\n"
                              "      Cargo, the Rust package manager, is not installed or is not on PATH.\n")
            << QStringLiteral("sdist-fallback-no-wheel");
        // setuptools-rust without Rust: an installer's fallback to the sdist, or a source build made on purpose.
        QTest::newRow("no Rust, pip builds a released sdist")
            << QStringLiteral("Collecting gseapy\n  Downloading gseapy-1.1.2.tar.gz (110 kB)\n  Building wheel for gseapy (pyproject.toml): started\n"
                              "  running build_rust\n  error: can't find Rust compiler\n")
            << QStringLiteral("sdist-fallback-no-wheel");
        QTest::newRow("no Rust, setup.py run on purpose")
            << QStringLiteral("copying src/fatigue/fatigue.rs -> build/lib.linux-x86_64-cpython-39/fatigue\nrunning build_ext\n"
                              "running build_rust\nerror: can't find Rust compiler\n")
            << QStringLiteral("rustc-not-found");
    }
    void rootCauseOverSymptom()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        for (bool asLog : {true, false}) {
            const QList<Finding> findings = wb::test::diagnoseText(text, asLog);
            QVERIFY(!findings.isEmpty());
            QCOMPARE(findings.first().id, expected);
            QVERIFY(!wb::test::findingById(findings, QStringLiteral("unrecognised-failure")));
            if (expected != QLatin1String("rust-compile-error"))
                QVERIFY(!wb::test::findingById(findings, QStringLiteral("rust-compile-error")));
        }
    }

    // The libpython finding speaks of PyO3's extension-module feature only when the evidence shows PyO3.
    void libpythonWordedForTheBindings_data()
    {
        QTest::addColumn<QString>("found");
        QTest::addColumn<bool>("pyo3Wording");
        QTest::newRow("pyo3") << QStringLiteral("🔗 Found pyo3 bindings") << true;
        QTest::newRow("cffi") << QStringLiteral("🔗 Found cffi bindings") << false;
        QTest::newRow("uniffi") << QStringLiteral("🔗 Found uniffi bindings") << false;
    }
    void libpythonWordedForTheBindings()
    {
        QFETCH(QString, found);
        QFETCH(bool, pyo3Wording);
        const QString text = found + QStringLiteral("\n💥 maturin failed\n  Caused by: Failed to ensure manylinux compliance\n"
                                                    "  Caused by: Your library is not manylinux compliant because it links the following "
                                                    "forbidden libraries: [\"libpython3.9.so.1.0\"]\n");
        const QList<Finding> findings = wb::test::diagnoseText(text, true);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("missing-extension-module")});
        const Finding &f = findings.first();
        QCOMPARE(f.why.contains(QLatin1String("extension-module")), pyo3Wording);
        QCOMPARE(f.title.contains(QLatin1String("PyO3")), pyo3Wording);
        QCOMPARE(f.fix.summary.contains(QLatin1String("pyo3/extension-module")), pyo3Wording);
        if (!pyo3Wording)
            QVERIFY(f.fix.edits.isEmpty());
    }

    void unrecognisedQuotesDecisiveLines()
    {
        const QString text = QStringLiteral("Processing /home/u/foo\n  Building wheel for foo (pyproject.toml) ... error\n"
                                            "  error: something nobody has seen before\n"
                                            "  error: could not compile `foo` (lib) due to 2 previous errors\n"
                                            "  Error: command ['maturin', 'pep517', 'build-wheel'] returned non-zero exit status 1\n");
        const QList<Finding> findings = wb::test::diagnoseText(text, false);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("unrecognised-failure")});
        const Finding &f = findings.first();
        QCOMPARE(f.confidence, Confidence::Low);
        QVERIFY2(f.message.contains(QLatin1String("something nobody has seen before")), qPrintable(f.message));
        QVERIFY2(f.message.contains(QLatin1String("could not compile `foo`")), qPrintable(f.message));
        QVERIFY2(f.message.contains(QLatin1String("exit status 1")), qPrintable(f.message));
        QCOMPARE(f.evidence.size(), 3);
    }

    // A release's failed source build with nothing else recognised is a Low lead of sdist-fallback-no-wheel,
    // never for a local folder or the open project's own distribution.
    void releaseSourceBuildIsOnlyALead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("projectName");
        QTest::addColumn<QString>("expected");
        const QString pip = QStringLiteral("  ERROR: Failed building wheel for tiktoken\nFailed to build tiktoken\n"
                                           "ERROR: Could not build wheels for tiktoken, which is required to install pyproject.toml-based projects\n");
        QTest::newRow("pip, a release") << pip << QString() << QStringLiteral("sdist-fallback-no-wheel");
        QTest::newRow("uv, a pinned release") << QStringLiteral("  × Failed to build `rpds-py==0.23.1`\n  ├─▶ The build backend returned an error\n")
                                              << QString() << QStringLiteral("sdist-fallback-no-wheel");
        QTest::newRow("pip, a local folder") << QStringLiteral("Processing /home/u/tiktoken\n") + pip << QString() << QStringLiteral("unrecognised-failure");
        QTest::newRow("pip, the open project") << pip << QStringLiteral("TikToken") << QStringLiteral("unrecognised-failure");
        QTest::newRow("pip, a known cause shown") << pip + QStringLiteral("      error: linker `cc` not found\n") << QString()
                                                  << QStringLiteral("c-linker-missing");
    }
    void releaseSourceBuildIsOnlyALead()
    {
        QFETCH(QString, text);
        QFETCH(QString, projectName);
        QFETCH(QString, expected);
        Evidence e;
        e.errorText = text;
        if (!projectName.isEmpty()) {
            e.project.present = true;
            e.project.projectName = Setting{projectName, {}, 2};
        }
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, expected);
        if (expected == QLatin1String("sdist-fallback-no-wheel")) {
            QCOMPARE(findings.first().confidence, Confidence::Low);
            QCOMPARE(findings.first().evidence.size(), 1);
            QVERIFY(findings.first().evidence.first().location.startsWith(QLatin1String("line ")));
        }
    }

    // A pasted failure is named by its first error, as its decisive lines begin: maturin's first "Caused by"
    // (not the last, "No such file or directory"), cc-rs's own line before cargo's, a traceback's exception.
    // Real development reports of the corpus.
    void firstErrorLineNamesAPaste_data()
    {
        QTest::addColumn<QString>("report");
        QTest::addColumn<QString>("expected");
        QTest::newRow("maturin's cause chain") << QStringLiteral("a-cargo-not-found-1.txt") << QStringLiteral("Caused by: Cargo metadata failed");
        QTest::newRow("cc-rs before cargo") << QStringLiteral("a-c-compiler-missing-1.txt")
                                            << QStringLiteral("error occurred: Failed to find tool. Is `arm-linux-androideabi-ar` installed?");
        QTest::newRow("inside pip's output") << QStringLiteral("a-version-missing-1.txt")
                                             << QStringLiteral("Caused by: `project.version` field is required in pyproject.toml unless it is present in the `project.dynamic` list");
        QTest::newRow("traceback") << QStringLiteral("a-pyinit-missing-1.txt")
                                   << QStringLiteral("ImportError: dynamic module does not define module export function (PyInit_evtx)");
        QTest::newRow("uv's headline") << QStringLiteral("b-sdist-fallback-no-wheel-1.txt") << QStringLiteral("× Failed to build `rpds-py==0.23.1`");
    }
    void firstErrorLineNamesAPaste()
    {
        QFETCH(QString, report);
        QFETCH(QString, expected);
        QFile f(qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/data/failure-reports/dev/") + report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString all = QString::fromUtf8(f.readAll());
        QCOMPARE(errorlines::firstErrorLine(all.mid(all.indexOf(QLatin1String("\n---\n")) + 5)), expected);
    }

    void firstErrorLineFallsBack()
    {
        QCOMPARE(errorlines::firstErrorLine(QStringLiteral("\n  warning: unused\n  build failed with an error somewhere\n")),
                 QStringLiteral("build failed with an error somewhere"));
        QCOMPARE(errorlines::firstErrorLine(QStringLiteral("  error: subprocess-exited-with-error\n  note: see above\n")),
                 QStringLiteral("error: subprocess-exited-with-error"));
        QCOMPARE(errorlines::firstErrorLine(QStringLiteral("\n\n  nothing failed here\n")), QStringLiteral("nothing failed here"));
    }

    // CI and container prefixes and a block's shared indentation go; every line keeps its number.
    void logPrefixesAreReadPast_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GitHub Actions") << QStringLiteral("2024-05-01T12:34:56.1234567Z error: x\n2024-05-01T12:34:56.2Z   --> src/lib.rs:1:2")
                                        << QStringLiteral("error: x\n  --> src/lib.rs:1:2");
        QTest::newRow("BuildKit") << QStringLiteral("#12 3.456 💥 maturin failed\n#12 3.457   Caused by: x\n") << QStringLiteral("💥 maturin failed\n  Caused by: x\n");
        QTest::newRow("Jenkins") << QStringLiteral("[2024-05-01T12:34:56.123Z] error: x\n[2024-05-01T12:34:57.001Z]   --> src/lib.rs:1:2")
                                 << QStringLiteral("error: x\n  --> src/lib.rs:1:2");
        QTest::newRow("GitLab") << QStringLiteral("2024-05-01T12:34:56.123456Z 00O error: x\n2024-05-01T12:34:56.223456Z 01E+   y")
                                << QStringLiteral("error: x\n  y");
        QTest::newRow("BuildKit error summary") << QStringLiteral("------\n > [4/4] RUN pip install .:\n0.512 Processing /src\n1.234   error: x\n2.001   y\n------")
                                                << QStringLiteral("------\n > [4/4] RUN pip install .:\nProcessing /src\n  error: x\n  y\n------");
        QTest::newRow("seconds on two lines only") << QStringLiteral("1.234 s elapsed\n0.500 s more\nerror: x")
                                                   << QStringLiteral("1.234 s elapsed\n0.500 s more\nerror: x");
        QTest::newRow("coloured timestamp") << QStringLiteral("\x1b[36m2024-05-01T12:34:56Z error: x") << QStringLiteral("error: x");
        QTest::newRow("indented block") << QStringLiteral("      a\n\n        b\n      c") << QStringLiteral("a\n\n  b\nc");
        QTest::newRow("nothing to remove") << QStringLiteral("error: x\n  y\n#include <z>\n2024 was a year") << QStringLiteral("error: x\n  y\n#include <z>\n2024 was a year");
        QTest::newRow("Markdown quote") << QStringLiteral("> error: x\n>\n>   --> src/lib.rs:1:2") << QStringLiteral("error: x\n\n  --> src/lib.rs:1:2");
        QTest::newRow("quote within a quote") << QStringLiteral("> > error: x\n> >   y") << QStringLiteral("error: x\n  y");
        QTest::newRow("one quoted line") << QStringLiteral("> dyld: Library not loaded: x") << QStringLiteral("dyld: Library not loaded: x");
        QTest::newRow("Python prompt kept") << QStringLiteral(">>> import x\nImportError: y") << QStringLiteral(">>> import x\nImportError: y");
        QTest::newRow("a quote among other lines kept") << QStringLiteral("a\nb\n> c\nd") << QStringLiteral("a\nb\n> c\nd");
        QTest::newRow("HTML escapes") << QStringLiteral("error[E0308]: expected `Vec&lt;u8&gt;`, found &amp;str\n  --&gt; src/lib.rs:1:2\n&quot;a&quot; &#39;b&#39;")
                                      << QStringLiteral("error[E0308]: expected `Vec<u8>`, found &str\n  --> src/lib.rs:1:2\n\"a\" 'b'");
        QTest::newRow("escaped and quoted") << QStringLiteral("&gt; error: x\n&gt; y") << QStringLiteral("error: x\ny");
        QTest::newRow("trailing spaces") << QStringLiteral("error: x   \n  y\t\r\nz") << QStringLiteral("error: x\n  y\r\nz");
        QTest::newRow("arrow and path on two rows") << QStringLiteral("error[E0412]: cannot find type `PyDate` in this scope\n  -->\n  /r/pyo3-stub-gen-0.8.0/src/stub_type/pyo3.rs:97:14\nnext")
                                                   << QStringLiteral("error[E0412]: cannot find type `PyDate` in this scope\n  --> /r/pyo3-stub-gen-0.8.0/src/stub_type/pyo3.rs:97:14\n\nnext");
        QTest::newRow("arrow before other text kept") << QStringLiteral("-->\nnot a location") << QStringLiteral("-->\nnot a location");
        QTest::newRow("no-break spaces") << QStringLiteral("error: x\n\u00a0 --> src/lib.rs:1:2") << QStringLiteral("error: x\n  --> src/lib.rs:1:2");
        QTest::newRow("time of day") << QStringLiteral("[12:34:56] a\n[12:34:56] error: x\n[12:34:57]   y") << QStringLiteral("a\nerror: x\n  y");
        QTest::newRow("Python logging's time") << QStringLiteral("2024-05-01 12:34:56,123 a\n2024-05-01 12:34:56,124 b\n2024-05-01 12:34:56,125 c")
                                               << QStringLiteral("a\nb\nc");
        QTest::newRow("one line's time") << QStringLiteral("12:34:56.789 dyld: Library not loaded: x") << QStringLiteral("dyld: Library not loaded: x");
        QTest::newRow("a time among other lines kept") << QStringLiteral("started\n12:00:00 noon\nerror: x\nmore") << QStringLiteral("started\n12:00:00 noon\nerror: x\nmore");
        // A line broken by a console 80 columns wide: two full rows and the rest.
        const QString whole = QStringLiteral("ImportError: /usr/lib/python3/site-packages/demo/_native.cpython-312-x86_64-linux-gnu.so: "
                                             "undefined symbol: PyUnicode_AsUTF8AndSize (the interpreter is older than the build's)");
        QVERIFY(whole.size() > 160 && whole.size() < 240);
        const QString rows = whole.left(80) + QLatin1Char('\n') + whole.mid(80, 80) + QLatin1Char('\n') + whole.mid(160);
        QTest::newRow("rows of 80 joined") << QStringLiteral("Traceback:\n") + rows + QStringLiteral("\nnext")
                                           << QStringLiteral("Traceback:\n\n\n") + whole + QStringLiteral("\nnext");
        const QString row80 = whole.left(80);
        QTest::newRow("hanging indent not joined") << row80 + QStringLiteral("\n         continued by its program")
                                                   << row80 + QStringLiteral("\n         continued by its program");
        const QString rule = QString(90, QLatin1Char('-'));
        QTest::newRow("rules not joined") << rule + QStringLiteral("\ntext\n") + rule + QStringLiteral("\nmore") << rule + QStringLiteral("\ntext\n") + rule + QStringLiteral("\nmore");
        const QString longest = QStringLiteral("error: the longest line of this text, 81 characters long, stands here on its own.");
        QTest::newRow("one longest line not joined") << longest + QStringLiteral("\nnext") << longest + QStringLiteral("\nnext");
    }
    void logPrefixesAreReadPast()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString stripped = LogPrefixes::strip(text);
        QCOMPARE(stripped, expected);
        QCOMPARE(stripped.count(QLatin1Char('\n')), text.count(QLatin1Char('\n')));
    }

    // maturin's "The operating system X is not supported": a system a later release builds on (its changelog) is
    // an old maturin, sure when the text shows a release before it, a lead when it shows one after; any other
    // system is one maturin does not support.
    void unsupportedOperatingSystem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("confidence");
        QTest::addColumn<QString>("says");
        const QString os = QStringLiteral("💥 maturin failed\n  Caused by: The operating system %1 is not supported\n");
        QTest::newRow("AIX, no version") << os.arg(QStringLiteral("Aix")) << QStringLiteral("maturin-too-old") << int(Confidence::High) << QStringLiteral("since 1.6.0");
        QTest::newRow("AIX, maturin 1.5.1") << QStringLiteral("maturin 1.5.1\n") + os.arg(QStringLiteral("Aix")) << QStringLiteral("maturin-too-old")
                                            << int(Confidence::High) << QStringLiteral("The text shows maturin 1.5.1");
        QTest::newRow("AIX, maturin 1.7.0") << QStringLiteral("maturin 1.7.0\n") + os.arg(QStringLiteral("Aix")) << QStringLiteral("maturin-too-old")
                                            << int(Confidence::Low) << QStringLiteral("since 1.6.0");
        QTest::newRow("Android") << os.arg(QStringLiteral("Android")) << QStringLiteral("maturin-too-old") << int(Confidence::High) << QStringLiteral("newer releases");
        QTest::newRow("Solaris") << os.arg(QStringLiteral("Solaris")) << QStringLiteral("maturin-os-unsupported") << int(Confidence::Medium)
                                 << QStringLiteral("no release adds it");
    }
    void unsupportedOperatingSystem()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(int, confidence);
        QFETCH(QString, says);
        const QList<Finding> findings = wb::test::diagnoseText(text, false);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, id);
        QCOMPARE(int(findings.first().confidence), confidence);
        QVERIFY2(findings.first().message.contains(says), qPrintable(findings.first().message));
    }

    // Where the cause depends on the version, the message compares with the version the text shows.
    void versionAware()
    {
        const QString tooNew = QStringLiteral("   Compiling pyo3-ffi v0.24.1\n"
                                              "  error: the configured Python interpreter version (3.14) is newer than PyO3's maximum supported version (3.13)\n");
        QList<Finding> findings = wb::test::diagnoseText(tooNew, true);
        QCOMPARE(findings.first().id, QStringLiteral("pyo3-python-too-new"));
        QVERIFY2(findings.first().message.contains(QLatin1String("PyO3 0.24.1")), qPrintable(findings.first().message));
        // PyO3's own hint is not a build that used the forward-compatibility switch.
        findings = wb::test::diagnoseText(tooNew + QStringLiteral("  = help: set PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check and build anyway using the stable ABI\n"), true);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("pyo3-python-too-new")});

        const QString tag = QStringLiteral("ERROR: pkg-0.1.0-cp311-cp311-macosx_11_3_arm64.whl is not a supported wheel on this platform.\n");
        findings = wb::test::diagnoseText(QStringLiteral("📦 Built wheel with maturin 1.2.1\n") + tag, false);
        QCOMPARE(findings.first().id, QStringLiteral("maturin-regression"));
        QCOMPARE(findings.first().confidence, Confidence::High);
        QVERIFY(findings.first().message.contains(QLatin1String("1.3.0")));
        // Without maturin in sight another build tool may have written the tag: a lead.
        findings = wb::test::diagnoseText(tag, false);
        QCOMPARE(findings.first().id, QStringLiteral("maturin-regression"));
        QCOMPARE(findings.first().confidence, Confidence::Low);
        // A maturin that has the fix: only a lead.
        findings = wb::test::diagnoseText(QStringLiteral("📦 Built wheel with maturin 1.7.0\n") + tag, false);
        QCOMPARE(findings.first().id, QStringLiteral("maturin-regression"));
        QCOMPARE(findings.first().confidence, Confidence::Low);
        QVERIFY(findings.first().message.contains(QLatin1String("maturin 1.7.0")));
        // A message that holds for every release and was only misused before the fix: with the fix, the advice stays.
        const QString folder = QStringLiteral("Found a directory with the module name (foo) next to Cargo.toml, which indicates a mixed "
                                              "python/rust project, but the directory didn't contain an __init__.py file.\n");
        findings = wb::test::diagnoseText(QStringLiteral("maturin 1.5.0\n") + folder, false);
        QCOMPARE(findings.first().id, QStringLiteral("maturin-regression"));
        QVERIFY2(findings.first().message.contains(QLatin1String("needs an __init__.py")), qPrintable(findings.first().message));
        QVERIFY2(!findings.first().message.contains(QLatin1String("look for another cause")), qPrintable(findings.first().message));

        const QString misparse = QStringLiteral("error: the configured Python interpreter version (3.1) is lower than PyO3's minimum supported version (3.6)\n");
        QCOMPARE(wb::test::diagnoseText(misparse, false).first().id, QStringLiteral("pyo3-version-misparse"));
    }

    // What a text can say of an extension that does not fit its interpreter: a traceback that shows both Pythons'
    // files tells which; a loader's architecture mismatch does not (a lead).
    void interpreterMismatch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("confidence");
        const QString tail = QStringLiteral("  File \"/opt/conda/lib/python3.13/site-packages/pydantic_core/__init__.py\", line 6, in <module>\n"
                                            "    from ._pydantic_core import (\n"
                                            "ModuleNotFoundError: No module named 'pydantic_core._pydantic_core'\n");
        QTest::newRow("a 3.12 interpreter, a 3.13 package")
            << QStringLiteral("Traceback (most recent call last):\n"
                              "  File \"/env/lib/python3.12/importlib/__init__.py\", line 90, in import_module\n") + tail
            << QStringLiteral("wrong-interpreter") << int(Confidence::Medium);
        QTest::newRow("one Python's files only")
            << QStringLiteral("Traceback (most recent call last):\n"
                              "  File \"/opt/conda/lib/python3.13/importlib/__init__.py\", line 90, in import_module\n") + tail
            << QStringLiteral("module-not-found") << int(Confidence::Low);
        QTest::newRow("mach-o architecture")
            << QStringLiteral("ImportError: dlopen(/v/lib/python3.10/site-packages/orjson/orjson.cpython-310-darwin.so, 0x0002): tried: "
                              "'/v/lib/python3.10/site-packages/orjson/orjson.cpython-310-darwin.so' "
                              "(mach-o file, but is an incompatible architecture (have 'arm64', need 'x86_64'))")
            << QStringLiteral("wrong-interpreter") << int(Confidence::Low);
        // A CPython-private function PyO3 leaves out for PyPy, GraalPy and abi3: which one, the text does not say.
        QTest::newRow("private C API")
            << QStringLiteral("error[E0425]: cannot find function `_PyDict_Next` in module `pyo3::ffi`\n   --> src/serialize/dict.rs:317:28")
            << QStringLiteral("pypy-unsupported") << int(Confidence::Low);
        QTest::newRow("mach-o architecture, built in a source tree")
            << QStringLiteral("ImportError: dlopen(/Users/u/dev/watchfiles/watchfiles/_rust_notify.cpython-311-darwin.so, 0x0002): tried: "
                              "'/Users/u/dev/watchfiles/watchfiles/_rust_notify.cpython-311-darwin.so' (mach-o file, but is an incompatible "
                              "architecture (have 'arm64', need 'x86_64'))")
            << QStringLiteral("wrong-interpreter") << int(Confidence::Medium);
        // PyO3 0.17-0.19's refusal of a second initialisation: a sub-interpreter or a re-import, as the run shows.
        const QString once = QStringLiteral("ImportError: PyO3 modules may only be initialized once per interpreter process");
        QTest::newRow("once per process, under pytest") << QStringLiteral("pydantic_core/__init__.py:6: in <module>\nE   ") + once
                                                       << QStringLiteral("pyo3-module-reimported") << int(Confidence::Medium);
        QTest::newRow("once per process, a sub-interpreter") << QStringLiteral("File \"/usr/share/ceph/mgr/dashboard/module.py\"\n") + once
                                                            << QStringLiteral("subinterpreters-unsupported") << int(Confidence::High);
        QTest::newRow("once per process, alone") << once << QStringLiteral("subinterpreters-unsupported") << int(Confidence::Low);
        QTest::newRow("ELF class")
            << QStringLiteral("ImportError: /v/_foo.so: wrong ELF class: ELFCLASS64")
            << QStringLiteral("wrong-interpreter") << int(Confidence::Low);
    }
    void interpreterMismatch()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(int, confidence);
        const QList<Finding> findings = wb::test::diagnoseText(text, false);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, id);
        QCOMPARE(int(findings.first().confidence), confidence);
    }

    // "(unknown location)": the package was found only as a folder without its files; the finding says so.
    void namespacePackageSaysWhy()
    {
        const QList<Finding> findings = wb::test::diagnoseText(
            QStringLiteral("ImportError: cannot import name 'PydanticCustomError' from 'pydantic_core' (unknown location)"), false);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("module-not-found")});
        QCOMPARE(findings.first().confidence, Confidence::Low);
        QVERIFY2(findings.first().message.contains(QLatin1String("without __init__.py")), qPrintable(findings.first().message));
        const QList<Finding> plain = wb::test::diagnoseText(QStringLiteral("ImportError: cannot import name 'x' from 'y' (/v/y/__init__.py)"), false);
        QVERIFY2(!plain.first().message.contains(QLatin1String("without __init__.py")), qPrintable(plain.first().message));
    }

    void tooRecentNamesSymbolsAndTag()
    {
        const QString text = wb::test::readText(wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-manylinux_2_28-too-recent.log")));
        const QList<Finding> findings = wb::test::diagnoseText(text, true);
        QCOMPARE(findings.size(), 1);
        const Finding &f = findings.first();
        QVERIFY2(f.message.contains(QLatin1String("GLIBC_2.34")) && f.message.contains(QLatin1String("GLIBC_2.33")), qPrintable(f.message));
        QVERIFY2(f.message.contains(QLatin1String("manylinux_2_34")), qPrintable(f.message));  // the tag that would pass
        QVERIFY(f.fix.commands.join(QLatin1Char(' ')).contains(QLatin1String("--zig")));
        QVERIFY(f.fix.commands.join(QLatin1Char(' ')).contains(QLatin1String("ghcr.io/pyo3/maturin")));
        QCOMPARE(f.fix.edits.size(), 1);
        QCOMPARE(f.fix.edits.first().key, QStringLiteral("compatibility"));
        QCOMPARE(f.fix.edits.first().value, QStringLiteral("\"manylinux_2_34\""));

        const QList<Finding> symbols = wb::test::diagnoseText(QStringLiteral("Your library is not manylinux_2_17 compliant because of the presence of "
                                                                   "too-recent versioned symbols: [\"libc.so.6 offending symbols: "
                                                                   "getrandom@GLIBC_2.25, memcpy@GLIBC_2.14\", \"libstdc++.so.6 offending "
                                                                   "symbols: _ZSt28__throw_bad_array_new_lengthv@GLIBCXX_3.4.29\"]"),
                                                    false);
        QCOMPARE(symbols.size(), 1);
        QVERIFY(symbols.first().message.contains(QLatin1String("getrandom@GLIBC_2.25")));
        QVERIFY2(symbols.first().message.contains(QLatin1String("manylinux_2_34")), qPrintable(symbols.first().message));
    }

    void rustErrorCitesFileAndLine()
    {
        const QString text = wb::test::readText(wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-rust-compile-error.log")));
        const QList<Finding> findings = wb::test::diagnoseText(text, true);
        QCOMPARE(findings.size(), 1);
        QVERIFY(findings.first().evidence.first().location.contains(QLatin1String("src/lib.rs:7:5")));
        QCOMPARE(findings.first().fix.commands, QStringList{QStringLiteral("rustc --explain E0308")});
    }

    void hostileTextIsBounded()
    {
        QString big;
        big.reserve(1 << 22);
        for (int i = 0; i < 200000; ++i)
            big += QStringLiteral("undefined symbol: x%1\n").arg(i);
        big += QString(100000, QLatin1Char('a'));
        const QList<TextMatch> matches = TextScanner::scan(big);
        QVERIFY(matches.size() <= 2000);
        QVERIFY(TextScanner::scan(QStringLiteral("\x1b[31merror[E0425]\x1b[0m: cannot find value `x`")).size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseText)
#include "tst_diagnosetext.moc"
