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

QList<Finding> diagnoseText(const QString &kind, const QString &text)
{
    Evidence e;
    (kind == QLatin1String("log") ? e.logText : e.errorText) = text;
    return Diagnoser::diagnose(e);
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
            const QList<Finding> findings = diagnoseText(r.kind, r.text);
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
                for (const Finding &f : diagnoseText(r.kind, line))
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
    }
    void sharedLinesAreLeads()
    {
        QFETCH(QString, line);
        const QList<Finding> findings = diagnoseText(QStringLiteral("error"), line);
        QVERIFY(!findings.isEmpty());
        for (const Finding &f : findings)
            QVERIFY2(f.confidence == Confidence::Low, qPrintable(f.id));
    }

    // Where two recognisers compete: the specific cause and the generic summary of the same failure.
    void specificBeatsGeneric()
    {
        const QString text = QStringLiteral("error: linker `cc` not found\n  |\n  = note: No such file or directory (os error 2)\n\n"
                                            "error: could not compile `proc-macro2` (build script) due to 1 previous error\n");
        const QList<Finding> findings = diagnoseText(QStringLiteral("log"), text);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, QStringLiteral("c-linker-missing"));
        QCOMPARE(findings.first().confidence, Confidence::High);
    }
};

QTEST_GUILESS_MAIN(TestConfidencePolicy)
#include "tst_confidencepolicy.moc"
