// ELF/PE/Mach-O readers on real files, hostile bytes, and the policy tables.
#include "core/binary/BinaryInfo.h"
#include "core/binary/Policy.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace wb;

class TestBinaryReaders : public QObject
{
    Q_OBJECT

    static QByteArray readFile(const QString &p)
    {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void policyTablesLoad()
    {
        const PolicyTable &m = PolicyTable::manylinux();
        QCOMPARE(m.family(), QStringLiteral("manylinux"));
        QCOMPARE(m.policies().first().name, QStringLiteral("manylinux_2_5"));
        QCOMPARE(m.policies().last().name, QStringLiteral("manylinux_2_41"));
        QVERIFY(m.find(QStringLiteral("manylinux2014")));
        QCOMPARE(m.find(QStringLiteral("manylinux2014"))->name, QStringLiteral("manylinux_2_17"));
        QVERIFY(m.find(QStringLiteral("manylinux_2_17"))->libraries.contains(QStringLiteral("libstdc++.so.6")));
        QVERIFY(m.find(QStringLiteral("manylinux_2_17"))->versions.value(QStringLiteral("x86_64")).value(QStringLiteral("GLIBC")).contains(QStringLiteral("2.17")));
        QVERIFY(!m.find(QStringLiteral("manylinux_2_17"))->versions.value(QStringLiteral("x86_64")).value(QStringLiteral("GLIBC")).contains(QStringLiteral("2.18")));
        QVERIFY(m.attribution().contains(QLatin1String("MIT")));
        const PolicyTable &u = PolicyTable::musllinux();
        QCOMPARE(u.policies().size(), 2);
    }

    // A synthetic binary that needs GLIBC_2.34: best manylinux_2_34, and 2_17 blocked by that version.
    void policyEvaluation()
    {
        BinaryInfo b;
        b.format = BinaryInfo::Format::Elf;
        BinarySlice s;
        s.arch = QStringLiteral("x86_64");
        s.needed = {QStringLiteral("libc.so.6"), QStringLiteral("libfoo.so.1")};
        s.versionsByLibrary.insert(QStringLiteral("libc.so.6"), {QStringLiteral("GLIBC_2.2.5"), QStringLiteral("GLIBC_2.34")});
        s.symbolsByVersion.insert(QStringLiteral("libc.so.6 GLIBC_2.34"), {QStringLiteral("__libc_start_main")});
        b.slices.append(s);
        PolicyVerdict v = PolicyTable::manylinux().evaluate(b, QStringLiteral("pkg/m.so"), {QStringLiteral("libfoo.so.1")});
        QCOMPARE(v.policy, QStringLiteral("manylinux_2_34"));
        QCOMPARE(v.symbolPolicy, QStringLiteral("manylinux_2_34"));
        bool blocked = false;
        for (const PolicyCheck &c : v.better)
            if (c.policy == QLatin1String("manylinux_2_17"))
                for (const PolicyBlocker &bl : c.blockers)
                    blocked = blocked || (bl.version == QLatin1String("GLIBC_2.34") && bl.symbols.contains(QStringLiteral("__libc_start_main")));
        QVERIFY(blocked);
        // libfoo outside the wheel: no policy.
        v = PolicyTable::manylinux().evaluate(b, QStringLiteral("pkg/m.so"));
        QCOMPARE(v.policy, QStringLiteral("linux"));
    }

    void systemElf_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *p : {"/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/bin/ls"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }
    void systemElf()
    {
        QFETCH(QString, path);
        const QByteArray d = readFile(path);
        if (d.isEmpty())
            QSKIP("not present here");
        const BinaryInfo b = readBinary(d);
        QCOMPARE(b.formatName(), QStringLiteral("ELF"));
        QVERIFY(b.is64);
        QCOMPARE(b.arch(), QStringLiteral("x86_64"));
        QVERIFY(b.allNeeded().contains(QStringLiteral("libc.so.6")));
        QVERIFY(b.slices.first().versionsByLibrary.value(QStringLiteral("libc.so.6")).size() > 0);
        QCOMPARE(b.libc, QStringLiteral("glibc"));
        QVERIFY(b.problems.isEmpty());
    }

    void garbageNeverCrashes()
    {
        const QByteArray seed = readFile(QStringLiteral("/usr/lib/x86_64-linux-gnu/libz.so.1"));
        QList<QByteArray> inputs = {QByteArray(), QByteArray("\x7f" "ELF"), QByteArray("MZ"), QByteArray("\xca\xfe\xba\xbe\0\0\0\x02", 8),
                                    QByteArray("\xcf\xfa\xed\xfe", 4) + QByteArray(100, '\xff')};
        QRandomGenerator rng(7);
        for (int i = 0; i < 300 && !seed.isEmpty(); ++i) {
            QByteArray m = seed.left(rng.bounded(int(seed.size())));
            for (int k = 0; k < 20 && !m.isEmpty(); ++k)
                m[rng.bounded(int(m.size()))] = char(rng.bounded(256));
            inputs.append(m);
        }
        for (const QByteArray &in : inputs) {
            const BinaryInfo b = readBinary(in);
            QVERIFY(b.debugBytes >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestBinaryReaders)
#include "tst_binaryreaders.moc"
