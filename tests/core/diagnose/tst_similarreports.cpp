// Reported failures alike: the built-in index (resources/catalogue/similar-reports.json) holds every
// development report, with the words this code takes from it (the index is written by
// tools/make-similar-reports.py: both must agree); only an unrecognised failure points to the most alike
// report, and stays unrecognised; healthy logs and named causes get no pointer.
#include "DiagnoseTestSupport.h"
#include "support/FailureReport.h"

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/SimilarReports.h"

#include <QDir>
#include <QTest>

using namespace wb::diagnose;

namespace {

QString devDir()
{
    return qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/data/failure-reports/dev");
}

const SimilarReports::Report *indexed(const QString &name)
{
    for (const SimilarReports::Report &r : SimilarReports::builtIn().reports()) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

QList<Finding> diagnoseReport(const QString &name)
{
    wb::test::FailureReport r;
    if (!wb::test::readFailureReport(devDir() + QLatin1Char('/') + name, &r))
        return {};
    Evidence e;
    (r.kind == QLatin1String("log") ? e.logText : e.errorText) = r.text;
    return Diagnoser::diagnose(e);
}

} // namespace

class TestSimilarReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("lower case, sorted, once") << QStringLiteral("Error: error ERROR in Cargo") << QStringList{QStringLiteral("cargo"), QStringLiteral("error")};
        QTest::newRow("short words and stop words") << QStringLiteral("it is not the pyo3 crate")
                                                    << QStringList{QStringLiteral("crate"), QStringLiteral("pyo3")};
        QTest::newRow("POSIX path") << QStringLiteral("File /home/alice/proj/venv/lib/site.py, line 3")
                                    << QStringList{QStringLiteral("file"), QStringLiteral("line")};
        QTest::newRow("Windows path") << QStringLiteral("cannot open C:\\Users\\bob\\python313.lib here")
                                      << QStringList{QStringLiteral("here"), QStringLiteral("open")};
        QTest::newRow("a path ends at a quote") << QStringLiteral("'/usr/bin/cc' failed") << QStringList{QStringLiteral("failed")};
        QTest::newRow("identifiers") << QStringLiteral("undefined symbol: PyUnstable_Module_SetGIL, GLIBC_2.34")
                                     << QStringList{QStringLiteral("glibc_2"), QStringLiteral("pyunstable_module_setgil"),
                                                    QStringLiteral("symbol"), QStringLiteral("undefined")};
        QTest::newRow("not ASCII") << QStringLiteral("⚠️ Warning: größe") << QStringList{QStringLiteral("warning")};  // "gr" and "e" are too short
    }
    void words()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(SimilarReports::words(text), expected);
    }

    // The index is the development part as it is now, read the same way: a report added, relabelled or
    // taken out since tools/make-similar-reports.py last ran fails here.
    void indexIsTheDevelopmentPart_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files = QDir(devDir()).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no development reports");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void indexIsTheDevelopmentPart()
    {
        QFETCH(QString, name);
        wb::test::FailureReport r;
        QVERIFY(wb::test::readFailureReport(devDir() + QLatin1Char('/') + name, &r));
        const SimilarReports::Report *entry = indexed(name);
        QVERIFY2(entry, "run tools/make-similar-reports.py");
        QCOMPARE(entry->cause, r.cause);
        QVERIFY(entry->source.startsWith(QLatin1String("https://")));
        QCOMPARE(entry->words, SimilarReports::words(r.text));
    }
    void indexHoldsNothingElse()
    {
        const int files = QDir(devDir()).entryList({QStringLiteral("*.txt")}, QDir::Files).size();
        QCOMPARE(SimilarReports::builtIn().reports().size(), files);
    }

    void badIndexIsEmpty_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not JSON") << QByteArray("{\"format\": 1, \"reports\": [");
        QTest::newRow("another format") << QByteArray("{\"format\": 2, \"reports\": []}");
        QTest::newRow("an array") << QByteArray("[1, 2]");
    }
    void badIndexIsEmpty()
    {
        QFETCH(QByteArray, json);
        QString error;
        const SimilarReports s = SimilarReports::fromJson(json, &error);
        QVERIFY(s.reports().isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(!s.nearest(QStringLiteral("error: linker `cc` not found"), 0.0));
    }

    void nearestNeedsTheMinimum()
    {
        const QByteArray json =
            "{\"format\": 1, \"reports\": ["
            "{\"name\": \"a.txt\", \"source\": \"https://example.org/1\", \"cause\": \"c-linker-missing\", \"words\": [\"linker\", \"found\", \"error\"]},"
            "{\"name\": \"b.txt\", \"source\": \"https://example.org/2\", \"cause\": \"rustc-not-found\", \"words\": [\"rustc\", \"found\", \"error\"]},"
            "{\"name\": \"c.txt\", \"source\": \"https://example.org/3\", \"cause\": \"cargo-not-found\", \"words\": [\"cargo\", \"installed\"]}]}";
        const SimilarReports s = SimilarReports::fromJson(json);
        QCOMPARE(s.reports().size(), 3);
        const auto m = s.nearest(QStringLiteral("error: linker `cc` not found"), 0.5);
        QVERIFY(m);
        QCOMPARE(m->cause, QStringLiteral("c-linker-missing"));
        QCOMPARE(m->report.source, QStringLiteral("https://example.org/1"));
        QCOMPARE(m->sharedWords.first(), QStringLiteral("linker"));  // the rarest first
        QVERIFY(m->similarity > 0.9 && m->similarity <= 1.0 + 1e-9);
        QVERIFY(!s.nearest(QStringLiteral("everything went fine"), 0.01));
        QVERIFY(!s.nearest(QStringLiteral("error: linker found"), 1.01));
    }

    // A development report no rule names (the thread established its cause from elsewhere): its own
    // report is the most alike, so the unrecognised failure points to it and names the cause found there,
    // yet stays the finding (Low): the pointer is for comparing, not a verdict.
    void pointerWhereNoRuleNamesTheCause_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("causeTitle");
        QTest::newRow("log") << QStringLiteral("a-rust-nightly-required-1.txt") << QStringLiteral("The crate needs nightly Rust");
        QTest::newRow("pasted") << QStringLiteral("z5f-maturin-regression-2.txt") << QStringLiteral("A known maturin regression");
    }
    void pointerWhereNoRuleNamesTheCause()
    {
        QFETCH(QString, name);
        QFETCH(QString, causeTitle);
        const QList<Finding> findings = diagnoseReport(name);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("unrecognised-failure")});
        const Finding &f = findings.first();
        QCOMPARE(f.confidence, Confidence::Low);
        const SimilarReports::Report *own = indexed(name);
        QVERIFY(own);
        QCOMPARE(f.links.first(), own->source);
        QVERIFY(f.message.contains(own->source));
        QVERIFY2(f.message.contains(QStringLiteral("its cause there was: ") + causeTitle), qPrintable(f.message));
        QVERIFY(f.message.contains(QLatin1String("100 % alike")));
        QVERIFY(f.fix.steps.first().endsWith(own->source));
        QCOMPARE(f.evidence.last().source, QStringLiteral("reported failure"));
        QCOMPARE(f.evidence.last().location, own->source);
        QVERIFY(!f.decisiveLines.isEmpty());
    }

    // At the end of a whole build's log, the lines around the failure are compared, not thousands of lines of
    // cargo's progress before it.
    void pointerAtTheEndOfALongLog()
    {
        wb::test::FailureReport r;
        QVERIFY(wb::test::readFailureReport(devDir() + QStringLiteral("/a-rust-nightly-required-1.txt"), &r));
        QStringList progress;
        for (int i = 0; i < 3000; ++i)
            progress << QStringLiteral("   Compiling crate%1 v0.%2.%3").arg(i).arg(i % 9).arg(i % 5);
        Evidence e;
        e.logText = progress.join(QLatin1Char('\n')) + QLatin1Char('\n') + r.text;
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, QStringLiteral("unrecognised-failure"));
        QCOMPARE(findings.first().links.first(), indexed(r.name)->source);
    }

    // Where a rule names the cause, or nothing failed, or nothing reported is alike, there is no pointer.
    void noPointer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("log");
        QTest::addColumn<QString>("top");
        auto file = [](const char *name) { return wb::test::readText(wb::test::diagnoseData(QLatin1String(name))); };
        QTest::newRow("healthy build") << file("maturin-1.8.3-healthy.log") << true << QString();
        QTest::newRow("healthy develop") << file("maturin-1.8.3-develop.log") << true << QString();
        QTest::newRow("named: rust compile error") << file("maturin-1.8.3-rust-compile-error.log") << true << QStringLiteral("rust-compile-error");
        QTest::newRow("named: cargo not found") << file("maturin-1.8.3-cargo-not-found.log") << true << QStringLiteral("cargo-not-found");
        QTest::newRow("nothing alike") << QStringLiteral("error: the zorblax frobnicator quenched 7 wibbles\nexit status: 3") << false
                                       << QStringLiteral("unrecognised-failure");
    }
    void noPointer()
    {
        QFETCH(QString, text);
        QFETCH(bool, log);
        QFETCH(QString, top);
        QVERIFY(!text.isEmpty());
        Evidence e;
        (log ? e.logText : e.errorText) = text;
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(findings.isEmpty() ? QString() : findings.first().id, top);
        for (const Finding &f : findings) {
            for (const EvidenceRef &r : f.evidence)
                QVERIFY2(r.source != QLatin1String("reported failure"), qPrintable(f.id));
            QVERIFY(!f.message.contains(QLatin1String("reported that is most like")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSimilarReports)
#include "tst_similarreports.moc"
