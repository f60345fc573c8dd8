// DiagnosisRunner, the entry point shared by the Troubleshooting view and `wheelbench diagnose`: which
// wheel belongs to which project (PEP 503 names), a foreign wheel diagnosed on its own, and edits that
// would change nothing left out of the fix.
#include "DiagnoseTestSupport.h"
#include "support/TestPaths.h"

#include "core/diagnose/Diagnosis.h"
#include "core/diagnose/ProjectEvidence.h"
#include "core/diagnose/WheelEvidence.h"

#include <QTest>

using namespace wb::diagnose;
using wb::HeaderFile;

class TestDiagnosisRunner : public QObject
{
    Q_OBJECT

    QString example() const { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }

private Q_SLOTS:
    void normalizedName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("dash") << "hello-pyo3" << "hello-pyo3";
        QTest::newRow("wheel escape") << "hello_pyo3" << "hello-pyo3";
        QTest::newRow("case and dots") << "Zope.Interface" << "zope-interface";
        QTest::newRow("runs") << "a-_.b" << "a-b";
    }
    void normalizedName()
    {
        QFETCH(QString, name);
        QFETCH(QString, normalized);
        QCOMPARE(DiagnosisRunner::normalizedName(name), normalized);
    }

    void wheelOwnership_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<bool>("belongs");
        QTest::newRow("same name, wheel escape") << "hello_pyo3-0.1.0-cp313-cp313-manylinux_2_34_x86_64.whl" << true;
        QTest::newRow("upper case") << "Hello_PyO3-0.1.0-cp313-abi3-linux_x86_64.whl" << true;
        QTest::newRow("another distribution") << "cffi-1.5.0-cp27-none-linux_x86_64.whl" << false;
        QTest::newRow("prefix only") << "hello-0.1.0-py3-none-any.whl" << false;
    }
    void wheelOwnership()
    {
        QFETCH(QString, wheel);
        QFETCH(bool, belongs);
        const ProjectFacts project = ProjectEvidence::read(example());
        QCOMPARE(DiagnosisRunner::projectDistributionName(project), QStringLiteral("hello-pyo3"));
        WheelFacts w = WheelEvidence::fromFileName(wheel);
        w.present = true;
        QCOMPARE(DiagnosisRunner::wheelBelongsToProject(project, w), belongs);
    }

    // A real wheel of another project with the example project: its findings cite the wheel only.
    void foreignWheelOnItsOwn()
    {
        WB_REQUIRE_CORPUS();
        EvidenceRequest request;
        request.projectDir = example();
        request.wheelPath = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
        const Diagnosis d = DiagnosisRunner::run(request);
        QVERIFY(d.wheelSeparate);
        QCOMPARE(d.notes.size(), 1);
        EvidenceRequest wheelOnly;
        wheelOnly.wheelPath = request.wheelPath;
        QCOMPARE(wb::test::ids(d.findings), wb::test::ids(DiagnosisRunner::run(wheelOnly).findings));  // the example is healthy
        QVERIFY(!d.findings.isEmpty());
        for (const Finding &f : d.findings)
            QVERIFY2(f.fix.edits.isEmpty(), qPrintable(f.id));
    }

    // The Cargo-only fallback name: a project without [project] name compares the Cargo package name.
    void cargoPackageName()
    {
        ProjectFacts p;
        p.present = true;
        p.packageName.value = QStringLiteral("my_crate");
        p.packageName.line = 2;
        WheelFacts w = WheelEvidence::fromFileName(QStringLiteral("my_crate-1.0-cp312-abi3-linux_x86_64.whl"));
        w.present = true;
        QVERIFY(DiagnosisRunner::wheelBelongsToProject(p, w));
        p.projectName.value = QStringLiteral("other");
        p.projectName.line = 3;
        QVERIFY(!DiagnosisRunner::wheelBelongsToProject(p, w));
    }

    // An invalid [project] name (a space): maturin writes it as it is into METADATA and cleaned into the file name
    // (hello_pyo3-...). The wheel is still the project's: its METADATA names it, so the two are diagnosed together.
    void invalidProjectNameKeepsItsWheel()
    {
        ProjectFacts p;
        p.present = true;
        p.projectName.value = QStringLiteral("hello pyo3");
        p.projectName.line = 7;
        WheelFacts w = WheelEvidence::fromFileName(QStringLiteral("hello_pyo3-0.1.0-cp313-cp313-manylinux_2_34_x86_64.whl"));
        w.present = true;
        QVERIFY(!DiagnosisRunner::wheelBelongsToProject(p, w));  // by the file name alone, another distribution
        w.report.metadata = HeaderFile::parse("Metadata-Version: 2.4\nName: hello pyo3\nVersion: 0.1.0\n");
        QVERIFY(DiagnosisRunner::wheelBelongsToProject(p, w));
        w.report.metadata = HeaderFile::parse("Metadata-Version: 2.4\nName: other\nVersion: 0.1.0\n");
        QVERIFY(!DiagnosisRunner::wheelBelongsToProject(p, w));
    }

    // An edit whose value the file already holds is dropped and said so; a real one is kept.
    void noOpEditsAreDropped()
    {
        QTemporaryDir dir;
        QVERIFY(wb::test::copyTree(example(), dir.path()));
        const ProjectFacts project = ProjectEvidence::read(dir.path());
        Finding f;
        f.id = QStringLiteral("test");
        f.fix.edits = {ConfigEdit{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("module-name"),
                                  QStringLiteral("\"hello_pyo3._native\""), ConfigEdit::Action::Set},
                       ConfigEdit{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("strip"),
                                  QStringLiteral("true"), ConfigEdit::Action::Set}};
        QList<Finding> findings{f};
        QStringList notes;
        DiagnosisRunner::dropNoOpEdits(project, &findings, &notes);
        QCOMPARE(findings.first().fix.edits.size(), 1);
        QCOMPARE(findings.first().fix.edits.first().key, QStringLiteral("strip"));
        QVERIFY(findings.first().fix.steps.first().contains(QLatin1String("module-name")));
        QCOMPARE(notes.size(), 1);
    }
};

QTEST_MAIN(TestDiagnosisRunner)
#include "tst_diagnosisrunner.moc"
