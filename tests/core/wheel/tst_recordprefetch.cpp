// RecordPrefetch: RECORD read and parsed on its own thread gives exactly what the inspection would
// parse, and steps aside (take() is false) whenever anything is unusual, so that the inspection reads
// and reports it itself.
#include "ZipWriter.h"
#include "core/wheel/MemberReader.h"
#include "core/wheel/RecordPrefetch.h"
#include "core/wheel/WheelReport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace wb::test;

class TestRecordPrefetch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QList<ZipMember> &members, const QString &name)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(buildZip(members));
        return p;
    }
    static const ZipEntryRecord *entry(const ZipScan &scan, const QString &name)
    {
        for (const ZipEntryRecord &e : scan.entries)
            if (e.name == name)
                return &e;
        return nullptr;
    }

private Q_SLOTS:
    void sameRowsAsTheInspection()
    {
        const QString path = write(demoWheel({{"demo/data.bin", QByteArray(5000, 'x')}}), QStringLiteral("demo-1.0-py3-none-any.whl"));
        const ZipScan scan = ZipScan::scanFile(path);
        QVERIFY(scan.readable);
        const ZipEntryRecord *record = entry(scan, QStringLiteral("demo-1.0.dist-info/RECORD"));
        QVERIFY(record);
        MemberReader reader(path);
        QVERIFY(reader.open(nullptr));
        const RecordFile direct = RecordFile::parse(reader.read(*record, 1 << 20));
        QVERIFY(direct.rows.size() >= 4);
        RecordPrefetch prefetch(path, 1 << 20);
        RecordFile fetched;
        QVERIFY(prefetch.take(*record, &fetched));
        QCOMPARE(fetched.rows.size(), direct.rows.size());
        for (qsizetype i = 0; i < direct.rows.size(); ++i) {
            QCOMPARE(fetched.rows.at(i).path, direct.rows.at(i).path);
            QCOMPARE(fetched.rows.at(i).digest, direct.rows.at(i).digest);
            QCOMPARE(fetched.rows.at(i).size, direct.rows.at(i).size);
        }
        QCOMPARE(fetched.issues.size(), direct.issues.size());
        // Taken once: a second take has nothing.
        QVERIFY(!prefetch.take(*record, &fetched));
    }

    // Each case: the prefetch must step aside.
    void stepsAside_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("two dist-info RECORDs") << QStringLiteral("two");
        QTest::newRow("another member asked for") << QStringLiteral("other");
        QTest::newRow("RECORD over the size limit") << QStringLiteral("limit");
        QTest::newRow("RECORD's data corrupt") << QStringLiteral("corrupt");
        QTest::newRow("no RECORD") << QStringLiteral("none");
        QTest::newRow("not a ZIP archive") << QStringLiteral("notzip");
    }
    void stepsAside()
    {
        QFETCH(QString, kind);
        QList<ZipMember> members = demoWheel();
        qint64 limit = 1 << 20;
        if (kind == QLatin1String("two"))
            members.append(ZipMember{"other-2.0.dist-info/RECORD", "other-2.0.dist-info/RECORD,,\n"});
        if (kind == QLatin1String("limit"))
            limit = 10;
        if (kind == QLatin1String("none"))
            members.erase(std::remove_if(members.begin(), members.end(), [](const ZipMember &m) { return m.name.endsWith("/RECORD"); }),
                          members.end());
        QString path = write(members, kind + QStringLiteral("-1.0-py3-none-any.whl"));
        if (kind == QLatin1String("corrupt") || kind == QLatin1String("notzip")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            if (kind == QLatin1String("notzip")) {
                bytes = QByteArray(4096, 'z');
            } else {
                // Overwrite RECORD's compressed bytes (it follows its local header and name).
                const qsizetype at = bytes.indexOf("demo-1.0.dist-info/RECORD") + 25;
                for (qsizetype i = at; i < at + 8; ++i)
                    bytes[i] = char(0xff);
            }
            f.resize(0);
            f.seek(0);
            f.write(bytes);
        }
        const ZipScan scan = ZipScan::scanFile(path);
        ZipEntryRecord asked;
        if (const ZipEntryRecord *r = entry(scan, QStringLiteral("demo-1.0.dist-info/RECORD")))
            asked = *r;
        if (kind == QLatin1String("other"))
            asked = *entry(scan, QStringLiteral("demo-1.0.dist-info/METADATA"));
        RecordPrefetch prefetch(path, limit);
        RecordFile fetched;
        QVERIFY(!prefetch.take(asked, &fetched));
        QVERIFY(fetched.rows.isEmpty());
    }

    // Destroyed without take(): the thread is joined, nothing leaks or crashes.
    void destroyedUntaken()
    {
        const QString path = write(demoWheel(), QStringLiteral("untaken-1.0-py3-none-any.whl"));
        for (int i = 0; i < 20; ++i)
            RecordPrefetch prefetch(path, 1 << 20);
    }
};

QTEST_GUILESS_MAIN(TestRecordPrefetch)
#include "tst_recordprefetch.moc"
