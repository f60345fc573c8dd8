// Mach-O files against macOS and iOS tags: the platform each slice is built for (LC_BUILD_VERSION), its
// minimum OS version and architecture, from crafted Mach-O bytes and from real universal2 wheels.
#include "ZipWriter.h"
#include "core/wheel/WheelReport.h"
#include "support/MachOWriter.h"
#include "support/TestPaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace wb::test;

class TestApplePlatforms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString wheel(const QByteArray &tag, const QByteArray &so)
    {
        return writeNativeWheel(m_dir.path(), "fixture.so", so, tag);
    }

    static MachOImage image(quint32 cpu, quint32 platform, quint32 minOs) { return MachOImage{cpu, platform, minOs, {"PyInit_fixture"}}; }

private Q_SLOTS:
    void readsPlatformPerSlice()
    {
        const BinaryInfo b = readBinary(buildFat({image(0x01000007, 1, 0x000a0900), image(0x0100000c, 1, 0x000b0000)}));
        QCOMPARE(b.formatName(), QStringLiteral("Mach-O"));
        QVERIFY2(b.problems.isEmpty(), qPrintable(b.problems.join(QLatin1Char('\n'))));
        QCOMPARE(b.slices.size(), 2);
        QCOMPARE(b.slices.at(0).arch, QStringLiteral("x86_64"));
        QCOMPARE(b.slices.at(0).platform, QStringLiteral("macos"));
        QCOMPARE(b.slices.at(0).minOs, QStringLiteral("10.9"));
        QCOMPARE(b.slices.at(1).arch, QStringLiteral("arm64"));
        QCOMPARE(b.slices.at(1).minOs, QStringLiteral("11.0"));
        QCOMPARE(b.slices.at(1).exports, QStringList{QStringLiteral("PyInit_fixture")});
        const BinaryInfo sim = readBinary(buildMachO(image(0x0100000c, 7, 0x000d0000)));
        QCOMPARE(sim.slices.first().platform, QStringLiteral("ios-simulator"));
        QCOMPARE(sim.slices.first().minOs, QStringLiteral("13.0"));
    }

    void againstTags_data()
    {
        QTest::addColumn<QByteArray>("tag");
        QTest::addColumn<QByteArray>("binary");
        QTest::addColumn<QStringList>("expected");
        const quint32 arm64 = 0x0100000c, x86_64 = 0x01000007;
        const QString format = QStringLiteral("extension.format-mismatch"), arch = QStringLiteral("extension.arch-mismatch");
        QTest::newRow("iOS device") << QByteArray("cp313-cp313-ios_13_0_arm64_iphoneos") << buildMachO(image(arm64, 2, 0x000d0000)) << QStringList();
        QTest::newRow("iOS simulator") << QByteArray("cp313-cp313-ios_13_0_x86_64_iphonesimulator") << buildMachO(image(x86_64, 7, 0x000d0000))
                                       << QStringList();
        QTest::newRow("iOS too new") << QByteArray("cp313-cp313-ios_13_0_arm64_iphoneos") << buildMachO(image(arm64, 2, 0x000f0000))
                                     << QStringList{QStringLiteral("extension.ios-version")};
        QTest::newRow("simulator build in device wheel") << QByteArray("cp313-cp313-ios_13_0_arm64_iphoneos") << buildMachO(image(arm64, 7, 0x000d0000))
                                                        << QStringList{format};
        QTest::newRow("x86_64 in arm64 wheel") << QByteArray("cp313-cp313-ios_13_0_arm64_iphonesimulator") << buildMachO(image(x86_64, 7, 0x000d0000))
                                              << QStringList{arch};
        QTest::newRow("macOS build in iOS wheel") << QByteArray("cp313-cp313-ios_13_0_arm64_iphoneos") << buildMachO(image(arm64, 1, 0x000b0000))
                                                 << QStringList{format};
        QTest::newRow("iOS build in macOS wheel") << QByteArray("cp313-cp313-macosx_11_0_arm64") << buildMachO(image(arm64, 2, 0x000d0000))
                                                 << QStringList{format};
        QTest::newRow("macOS") << QByteArray("cp313-cp313-macosx_11_0_arm64") << buildMachO(image(arm64, 1, 0x000b0000)) << QStringList();
        QTest::newRow("macOS too new") << QByteArray("cp313-cp313-macosx_11_0_arm64") << buildMachO(image(arm64, 1, 0x000c0000))
                                       << QStringList{QStringLiteral("extension.macos-version")};
        QTest::newRow("universal2, x86_64 slice too new")
            << QByteArray("cp313-cp313-macosx_10_9_universal2") << buildFat({image(x86_64, 1, 0x000a0c00), image(arm64, 1, 0x000b0000)})
            << QStringList{QStringLiteral("extension.macos-version")};
        QTest::newRow("universal2 missing arm64") << QByteArray("cp313-cp313-macosx_10_9_universal2") << buildFat({image(x86_64, 1, 0x000a0900)})
                                                  << QStringList{arch};
    }
    void againstTags()
    {
        QFETCH(QByteArray, tag);
        QFETCH(QByteArray, binary);
        QFETCH(QStringList, expected);
        const WheelReport r = inspectWheel(wheel(tag, binary));
        QVERIFY(r.record.ok);
        QCOMPARE(r.extensions.size(), 1);
        QVERIFY(r.extensions.first().pyinitFound);
        QStringList got;
        for (const Finding &f : r.findings)
            if (f.id == QLatin1String("extension.format-mismatch") || f.id == QLatin1String("extension.arch-mismatch")
                || f.id == QLatin1String("extension.ios-version") || f.id == QLatin1String("extension.macos-version")) {
                QCOMPARE(f.severity, Finding::Severity::Error);
                QCOMPARE(f.path, QStringLiteral("fixture.so"));
                got.append(f.id);
            }
        QCOMPARE(got, expected);
    }

    // delocate's real universal2 wheel: both slices say macOS, each with its own minimum version.
    void realUniversal2()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport r = inspectWheel(wb::test::corpusDir() + QStringLiteral("/wheels/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl"));
        QVERIFY(!r.extensions.isEmpty());
        for (const ExtensionReport &x : r.extensions) {
            QCOMPARE(x.binary.slices.size(), 2);
            for (const BinarySlice &s : x.binary.slices) {
                QCOMPARE(s.platform, QStringLiteral("macos"));
                QVERIFY(!s.minOs.isEmpty());
            }
        }
        for (const Finding &f : r.findings)
            QVERIFY2(f.id != QLatin1String("extension.format-mismatch"), qPrintable(f.message));
    }
};

QTEST_GUILESS_MAIN(TestApplePlatforms)
#include "tst_appleplatforms.moc"
