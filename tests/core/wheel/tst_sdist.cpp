// Source distributions: a real one made by `maturin sdist` from a copy of examples/hello-pyo3, and
// crafted hostile tar.gz files (written header by header, gzip-compressed with KF6 Archive).
#include "core/wheel/SdistReport.h"
#include "core/wheel/TarWalk.h"
#include "support/TestPaths.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace wb;

namespace {

struct TarMember {
    QByteArray name;
    QByteArray data;
    char type = '0';
    QByteArray link;
};

QByteArray tarHeader(const QByteArray &name, qint64 size, char type, const QByteArray &link)
{
    QByteArray h(512, '\0');
    std::memcpy(h.data(), name.constData(), size_t(std::min<qsizetype>(name.size(), 100)));
    std::memcpy(h.data() + 100, "0000644", 7);
    std::memcpy(h.data() + 108, "0000000", 7);
    std::memcpy(h.data() + 116, "0000000", 7);
    const QByteArray sz = QByteArray::number(size, 8).rightJustified(11, '0');
    std::memcpy(h.data() + 124, sz.constData(), 11);
    std::memcpy(h.data() + 136, "00000000000", 11);
    h[156] = type;
    std::memcpy(h.data() + 157, link.constData(), size_t(std::min<qsizetype>(link.size(), 100)));
    std::memcpy(h.data() + 257, "ustar\0" "00", 8);
    std::memset(h.data() + 148, ' ', 8);
    int sum = 0;
    for (char c : h)
        sum += quint8(c);
    const QByteArray cs = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h.data() + 148, cs.constData(), 6);
    h[154] = '\0';
    return h;
}

QByteArray tar(const QList<TarMember> &members, bool end = true)
{
    QByteArray out;
    for (const TarMember &m : members) {
        if (m.name.size() > 100) { // GNU long name
            out += tarHeader("././@LongLink", m.name.size() + 1, 'L', {});
            out += m.name + '\0';
            out += QByteArray((512 - (m.name.size() + 1) % 512) % 512, '\0');
        }
        out += tarHeader(m.name, m.data.size(), m.type, m.link);
        out += m.data;
        out += QByteArray((512 - m.data.size() % 512) % 512, '\0');
    }
    if (end)
        out += QByteArray(1024, '\0');
    return out;
}

QList<TarMember> demoSdist(const QList<TarMember> &extra = {})
{
    QList<TarMember> m{{"demo-1.0/", {}, '5', {}},
                       {"demo-1.0/PKG-INFO", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n", '0', {}},
                       {"demo-1.0/pyproject.toml", "[build-system]\nrequires = [\"maturin>=1,<2\"]\nbuild-backend = \"maturin\"\n", '0', {}},
                       {"demo-1.0/Cargo.toml", "[package]\nname = \"demo\"\nversion = \"1.0.0\"\n", '0', {}},
                       {"demo-1.0/Cargo.lock", "version = 4\n", '0', {}}};
    return m + extra;
}

QString ids(const SdistReport &r)
{
    QStringList l;
    for (const Finding &f : r.findings)
        l.append(f.id);
    return l.join(QLatin1Char(' '));
}

} // namespace

class TestSdist : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeGz(const QByteArray &tarBytes, const QString &name = QStringLiteral("demo-1.0.tar.gz"))
    {
        const QString p = m_dir.filePath(name);
        QFile::remove(p);
        KCompressionDevice dev(p, KCompressionDevice::GZip);
        if (!dev.open(QIODevice::WriteOnly))
            return {};
        dev.write(tarBytes);
        dev.close();
        return p;
    }

private Q_SLOTS:
    void maturinSdist()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("maturin")).isEmpty())
            QSKIP("maturin is not installed");
        const QString project = m_dir.filePath(QStringLiteral("hello"));
        QDirIterator it(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString src = it.next();
            const QString rel = QDir(wb::test::examplesDir() + QStringLiteral("/hello-pyo3")).relativeFilePath(src);
            if (rel.startsWith(QLatin1String("target/")))
                continue;
            QDir().mkpath(QFileInfo(project + QLatin1Char('/') + rel).path());
            QVERIFY(QFile::copy(src, project + QLatin1Char('/') + rel));
        }
        QVERIFY(QFileInfo::exists(project + QStringLiteral("/Cargo.toml")));
        QProcess p;
        p.setWorkingDirectory(project);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("maturin"), {QStringLiteral("sdist"), QStringLiteral("--out"), project + QStringLiteral("/dist")});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        const QStringList made = QDir(project + QStringLiteral("/dist")).entryList({QStringLiteral("*.tar.gz")});
        QCOMPARE(made.size(), 1);
        const QString path = project + QStringLiteral("/dist/") + made.first();
        QVERIFY(looksLikeSdist(path));
        const SdistReport r = inspectSdist(path);
        QVERIFY2(r.readable, qPrintable(r.unreadableReason));
        QVERIFY2(!r.hasErrors(), qPrintable(ids(r)));
        QCOMPARE(r.name, QStringLiteral("hello-pyo3"));
        QCOMPARE(r.version, QStringLiteral("0.1.0"));
        QCOMPARE(r.root, QStringLiteral("hello_pyo3-0.1.0"));
        QVERIFY(r.hasPkgInfo && r.hasPyproject);
        QCOMPARE(r.cargoTomls, QStringList{QStringLiteral("hello_pyo3-0.1.0/Cargo.toml")});
        QCOMPARE(r.cargoLocks, QStringList{QStringLiteral("hello_pyo3-0.1.0/Cargo.lock")});
        bool lib = false;
        for (const SdistFileEntry &f : r.files)
            if (f.path == QLatin1String("hello_pyo3-0.1.0/src/lib.rs")) {
                lib = true;
                QVERIFY(f.size > 0);
                QCOMPARE(f.kind, QStringLiteral("file"));
            }
        QVERIFY(lib);
        const QJsonObject j = toJson(r);
        QCOMPARE(j.value(QLatin1String("kind")).toString(), QStringLiteral("sdist"));
        QCOMPARE(j.value(QLatin1String("pkg_info")).toObject().value(QLatin1String("Name")).toString(), QStringLiteral("hello-pyo3"));
    }

    void healthyCraftedSdist()
    {
        const SdistReport r = inspectSdist(writeGz(tar(demoSdist())));
        QVERIFY2(r.readable && r.verdict() == QLatin1String("ok"), qPrintable(ids(r)));
        QCOMPARE(r.files.size(), 5);
        QCOMPARE(r.totalSize, qint64(demoSdist()[1].data.size() + demoSdist()[2].data.size() + demoSdist()[3].data.size() + demoSdist()[4].data.size()));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("tarBytes");
        QTest::addColumn<QString>("expectedId");
        QTest::newRow("traversal") << tar(demoSdist({{"demo-1.0/../../evil", "x", '0', {}}})) << "sdist.path-traversal";
        QTest::newRow("absolute") << tar(demoSdist({{"/etc/evil", "x", '0', {}}})) << "sdist.absolute-path";
        QTest::newRow("symlink out") << tar(demoSdist({{"demo-1.0/link", {}, '2', "../../../etc/passwd"}})) << "sdist.symlink-outside";
        QTest::newRow("absolute symlink") << tar(demoSdist({{"demo-1.0/link", {}, '2', "/etc/passwd"}})) << "sdist.symlink-outside";
        QTest::newRow("hard link out") << tar(demoSdist({{"demo-1.0/hard", {}, '1', "../outside"}})) << "sdist.hardlink-outside";
        QTest::newRow("device") << tar(demoSdist({{"demo-1.0/dev", {}, '3', {}}})) << "sdist.special-file";
        QTest::newRow("long traversal name") << tar(demoSdist({{"demo-1.0/" + QByteArray("d/").repeated(60) + "../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../evil", "x", '0', {}}}))
                                             << "sdist.path-traversal";
        QTest::newRow("no PKG-INFO") << tar({{"demo-1.0/pyproject.toml", "x", '0', {}}}) << "sdist.no-pkg-info";
        QByteArray cut = tar(demoSdist({{"demo-1.0/big", QByteArray(5000, 'b'), '0', {}}}), false);
        cut.chop(2000);
        QTest::newRow("truncated") << cut << "sdist.truncated";
        QByteArray badSum = tar(demoSdist());
        badSum[512 + 10] = 'X'; // the second header's name, checksum not updated
        QTest::newRow("bad checksum") << badSum << "sdist.corrupt-header";
    }
    void hostile()
    {
        QFETCH(QByteArray, tarBytes);
        QFETCH(QString, expectedId);
        const SdistReport r = inspectSdist(writeGz(tarBytes));
        QVERIFY2(r.hasErrors(), qPrintable(ids(r)));
        QVERIFY2(ids(r).split(QLatin1Char(' ')).contains(expectedId), qPrintable(expectedId + QStringLiteral(" not in: ") + ids(r)));
    }

    void insideSymlinkIsOnlyAWarning()
    {
        const SdistReport r = inspectSdist(writeGz(tar(demoSdist({{"demo-1.0/docs/readme", {}, '2', "../PKG-INFO"}}))));
        QVERIFY2(!r.hasErrors(), qPrintable(ids(r)));
        QVERIFY(ids(r).contains(QLatin1String("sdist.symlink")));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("not gzip") << QByteArray("plain words, not gzip") << false;
        QTest::newRow("gzip of text") << QByteArray("plain words inside gzip").repeated(40) << true;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, gzip);
        QString p = m_dir.filePath(QStringLiteral("bad-1.0.tar.gz"));
        if (gzip) {
            p = writeGz(bytes, QStringLiteral("bad-1.0.tar.gz"));
        } else {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        }
        const SdistReport r = inspectSdist(p);
        QVERIFY(!r.readable);
        QCOMPARE(r.verdict(), QStringLiteral("unreadable"));
    }

    // `wheelbench inspect` as users run it on an sdist: exit codes and the JSON.
    void cli()
    {
        const QString good = writeGz(tar(demoSdist()), QStringLiteral("demo-1.0.tar.gz"));
        const QString bad = writeGz(tar(demoSdist({{"demo-1.0/link", {}, '2', "/etc/passwd"}})), QStringLiteral("demo-1.0-bad.tar.gz"));
        QProcess p;
        p.start(wb::test::executable(), {QStringLiteral("inspect"), good, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("sdist"));
        QCOMPARE(o.value(QLatin1String("schema_version")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("files")).toArray().size(), 5);
        QVERIFY(o.value(QLatin1String("pyproject_toml")).toBool());
        p.start(wb::test::executable(), {QStringLiteral("inspect"), bad});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardOutput().contains("sdist.symlink-outside"));
    }

    // Every prefix and many single-byte corruptions of a tar stream: no crash, bounded.
    void walkMutationsNeverCrash()
    {
        const QByteArray whole = tar(demoSdist({{"demo-1.0/" + QByteArray(150, 'n'), "long name", '0', {}}}));
        for (qsizetype cut = 0; cut < whole.size(); cut += 97) {
            QByteArray b = whole.left(cut);
            QBuffer buf(&b);
            QVERIFY(buf.open(QIODevice::ReadOnly));
            const TarWalk w = TarWalk::walk(buf);
            QVERIFY(w.entries.size() <= 7);
        }
        for (qsizetype i = 0; i < whole.size(); i += 7) {
            QByteArray b = whole;
            b[i] = char(b[i] ^ 0x5A);
            QBuffer buf(&b);
            QVERIFY(buf.open(QIODevice::ReadOnly));
            (void)TarWalk::walk(buf);
        }
    }
};

QTEST_GUILESS_MAIN(TestSdist)
#include "tst_sdist.moc"
