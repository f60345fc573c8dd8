// `wheelbench diagnose` run as a user runs it: a real process, real captured messages.
#include "DiagnoseTestSupport.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestDiagnoseCli : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(wb::test::executable(), QStringList{QStringLiteral("diagnose")} + args);
        if (!p.waitForStarted(30000))
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString example() const { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }

private Q_SLOTS:
    void help()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("wheelbench diagnose")));
    }

    void unusableInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList();
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("missing wheel") << QStringList{QStringLiteral("--wheel"), QStringLiteral("/nonexistent/x-1.0-py3-none-any.whl")};
        QTest::newRow("missing log") << QStringList{QStringLiteral("--log"), QStringLiteral("/nonexistent/build.log")};
        QTest::newRow("project is a file") << QStringList{QStringLiteral("--project"), wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-healthy.log"))};
        QTest::newRow("option without value") << QStringList{QStringLiteral("--error")};
        QTest::newRow("apply without project") << QStringList{QStringLiteral("--apply"), QStringLiteral("pyinit-missing"), QStringLiteral("--error"), QStringLiteral("x")};
    }
    void unusableInput()
    {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(QLatin1String("wheelbench diagnose: ")));
    }

    void healthyGivesNothing()
    {
        const Result r = run({QStringLiteral("--project"), example(), QStringLiteral("--log"),
                              wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-healthy.log"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("No problems found.\n"));
        const Result json = run({QStringLiteral("--project"), example(), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject healthy = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(healthy.value(u"schema_version").toInt(), 2);
        QVERIFY(healthy.value(u"findings").isArray());
        QCOMPARE(healthy.value(u"findings").toArray().size(), 0);
    }

    void logFromStandardInput()
    {
        const QByteArray log = wb::test::readBytes(wb::test::diagnoseData(QStringLiteral("maturin-1.8.3-manylinux_2_28-too-recent.log")));
        const Result r = run({QStringLiteral("--log"), QStringLiteral("-")}, log);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QLatin1String("[manylinux-too-recent-symbols]")));
        QVERIFY(r.out.contains(QLatin1String("manylinux_2_34")));
        QVERIFY(r.out.contains(QLatin1String("1 finding")));
    }

    void jsonAndApply()
    {
        QTemporaryDir dir;
        QVERIFY(wb::test::copyTree(example(), dir.path()));
        QVERIFY(wb::test::replaceInFile(dir.path() + QStringLiteral("/pyproject.toml"), "hello_pyo3._native", "hello_pyo3._core"));
        const QString error = wb::test::diagnoseData(QStringLiteral("python-3.13-pyinit-mismatch-import.txt"));
        const Result r = run({QStringLiteral("--project"), dir.path(), QStringLiteral("--error-file"), error, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(u"schema_version").toInt(), 2);
        const QJsonArray findings = doc.value(u"findings").toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject f = findings.at(0).toObject();
        QCOMPARE(f.value(u"id").toString(), QStringLiteral("pyinit-missing"));
        QCOMPARE(f.value(u"severity").toString(), QStringLiteral("error"));
        QCOMPARE(f.value(u"confidence").toString(), QStringLiteral("high"));  // the project confirms the pasted message
        const QJsonArray decisive = f.value(u"decisive_lines").toArray();
        QVERIFY(!decisive.isEmpty());
        QVERIFY(decisive.first().toString().contains(QLatin1String("PyInit__core")));
        QVERIFY(!f.value(u"title").toString().isEmpty());
        const QJsonArray evidence = f.value(u"evidence").toArray();
        QVERIFY(evidence.size() >= 3);
        for (const QJsonValue &e : evidence) {
            const QJsonObject o = e.toObject();
            QVERIFY(o.contains(u"source") && o.contains(u"location") && o.contains(u"text"));
        }
        const QJsonObject edit = f.value(u"fix").toObject().value(u"edits").toArray().at(0).toObject();
        QCOMPARE(edit.value(u"key").toString(), QStringLiteral("module-name"));
        QCOMPARE(edit.value(u"value").toString(), QStringLiteral("\"hello_pyo3._native\""));

        const Result applied = run({QStringLiteral("--project"), dir.path(), QStringLiteral("--error-file"), error,
                                    QStringLiteral("--apply"), QStringLiteral("pyinit-missing")});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY2(applied.out.contains(QLatin1String("-module-name = \"hello_pyo3._core\"\n+module-name = \"hello_pyo3._native\"")), qPrintable(applied.out));
        QCOMPARE(wb::test::readBytes(dir.path() + QStringLiteral("/pyproject.toml")), wb::test::readBytes(example() + QStringLiteral("/pyproject.toml")));
        const Result unknown = run({QStringLiteral("--project"), dir.path(), QStringLiteral("--apply"), QStringLiteral("pyinit-missing")});
        QCOMPARE(unknown.exitCode, 2);  // no such finding any more
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseCli)
#include "tst_diagnosecli.moc"
