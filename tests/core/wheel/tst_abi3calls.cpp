// abi3 extensions calling outside the stable ABI: extension.abi3-non-stable-call, from a real ELF, from
// crafted PE files (imports from python3.dll and python3XY.dll) and from real .pyd files of the corpus.
#include "ZipWriter.h"
#include "core/binary/StableAbi.h"
#include "core/wheel/WheelReport.h"
#include "support/PeWriter.h"
#include "support/TestPaths.h"

#include <KZip>

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
    QString wheel(const QByteArray &soName, const QByteArray &tag, const QByteArray &so = fixture())
    {
        return writeNativeWheel(m_dir.path(), soName, so, tag);
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

    // A .pyd as MSVC links one for an extension module: imports from CPython's DLL, the C runtime, a
    // helper DLL whose names happen to start with "Py", and an ordinal import.
    static PeImage pyd(const QByteArray &pythonDll, const QList<QByteArray> &pythonImports, bool pe32plus = true)
    {
        PeImage img;
        img.pe32plus = pe32plus;
        img.machine = pe32plus ? 0x8664 : 0x14c;
        img.imports = {{pythonDll, pythonImports},
                       {"KERNEL32.dll", {"GetLastError", "#17"}},
                       {"pyhelper.dll", {"PyHelper_Init"}}};
        img.exports = {"PyInit_fixture"};
        img.dllName = "fixture.pyd";
        return img;
    }

    void peImports_data()
    {
        QTest::addColumn<bool>("pe32plus");
        QTest::newRow("PE32+ amd64") << true;
        QTest::newRow("PE32 x86") << false;
    }
    void peImports()
    {
        QFETCH(bool, pe32plus);
        const QByteArray bytes = buildPe(pyd("python3.dll", {"PyLong_FromLong", "_PyObject_GetDictPtr", "_Py_NoneStruct"}, pe32plus));
        const BinaryInfo b = readBinary(bytes);
        QCOMPARE(b.formatName(), QStringLiteral("PE"));
        QCOMPARE(b.is64, pe32plus);
        QCOMPARE(b.arch(), pe32plus ? QStringLiteral("amd64") : QStringLiteral("x86"));
        QVERIFY2(b.problems.isEmpty(), qPrintable(b.problems.join(QLatin1Char('\n'))));
        const BinarySlice &s = b.slices.first();
        QCOMPARE(s.needed, (QStringList{QStringLiteral("python3.dll"), QStringLiteral("KERNEL32.dll"), QStringLiteral("pyhelper.dll")}));
        QCOMPARE(s.importsByLibrary.value(QStringLiteral("python3.dll")),
                 (QStringList{QStringLiteral("PyLong_FromLong"), QStringLiteral("_PyObject_GetDictPtr"), QStringLiteral("_Py_NoneStruct")}));
        QCOMPARE(s.importsByLibrary.value(QStringLiteral("KERNEL32.dll")), (QStringList{QStringLiteral("GetLastError"), QStringLiteral("#17")}));
        QVERIFY(s.undefined.contains(QStringLiteral("GetLastError")));
        QVERIFY(!s.undefined.contains(QStringLiteral("#17")));
        QCOMPARE(s.exports, QStringList{QStringLiteral("PyInit_fixture")});
        // Only what comes from CPython's DLL counts: PyHelper_Init of pyhelper.dll is no Python call.
        QCOMPARE(nonStableAbiCalls(b), QStringList{QStringLiteral("_PyObject_GetDictPtr")});
    }

    void pythonDllNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("python");
        QTest::addColumn<bool>("stable");
        QTest::newRow("python3.dll") << "python3.dll" << true << true;
        QTest::newRow("upper case") << "PYTHON3.DLL" << true << true;
        QTest::newRow("debug forwarder") << "python3_d.dll" << true << true;
        QTest::newRow("python312.dll") << "python312.dll" << true << false;
        QTest::newRow("free-threaded") << "python313t.dll" << true << false;
        QTest::newRow("debug 3.8") << "python38_d.dll" << true << false;
        QTest::newRow("MinGW") << "libpython3.12.dll" << true << false;
        QTest::newRow("python27") << "python27.dll" << false << false;
        QTest::newRow("other") << "pythoncom312.dll" << false << false;
        QTest::newRow("kernel32") << "KERNEL32.dll" << false << false;
    }
    void pythonDllNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, python);
        QFETCH(bool, stable);
        QCOMPARE(isPythonDll(name), python);
        QCOMPARE(isStableAbiDll(name), stable);
    }

    // Hostile lookup tables: cut anywhere, the reader says what it could not read and never crashes.
    void peTruncated()
    {
        const QByteArray bytes = buildPe(pyd("python3.dll", {"PyLong_FromLong", "_PyObject_GetDictPtr"}));
        for (qsizetype cut = 0x200; cut < bytes.size(); cut += 7) {
            const BinaryInfo b = readPe(bytes.left(cut));
            QVERIFY(b.slices.size() <= 1);
            for (const BinarySlice &s : b.slices)
                QVERIFY(s.importsByLibrary.value(QStringLiteral("python3.dll")).size() <= 2);
        }
        // A lookup table that never ends within the file: bounded, reported.
        QByteArray endless = bytes;
        endless.append(QByteArray(64, '\x01'));
        const BinaryInfo b = readPe(endless);
        QVERIFY(b.readable());
    }

    void peInWheel_data()
    {
        QTest::addColumn<QByteArray>("tag");
        QTest::addColumn<QByteArray>("pythonDll");
        QTest::addColumn<QList<QByteArray>>("imports");
        QTest::addColumn<QStringList>("nonStable");
        QTest::addColumn<bool>("violation");
        const QList<QByteArray> stableOnly = {"PyLong_FromLong", "PyModule_Create2", "_Py_NoneStruct"};
        const QList<QByteArray> mixed = {"PyLong_FromLong", "PyUnstable_Code_GetExtra", "_PyObject_GetDictPtr", "_Py_NoneStruct"};
        const QStringList two = {QStringLiteral("PyUnstable_Code_GetExtra"), QStringLiteral("_PyObject_GetDictPtr")};
        QTest::newRow("abi3, python3.dll, stable only") << QByteArray("cp38-abi3-win_amd64") << QByteArray("python3.dll") << stableOnly << QStringList() << false;
        QTest::newRow("abi3, python3.dll, two outside") << QByteArray("cp38-abi3-win_amd64") << QByteArray("python3.dll") << mixed << two << false;
        QTest::newRow("abi3, python312.dll, stable only") << QByteArray("cp38-abi3-win_amd64") << QByteArray("python312.dll") << stableOnly << QStringList() << true;
        QTest::newRow("abi3, python312.dll, two outside") << QByteArray("cp38-abi3-win_amd64") << QByteArray("python312.dll") << mixed << two << true;
        QTest::newRow("cp312, python3.dll, two outside") << QByteArray("cp312-cp312-win_amd64") << QByteArray("python3.dll") << mixed << two << false;
        QTest::newRow("cp312, python312.dll: no claim") << QByteArray("cp312-cp312-win_amd64") << QByteArray("python312.dll") << mixed << QStringList() << false;
    }
    void peInWheel()
    {
        QFETCH(QByteArray, tag);
        QFETCH(QByteArray, pythonDll);
        QFETCH(QList<QByteArray>, imports);
        QFETCH(QStringList, nonStable);
        QFETCH(bool, violation);
        const WheelReport r = inspectWheel(wheel("fixture.pyd", tag, buildPe(pyd(pythonDll, imports))));
        QVERIFY(r.record.ok);
        QCOMPARE(r.extensions.size(), 1);
        const ExtensionReport &x = r.extensions.first();
        QVERIFY(x.pyinitFound);
        QCOMPARE(x.abi3, pythonDll == "python3.dll");
        QCOMPARE(x.abi3NonStableCalls, nonStable);
        QStringList calls, violations;
        for (const Finding &f : r.findings) {
            if (f.id == QLatin1String("extension.abi3-non-stable-call")) {
                QCOMPARE(f.severity, Finding::Severity::Warning);
                QCOMPARE(f.path, QStringLiteral("fixture.pyd"));
                QVERIFY2(f.message.contains(QString::fromLatin1(pythonDll)), qPrintable(f.message));   // says which DLL
                calls.append(f.message);
            } else if (f.id == QLatin1String("extension.abi3-violation")) {
                QCOMPARE(f.severity, Finding::Severity::Error);
                QVERIFY(f.message.contains(QLatin1String("python312.dll")));
                violations.append(f.message);
            }
        }
        QCOMPARE(calls.size(), nonStable.size());
        for (qsizetype i = 0; i < nonStable.size(); ++i)
            QVERIFY2(calls.at(i).contains(nonStable.at(i)), qPrintable(calls.at(i)));
        QCOMPARE(violations.size(), violation ? 1 : 0);
        QCOMPARE(r.hasErrors(), violation);
    }

    // Real .pyd files: maturin's and setuptools' abi3 builds import only the stable ABI from python3.dll.
    void corpusAbi3Pyd_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<QString>("pyd");
        QTest::addColumn<int>("minImports");
        QTest::newRow("h3ronpy (maturin)") << "delvewheel/h3ronpy-0.16.0-cp38-abi3-win_amd64.whl" << "h3ronpy/h3ronpy.pyd" << 50;
        QTest::newRow("simpleext (setuptools)") << "delvewheel/simpleext-0.0.1-cp312-abi3-win_amd64.whl" << "simpleext.pyd" << 2;
    }
    void corpusAbi3Pyd()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, wheel);
        QFETCH(QString, pyd);
        QFETCH(int, minImports);
        const WheelReport r = inspectWheel(wb::test::corpusDir() + QStringLiteral("/wheels/") + wheel);
        QVERIFY(r.readable);
        const ExtensionReport *x = nullptr;
        for (const ExtensionReport &e : r.extensions)
            if (e.path == pyd)
                x = &e;
        QVERIFY(x);
        QCOMPARE(x->binary.formatName(), QStringLiteral("PE"));
        QVERIFY(x->abi3);
        const QStringList fromPython = x->binary.slices.first().importsByLibrary.value(QStringLiteral("python3.dll"));
        QVERIFY2(fromPython.size() >= minImports, qPrintable(fromPython.join(QLatin1Char(' '))));
        QVERIFY(fromPython.contains(QStringLiteral("_Py_NoneStruct")));
        QVERIFY(x->abi3NonStableCalls.isEmpty());
        for (const Finding &f : r.findings)
            QVERIFY2(!f.id.startsWith(QLatin1String("extension.abi3")), qPrintable(f.message));
    }

    // The real version-specific .pyd of simpleext (imports python312.dll) put into an abi3 wheel.
    void corpusVersionSpecificPydInAbi3Wheel()
    {
        WB_REQUIRE_CORPUS();
        KZip zip(wb::test::corpusDir() + QStringLiteral("/wheels/delvewheel/simpleext-0.0.1-cp312-cp312-win_amd64.whl"));
        QVERIFY(zip.open(QIODevice::ReadOnly));
        const KArchiveEntry *e = zip.directory()->entry(QStringLiteral("simpleext.cp312-win_amd64.pyd"));
        QVERIFY(e && e->isFile());
        const QByteArray bytes = static_cast<const KArchiveFile *>(e)->data();
        const BinaryInfo b = readBinary(bytes);
        QVERIFY(b.slices.first().importsByLibrary.value(QStringLiteral("python312.dll")).contains(QStringLiteral("PyModule_Create2")));
        // Renamed to the module name the fixture wheel's RECORD expects; the export stays PyInit_simpleext.
        const WheelReport r = inspectWheel(wheel("simpleext.pyd", "cp38-abi3-win_amd64", bytes));
        QCOMPARE(r.extensions.size(), 1);
        QVERIFY(!r.extensions.first().abi3);
        bool violation = false;
        for (const Finding &f : r.findings)
            violation = violation || (f.id == QLatin1String("extension.abi3-violation") && f.message.contains(QLatin1String("python312.dll")));
        QVERIFY(violation);
        QVERIFY(r.hasErrors());
    }
};

QTEST_GUILESS_MAIN(TestAbi3Calls)
#include "tst_abi3calls.moc"
