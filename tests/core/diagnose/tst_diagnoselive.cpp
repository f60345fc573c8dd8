// Live: build the example with maturin (healthy, then with a module-name that does not match its
// #[pymodule]), install the wheel into a venv, import it, and diagnose the real log, wheel and error.
#include "DiagnoseTestSupport.h"
#include "support/TestPaths.h"

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/Diagnosis.h"
#include "core/diagnose/FindingJson.h"
#include "core/diagnose/EvidenceCollector.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace wb::diagnose;

class TestDiagnoseLive : public QObject
{
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString output;
    };

    static Run run(const QString &program, const QStringList &args, const QString &cwd, int timeoutMs = 900000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CARGO_TARGET_DIR"), wb::test::binaryDir() + QStringLiteral("/cargo-target"));
        env.insert(QStringLiteral("CARGO_TERM_COLOR"), QStringLiteral("never"));
        env.remove(QStringLiteral("VIRTUAL_ENV"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(cwd);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs))
            return {-1, QString::fromUtf8(p.readAll())};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
    }

    static QString firstWheel(const QString &dir)
    {
        QDirIterator it(dir, {QStringLiteral("*.whl")}, QDir::Files);
        return it.hasNext() ? it.next() : QString();
    }

    QString m_maturin;
    QTemporaryDir m_work;

private Q_SLOTS:
    void initTestCase()
    {
        m_maturin = QStandardPaths::findExecutable(QStringLiteral("maturin"));
        if (m_maturin.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("cargo")).isEmpty())
            QSKIP("maturin and cargo are not on PATH (run the tests with tools/test)");
        QVERIFY(m_work.isValid());
    }

    void healthyBuildHasNoFindings()
    {
        const QString project = m_work.path() + QStringLiteral("/healthy");
        QVERIFY(wb::test::copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        const Run build = run(m_maturin, {QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-o"), QStringLiteral("dist")}, project);
        QVERIFY2(build.exitCode == 0, qPrintable(build.output));
        const QString wheel = firstWheel(project + QStringLiteral("/dist"));
        QVERIFY(!wheel.isEmpty());
        const Evidence e = EvidenceCollector::collect({project, wheel, build.output, QString(), QString()});
        QVERIFY(e.wheel.present);
        QCOMPARE(e.wheel.report.extensions.size(), 1);
        QCOMPARE(e.wheel.report.extensions.first().binary.allExports(), QStringList{QStringLiteral("PyInit__native")});
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), QStringList());
    }

    void pyinitMismatchFromLogWheelAndImport()
    {
        const QString project = m_work.path() + QStringLiteral("/mismatch");
        QVERIFY(wb::test::copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        QVERIFY(wb::test::replaceInFile(project + QStringLiteral("/pyproject.toml"), "hello_pyo3._native", "hello_pyo3._core"));
        QVERIFY(wb::test::replaceInFile(project + QStringLiteral("/python/hello_pyo3/__init__.py"), "hello_pyo3._native", "hello_pyo3._core"));
        const Run build = run(m_maturin, {QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-o"), QStringLiteral("dist")}, project);
        QVERIFY2(build.exitCode == 0, qPrintable(build.output));
        const QString wheel = firstWheel(project + QStringLiteral("/dist"));
        QVERIFY(!wheel.isEmpty());

        // Build log + wheel + project.
        Evidence e = EvidenceCollector::collect({project, wheel, build.output, QString(), QString()});
        QList<Finding> findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("pyinit-missing")});
        QString evidence;
        for (const EvidenceRef &r : findings.first().evidence)
            evidence += r.source + QLatin1Char(' ') + r.location + QStringLiteral(": ") + r.text + QLatin1Char('\n');
        QVERIFY2(evidence.contains(QLatin1String("Couldn't find the symbol `PyInit__core`")), qPrintable(evidence));
        QVERIFY2(evidence.contains(QLatin1String("exports PyInit__native, not PyInit__core")), qPrintable(evidence));
        QVERIFY2(evidence.contains(QLatin1String("pyproject.toml line 19")), qPrintable(evidence));
        QCOMPARE(findings.first().fix.edits.first().value, QStringLiteral("\"hello_pyo3._native\""));

        // The project and its own wheel, on the command line and through the runner the Troubleshooting view
        // uses: the same findings, combined (the wheel is the project's), without notes.
        const Diagnosis viaRunner = DiagnosisRunner::run({project, wheel, QString(), QString(), QString()});
        QVERIFY(!viaRunner.wheelSeparate);
        QVERIFY(viaRunner.notes.isEmpty());
        QCOMPARE(wb::test::ids(viaRunner.findings), QStringList{QStringLiteral("pyinit-missing")});
        const Run cli = run(wb::test::executable(), {QStringLiteral("diagnose"), QStringLiteral("--project"), project,
                                                     QStringLiteral("--wheel"), wheel, QStringLiteral("--json")}, project, 60000);
        QCOMPARE(cli.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(cli.output.toUtf8()).object(), diagnosisToJson(viaRunner.findings, viaRunner.notes));

        // The real ImportError from importing the installed wheel.
        const QString venv = m_work.path() + QStringLiteral("/venv");
        QCOMPARE(run(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("venv"), venv}, m_work.path(), 300000).exitCode, 0);
        const Run pip = run(venv + QStringLiteral("/bin/pip"), {QStringLiteral("install"), QStringLiteral("--no-index"),
                                                                  QStringLiteral("--no-deps"), QStringLiteral("--quiet"), wheel}, m_work.path(), 300000);
        QVERIFY2(pip.exitCode == 0, qPrintable(pip.output));
        const Run import = run(venv + QStringLiteral("/bin/python"), {QStringLiteral("-c"), QStringLiteral("import hello_pyo3")}, m_work.path(), 60000);
        QVERIFY(import.exitCode != 0);
        QVERIFY2(import.output.contains(QLatin1String("PyInit__core")), qPrintable(import.output));
        e = EvidenceCollector::collect({project, QString(), QString(), import.output, QString()});
        findings = Diagnoser::diagnose(e);
        QCOMPARE(wb::test::ids(findings), QStringList{QStringLiteral("pyinit-missing")});
        QVERIFY(findings.first().message.contains(QLatin1String("'_native'")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseLive)
#include "tst_diagnoselive.moc"
