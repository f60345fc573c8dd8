// The rules of "How confidence is assigned" (docs/troubleshooting.md), enforced on the development reports
// of tests/data/failure-reports/dev (real failure texts): no High or Medium verdict rests on generic lines
// only, a High verdict cites the cause's own wording, the specific cause comes before a generic one, and
// the generic lines of those texts, alone, give nothing above Low.
#include "DiagnoseTestSupport.h"

#include "core/diagnose/ConfidencePolicy.h"
#include "core/diagnose/Diagnoser.h"

#include <QDir>
#include <QTest>

using namespace wb::diagnose;

namespace {

struct Report {
    QString name, kind, text;
};

QList<Report> devReports()
{
    QList<Report> out;
    const QDir dir(qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/data/failure-reports/dev"));
    for (const QString &f : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        const QString all = wb::test::readText(dir.filePath(f));
        const qsizetype sep = all.indexOf(QLatin1String("\n---\n"));
        if (sep < 0)
            continue;
        Report r{f, QString(), all.mid(sep + 5)};
        for (const QString &line : all.left(sep).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("kind:")))
                r.kind = line.mid(5).trimmed();
        }
        out << r;
    }
    return out;
}

bool isGenericId(const QString &id)
{
    return id == QLatin1String("rust-compile-error") || id == QLatin1String("dependency-build-script-failed")
        || id == QLatin1String("dependency-compile-error") || id == QLatin1String("unrecognised-failure");
}

} // namespace

class TestConfidencePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void genericLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("generic");
        QTest::newRow("could not compile") << "error: could not compile `pyo3` (lib) due to 2 previous errors" << true;
        QTest::newRow("could not compile, old") << "error: could not compile `smallvec`." << true;
        QTest::newRow("linking failed") << "error: linking with `cc` failed: exit status: 1" << true;
        QTest::newRow("pip wrapper") << "error: subprocess-exited-with-error" << true;
        QTest::newRow("pip failed wheel") << "ERROR: Failed building wheel for tokenizers" << true;
        QTest::newRow("cargo status") << "error: `cargo build --manifest-path Cargo.toml --release -v --locked` failed with code 101" << true;
        QTest::newRow("bare ImportError") << "ImportError" << true;
        QTest::newRow("linker missing") << "error: linker `cc` not found" << false;
        QTest::newRow("system library") << "The system library `libffi` required by crate `libffi-sys` was not found." << false;
        QTest::newRow("PyInit") << "ImportError: dynamic module does not define module export function (PyInit__core)" << false;
    }
    void genericLines()
    {
        QFETCH(QString, line);
        QFETCH(bool, generic);
        QCOMPARE(ConfidencePolicy::isGenericLine(line), generic);
    }

    // Every finding on every development report: generic lines alone give Low; High cites a specific line.
    void devReportsFollowThePolicy()
    {
        const QList<Report> reports = devReports();
        if (reports.isEmpty())
            QSKIP("no development reports");
        int high = 0;
        for (const Report &r : reports) {
            const QList<Finding> findings = wb::test::diagnoseText(r.text, r.kind == QLatin1String("log"));
            for (const Finding &f : findings) {
                const QString where = r.name + QStringLiteral(": ") + f.id;
                if (ConfidencePolicy::restsOnGenericLines(f))
                    QVERIFY2(f.confidence == Confidence::Low, qPrintable(where));
                if (f.confidence == Confidence::High) {
                    ++high;
                    bool specific = false;
                    for (const EvidenceRef &e : f.evidence)
                        specific = specific || !ConfidencePolicy::isGenericLine(e.text);
                    QVERIFY2(specific, qPrintable(where));
                }
            }
            // The more specific wins: a generic verdict is never first when a specific, non-Low cause was found.
            bool specificCause = false;
            for (const Finding &f : findings)
                specificCause = specificCause || (f.severity == Severity::Error && !isGenericId(f.id) && f.confidence != Confidence::Low);
            if (specificCause)
                QVERIFY2(!isGenericId(findings.first().id), qPrintable(r.name + QStringLiteral(": ") + findings.first().id));
        }
        QVERIFY(high > 20);  // the policy leaves the specific wordings their High
    }

    // The generic lines the development texts contain, each alone: nothing above Low.
    void genericLinesAloneAreLeads()
    {
        int checked = 0;
        for (const Report &r : devReports()) {
            for (const QString &raw : r.text.split(QLatin1Char('\n'))) {
                const QString line = raw.trimmed();
                if (!ConfidencePolicy::isGenericLine(line))
                    continue;
                ++checked;
                for (const Finding &f : wb::test::diagnoseText(line, r.kind == QLatin1String("log")))
                    QVERIFY2(f.confidence == Confidence::Low, qPrintable(r.name + QStringLiteral(": '") + line + QStringLiteral("' -> ") + f.id));
            }
        }
        if (checked == 0)
            QSKIP("no development reports");
        QVERIFY(checked >= 20);
    }

    // Lines that several causes print alike (the development reports show each with different causes): alone, a lead.
    void sharedLinesAreLeads_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("pip refuses a wheel") << QStringLiteral("ERROR: pkg-0.2.0-cp38-cp38-musllinux_1_2_x86_64.whl is not a supported wheel on this platform.");
        QTest::newRow("undefined Py symbol") << QStringLiteral("ImportError: /p/datetime.cpython-36m-x86_64-linux-gnu.so: undefined symbol: PyDateTime_TZInfoType");
        QTest::newRow("setuptools-rust, old wording") << QStringLiteral("error: Can not find Rust compiler");
        QTest::newRow("setuptools-rust, new wording") << QStringLiteral("error: can't find Rust compiler");
        QTest::newRow("setuptools-rust artifacts") << QStringLiteral("error: Rust build failed; unable to find any cdylib or dylib build artifacts");
        QTest::newRow("cargo index") << QStringLiteral("error: failed to select a version for the requirement `pyo3 = \"^0.15.1\"`");
        QTest::newRow("feature gate") << QStringLiteral("error[E0658]: or-patterns syntax is experimental");
        QTest::newRow("-lpython") << QStringLiteral("/usr/bin/ld: cannot find -lpython3.7m");
        // The audit of every High/Medium rule (docs/troubleshooting.md, "How confidence is assigned"): each line below
        // is printed by more than one cause.
        QTest::newRow("macOS undefined Python symbol") << QStringLiteral("            \"_PyBytes_AsString\", referenced from:");
        QTest::newRow("static libpython") << QStringLiteral("error: could not find native static library `python3.9`, perhaps an -L flag is missing?");
        QTest::newRow("repair without libpython") << QStringLiteral("auditwheel: error: cannot repair \"x.whl\" to \"manylinux_2_17_x86_64\" ABI because: Cannot repair wheel, because required library \"libpython3.9.so.1.0\" could not be located");
        QTest::newRow("macOS minor tag") << QStringLiteral("ERROR: foo-1.0-cp312-cp312-macosx_11_1_arm64.whl is not a supported wheel on this platform.");
        QTest::newRow("no pyproject.toml") << QStringLiteral("  Caused by: Couldn't find pyproject.toml at /src/pyproject.toml");
        QTest::newRow("uv VIRTUAL_ENV") << QStringLiteral("warning: `VIRTUAL_ENV=.venv` does not match the project environment path `/p/.venv` and will be ignored");
        QTest::newRow("unknown maturin key") << QStringLiteral("unknown field `python-packages`, expected one of `module-name`, `python-source`, `bindings`, `features`");
        QTest::newRow("pyproject wrapper") << QStringLiteral("Error: pyproject.toml at /src/pyproject.toml is invalid");
        QTest::newRow("TOML error, no file") << QStringLiteral("TOML parse error at line 3, column 1");
        QTest::newRow("pyd access denied") << QStringLiteral("error: failed to remove file `C:\\v\\Lib\\site-packages\\x\\_core.pyd`: Access is denied. (os error 5)");
        QTest::newRow("pip leftover") << QStringLiteral("WARNING: Failed to remove contents in a temporary directory 'C:\\v\\Lib\\site-packages\\~ackage'. You can safely remove it manually.");
        QTest::newRow("library at import") << QStringLiteral("ImportError: libssl.so.3: cannot open shared object file: No such file or directory");
        QTest::newRow("no such CPython") << QStringLiteral("  Caused by: Failed to find a CPython 3.12 interpreter");
        QTest::newRow("uv no interpreter") << QStringLiteral("error: No interpreter found for Python 3.13 in managed installations or search path");
        QTest::newRow("maturin probe") << QStringLiteral("  Caused by: Trying to get metadata from the python interpreter 'python3' failed");
        QTest::newRow("python3X.lib") << QStringLiteral("LINK : fatal error LNK1181: cannot open input file 'python39.lib'");
        QTest::newRow("unstable library feature") << QStringLiteral("error[E0658]: use of unstable library feature 'is_some_and'");
        QTest::newRow("into_pyarray") << QStringLiteral("error[E0599]: no method named `into_pyarray` found for struct `ArrayBase` in the current scope");
        QTest::newRow("links libpython") << QStringLiteral("  Caused by: Your library links libpython (libpython3.8.so.1.0), which libraries must not do.");
        QTest::newRow("extension-module advice") << QStringLiteral("⚠  Warning: You're building a library without activating pyo3's `extension-module` feature.");
        QTest::newRow("undefined Py reference") << QStringLiteral("          /usr/bin/ld: x.o: in function `f': undefined reference to `PyExc_TypeError'");
        QTest::newRow("dyld Py symbol") << QStringLiteral("ImportError: dlopen(x.so, 2): Symbol not found: _PyExc_TypeError");
        QTest::newRow("repair, library not located") << QStringLiteral("ValueError: Cannot repair wheel, because required library \"libfoo.so.1\" could not be located");
        QTest::newRow("old 403 wording") << QStringLiteral("  Caused by: Username and/or password are wrong");
        QTest::newRow("dev build next to an error") << QStringLiteral("    Finished `dev` profile [unoptimized + debuginfo] target(s) in 25.39s\n💥 maturin failed\n  Caused by: Invalid argument (os error 22)");
        QTest::newRow("cffi fallback") << QStringLiteral("🔗 Found cffi bindings\nModuleNotFoundError: No module named 'cffi'");
        // Wordings of other releases (data/upstream-wordings.tsv) that several causes print alike.
        QTest::newRow("cargo offline") << QStringLiteral("  attempting to make an HTTP request, but --frozen was specified");
        QTest::newRow("DLL load failed, CPython 3.7") << QStringLiteral("ImportError: DLL load failed: The specified module could not be found.");
        QTest::newRow("uv ABI tags hint") << QStringLiteral("hint: You're using CPython 3.13 (`cp313`), but `pydantic-core` (v2.14.6) only has wheels with the following Python ABI tags: `cp38`, `cp312`");
        QTest::newRow("uv no interpreter, no version") << QStringLiteral("error: No interpreter found in virtual environments or system path");
        QTest::newRow("uv no distribution, old") << QStringLiteral("error: distribution rpds-py==0.18.0 can't be installed because it doesn't have a source distribution or wheel for the current platform");
        QTest::newRow("no cdylib built") << QStringLiteral("  Caused by: Cargo didn't build a cdylib. Did you miss crate-type = [\"cdylib\"] in the lib section of your Cargo.toml?");
        QTest::newRow("PyO3 pointer width") << QStringLiteral("error: your Rust target architecture (64-bit) does not match your python interpreter (32-bit)");
        QTest::newRow("circular import, no file in sight") << QStringLiteral("AttributeError: partially initialized module 'tiktoken' has no attribute 'get_encoding' (most likely due to a circular import)");
        QTest::newRow("yanked versions") << QStringLiteral("  version 0.6.6 is yanked");
        QTest::newRow("musl, other symbol") << QStringLiteral("ImportError: Error relocating /v/lib/x/_x.so: foo_bar: symbol not found");
        QTest::newRow("no bindings found") << QStringLiteral("  Caused by: Couldn't find any bindings; Please specify them with --bindings/-b");
        QTest::newRow("cffi step failing") << QStringLiteral("  Caused by: Failed to generate cffi declarations using /usr/bin/python3: exit status: 1");
        QTest::newRow("plugin symbol looked up") << QStringLiteral("PanicException: called `Result::unwrap()` on an `Err` value: DlSym { desc: \"/p/_x.so: undefined symbol: some_entry_point\" }");
        QTest::newRow("lib source missing") << QStringLiteral("  can't find library `kornia_rs`, rename file to `src/lib.rs` or specify lib.path");
        QTest::newRow("error inside pyo3-ffi") << QStringLiteral("error[E0412]: cannot find type `Py_ssize_t` in this scope\n  --> include/pyo3/pyo3-ffi/src/pyhash.rs:19:51");
        QTest::newRow("libc as forbidden") << QStringLiteral("  Caused by: Your library is not manylinux_2_17 compliant because it links the following forbidden libraries: [\"libc.so.6\", \"libm.so.6\"]");
    }
    void sharedLinesAreLeads()
    {
        QFETCH(QString, line);
        const QList<Finding> findings = wb::test::diagnoseText(line);
        QVERIFY(!findings.isEmpty());
        bool recognised = false;
        for (const Finding &f : findings)
            recognised = recognised || f.id != QLatin1String("unrecognised-failure");
        QVERIFY2(recognised, "the line is recognised (as a lead)");
        for (const Finding &f : findings)
            QVERIFY2(f.confidence == Confidence::Low, qPrintable(f.id));
    }

    // The same shared lines keep High or Medium where the text tells the causes apart.
    void sharedLinesWithEvidence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("confidence");
        QTest::newRow("the extension's link") << QStringLiteral("            \"_PyBytes_Size\", referenced from:\n          ld: symbol(s) not found for architecture arm64\n"
                                                                "error: could not compile `fuzzy` (lib) due to 1 previous error")
                                              << QStringLiteral("macos-undefined-dynamic-lookup") << int(Confidence::High);
        QTest::newRow("libpython and the advice") << QStringLiteral("⚠  Warning: You're building a library without activating pyo3's `extension-module` feature.\n"
                                                                    "  Caused by: Your library links libpython (libpython3.8.so.1.0), which libraries must not do.")
                                                  << QStringLiteral("missing-extension-module") << int(Confidence::Medium);
        QTest::newRow("a cargo test binary") << QStringLiteral("     Running unittests src/lib.rs (target/debug/deps/x-0123456789abcdef)\n"
                                                               "          /usr/bin/ld: x.o: undefined reference to `PyExc_TypeError'")
                                             << QStringLiteral("cargo-test-libpython-link") << int(Confidence::Medium);
        QTest::newRow("python3-sys links it") << QStringLiteral("   Compiling python3-sys v0.7.1\nerror: could not find native static library `python3.9`, perhaps an -L flag is missing?")
                                              << QStringLiteral("dependency-links-libpython") << int(Confidence::High);
        QTest::newRow("maturin's minor tag") << QStringLiteral("📦 Built wheel to target/wheels/foo-1.0-cp312-cp312-macosx_11_1_arm64.whl\nmaturin 1.2.3\n"
                                                               "ERROR: foo-1.0-cp312-cp312-macosx_11_1_arm64.whl is not a supported wheel on this platform.")
                                             << QStringLiteral("maturin-regression") << int(Confidence::High);
    }
    void sharedLinesWithEvidence()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(int, confidence);
        const QList<Finding> findings = wb::test::diagnoseText(text);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, id);
        QCOMPARE(int(findings.first().confidence), confidence);
    }

    // Where two recognisers compete: the specific cause and the generic summary of the same failure.
    void specificBeatsGeneric()
    {
        const QString text = QStringLiteral("error: linker `cc` not found\n  |\n  = note: No such file or directory (os error 2)\n\n"
                                            "error: could not compile `proc-macro2` (build script) due to 1 previous error\n");
        const QList<Finding> findings = wb::test::diagnoseText(text, true);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, QStringLiteral("c-linker-missing"));
        QCOMPARE(findings.first().confidence, Confidence::High);
    }
};

QTEST_GUILESS_MAIN(TestConfidencePolicy)
#include "tst_confidencepolicy.moc"
