// Wheel file names and platform tags, and the same names parsed by Python's `packaging`.
#include "core/wheel/PlatformTag.h"
#include "core/wheel/WheelFilename.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace wb;

class TestWheelFilename : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("build");
        QTest::addColumn<int>("tagCount");
        QTest::newRow("plain") << "foo-1.0-py3-none-any.whl" << true << "" << 1;
        QTest::newRow("compressed") << "plumbum-1.6.8-py2.py3-none-any.whl" << true << "" << 2;
        QTest::newRow("build") << "simpleext-0.0.1-10namespace-cp312-cp312-win_amd64.whl" << true << "10namespace" << 1;
        QTest::newRow("4 tags") << "simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl" << true << "" << 4;
        QTest::newRow("maturin linux") << "foo-1.0-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl" << true << "" << 2;
        QTest::newRow("bad build") << "foo-1.0-x1-py3-none-any.whl" << false << "" << 0;
        QTest::newRow("too few") << "badname-1.0.whl" << false << "" << 0;
        QTest::newRow("not whl") << "foo-1.0-py3-none-any.zip" << false << "" << 0;
        QTest::newRow("bad version") << "foo-one-py3-none-any.whl" << false << "" << 0;
        QTest::newRow("double underscore") << "foo__bar-1.0-py3-none-any.whl" << false << "" << 0;
    }
    void parse()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        QFETCH(QString, build);
        QFETCH(int, tagCount);
        const WheelFilename f = WheelFilename::parse(file);
        QCOMPARE(f.valid, valid);
        QVERIFY(valid || !f.error.isEmpty());
        QCOMPARE(f.buildTag, build);
        QCOMPARE(f.expandedTags().size(), tagCount);
    }

    void normalize()
    {
        QCOMPARE(normalizeProjectName(QStringLiteral("Foo.Bar__baz-Q")), QStringLiteral("foo-bar-baz-q"));
        QCOMPARE(escapeProjectName(QStringLiteral("zope.interface")), QStringLiteral("zope_interface"));
    }

    void platformTags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        QTest::addColumn<QString>("policy");
        QTest::newRow("manylinux1") << "manylinux1_x86_64" << "manylinux" << "x86_64" << 2 << 5 << "manylinux_2_5";
        QTest::newRow("manylinux2010") << "manylinux2010_i686" << "manylinux" << "i686" << 2 << 12 << "manylinux_2_12";
        QTest::newRow("manylinux2014") << "manylinux2014_aarch64" << "manylinux" << "aarch64" << 2 << 17 << "manylinux_2_17";
        QTest::newRow("pep600") << "manylinux_2_28_ppc64le" << "manylinux" << "ppc64le" << 2 << 28 << "manylinux_2_28";
        QTest::newRow("musl") << "musllinux_1_2_armv7l" << "musllinux" << "armv7l" << 1 << 2 << "musllinux_1_2";
        QTest::newRow("linux") << "linux_x86_64" << "linux" << "x86_64" << 0 << 0 << "";
        QTest::newRow("mac universal2") << "macosx_10_9_universal2" << "macos" << "universal2" << 10 << 9 << "";
        QTest::newRow("mac 11 arm") << "macosx_11_0_arm64" << "macos" << "arm64" << 11 << 0 << "";
        QTest::newRow("win32") << "win32" << "windows" << "x86" << 0 << 0 << "";
        QTest::newRow("win_amd64") << "win_amd64" << "windows" << "amd64" << 0 << 0 << "";
        QTest::newRow("android") << "android_24_arm64_v8a" << "android" << "arm64_v8a" << 24 << 0 << "";
        QTest::newRow("ios") << "ios_13_0_arm64_iphonesimulator" << "ios" << "arm64" << 13 << 0 << "";
        QTest::newRow("any") << "any" << "any" << "" << 0 << 0 << "";
    }
    void platformTags()
    {
        QFETCH(QString, tag);
        QFETCH(QString, kind);
        QFETCH(QString, arch);
        QFETCH(int, major);
        QFETCH(int, minor);
        QFETCH(QString, policy);
        const PlatformTag p = PlatformTag::parse(tag);
        QCOMPARE(PlatformTag::kindName(p.kind), kind);
        QCOMPARE(p.arch, arch);
        QCOMPARE(p.major, major);
        QCOMPARE(p.minor, minor);
        QCOMPARE(p.policyName(), policy);
        QCOMPARE(macosArchitectures(QStringLiteral("universal2")), (QStringList{QStringLiteral("arm64"), QStringLiteral("x86_64")}));
    }

    void platformDescriptions_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("description");
        QTest::newRow("manylinux2014") << "manylinux2014_aarch64" << "Linux with glibc 2.17 or newer, aarch64 (manylinux2014 is the legacy name of manylinux_2_17)";
        QTest::newRow("manylinux1") << "manylinux1_i686" << "Linux with glibc 2.5 or newer, i686 (manylinux1 is the legacy name of manylinux_2_5)";
        QTest::newRow("pep600") << "manylinux_2_28_x86_64" << "Linux with glibc 2.28 or newer, x86_64";
        QTest::newRow("musl") << "musllinux_1_2_armv7l" << "Linux with musl 1.2 or newer, armv7l";
        QTest::newRow("universal2") << "macosx_10_9_universal2" << "macOS 10.9 or newer, universal2 (arm64 + x86_64)";
        QTest::newRow("win32") << "win32" << "Windows, 32-bit x86";
        QTest::newRow("win_arm64") << "win_arm64" << "Windows, arm64";
        QTest::newRow("android") << "android_24_arm64_v8a" << "Android API level 24 or newer, arm64_v8a";
        QTest::newRow("android x86_64") << "android_21_x86_64" << "Android API level 21 or newer, x86_64";
        QTest::newRow("ios simulator") << "ios_13_0_arm64_iphonesimulator" << "iOS 13.0 or newer, arm64, simulator";
        QTest::newRow("ios device") << "ios_12_0_arm64_iphoneos" << "iOS 12.0 or newer, arm64, device";
        QTest::newRow("linux") << "linux_x86_64" << "Linux, x86_64, with no promise about the system libraries (PyPI refuses plain linux tags)";
        QTest::newRow("any") << "any" << "any platform";
        QTest::newRow("unknown") << "solaris_2_11_sun4v" << "a platform this tool does not know";
    }
    void platformDescriptions()
    {
        QFETCH(QString, tag);
        QFETCH(QString, description);
        QCOMPARE(PlatformTag::parse(tag).describe(), description);
    }

    // Many generated names, parsed here and by packaging.utils.parse_wheel_filename.
    void agreesWithPackaging()
    {
        const QStringList names = {QStringLiteral("foo"), QStringLiteral("Foo_Bar"), QStringLiteral("zope.interface"), QStringLiteral("a__b"),
                                   QStringLiteral("x-y"), QStringLiteral("pkg9")};
        const QStringList versions = {QStringLiteral("1.0"), QStringLiteral("0.1.0a7"), QStringLiteral("2!1.0.post3.dev4"), QStringLiteral("1.0+local.7"),
                                      QStringLiteral("one"), QStringLiteral("1.0rc1"), QStringLiteral("v3")};
        const QStringList builds = {QString(), QStringLiteral("1"), QStringLiteral("10namespace"), QStringLiteral("x1")};
        const QStringList pys = {QStringLiteral("py3"), QStringLiteral("py2.py3"), QStringLiteral("cp36.cp312"), QStringLiteral("CP313"), QStringLiteral("pp310")};
        const QStringList abis = {QStringLiteral("none"), QStringLiteral("abi3"), QStringLiteral("cp313t"), QStringLiteral("cp36m.cp312")};
        const QStringList plats = {QStringLiteral("any"), QStringLiteral("manylinux_2_17_x86_64.manylinux2014_x86_64"), QStringLiteral("win_amd64"),
                                   QStringLiteral("macosx_10_12_x86_64.macosx_11_0_arm64.macosx_10_12_universal2"), QStringLiteral("musllinux_1_2_aarch64"),
                                   QStringLiteral("android_24_arm64_v8a"), QStringLiteral("ios_13_0_arm64_iphoneos"), QStringLiteral("linux_x86_64")};
        QStringList files;
        QRandomGenerator rng(42);
        for (int i = 0; i < 400; ++i) {
            QString f = names.at(rng.bounded(int(names.size()))) + QLatin1Char('-') + versions.at(rng.bounded(int(versions.size())));
            const QString b = builds.at(rng.bounded(int(builds.size())));
            if (!b.isEmpty())
                f += QLatin1Char('-') + b;
            f += QLatin1Char('-') + pys.at(rng.bounded(int(pys.size()))) + QLatin1Char('-') + abis.at(rng.bounded(int(abis.size()))) + QLatin1Char('-')
                + plats.at(rng.bounded(int(plats.size()))) + QStringLiteral(".whl");
            files.append(f);
        }
        files.append(QStringLiteral("too-few.whl"));
        const QString script = QStringLiteral(
            "import json, sys\n"
            "from packaging.utils import parse_wheel_filename\n"
            "out = []\n"
            "for f in json.load(sys.stdin):\n"
            "    try:\n"
            "        n, v, b, t = parse_wheel_filename(f)\n"
            "        out.append({'valid': True, 'build': ''.join(str(x) for x in b), 'tags': sorted(str(x) for x in t)})\n"
            "    except Exception:\n"
            "        out.append({'valid': False})\n"
            "json.dump(out, sys.stdout)\n");
        QProcess py;
        py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
        if (!py.waitForStarted(10000))
            QSKIP("python3 is not available");
        py.write(QJsonDocument(QJsonArray::fromStringList(files)).toJson());
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(60000));
        const QByteArray err = py.readAllStandardError();
        if (py.exitCode() != 0 && err.contains("No module named 'packaging'"))
            QSKIP("python3-packaging is not installed");
        QCOMPARE(py.exitCode(), 0);
        const QJsonArray results = QJsonDocument::fromJson(py.readAllStandardOutput()).array();
        QCOMPARE(results.size(), files.size());
        int validCount = 0;
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QJsonObject o = results.at(i).toObject();
            const WheelFilename f = WheelFilename::parse(files.at(i));
            QVERIFY2(f.valid == o.value(QLatin1String("valid")).toBool(), qPrintable(files.at(i) + QStringLiteral(": ") + f.error));
            if (!f.valid)
                continue;
            ++validCount;
            QStringList ours = f.expandedTags();
            ours.sort();
            QStringList theirs;
            for (const QJsonValue &t : o.value(QLatin1String("tags")).toArray())
                theirs.append(t.toString());
            QCOMPARE(ours, theirs);
            QString buildKey = f.buildTag.isEmpty() ? QString() : QString::number(f.buildNumber()) + f.buildTag.mid(QString::number(f.buildNumber()).size());
            QCOMPARE(buildKey, o.value(QLatin1String("build")).toString());
        }
        QVERIFY(validCount > 50);
    }
};

QTEST_GUILESS_MAIN(TestWheelFilename)
#include "tst_wheelfilename.moc"
