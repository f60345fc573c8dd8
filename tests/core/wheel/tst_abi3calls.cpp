// abi3 extensions calling outside the stable ABI: extension.abi3-non-stable-call, from a real ELF.
#include "ZipWriter.h"
#include "core/binary/StableAbi.h"
#include "core/wheel/WheelReport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace wb::test;

class TestAbi3Calls : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QByteArray fixture()
    {
        QFile f(QStringLiteral(WB_ABI3_FIXTURE));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString wheel(const QByteArray &soName, const QByteArray &tag)
    {
        const QByteArray so = fixture();
        QList<ZipMember> m;
        m.append(ZipMember{soName, so});
        m.append(ZipMember{"fixture-1.0.dist-info/METADATA", "Metadata-Version: 2.4\nName: fixture\nVersion: 1.0\n"});
        m.append(ZipMember{"fixture-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: " + tag + "\n"});
        QByteArray record;
        for (const ZipMember &z : m)
            record += recordLine(z.name, z.data);
        m.append(ZipMember{"fixture-1.0.dist-info/RECORD", record + "fixture-1.0.dist-info/RECORD,,\n"});
        const QString p = m_dir.filePath(QStringLiteral("fixture-1.0-%1.whl").arg(QString::fromLatin1(tag)));
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(buildZip(m));
        return p;
    }

private Q_SLOTS:
    void stableAbiList()
    {
        QVERIFY(isStableAbiSymbol(QStringLiteral("PyLong_FromLong")));
        QVERIFY(isStableAbiSymbol(QStringLiteral("_Py_Dealloc")));       // ABI-only, used by Py_DECREF
        QVERIFY(isStableAbiSymbol(QStringLiteral("PyExc_TypeError")));   // data
        QVERIFY(!isStableAbiSymbol(QStringLiteral("_PyLong_Copy")));
        QVERIFY(!isStableAbiSymbol(QStringLiteral("PyUnstable_Code_GetExtra")));
    }

    void claims_data()
    {
        QTest::addColumn<QByteArray>("soName");
        QTest::addColumn<QByteArray>("tag");
        QTest::addColumn<bool>("claimsAbi3");
        QTest::newRow("abi3 suffix and tag") << QByteArray("fixture.abi3.so") << QByteArray("cp39-abi3-linux_x86_64") << true;
        QTest::newRow("abi3 tag only") << QByteArray("fixture.so") << QByteArray("cp39-abi3-linux_x86_64") << true;
        QTest::newRow("version-specific") << QByteArray("fixture.cpython-313-x86_64-linux-gnu.so") << QByteArray("cp313-cp313-linux_x86_64") << false;
    }
    void claims()
    {
        QFETCH(QByteArray, soName);
        QFETCH(QByteArray, tag);
        QFETCH(bool, claimsAbi3);
        QVERIFY(fixture().startsWith("\x7f" "ELF"));
        const WheelReport r = inspectWheel(wheel(soName, tag));
        QVERIFY(r.record.ok);
        QCOMPARE(r.extensions.size(), 1);
        const ExtensionReport &x = r.extensions.first();
        QVERIFY(x.pyinitFound);
        QStringList flagged;
        for (const Finding &f : r.findings)
            if (f.id == QLatin1String("extension.abi3-non-stable-call")) {
                QCOMPARE(f.severity, Finding::Severity::Warning);
                QCOMPARE(f.path, QString::fromLatin1(soName));
                flagged.append(f.message);
            }
        if (claimsAbi3) {
            QCOMPARE(x.abi3NonStableCalls, (QStringList{QStringLiteral("PyUnstable_Code_GetExtra"), QStringLiteral("_PyLong_Copy")}));
            QCOMPARE(flagged.size(), 2);
            QVERIFY(flagged.first().contains(QLatin1String("PyUnstable_Code_GetExtra")));
        } else {
            QVERIFY(x.abi3NonStableCalls.isEmpty());
            QVERIFY(flagged.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestAbi3Calls)
#include "tst_abi3calls.moc"
