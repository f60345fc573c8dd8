// The runner with small stand-in programs (no cargo): lines and UTF-8 across reads, \r progress,
// events, exit codes, cancelling a whole process tree, one run per project, failing to start.
#include "core/build/BuildTestSupport.h"
#include "core/build/ProcessProbe.h"

#include "core/build/BuildRunner.h"

#include <QLockFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {
RunCommand shell(const QString &script, const QString &projectDir = {})
{
    RunCommand c;
    c.program = QStringLiteral("/bin/sh");
    c.arguments = {QStringLiteral("-c"), script};
    c.projectDir = projectDir;
    c.workingDirectory = projectDir;
    return c;
}

BuildResult waitResult(QSignalSpy &spy, int timeoutMs = 60000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return {};
    return spy.takeFirst().at(0).value<BuildResult>();
}
} // namespace

class TestBuildRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamsLinesAndEvents()
    {
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QSignalSpy progress(&runner, &BuildRunner::progressChanged);
        QStringList lines;
        connect(&runner, &BuildRunner::outputLines, this, [&lines](const QList<OutputLine> &batch) {
            for (const OutputLine &l : batch)
                lines << (l.transient ? QStringLiteral("T:") : QString()) + l.text;
        });
        // The emoji is written in two halves with a pause between, so it straddles two reads.
        const QString script = QStringLiteral(
            "printf '\\360\\237'; sleep 0.3; printf '\\223\\246 Built wheel for CPython 3.13 to /w/x.whl\\n';"
            "printf '    Building [=>  ] 1/4: a, b\\r'; sleep 0.2; printf '    Building [==> ] 2/4: b\\r\\033[K';"
            "printf 'error[E0425]: cannot find value `c`\\n  --> src/lib.rs:3:41\\n\\n'; exit 3");
        QVERIFY(runner.start(shell(script)));
        QVERIFY(runner.isRunning());
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::Failed);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(lines.value(0), QString::fromUtf8("📦 Built wheel for CPython 3.13 to /w/x.whl"));
        QVERIFY(lines.contains(QStringLiteral("T:    Building [=>  ] 1/4: a, b")));
        QCOMPARE(r.artifacts, QStringList{QStringLiteral("/w/x.whl")});
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics[0].line, 3);
        QCOMPARE(r.diagnostics[0].column, 41);
        QCOMPARE(r.errors, 1);
        QVERIFY(progress.size() >= 1); // progress within one read is reported once, with its last value
        QCOMPARE(progress.last().at(0).value<BuildProgress>().done, 2);
        QCOMPARE(runner.progress().inFlight, QStringList{QStringLiteral("b")});
        QVERIFY(r.log.contains("\xf0\x9f\x93\xa6"));
        QVERIFY(r.elapsedMs >= 400);
        QVERIFY(!runner.isRunning());
    }

    void succeeds()
    {
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QVERIFY(runner.start(shell(QStringLiteral("echo ok"))));
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::Succeeded);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.log, QByteArray("ok\n"));
    }

    void failsToStart()
    {
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        RunCommand c;
        c.program = QStringLiteral("/nonexistent/maturin");
        QVERIFY(runner.start(c));
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::FailedToStart);
        QVERIFY(r.message.contains(QStringLiteral("/nonexistent/maturin")));
        QString error;
        QVERIFY(!runner.start(RunCommand{}, &error));
        QVERIFY(!error.isEmpty());
    }

    void onePerProject()
    {
        QTemporaryDir project;
        BuildRunner first;
        BuildRunner second;
        QSignalSpy done(&first, &BuildRunner::finished);
        QVERIFY(first.start(shell(QStringLiteral("sleep 0.5"), project.path())));
        QVERIFY(BuildRunner::isProjectBusy(project.path()));
        QString error;
        QVERIFY(!second.start(shell(QStringLiteral("true"), project.path() + QStringLiteral("/.")), &error));
        QVERIFY2(error.contains(QStringLiteral("already running")), qPrintable(error));
        QVERIFY(!first.start(shell(QStringLiteral("true")), &error));
        QCOMPARE(waitResult(done).outcome, BuildResult::Outcome::Succeeded);
        QVERIFY(!BuildRunner::isProjectBusy(project.path()));
        QSignalSpy done2(&second, &BuildRunner::finished);
        QVERIFY(second.start(shell(QStringLiteral("true"), project.path())));
        QCOMPARE(waitResult(done2).outcome, BuildResult::Outcome::Succeeded);
    }

    // Another process (a second window, `wheelbench build`) building the project holds its lock file.
    void onePerProjectAcrossProcesses()
    {
        QTemporaryDir project;
        const QString lockFile = BuildRunner::lockFileFor(project.path());
        QVERIFY(lockFile.endsWith(QStringLiteral(".lock")));
        QCOMPARE(BuildRunner::lockFileFor(project.path() + QStringLiteral("/.")), lockFile);
        QVERIFY(BuildRunner::lockFileFor(project.path() + QStringLiteral("/sub")) != lockFile);
        {
            QLockFile other(lockFile); // as the other process would hold it
            QVERIFY(other.tryLock(0));
            BuildRunner runner;
            QString error;
            QVERIFY(!runner.start(shell(QStringLiteral("true"), project.path()), &error));
            QVERIFY2(error.contains(QStringLiteral("already running in another process")), qPrintable(error));
            QVERIFY(error.contains(QString::number(QCoreApplication::applicationPid())));
            QVERIFY(!BuildRunner::isProjectBusy(project.path()));
        }
        // Released: builds again, and holds the lock while it runs.
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QVERIFY(runner.start(shell(QStringLiteral("sleep 0.3"), project.path())));
        QLockFile probe(lockFile);
        QVERIFY(!probe.tryLock(0));
        QCOMPARE(waitResult(done).outcome, BuildResult::Outcome::Succeeded);
        QVERIFY(probe.tryLock(0));
    }

    // maturin's failure and its "Caused by:" chain arrive as one event, and count as one error.
    void failureChainIsOneError()
    {
        BuildRunner runner;
        QSignalSpy done(&runner, &BuildRunner::finished);
        QList<BuildEvent> events;
        connect(&runner, &BuildRunner::eventsParsed, this, [&events](const QList<BuildEvent> &batch) { events += batch; });
        QVERIFY(runner.start(shell(QStringLiteral(
            "printf '\\360\\237\\222\\245 maturin failed\\n  Caused by: outer\\n'; sleep 0.3; printf '  Caused by: inner\\n'; exit 1"))));
        const BuildResult r = waitResult(done);
        QCOMPARE(r.outcome, BuildResult::Outcome::Failed);
        QCOMPARE(r.causes, QStringList({QStringLiteral("outer"), QStringLiteral("inner")}));
        QCOMPARE(r.errors, 1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, BuildEvent::Kind::MaturinFailed);
        QCOMPARE(events[0].diagnostic.message, QStringLiteral("outer"));
        QCOMPARE(events[0].diagnostic.children, QStringList{QStringLiteral("Caused by: inner")});
    }

    void cancelStopsTheWholeTree_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("needsKill");
        // children in the background, grandchildren: all in the build's group
        QTest::newRow("tree") << QStringLiteral("sleep 300 & (sleep 300 & sleep 300) & echo started; wait") << false;
        // a program that ignores SIGINT and SIGTERM: only SIGKILL ends it
        QTest::newRow("stubborn") << QStringLiteral("trap '' INT TERM; (trap '' INT TERM; sleep 300) & echo started; "
                                                    "while true; do sleep 0.1; done")
                                  << true;
    }
    void cancelStopsTheWholeTree()
    {
        QFETCH(QString, script);
        QFETCH(bool, needsKill);
        BuildRunner runner;
        runner.setCancelGrace(300, 300);
        QSignalSpy started(&runner, &BuildRunner::started);
        QSignalSpy lines(&runner, &BuildRunner::outputLines);
        QSignalSpy done(&runner, &BuildRunner::finished);
        QVERIFY(runner.start(shell(script)));
        QVERIFY(lines.wait(10000));
        const qint64 pgid = runner.processGroup();
        QVERIFY(pgid > 1);
        QCOMPARE(started.value(0).value(1).toLongLong(), pgid);
        QTRY_VERIFY(test::processesInGroup(pgid).size() >= 3);
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        const BuildResult r = waitResult(done, 20000);
        QCOMPARE(r.outcome, BuildResult::Outcome::Cancelled);
        QCOMPARE(BuildResult::outcomeName(r.outcome), QStringLiteral("cancelled"));
        QVERIFY2(test::processesInGroup(pgid).isEmpty(), qPrintable(test::processesInGroup(pgid).join(u'\n')));
        if (needsKill)
            QVERIFY(clock.elapsed() >= 550);
    }

    void destroyingARunningRunnerDoesNotBlock()
    {
        qint64 pgid = 0;
        QElapsedTimer clock;
        {
            BuildRunner runner;
            QSignalSpy lines(&runner, &BuildRunner::outputLines);
            QVERIFY(runner.start(shell(QStringLiteral("trap '' INT; sleep 300 & echo up; wait"))));
            QVERIFY(lines.wait(10000));
            pgid = runner.processGroup();
            clock.start();
        }
        QVERIFY(clock.elapsed() < 200);
        QTRY_VERIFY_WITH_TIMEOUT(test::processesInGroup(pgid).isEmpty(), 10000);
    }

    void environmentForCargo()
    {
        const QProcessEnvironment env = BuildRunner::buildEnvironment(QProcessEnvironment(), 80);
        QCOMPARE(env.value(QStringLiteral("CARGO_TERM_PROGRESS_WHEN")), QStringLiteral("always"));
        QCOMPARE(env.value(QStringLiteral("CARGO_TERM_PROGRESS_WIDTH")), QStringLiteral("80"));
        QCOMPARE(env.value(QStringLiteral("CARGO_TERM_COLOR")), QStringLiteral("always"));
    }
};

QTEST_GUILESS_MAIN(TestBuildRunner)
#include "tst_buildrunner.moc"
