// `wheelbench build` as a user runs it: help, bad input, a maturin failure with its log, a build.
#include "core/build/BuildTestSupport.h"

#include "core/build/BuildRunner.h"
#include "core/build/MaturinFlags.h"
#include "core/build/ToolDiscovery.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run runWheelbench(const QStringList &args, int timeoutMs = 10 * 60 * 1000)
{
    QProcess p;
    p.setProcessEnvironment(wb::test::buildTestEnvironment());
    p.start(wb::test::executable(), args);
    Run r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
} // namespace

class TestBuildCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void help()
    {
        const Run r = runWheelbench({QStringLiteral("build"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("wheelbench build")));
        QVERIFY(r.out.contains(QStringLiteral("--log FILE")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no dir") << QStringList{QStringLiteral("build")} << QStringLiteral("which project?");
        QTest::newRow("missing") << QStringList{QStringLiteral("build"), QStringLiteral("/nonexistent/p")} << QStringLiteral("is not a folder");
        QTest::newRow("not a project") << QStringList{QStringLiteral("build"), QStringLiteral("/")} << QStringLiteral("neither pyproject.toml");
        QTest::newRow("option") << QStringList{QStringLiteral("build"), QStringLiteral("--frobnicate")} << QStringLiteral("unknown option");
        QTest::newRow("value") << QStringList{QStringLiteral("build"), QStringLiteral("--out")} << QStringLiteral("needs a value");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runWheelbench(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // An option the installed maturin lacks is refused before maturin runs, naming the version that added it.
    void refusesOptionsTheInstalledMaturinLacks()
    {
        const wb::ToolReport tools = wb::ToolDiscovery::discover(wb::test::exampleProject(), wb::test::buildTestEnvironment());
        if (!tools.maturin.found() || tools.maturin.version.isEmpty())
            QSKIP("no maturin with a known version");
        if (wb::MaturinFlags::compareVersions(tools.maturin.version, QStringLiteral("1.13.0")) >= 0)
            QSKIP("the installed maturin has --pgo");
        const Run r = runWheelbench({QStringLiteral("build"), wb::test::exampleProject(), QStringLiteral("--"), QStringLiteral("--pgo")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--pgo needs maturin 1.13.0 or newer (maturin %1 build").arg(tools.maturin.version)), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("$ maturin")), qPrintable(r.err)); // never started
    }

    void maturinFailureKeepsItsStatusAndLog()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/bad");
        QVERIFY(wb::test::copyProject(wb::test::exampleProject(), project));
        QFile py(project + QStringLiteral("/pyproject.toml"));
        QVERIFY(py.open(QIODevice::ReadOnly));
        QByteArray text = py.readAll();
        py.close();
        text.replace("module-name = \"hello_pyo3._native\"", "module-name = \"hello-pyo3\"");
        QVERIFY(py.open(QIODevice::WriteOnly | QIODevice::Truncate));
        py.write(text);
        py.close();
        const QString log = work.path() + QStringLiteral("/build.log");
        const Run r = runWheelbench({QStringLiteral("build"), project, QStringLiteral("--log"), log});
        QCOMPARE(r.code, 1); // maturin's own exit status
        QVERIFY2(r.err.contains(QStringLiteral("Caused by: The module name must not contain a minus")), qPrintable(r.err));
        QVERIFY(!r.err.contains(u'\x1b')); // not a terminal: no colours
        QVERIFY2(r.err.contains(QStringLiteral("(exit status 1, 1 error)")), qPrintable(r.err)); // the failure chain is one error
        QVERIFY(r.out.isEmpty());
        QFile saved(log);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray savedLog = saved.readAll();
        QVERIFY(savedLog.contains("maturin failed"));
        QVERIFY2(savedLog.startsWith("$ ") && savedLog.left(savedLog.indexOf('\n')).contains("maturin build"), savedLog.left(200).constData());
    }

    // One build per project, across processes: while this process builds the project (as the window
    // would), `wheelbench build` of it is refused and says who holds it.
    void refusedWhileAnotherProcessBuilds()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(wb::test::copyProject(wb::test::exampleProject(), project));
        wb::BuildRunner holder;
        QSignalSpy done(&holder, &wb::BuildRunner::finished);
        wb::RunCommand busy;
        busy.program = QStringLiteral("/bin/sh");
        busy.arguments = {QStringLiteral("-c"), QStringLiteral("sleep 60")};
        busy.projectDir = project;
        QVERIFY(holder.start(busy));
        const Run r = runWheelbench({QStringLiteral("build"), project}, 120000);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("already running in another process")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())));
        holder.cancel();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().at(0).value<wb::BuildResult>().outcome, wb::BuildResult::Outcome::Cancelled);
    }

    void buildsAndPrintsTheWheelLast()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(wb::test::copyProject(wb::test::exampleProject(), project));
        const Run r = runWheelbench({QStringLiteral("build"), project, QStringLiteral("--out"), work.path() + QStringLiteral("/dist"),
                                     QStringLiteral("--"), QStringLiteral("--offline")});
        QVERIFY2(r.code == 0, qPrintable(r.err.right(3000)));
        QVERIFY(r.err.startsWith(QStringLiteral("$ maturin build --out ")));
        QVERIFY(r.err.contains(QStringLiteral("--offline")));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.last().startsWith(work.path() + QStringLiteral("/dist/hello_pyo3-0.1.0-")));
        QVERIFY(QFileInfo::exists(lines.last()));
    }
};

QTEST_GUILESS_MAIN(TestBuildCommand)
#include "tst_buildcommand.moc"
