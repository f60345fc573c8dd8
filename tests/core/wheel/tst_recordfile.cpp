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
    // Digests of every known size decode to their bytes; a character outside the URL-safe alphabet,
    // padding, a wrong length or set unused low bits (a second spelling of the same bytes) is refused.
    void digestsDecodeCanonically_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<int>("bytes");
        for (const auto &[a, n] : {std::pair("md5", 16), {"sha1", 20}, {"sha224", 28}, {"sha256", 32}, {"sha384", 48}, {"sha512", 64}})
            QTest::newRow(a) << QString::fromLatin1(a) << n;
    }
    void digestsDecodeCanonically()
    {
        QFETCH(QString, algorithm);
        QFETCH(int, bytes);
        const bool weak = RecordFile::isWeak(algorithm);
        for (int seed = 0; seed < 40; ++seed) {
            QByteArray raw(bytes, Qt::Uninitialized);
            for (int i = 0; i < bytes; ++i)
                raw[i] = char((seed * 131 + i * 71 + (seed == 1 ? 255 : 0)) & 0xFF);
            const QByteArray text = urlsafeB64NoPad(raw);
            const RecordFile ok = RecordFile::parse("a.py," + algorithm.toLatin1() + '=' + text + ",5\n");
            if (weak) {
                QCOMPARE(ok.issues.size(), 1);
                QCOMPARE(ok.issues.first().kind, QStringLiteral("WeakDigestError"));
                continue;
            }
            QVERIFY2(ok.issues.isEmpty(), qPrintable(ok.issues.value(0).message));
            QCOMPARE(ok.rows.first().digest, raw);
            QCOMPARE(ok.rows.first().digestText(), QString::fromLatin1(text));
            QByteArray lowBits = text;
            if (bytes % 3 != 0) { // a tail with unused bits: flip the lowest bit of the last character's value
                static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
                lowBits.back() = alphabet.at(alphabet.indexOf(lowBits.back()) ^ 1);
            }
            const QList<QByteArray> badTexts = {QByteArray(text).replace(0, 1, "+"), text + "=", text.chopped(1), text + "A",
                                                bytes % 3 ? lowBits : QByteArray("!")};
            for (const QByteArray &badText : badTexts) {
                if (badText == text)
                    continue;
                const RecordFile bad = RecordFile::parse("a.py," + algorithm.toLatin1() + '=' + badText + ",5\n");
                QVERIFY2(bad.rows.isEmpty(), badText.constData());
                QCOMPARE(bad.issues.value(0).kind, QStringLiteral("MalformedDigestError"));
            }
        }
    }

    // The hand-written encoder gives Qt's urlsafe, unpadded base64 for every length and byte value.
    void base64MatchesQt()
    {
        QByteArray raw;
        for (int n = 0; n <= 70; ++n) {
            QCOMPARE(urlsafeB64NoPad(raw), raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            raw.append(char((n * 97 + 251) & 0xFF));
        }
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        QCOMPARE(urlsafeB64NoPad(all), all.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

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

    // Unquoted RECORDs are split in place; the result is the one the general CSV path gives for the
    // same rows with their paths quoted (line ends, empty lines, field counts, bad rows, row limit).
    void unquotedFastPathAgrees_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("maxRows");
        const QByteArray good = "a/b.py,sha256=LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564,4\n";
        QTest::newRow("plain") << good + "x/RECORD,,\n" << 100;
        QTest::newRow("crlf and lone cr") << QByteArray("a.py,,\r\nb.py,,\rc.py,,") << 100;
        QTest::newRow("empty lines") << QByteArray("\n\na.py,,\n\n\nb.py,,\n") << 100;
        QTest::newRow("field counts") << QByteArray("a.py\nb.py,,,\n,\nc.py,sha256=x\n") << 100;
        QTest::newRow("bad rows") << QByteArray("/abs,,\na/../b,,\nw.py,md5=AAAA,1\nu.py,foo=AA,1\ns.py,sha256=AA,x\nd.py,,5\n") << 100;
        QTest::newRow("conflict") << good + "a/b.py,sha256=LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564,5\n" + good << 100;
        QTest::newRow("row limit") << QByteArray("a.py,,\nb.py,,\nc.py,,\n") << 2;
        QTest::newRow("row limit, no final newline") << QByteArray("a.py,,\nb.py,,") << 2;
    }
    void unquotedFastPathAgrees()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, maxRows);
        QVERIFY(!data.contains('"'));
        // Quote the first field of every record: same values, but the general CSV path reads them.
        QByteArray quoted;
        bool atStart = true;
        for (qsizetype i = 0; i < data.size(); ++i) {
            const char c = data.at(i);
            if (atStart && c != '\n' && c != '\r') {
                qsizetype end = i;
                while (end < data.size() && data.at(end) != ',' && data.at(end) != '\n' && data.at(end) != '\r')
                    ++end;
                quoted += '"' + data.mid(i, end - i) + '"';
                i = end - 1;
                atStart = false;
                continue;
            }
            quoted += c;
            atStart = c == '\n' || c == '\r';
        }
        const RecordFile fast = RecordFile::parse(data, maxRows);
        const RecordFile general = RecordFile::parse(quoted, maxRows);
        QCOMPARE(fast.rows.size(), general.rows.size());
        for (qsizetype i = 0; i < fast.rows.size(); ++i) {
            QCOMPARE(fast.rows.at(i).line, general.rows.at(i).line);
            QCOMPARE(fast.rows.at(i).path, general.rows.at(i).path);
            QCOMPARE(fast.rows.at(i).algorithm, general.rows.at(i).algorithm);
            QCOMPARE(fast.rows.at(i).digest, general.rows.at(i).digest);
            QCOMPARE(fast.rows.at(i).digestText(), general.rows.at(i).digestText());
            QCOMPARE(fast.rows.at(i).size, general.rows.at(i).size);
        }
        QCOMPARE(fast.issues.size(), general.issues.size());
        for (qsizetype i = 0; i < fast.issues.size(); ++i) {
            QCOMPARE(fast.issues.at(i).line, general.issues.at(i).line);
            QCOMPARE(fast.issues.at(i).kind, general.issues.at(i).kind);
            QCOMPARE(fast.issues.at(i).path, general.issues.at(i).path);
            QCOMPARE(fast.issues.at(i).message, general.issues.at(i).message);
        }
        QVERIFY(!fast.rows.isEmpty() || !fast.issues.isEmpty());
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
