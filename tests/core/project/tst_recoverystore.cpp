// Recovery records of unsaved edits: round trip, one record per project, damaged records ignored,
// written outside the project.
#include "core/project/RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

class TestRecoveryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ascii") << QByteArray("[tool.maturin]\nstrip = true\n");
        QTest::newRow("crlf+bom+utf8") << QByteArray("\xEF\xBB\xBF[project]\r\nname = \"caf\xC3\xA9\"\r\n");
        QTest::newRow("binary junk") << QByteArray("\x00\x01\xFF\xFE", 4);
        QTest::newRow("empty") << QByteArray();
    }
    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir store, project;
        const RecoveryStore s(store.path());
        Recovery r;
        r.projectDir = project.path();
        r.saved = QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC);
        r.files << RecoveredFile{project.filePath(QStringLiteral("pyproject.toml")), QByteArray(32, 'h'), bytes};
        QVERIFY(s.save(r));
        QVERIFY(s.recordPath(project.path()).startsWith(store.path()));
        QVERIFY(QDir(project.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty()); // nothing in the project
        const auto back = s.load(project.path());
        QVERIFY(back.has_value());
        QCOMPARE(back->files.size(), 1);
        QCOMPARE(back->files.first(), r.files.first());
        QCOMPARE(back->saved, r.saved);
        // Another project has no record; the same project by another spelling finds it.
        QTemporaryDir other;
        QVERIFY(!s.load(other.path()).has_value());
        QVERIFY(s.load(project.path() + QStringLiteral("/./")).has_value());
        s.remove(project.path());
        QVERIFY(!s.load(project.path()).has_value());
    }

    void damagedRecordIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{{{");
        QTest::newRow("wrong format") << QByteArray("{\"format\": 7, \"files\": []}");
        QTest::newRow("bad base64") << QByteArray("{\"format\":1,\"project\":\"PROJECT\",\"files\":[{\"path\":\"/x\",\"bytes_base64\":\"@@@\"}]}");
        QTest::newRow("no files") << QByteArray("{\"format\":1,\"project\":\"PROJECT\",\"files\":[]}");
    }
    void damagedRecordIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir store, project;
        const RecoveryStore s(store.path());
        content.replace("PROJECT", QDir(project.path()).absolutePath().toUtf8());
        QFile f(s.recordPath(project.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QVERIFY(!s.load(project.path()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recoverystore.moc"
