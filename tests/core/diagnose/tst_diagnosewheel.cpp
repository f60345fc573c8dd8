// Diagnosis of real wheels from the corpus (read in place): what their own projects' tests say about
// them shows up as findings with the symbol or library from the binary as evidence.
#include "DiagnoseTestSupport.h"
#include "support/TestPaths.h"

#include "core/diagnose/Diagnoser.h"
#include "core/binary/BinaryInfo.h"
#include "core/diagnose/WheelEvidence.h"

#include <QTest>

using namespace wb::diagnose;

class TestDiagnoseWheel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNameTags()
    {
        const WheelFacts w = WheelEvidence::fromFileName(QStringLiteral("hello_pyo3-0.1.0-cp313-cp313-manylinux_2_34_x86_64.whl"));
        QCOMPARE(w.distribution, QStringLiteral("hello_pyo3"));
        QCOMPARE(w.pythonTag, QStringLiteral("cp313"));
        QCOMPARE(w.abiTag, QStringLiteral("cp313"));
        QCOMPARE(w.platformTag, QStringLiteral("manylinux_2_34_x86_64"));
        QVERIFY(WheelEvidence::fromFileName(QStringLiteral("nonsense.whl")).platformTag.isEmpty());
    }

    void corpusWheels_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("evidence");  // text one finding's evidence must contain
        auto row = [](const char *path, QStringList ids, const char *evidence) {
            ids.sort();
            QTest::newRow(path) << QString::fromLatin1(path) << ids << QString::fromLatin1(evidence);
        };
        // _cffi_backend.so: linux tag, links libpython2.7 and libffi.so.5, not stripped (auditwheel's tests).
        row("auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl",
            {QStringLiteral("linux-tag-not-uploadable"), QStringLiteral("missing-extension-module"), QStringLiteral("debug-symbols")},
            "NEEDED libpython2.7.so.1.0");
        // Tagged manylinux2014 but needs GLIBC_2.29 and links libpython3.13 (mislabelled).
        row("auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl",
            {QStringLiteral("manylinux-too-recent-symbols"), QStringLiteral("missing-extension-module")}, "manylinux_2_31");
        row("auditwheel/plumbum-1.6.8-py2.py3-none-any.whl", {}, "");
        // Android extensions link libpython by design.
        row("auditwheel/android/spam-0.1.0-cp313-cp313-android_24_arm64_v8a.whl", {}, "");
        row("delvewheel/h3ronpy-0.16.0-cp38-abi3-win_amd64.whl", {}, "");
        row("delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl", {}, "");
    }
    void corpusWheels()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        QFETCH(QString, evidence);
        Evidence e;
        e.wheel = WheelEvidence::read(wb::test::corpusDir() + QStringLiteral("/wheels/") + path);
        QVERIFY2(e.wheel.present, qPrintable(e.wheel.problem));
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), expected);
        if (evidence.isEmpty())
            return;
        QString all;
        for (const Finding &f : findings) {
            all += f.message + QLatin1Char('\n');
            for (const EvidenceRef &r : f.evidence) {
                QCOMPARE(r.source, QStringLiteral("wheel"));
                all += r.location + QStringLiteral(": ") + r.text + QLatin1Char('\n');
            }
        }
        QVERIFY2(all.contains(evidence), qPrintable(all));
        // cffi's own extension links libpython: the finding does not speak of PyO3's feature.
        if (const Finding *f = wb::test::findingById(findings, QStringLiteral("missing-extension-module")); f && path.contains(QLatin1String("cffi-"))) {
            QVERIFY2(!f->title.contains(QLatin1String("PyO3")), qPrintable(f->title));
            QVERIFY2(!f->fix.summary.contains(QLatin1String("extension-module")), qPrintable(f->fix.summary));
            QVERIFY(f->fix.edits.isEmpty());
        }
    }

    void elfReaderSurvivesGarbage()
    {
        QByteArray bytes = "\x7f" "ELF\x02\x01\x01";
        bytes.append(QByteArray(64, '\xff'));
        QVERIFY(!wb::readElf(bytes).readable() || wb::readElf(bytes).allNeeded().isEmpty());
        QVERIFY(!wb::readBinary(QByteArray()).readable());
        QVERIFY(!wb::readBinary(QByteArray(3, 'x')).readable());
        // Truncations of a real extension never crash.
        WB_REQUIRE_CORPUS();
        Evidence e;
        e.wheel = WheelEvidence::read(wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl"));
        QVERIFY(!e.wheel.report.extensions.isEmpty());
    }

    void notAWheel()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/broken-1.0-py3-none-any.whl");
        QVERIFY(wb::test::writeBytes(path, "not a zip"));
        const WheelFacts w = WheelEvidence::read(path);
        QVERIFY(!w.present);
        QVERIFY(w.problem.contains(QLatin1String("zip")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseWheel)
#include "tst_diagnosewheel.moc"
