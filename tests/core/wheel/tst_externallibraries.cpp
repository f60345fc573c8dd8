// Windows and macOS: a DLL or dylib an extension needs that is in neither the wheel nor the OS is a
// finding; the MSVC runtime is one of its own; a .pyd importing python3X.dll does not "link
// libpython". Over real wheels of the corpus (delvewheel's and delocate's test wheels, read in place).
#include "core/binary/SystemLibraries.h"
#include "core/wheel/WheelReport.h"

#include "support/TestPaths.h"

#include <QTest>

using namespace wb;

namespace {

QStringList findingsOf(const WheelReport &r, const QString &id)
{
    QStringList out;
    for (const Finding &f : r.findings)
        if (f.id == id)
            out << f.message;
    return out;
}

} // namespace

class TestExternalLibraries : public QObject
{
    Q_OBJECT

private slots:
    void realWheels_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<QStringList>("missing");   // names the missing-library findings mention, in order
        QTest::addColumn<int>("runtime");           // -1: no msvc-runtime finding, else its severity
        QTest::addColumn<QString>("verdict");
        auto row = [](const char *wheel, QStringList missing, int runtime, const char *verdict) {
            QTest::newRow(wheel) << QString::fromLatin1(wheel) << missing << runtime << QString::fromLatin1(verdict);
        };
        const int info = int(Finding::Severity::Info), warning = int(Finding::Severity::Warning);
        // engine.cp312-win_amd64.pyd imports iKnowEngine.dll, which the wheel does not contain, and msvcp140.dll.
        row("delvewheel/iknowpy-1.5.3-cp312-cp312-win_amd64.whl", {QStringLiteral("iKnowEngine.dll")}, warning, "warnings");
        // delvewheel's unrepaired test wheel: simpledll.dll is left to the repair.
        row("delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl", {QStringLiteral("simpledll.dll")}, info, "warnings");
        // Healthy: system DLLs, API sets, python3.dll, and vcruntime140.dll (which CPython brings).
        row("delvewheel/h3ronpy-0.16.0-cp38-abi3-win_amd64.whl", {}, info, "ok");
        row("delvewheel/h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl", {}, -1, "ok");
        // delocate's test wheels before delocate-wheel: the library is the build machine's.
        row("delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl", {QStringLiteral("libextfunc.dylib")}, -1, "warnings");
        // These two also have only an x86_64 slice under a universal2 tag (extension.arch-mismatch, an error).
        row("delocate/fakepkg_rpath-1.0-cp36-abi3-macosx_10_9_universal2.whl", {QStringLiteral("@rpath/libextfunc_rpath.dylib")}, -1, "errors");
        row("delocate/fakepkg_toplevel-1.0-cp36-abi3-macosx_10_9_universal2.whl", {QStringLiteral("@rpath/libextfunc2_rpath.dylib")}, -1, "errors");
    }
    void realWheels()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, wheel);
        QFETCH(QStringList, missing);
        QFETCH(int, runtime);
        QFETCH(QString, verdict);
        const WheelReport r = inspectWheel(test::corpusDir() + QStringLiteral("/wheels/") + wheel);
        QVERIFY(r.readable);
        const QStringList found = findingsOf(r, QStringLiteral("extension.missing-library"));
        QCOMPARE(found.size(), missing.size());
        for (qsizetype i = 0; i < missing.size(); ++i)
            QVERIFY2(found.at(i).contains(QStringLiteral("needs %1,").arg(missing.at(i))), qPrintable(found.at(i)));
        const Finding *rt = nullptr;
        for (const Finding &f : r.findings)
            if (f.id == QLatin1String("extension.msvc-runtime"))
                rt = &f;
        QCOMPARE(rt ? int(rt->severity) : -1, runtime);
        if (rt)
            QVERIFY(rt->message.contains(QLatin1String("redistributable")));
        // python3.dll / python3X.dll imports are how a .pyd reaches Python: not "links libpython".
        for (const ExtensionReport &x : r.extensions)
            QVERIFY2(!x.linksLibpython, qPrintable(x.path));
        QVERIFY(findingsOf(r, QStringLiteral("extension.links-libpython")).isEmpty());
        QCOMPARE(r.verdict(), verdict);
    }

    void systemLibraries()
    {
        for (const char *dll : {"KERNEL32.dll", "user32.dll", "ADVAPI32.dll", "ws2_32.dll", "ntdll.dll", "bcrypt.dll", "ucrtbase.dll"})
            QVERIFY2(isWindowsSystemDll(QLatin1String(dll)), dll);
        for (const char *dll : {"iKnowEngine.dll", "vcruntime140.dll", "python312.dll", "libssl-3-x64.dll"})
            QVERIFY2(!isWindowsSystemDll(QLatin1String(dll)), dll);
        QVERIFY(isWindowsApiSet(QStringLiteral("api-ms-win-crt-runtime-l1-1-0.dll")));
        QVERIFY(isWindowsApiSet(QStringLiteral("EXT-MS-WIN-ntuser-window-l1-1-0.dll")));
        for (const char *dll : {"vcruntime140.dll", "VCRUNTIME140_1.dll", "msvcp140.dll", "msvcp140_atomic_wait.dll", "concrt140.dll",
                                "vcomp140.dll", "msvcr100.dll"})
            QVERIFY2(isMsvcRuntime(QLatin1String(dll)), dll);
        for (const char *dll : {"msvcrt.dll", "ucrtbase.dll", "kernel32.dll"})
            QVERIFY2(!isMsvcRuntime(QLatin1String(dll)), dll);
        QVERIFY(isMacSystemLibrary(QStringLiteral("/usr/lib/libSystem.B.dylib")));
        QVERIFY(isMacSystemLibrary(QStringLiteral("/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation")));
        QVERIFY(!isMacSystemLibrary(QStringLiteral("/usr/local/lib/libextfunc.dylib")));
        QVERIFY(!isMacSystemLibrary(QStringLiteral("/opt/homebrew/lib/libssl.3.dylib")));
    }
};

QTEST_GUILESS_MAIN(TestExternalLibraries)
#include "tst_externallibraries.moc"
