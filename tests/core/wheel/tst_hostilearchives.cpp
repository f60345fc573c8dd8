// Crafted hostile archives: each is a finding, never a crash, with memory bounded.
#include "ZipWriter.h"
#include "core/wheel/WheelReport.h"
#include "core/wheel/ZipDirectory.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace wb::test;

namespace {

QString ids(const WheelReport &r)
{
    QStringList l;
    for (const Finding &f : r.findings)
        l.append(f.id);
    return l.join(QLatin1Char(' '));
}

} // namespace

class TestHostileArchives : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QByteArray &zip, const QString &name = QStringLiteral("demo-1.0-py3-none-any.whl"))
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(zip);
        return p;
    }

private Q_SLOTS:
    void healthyWheelIsClean()
    {
        const WheelReport r = inspectWheel(write(buildZip(demoWheel())));
        QVERIFY2(!r.hasErrors(), qPrintable(ids(r)));
        QVERIFY(r.record.ok && r.record.verified);
        QCOMPARE(r.name, QStringLiteral("demo"));
        QCOMPARE(r.tags, QStringList{QStringLiteral("py3-none-any")});
    }

    // RECORD's own row: "RECORD,," is right; a hash or size on it is a warning, no row at all an info.
    void recordOwnRow_data()
    {
        QTest::addColumn<QByteArray>("ownRow");
        QTest::addColumn<QString>("expectedId");
        QTest::addColumn<int>("severity");
        QTest::newRow("empty fields") << QByteArray("demo-1.0.dist-info/RECORD,,\n") << QString() << -1;
        QTest::newRow("hashed") << QByteArray("demo-1.0.dist-info/RECORD,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n")
                                << "record.self-hashed" << int(Finding::Severity::Warning);
        QTest::newRow("missing") << QByteArray() << "record.self-missing" << int(Finding::Severity::Info);
    }
    void recordOwnRow()
    {
        QFETCH(QByteArray, ownRow);
        QFETCH(QString, expectedId);
        QFETCH(int, severity);
        QList<ZipMember> m = demoWheel();
        QByteArray &record = m.last().data;
        record.replace("demo-1.0.dist-info/RECORD,,\n", ownRow);
        const WheelReport r = inspectWheel(write(buildZip(m)));
        QVERIFY2(!r.hasErrors(), qPrintable(ids(r)));
        QStringList own;
        for (const Finding &f : r.findings)
            if (f.id.startsWith(QLatin1String("record.self-"))) {
                own.append(f.id);
                QCOMPARE(int(f.severity), severity);
                QCOMPARE(f.path, QStringLiteral("demo-1.0.dist-info/RECORD"));
            }
        QCOMPARE(own, expectedId.isEmpty() ? QStringList() : QStringList{expectedId});
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("zip");
        QTest::addColumn<QString>("expectedId");
        QTest::newRow("traversal") << buildZip(demoWheel({{"../../etc/evil", "x"}})) << "zip.path-traversal";
        QTest::newRow("absolute") << buildZip(demoWheel({{"/etc/evil", "x"}})) << "zip.absolute-path";
        QTest::newRow("backslash") << buildZip(demoWheel({{"demo\\evil.py", "x"}})) << "zip.backslash";
        QTest::newRow("control byte") << buildZip(demoWheel({{QByteArray("demo/e\x01vil.py"), "x"}})) << "zip.control-byte";
        QTest::newRow("duplicate") << buildZip(demoWheel({{"demo/__init__.py", "other\n"}})) << "zip.duplicate-name";
        QTest::newRow("duplicate case") << buildZip(demoWheel({{"demo/__INIT__.py", "x"}})) << "zip.duplicate-name-case";
        ZipMember link{"demo/link", "/etc/passwd"};
        link.unixMode = 0120777;
        QTest::newRow("symlink") << buildZip(demoWheel({link})) << "zip.symlink";
        ZipMember bomb{"demo/bomb.bin", QByteArray(8 << 20, '\0')};
        QTest::newRow("bomb ratio") << buildZip(demoWheel({bomb})) << "zip.bomb";
        ZipMember claims{"demo/claims.bin", "small"};
        claims.declaredSize = 0xFFFFFFF0ll;
        QTest::newRow("declared size") << buildZip(demoWheel({claims})) << "zip.header-mismatch";
        ZipMember confused{"demo/a.py", "x"};
        confused.localName = "demo/b.py";
        QTest::newRow("local name differs") << buildZip(demoWheel({confused})) << "zip.header-mismatch";
        QList<ZipMember> tampered = demoWheel();
        tampered[0].data = "print('tampered')\n";
        QTest::newRow("tampered RECORD") << buildZip(tampered) << "record.RecordDigestMismatchError";
        QTest::newRow("unlisted file") << buildZip(demoWheel({{"demo/extra.py", "x"}}, false)) << "record.ExtraFileError";
        QByteArray cut = buildZip(demoWheel({{"demo/big.py", QByteArray(50000, 'a')}}));
        cut.remove(100, 40); // bytes lost in the middle: nothing lines up any more
        QTest::newRow("bytes lost") << cut << "zip.unreadable";
        QByteArray corrupt = buildZip(demoWheel({{"demo/text.py", QByteArray("import os\n").repeated(500) + QByteArray::number(12345)}}));
        const qsizetype at = corrupt.indexOf("demo/text.py") + 12 + 20;
        for (int i = 0; i < 8; ++i)
            corrupt[at + i] = char(corrupt[at + i] ^ 0x5a);
        QTest::newRow("corrupt deflate data") << corrupt << "zip.crc-mismatch|zip.corrupt-data|zip.size-mismatch";
    }
    void hostile()
    {
        QFETCH(QByteArray, zip);
        QFETCH(QString, expectedId);
        const WheelReport r = inspectWheel(write(zip));
        QVERIFY2(r.hasErrors() || !r.readable, qPrintable(ids(r)));
        bool seen = false;
        for (const Finding &f : r.findings)
            seen = seen || expectedId.split(QLatin1Char('|')).contains(f.id);
        QVERIFY2(seen, qPrintable(expectedId + QStringLiteral(" not in: ") + ids(r)));
    }

    // A full inspection leaves most local headers to its hashing workers (their windows hold them) and
    // checks the spans after them: it must find exactly what a scan reading every header finds.
    void headersReadWhileHashingFindTheSame_data()
    {
        QTest::addColumn<QByteArray>("zip");
        const auto centralRecord = [](const QByteArray &zip, const QByteArray &name) {
            return zip.lastIndexOf(name) - 46; // the central directory's copy of the name is the last
        };
        const auto put32 = [](QByteArray &b, qsizetype at, quint32 v) {
            for (int k = 0; k < 4; ++k)
                b[at + k] = char((v >> (8 * k)) & 0xff);
        };
        const QList<ZipMember> members = demoWheel({{"demo/a.py", QByteArray("a = 1\n").repeated(300)},
                                                    {"demo/b.bin", QByteArray(4000, 'b')}});
        const QByteArray healthy = buildZip(members);
        QTest::newRow("healthy") << healthy;
        ZipMember confused{"demo/c.py", "x"};
        confused.localName = "demo/d.py";
        QTest::newRow("local name differs") << buildZip(demoWheel({confused}));
        ZipMember claims{"demo/claims.bin", "small"};
        claims.declaredSize = 0xFFFFFFF0ll;
        QTest::newRow("declared size") << buildZip(demoWheel({claims}));
        QByteArray noHeader = healthy;
        noHeader[noHeader.indexOf("demo/a.py") - 30] = 'X'; // the local header's signature
        QTest::newRow("local header missing") << noHeader;
        QByteArray overlap = healthy;
        const qsizetype b = centralRecord(overlap, "demo/b.bin");
        const qsizetype a = centralRecord(overlap, "demo/a.py");
        for (int k = 0; k < 4; ++k) // b's local header offset := a's
            overlap[b + 42 + k] = overlap.at(a + 42 + k);
        QTest::newRow("two entries at one offset") << overlap;
        QByteArray longer = healthy;
        put32(longer, centralRecord(longer, "demo/b.bin") + 20, 3000000); // compressed size past the directory
        QTest::newRow("data past the directory") << longer;
    }
    void headersReadWhileHashingFindTheSame()
    {
        QFETCH(QByteArray, zip);
        const QString path = write(zip);
        const ZipScan all = ZipScan::scanFile(path); // every header read by the scan, spans checked by it
        QStringList expected;
        for (const Finding &f : all.findings)
            expected.append(f.id + QLatin1Char(' ') + f.path);
        const WheelReport r = inspectWheel(path);
        QStringList found;
        for (const Finding &f : r.findings)
            if (f.id.startsWith(QLatin1String("zip.")) && f.id != QLatin1String("zip.corrupt-data") && f.id != QLatin1String("zip.crc-mismatch")
                && f.id != QLatin1String("zip.size-mismatch") && f.id != QLatin1String("zip.kzip-unreadable"))
                found.append(f.id + QLatin1Char(' ') + f.path);
        expected.sort();
        found.sort();
        QCOMPARE(found, expected);
        QCOMPARE(expected.isEmpty(), QByteArray(QTest::currentDataTag()) == "healthy"); // each hostile case shows something
    }

    // A member whose CRC-32 (in both headers) is wrong: reported whether RECORD lists it or not, since
    // Python's zipfile, and so pip, refuse to extract it even when its data matches RECORD's digest
    // (five runs, same answer, whichever member is hashed when).
    void crcJudgedWithAndWithoutRecord_data()
    {
        QTest::addColumn<bool>("listed");
        QTest::newRow("listed in RECORD") << true;
        QTest::newRow("not listed") << false;
    }
    void crcJudgedWithAndWithoutRecord()
    {
        QFETCH(bool, listed);
        QList<ZipMember> extra;
        for (int i = 0; i < 200; ++i) // members hashed before and after RECORD is known
            extra.append(ZipMember{QByteArray("demo/m") + QByteArray::number(i) + ".py", QByteArray("v = 1\n").repeated(i + 20)});
        QByteArray zip = buildZip(demoWheel(extra, listed));
        for (int i = 0; i < 200; i += 37) {
            const QByteArray name = QByteArray("demo/m") + QByteArray::number(i) + ".py";
            const qsizetype local = zip.indexOf(name) - 30, central = zip.lastIndexOf(name) - 46;
            for (const qsizetype at : {local + 14, central + 16})
                zip[at] = char(zip.at(at) ^ 0x01);
        }
        const QString path = write(zip);
        for (int run = 0; run < 5; ++run) {
            const WheelReport r = inspectWheel(path);
            int crc = 0;
            for (const Finding &f : r.findings)
                crc += f.id == QLatin1String("zip.crc-mismatch");
            QCOMPARE(crc, 6);
            QCOMPARE(r.verdict(), QStringLiteral("errors"));
        }
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("this is not a zip file at all, just words");
        const QByteArray whole = buildZip(demoWheel());
        QTest::newRow("cut in half") << whole.left(whole.size() / 2);
        QTest::newRow("cut end") << whole.chopped(10);
    }
    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        const WheelReport r = inspectWheel(write(bytes));
        QVERIFY(!r.readable);
        QVERIFY(!r.unreadableReason.isEmpty());
        QCOMPARE(r.verdict(), QStringLiteral("unreadable"));
    }

    // Every prefix and many single-byte corruptions of a real archive: no crash, scan bounded.
    void mutationsNeverCrash()
    {
        const QByteArray whole = buildZip(demoWheel({{"demo/data.bin", QByteArray(3000, 'z')}}));
        for (qsizetype cut = 0; cut < whole.size(); cut += 37) {
            QByteArray b = whole.left(cut);
            QBuffer buf(&b);
            buf.open(QIODevice::ReadOnly);
            const ZipScan s = ZipScan::scan(buf);
            QVERIFY(s.entries.size() <= 5);
        }
        for (qsizetype i = 0; i < whole.size(); i += 13) {
            QByteArray b = whole;
            b[i] = char(b[i] ^ 0xA5);
            const WheelReport r = inspectWheel(write(b, QStringLiteral("mut-1.0-py3-none-any.whl")));
            Q_UNUSED(r);
        }
    }

    void hugeDeclaredCountIsRefused()
    {
        QByteArray b = buildZip(demoWheel());
        // EOCD entry counts -> 0xFFFF without ZIP64 data: must not allocate for 65535 entries blindly.
        b[b.size() - 12] = char(0xff);
        b[b.size() - 11] = char(0xff);
        QBuffer buf(&b);
        buf.open(QIODevice::ReadOnly);
        const ZipScan s = ZipScan::scan(buf);
        QVERIFY(!s.readable || !s.findings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostileArchives)
#include "tst_hostilearchives.moc"
