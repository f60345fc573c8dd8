// RECORD parsing: CSV quoting, and wheel-inspect's bad-records with the error each must raise.
#include "core/wheel/HeaderFile.h"
#include "core/wheel/RecordFile.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wb;

class TestRecordFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvQuoting()
    {
        const RecordFile rf = RecordFile::parse(
            "\"a,b.txt\",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\r\n"
            "\"say \"\"hi\"\".py\",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
            "pkg-1.0.dist-info/RECORD,,\n");
        QVERIFY2(rf.issues.isEmpty(), qPrintable(rf.issues.value(0).message));
        QCOMPARE(rf.rows.size(), 3);
        QCOMPARE(rf.rows.at(0).path, QStringLiteral("a,b.txt"));
        QCOMPARE(rf.rows.at(1).path, QStringLiteral("say \"hi\".py"));
        QCOMPARE(rf.rows.at(0).digest.size(), 32);
        QCOMPARE(rf.rows.at(2).size, -1);
    }

    void badRecords_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no-corpus") << QString() << QString() << QString();
            return;
        }
        const QDir d(wb::test::corpusDir() + QStringLiteral("/wheels/wheel-inspect/bad-records"));
        for (const QString &f : d.entryList({QStringLiteral("*.csv")})) {
            QFile j(d.filePath(f.chopped(4) + QStringLiteral(".json")));
            QVERIFY(j.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(j.readAll()).object();
            QTest::newRow(qPrintable(f)) << d.filePath(f) << o.value(QLatin1String("type")).toString() << o.value(QLatin1String("str")).toString();
        }
    }
    void badRecords()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, csv);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const RecordFile rf = RecordFile::parse(f.readAll());
        QVERIFY(!rf.issues.isEmpty());
        QCOMPARE(rf.issues.first().kind, type);
        QCOMPARE(rf.issues.first().message, message); // the same words as wheel-inspect
        QVERIFY(rf.issues.first().line > 0);
    }

    void headers()
    {
        const HeaderFile h = HeaderFile::parse("Metadata-Version: 2.4\nName: foo\nClassifier: A\nClassifier: B\nDescription: x\n  more\n\nBody text\n");
        QCOMPARE(h.value(QStringLiteral("name")), QStringLiteral("foo"));
        QCOMPARE(h.values(QStringLiteral("Classifier")).size(), 2);
        QCOMPARE(h.value(QStringLiteral("Description")), QStringLiteral("x\n  more"));
        QCOMPARE(h.body, QStringLiteral("Body text\n"));
        const HeaderFile bad = HeaderFile::parse("no colon here\nName: x\n");
        QCOMPARE(bad.problems.size(), 1);
        const EntryPoints ep = EntryPoints::parse("[console_scripts]\nfoo = foo.cli:main\nbad name = x:y\n");
        QCOMPARE(ep.entries.size(), 2);
        QCOMPARE(ep.problems.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordFile)
#include "tst_recordfile.moc"
