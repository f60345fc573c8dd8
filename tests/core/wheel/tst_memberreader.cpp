// MemberReader: members read straight from the file (mapped windows, zlib), hashed in parallel, native
// files analysed from the bytes hashed; and the inspector's --quick path that never opens KZip.
#include "ZipWriter.h"
#include "core/wheel/MemberReader.h"
#include "core/wheel/WheelReport.h"
#include "core/wheel/WheelReportJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace wb;
using namespace wb::test;

class TestMemberReader : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QByteArray &zip, const QString &name = QStringLiteral("demo-1.0-py3-none-any.whl"))
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(zip);
        return p;
    }
    static QByteArray randomBytes(qsizetype n, quint32 seed)
    {
        QRandomGenerator g(seed);
        QByteArray b(n, Qt::Uninitialized);
        for (qsizetype i = 0; i < n; ++i)
            b[i] = char(g.bounded(256));
        return b;
    }
    static QByteArray executableBytes()
    {
        QFile f(QCoreApplication::applicationFilePath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    // Stored and deflated members of all sizes, hashed by 1, 2 and 3 threads: every digest, size and
    // CRC equals what QCryptographicHash and the writer computed.
    void hashesMatch_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("1 thread sha256") << 1 << QStringLiteral("sha256");
        QTest::newRow("2 threads sha256") << 2 << QStringLiteral("sha256");
        QTest::newRow("3 threads sha384") << 3 << QStringLiteral("sha384");
        QTest::newRow("2 threads sha512") << 2 << QStringLiteral("sha512");
    }
    void hashesMatch()
    {
        QFETCH(int, threads);
        QFETCH(QString, algorithm);
        QList<ZipMember> members;
        for (int i = 0; i < 300; ++i) {
            const qsizetype size = i % 50 == 0 ? (3 << 20) + i : i * 97;
            ZipMember m{QByteArray("pkg/f") + QByteArray::number(i), i % 3 ? QByteArray("text ").repeated(size / 5 + 1).left(size) : randomBytes(size, quint32(i))};
            m.deflate = i % 4 != 0;
            members.append(m);
        }
        const QString path = write(buildZip(members), QStringLiteral("hashes.zip"));
        const ZipScan scan = ZipScan::scanFile(path);
        QVERIFY(scan.readable);
        QCOMPARE(scan.entries.size(), members.size());
        MemberReader reader(path);
        QVERIFY(reader.open(nullptr));
        QList<MemberReader::Job> jobs;
        for (const ZipEntryRecord &e : scan.entries) {
            QVERIFY(reader.canRead(e));
            jobs.append({&e, algorithm, false});
        }
        MemberReader::HashOptions o;
        o.threads = threads;
        const QList<MemberReader::Result> results = MemberReader::hashAll(path, jobs, o);
        QCOMPARE(results.size(), members.size());
        const auto alg = algorithm == QLatin1String("sha256") ? QCryptographicHash::Sha256
            : algorithm == QLatin1String("sha384")            ? QCryptographicHash::Sha384
                                                              : QCryptographicHash::Sha512;
        for (qsizetype i = 0; i < results.size(); ++i) {
            const MemberDigest &d = results[i].digest;
            QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
            QCOMPARE(d.name, QString::fromLatin1(members[i].name));
            QCOMPARE(d.size, members[i].data.size());
            QCOMPARE(d.digest, QCryptographicHash::hash(members[i].data, alg));
            QCOMPARE(d.crc, scan.entries[i].crc);
            QCOMPARE(reader.read(scan.entries[i], 1ll << 30), members[i].data);
        }
    }

    // Members whose local headers nobody has read (dataOffset 0) are located by the workers from
    // their windows: same digests and CRCs as with the headers read first, the data offsets the
    // scan finds, no problem reported; a HashRun left before wait() stops and joins.
    void headersReadByTheWorkers_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
        QTest::newRow("3 threads") << 3;
    }
    void headersReadByTheWorkers()
    {
        QFETCH(int, threads);
        QList<ZipMember> members;
        for (int i = 0; i < 400; ++i) {
            const qsizetype size = i == 97 ? (20 << 20) + i : i * 131; // one larger than a batch window
            const bool text = i % 2 || size > (1 << 20);
            ZipMember m{QByteArray("pkg/member") + QByteArray::number(i), text ? QByteArray("text ").repeated(size / 5 + 1).left(size) : randomBytes(size, quint32(i))};
            m.deflate = i % 3 != 0;
            members.append(m);
        }
        const QString path = write(buildZip(members), QStringLiteral("deferred.zip"));
        const ZipScan read = ZipScan::scanFile(path);
        const ZipScan unread = ZipScan::scanFile(path, {}, [](const ZipEntryRecord &) { return false; }, ZipScan::SpanCheck::Later);
        QCOMPARE(unread.entries.size(), members.size());
        QList<MemberReader::Job> jobs;
        for (const ZipEntryRecord &e : unread.entries) {
            QCOMPARE(e.dataOffset, quint64(0));
            jobs.append({&e, QStringLiteral("sha256"), false});
        }
        MemberReader::HashOptions o;
        o.threads = threads;
        o.dataEnd = unread.centralDirectoryOffset;
        { MemberReader::HashRun abandoned(path, jobs, o); } // never waited for
        MemberReader::HashRun run(path, jobs, o);
        const QList<MemberReader::Result> results = run.wait();
        QCOMPARE(results.size(), members.size());
        for (qsizetype i = 0; i < results.size(); ++i) {
            const MemberDigest &d = results[i].digest;
            QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
            QCOMPARE(results[i].dataOffset, read.entries[i].dataOffset);
            QVERIFY(results[i].headerProblems.isEmpty());
            QCOMPARE(d.digest, QCryptographicHash::hash(members[i].data, QCryptographicHash::Sha256));
            QCOMPARE(d.crc, read.entries[i].crc);
        }
    }

    // A member whose central directory declares the wrong uncompressed size is still read whole
    // (the one-call inflate is only a shortcut for truthful members): its real size and digest come
    // back, whatever the declaration says.
    void declaredSizeLies_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("declared");
        QTest::newRow("truthful") << qint64(200000) << qint64(200000);
        QTest::newRow("one byte less") << qint64(200000) << qint64(199999);
        QTest::newRow("one byte more") << qint64(200000) << qint64(200001);
        QTest::newRow("zero") << qint64(200000) << qint64(0);
        QTest::newRow("huge") << qint64(200000) << qint64(1ll << 40);
        QTest::newRow("empty member, declared 10") << qint64(0) << qint64(10);
    }
    void declaredSizeLies()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, declared);
        const QByteArray data = QByteArray("abcdefgh\n").repeated(size / 9 + 1).left(size);
        const QString path = write(buildZip({{"pkg/data", data}}), QStringLiteral("lies.zip"));
        const ZipScan scan = ZipScan::scanFile(path);
        QVERIFY(scan.readable);
        ZipEntryRecord e = scan.entries.first();
        e.uncompressedSize = quint64(declared);
        MemberReader::HashOptions o;
        const MemberReader::Result r = MemberReader::hashAll(path, {{&e, QStringLiteral("sha256"), false}}, o).first();
        QVERIFY2(r.digest.error.isEmpty(), qPrintable(r.digest.error));
        QCOMPARE(r.digest.size, size);
        QCOMPARE(r.digest.digest, QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        QCOMPARE(r.digest.crc, scan.entries.first().crc);
    }

    void readIsBounded()
    {
        ZipMember big{"pkg/big", QByteArray(1 << 20, 'x')};
        const QString path = write(buildZip({big}), QStringLiteral("bounded.zip"));
        const ZipScan scan = ZipScan::scanFile(path);
        MemberReader reader(path);
        QVERIFY(reader.open(nullptr));
        bool truncated = false;
        QString error;
        const QByteArray part = reader.read(scan.entries.first(), 1000, &truncated, &error);
        QCOMPARE(part.size(), 1000);
        QVERIFY(truncated);
        QVERIFY(error.isEmpty());
        MemberReader::HashOptions o;
        o.maxBytesPerEntry = 4096;
        const QList<MemberReader::Result> r = MemberReader::hashAll(path, {{&scan.entries.first(), QStringLiteral("sha256"), false}}, o);
        QVERIFY(r.first().digest.error.contains(QLatin1String("reading stopped")));
    }

    void corruptAndTruncatedData()
    {
        QByteArray zip = buildZip({{"pkg/text", QByteArray("import os\n").repeated(3000)}});
        const QString okPath = write(zip, QStringLiteral("ok.zip"));
        ZipScan scan = ZipScan::scanFile(okPath);
        const quint64 at = scan.entries.first().dataOffset + 10;
        QByteArray corrupt = zip;
        for (int i = 0; i < 16; ++i)
            corrupt[qsizetype(at) + i] = char(corrupt[qsizetype(at) + i] ^ 0x77);
        const QString badPath = write(corrupt, QStringLiteral("bad.zip"));
        scan = ZipScan::scanFile(badPath);
        MemberReader::HashOptions o;
        const MemberReader::Result r = MemberReader::hashAll(badPath, {{&scan.entries.first(), QStringLiteral("sha256"), false}}, o).first();
        QVERIFY(!r.digest.error.isEmpty() || r.digest.crc != scan.entries.first().crc);

        // Declared compressed size past the end of the file: not readable here, and an error if forced.
        ZipEntryRecord past = scan.entries.first();
        past.compressedSize = 1ull << 40;
        MemberReader reader(badPath);
        QVERIFY(reader.open(nullptr));
        QVERIFY(!reader.canRead(past));
        QString error;
        (void)reader.read(past, 1 << 20, nullptr, &error);
        QVERIFY(error.contains(QLatin1String("truncated")));
        const MemberReader::Result t = MemberReader::hashAll(badPath, {{&past, QStringLiteral("sha256"), false}}, o).first();
        QVERIFY(t.digest.error.contains(QLatin1String("truncated")));
    }

    // A RECORD row may name another algorithm than SHA-256 (hashlib's names): its member is hashed again with it,
    // and a wrong digest is reported in that algorithm.
    void recordRowsWithAnotherAlgorithm_data()
    {
        QTest::addColumn<bool>("rightDigest");
        QTest::newRow("right sha512") << true;
        QTest::newRow("wrong sha512") << false;
    }
    void recordRowsWithAnotherAlgorithm()
    {
        QFETCH(bool, rightDigest);
        QList<ZipMember> members = demoWheel();
        const QByteArray init = members.first().data;
        const QByteArray sha512 = rightDigest ? QCryptographicHash::hash(init, QCryptographicHash::Sha512) : QByteArray(64, '\0');
        const QByteArray row = "demo/__init__.py,sha512="
            + sha512.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + ',' + QByteArray::number(init.size());
        QByteArray &record = members.last().data;
        const qsizetype at = record.indexOf("demo/__init__.py,");
        QVERIFY(at >= 0);
        record.replace(at, record.indexOf('\n', at) - at, row);
        const WheelReport r = inspectWheel(write(buildZip(members)));
        QCOMPARE(r.record.ok, rightDigest);
        QCOMPARE(r.hasErrors(), !rightDigest);
        if (!rightDigest) {
            const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                                         [](const Finding &f) { return f.id == QLatin1String("record.RecordDigestMismatchError"); });
            QVERIFY(it != r.findings.end());
            QVERIFY2(it->message.startsWith(QLatin1String("sha512 digest of file 'demo/__init__.py'")), qPrintable(it->message));
        }
    }

    // A native file is analysed from the bytes hashed while the budget allows, and left for a second
    // read otherwise; both readings are the same, and --quick (no KZip, no hashing) agrees.
    void binariesAnalysedOnce()
    {
        const QByteArray elf = executableBytes();
        QVERIFY(elf.startsWith("\x7f" "ELF"));
        const QString so = QStringLiteral("demo/_native.cpython-313-x86_64-linux-gnu.so");
        const QString path = write(buildZip(demoWheel({{so.toLatin1(), elf}})), QStringLiteral("demo-1.0-cp313-cp313-linux_x86_64.whl"));
        const ZipScan scan = ZipScan::scanFile(path);
        const ZipEntryRecord *entry = nullptr;
        for (const ZipEntryRecord &e : scan.entries)
            if (e.name == so)
                entry = &e;
        QVERIFY(entry);
        MemberReader::HashOptions o;
        const MemberReader::Result kept = MemberReader::hashAll(path, {{entry, QStringLiteral("sha256"), true}}, o).first();
        QVERIFY(kept.binaryAnalysed && kept.binaryHead);
        QCOMPARE(kept.binary->formatName(), QStringLiteral("ELF"));
        o.binaryBudget = 0;
        const MemberReader::Result left = MemberReader::hashAll(path, {{entry, QStringLiteral("sha256"), true}}, o).first();
        QVERIFY(!left.binaryAnalysed);
        QCOMPARE(left.digest.digest, kept.digest.digest);

        const WheelReport full = inspectWheel(path);
        InspectOptions quickOptions;
        quickOptions.verifyHashes = false;
        const WheelReport quick = inspectWheel(path, quickOptions);
        QVERIFY(full.record.ok && full.record.verified);
        QCOMPARE(full.extensions.size(), 1);
        QCOMPARE(quick.extensions.size(), 1);
        QCOMPARE(quick.extensions.first().binary.arch(), full.extensions.first().binary.arch());
        QCOMPARE(quick.extensions.first().binary.allNeeded(), full.extensions.first().binary.allNeeded());
        QCOMPARE(quick.extensions.first().binary.debugBytes, full.extensions.first().binary.debugBytes);
        QCOMPARE(quick.metadata.value(QStringLiteral("Name")), QStringLiteral("demo"));
        QVERIFY(quick.record.present && !quick.record.verified);
    }

    // Verification reports its progress in compressed bytes, rising to the total; a cancel set before
    // (or while) it runs stops it and the report says so instead of claiming a verified RECORD.
    void progressAndCancel_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
    }
    void progressAndCancel()
    {
        QFETCH(int, threads);
        QList<ZipMember> files;
        for (int i = 0; i < 120; ++i)
            files.append(ZipMember{QByteArray("demo/f") + QByteArray::number(i) + ".bin", randomBytes(9000 + i * 3000, quint32(i))});
        const QString path = write(buildZip(demoWheel(files)), QStringLiteral("demo-1.0-py3-none-any.whl"));
        std::mutex mutex;
        qint64 last = -1, total = -1;
        bool monotonic = true;
        InspectOptions o;
        o.threads = threads;
        o.progress = [&](qint64 done, qint64 all) {
            // A varying pause before the check: reports that leave the workers out of order
            // would arrive out of order here.
            std::this_thread::sleep_for(std::chrono::microseconds(done % 1500));
            std::lock_guard lock(mutex);
            monotonic &= done > last && done <= all;
            last = done;
            total = all;
        };
        const WheelReport full = inspectWheel(path, o);
        QVERIFY(!full.cancelled);
        QVERIFY(full.record.verified && full.record.ok);
        QVERIFY(monotonic);
        QVERIFY(total > 120 * 9000);
        QCOMPARE(last, total);

        std::atomic<bool> cancel{false};
        InspectOptions c;
        c.threads = threads;
        c.cancel = &cancel;
        int calls = 0;
        c.progress = [&](qint64, qint64) {
            std::lock_guard lock(mutex);
            if (++calls == 1)
                cancel = true; // while it runs
        };
        const WheelReport stopped = inspectWheel(path, c);
        QVERIFY(stopped.cancelled);
        QVERIFY(!stopped.record.verified);
        cancel = true;
        calls = 0;
        const WheelReport before = inspectWheel(path, c);
        QVERIFY(before.cancelled);
        QCOMPARE(calls, 0);
    }

    // Names that JSON must escape (quotes, backslashes, control bytes) or that are not ASCII: the
    // CLI's direct JSON text equals QJsonDocument's, with and without digests.
    void jsonTextEqualsQJsonDocument()
    {
        const QList<ZipMember> odd = {{"demo/\"quoted\".py", "a = 1\n"}, {"demo/na\xc3\xafve-\xe2\x82\xac.py", "b = 2\n"},
                                      {"demo/back\\slash.py", "c = 3\n"}, {"demo/tab\there.py", "d = 4\n"}, {"demo/empty.py", ""}};
        const QString path = write(buildZip(demoWheel(odd)), QStringLiteral("demo-1.0-py3-none-any.whl"));
        for (const bool verify : {true, false}) {
            InspectOptions o;
            o.verifyHashes = verify;
            const WheelReport r = inspectWheel(path, o);
            QVERIFY(r.readable);
            QCOMPARE(r.files.size(), 4 + odd.size());
            QCOMPARE(toJsonText(r), QJsonDocument(toJson(r)).toJson(QJsonDocument::Indented));
        }
        WheelReport empty;
        QCOMPARE(toJsonText(empty), QJsonDocument(toJson(empty)).toJson(QJsonDocument::Indented));
    }
};

QTEST_GUILESS_MAIN(TestMemberReader)
#include "tst_memberreader.moc"
