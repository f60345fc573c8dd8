// The wheelbench program's command line, run as a user runs it: a real process, no display.
#include "support/TestPaths.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(wb::test::executable(), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void helpListsEveryCommand_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::newRow("--help") << QStringLiteral("--help");
        QTest::newRow("-h") << QStringLiteral("-h");
        QTest::newRow("help") << QStringLiteral("help");
    }
    void helpListsEveryCommand()
    {
        QFETCH(QString, flag);
        const Result r = run({flag});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"check", "config", "build", "inspect", "compare", "diagnose"})
            QVERIFY2(r.out.contains(QLatin1String("  ") + QLatin1String(command) + QLatin1Char(' ')), command);
    }

    void version()
    {
        const Result r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("wheelbench " WHEELBENCH_VERSION));
    }

    void unknownCommandIsUsageError()
    {
        const Result r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown command 'frobnicate'")));
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"check", "config", "build", "inspect", "compare", "diagnose"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        const Result r = run({command, QStringLiteral("--help")});
        // A command either prints its usage (exit 0) or says it is not available yet (exit 2).
        if (r.exitCode == 2)
            QVERIFY2(r.err.contains(QLatin1String("not built yet")), qPrintable(r.err));
        else {
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QLatin1String("wheelbench ") + command), qPrintable(r.out));
        }
    }

    void windowWithoutDisplayExplainsHeadlessUse()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        const QString example = wb::test::examplesDir() + QStringLiteral("/hello-pyo3");
        const Result r = run({example}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no display")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("wheelbench check ") + example));
        QVERIFY(r.err.contains(QLatin1String("QT_QPA_PLATFORM=offscreen")));
    }

    void unknownWindowOptionIsUsageError()
    {
        const Result r = run({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
