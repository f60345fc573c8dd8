// Real maturin builds of the example project (offline, sharing one cargo target folder):
// the wheel installs into a fresh venv and imports; a syntax error becomes a located diagnostic;
// cancelling while cargo compiles leaves no process of the build behind.
#include "core/build/BuildTestSupport.h"
#include "core/build/ProcessProbe.h"

#include "core/build/BuildRequest.h"
#include "core/build/BuildRunner.h"
#include "core/build/ToolDiscovery.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {
constexpr int BuildTimeoutMs = 15 * 60 * 1000; // 2 busy cores: be generous

BuildResult waitResult(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(BuildTimeoutMs))
        return {};
    return spy.takeFirst().at(0).value<BuildResult>();
}

int runQuietly(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(5 * 60 * 1000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
} // namespace

class TestMaturinBuild : public QObject
{
    Q_OBJECT
    ToolReport m_tools;

private Q_SLOTS:
    void initTestCase()
    {
        m_tools = ToolDiscovery::discover(test::exampleProject());
        if (!m_tools.ready())
            QSKIP(qPrintable(QStringLiteral("maturin/cargo missing: ") + m_tools.problems().join(u' ')));
    }

    void buildsInstallsAndImports()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        BuildRequest request;
        request.projectDir = project;
        request.profile = BuildRequest::Profile::Debug;
        request.outDir = work.path() + QStringLiteral("/dist");
        request.offline = true;
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QList<BuildEvent> events;
        connect(&runner, &BuildRunner::eventsParsed, this, [&events](const QList<BuildEvent> &e) { events += e; });
        QVERIFY(runner.start(BuildRunner::commandFor(request, m_tools, test::buildTestEnvironment())));
        const BuildResult r = waitResult(done);
        QVERIFY2(r.succeeded(), r.log.right(3000).constData());
        QCOMPARE(r.artifacts.size(), 1);
        const QString wheel = r.artifacts.first();
        QVERIFY(wheel.startsWith(work.path() + QStringLiteral("/dist/hello_pyo3-0.1.0-cp3")));
        QVERIFY(QFileInfo(wheel).size() > 1000);
        bool sawPython = false;
        for (const BuildEvent &e : std::as_const(events))
            sawPython = sawPython || (e.kind == BuildEvent::Kind::Interpreter && e.text.startsWith(QStringLiteral("CPython 3.")));
        QVERIFY(sawPython);

        const QString venv = work.path() + QStringLiteral("/venv");
        QString out;
        QCOMPARE(runQuietly(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("venv"), venv}, &out), 0);
        QCOMPARE(runQuietly(venv + QStringLiteral("/bin/python"),
                            {QStringLiteral("-m"), QStringLiteral("pip"), QStringLiteral("install"), QStringLiteral("--no-index"),
                             QStringLiteral("--disable-pip-version-check"), QStringLiteral("-q"), wheel},
                            &out),
                 0);
        QCOMPARE(runQuietly(venv + QStringLiteral("/bin/python"),
                            {QStringLiteral("-c"), QStringLiteral("import hello_pyo3; print(hello_pyo3.greet('Ada'), hello_pyo3.add(2, 3))")},
                            &out),
                 0);
        QCOMPARE(out.trimmed(), QStringLiteral("Hello, Ada, from Rust! 5"));
    }

    void syntaxErrorIsLocated()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/broken");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QFile lib(project + QStringLiteral("/src/lib.rs"));
        QVERIFY(lib.open(QIODevice::ReadOnly));
        QByteArray source = lib.readAll();
        lib.close();
        // line 7 is `    format!("Hello, {name}, from Rust!")`: add a stray ')' at its end.
        const QByteArray target = "format!(\"Hello, {name}, from Rust!\")";
        QVERIFY(source.contains(target));
        source.replace(target, QByteArray(target + QByteArray(")")));
        QVERIFY(lib.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lib.write(source);
        lib.close();

        BuildRequest request;
        request.projectDir = project;
        request.profile = BuildRequest::Profile::Debug;
        request.outDir = work.path() + QStringLiteral("/dist");
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QVERIFY(runner.start(BuildRunner::commandFor(request, m_tools, test::buildTestEnvironment())));
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::Failed);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(!r.diagnostics.isEmpty(), r.log.right(3000).constData());
        const Diagnostic first = r.diagnostics.first();
        QCOMPARE(first.severity, DiagnosticSeverity::Error);
        QCOMPARE(first.message, QStringLiteral("mismatched closing delimiter: `)`"));
        QCOMPARE(first.file, QFileInfo(project + QStringLiteral("/src/lib.rs")).canonicalFilePath());
        QCOMPARE(first.line, 6);
        QCOMPARE(first.column, 32);
        QVERIFY(r.causes.contains(QStringLiteral("Failed to build a native library through cargo")));
        QVERIFY(r.artifacts.isEmpty());
    }

    void cancelWhileCompiling()
    {
        // A target folder of its own, so cargo has real compiling to do when we cancel.
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QProcessEnvironment env = test::buildTestEnvironment();
        env.insert(QStringLiteral("CARGO_TARGET_DIR"), work.path() + QStringLiteral("/target"));
        BuildRequest request;
        request.projectDir = project;
        request.profile = BuildRequest::Profile::Debug;
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        bool compiling = false;
        connect(&runner, &BuildRunner::progressChanged, this, [&compiling](const BuildProgress &p) {
            compiling = compiling || !p.inFlight.isEmpty();
        });
        QVERIFY(runner.start(BuildRunner::commandFor(request, m_tools, env)));
        QTRY_VERIFY_WITH_TIMEOUT(compiling || !done.isEmpty(), 5 * 60 * 1000);
        QVERIFY2(done.isEmpty(), "the build ended before it could be cancelled");
        const qint64 pgid = runner.processGroup();
        QTRY_VERIFY_WITH_TIMEOUT(test::processesInGroup(pgid).size() >= 2, 60000); // maturin, cargo, rustc...
        runner.cancel();
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::Cancelled);
        QVERIFY2(test::processesInGroup(pgid).isEmpty(), qPrintable(test::processesInGroup(pgid).join(u'\n')));
        QVERIFY(!BuildRunner::isProjectBusy(project));
    }
};

QTEST_GUILESS_MAIN(TestMaturinBuild)
#include "tst_maturinbuild.moc"
