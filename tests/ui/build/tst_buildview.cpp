// The Build view offscreen, running the real maturin as a user runs it: Develop (offering a .venv, the
// running command shown), Test (develop + pytest, failing tests as issues; without pytest and without
// network: the system's pytest), Sdist, one run per project, Cancel (a finished bar), and real builds of
// the example project whose log stays in view with an Open wheel link. The console and the Issues list
// are tested from saved logs in tst_buildissues, Generate CI in tst_generateci.
#include "BuildViewProbe.h"
#include "core/common/SizeFormat.h"
#include "core/build/BuildTestSupport.h"
#include "ModalScript.h"

#include "core/build/BuildOutputParser.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/BuildView.h"
#include "core/build/LineSplitter.h"
#include "core/diagnose/Diagnoser.h"
#include "ui/build/CiDialog.h"
#include "ui/common/CodeEditor.h"
#include "ui/build/EditorChoiceDialog.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/HistoryModel.h"
#include "ui/build/IssueOpener.h"
#include "ui/build/IssuesModel.h"
#include "ui/build/SourceViewer.h"
#include "ui/common/MainWindow.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/WheelsView.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QRadioButton>
#include <QToolButton>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QTimer>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QScrollBar>
#include <QFontInfo>
#include <QTreeWidget>

using namespace wb;
using wb::ui::BuildView;
using namespace wb::test::buildview;


class TestBuildView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        isolateTestProgram(QStringLiteral("tst_buildview"));
        qputenv("CARGO_TARGET_DIR", test::sharedCargoTarget().toLocal8Bit());
        m_tools = ToolDiscovery::discover(test::exampleProject());
    }

    void init() { forgetHistoryAndEditor(); }

    void developOffersToCreateAVenv()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        chooseDebug(view);
        auto *develop = view.findChild<QAbstractButton *>(QStringLiteral("developButton"));
        QSignalSpy finished(&view, &BuildView::runFinished);

        QString question;
        test::ModalScript no;
        no.answer(QMessageBox::No, &question);
        no.start();
        QTest::mouseClick(develop, Qt::LeftButton);
        QVERIFY2(no.done() && no.failure().isEmpty(), qPrintable(no.failure()));
        QVERIFY2(question.contains(QStringLiteral("Create .venv there now?")), qPrintable(question));
        QVERIFY(!view.isRunning());
        QVERIFY(!QFileInfo::exists(project + QStringLiteral("/.venv")));
        QVERIFY2(statusOf(view).contains(QStringLiteral("none was created")), qPrintable(statusOf(view)));

        test::ModalScript yes;
        yes.answer(QMessageBox::Yes);
        yes.start();
        QTest::mouseClick(develop, Qt::LeftButton);
        QVERIFY2(yes.done() && yes.failure().isEmpty(), qPrintable(yes.failure()));
        QVERIFY(view.isRunning());
        // The Command field shows what runs: first the venv, then maturin develop (not maturin build).
        auto *command = view.findChild<QLineEdit *>(QStringLiteral("commandLine"));
        auto *commandLabel = view.findChild<QLabel *>(QStringLiteral("commandLabel"));
        QVERIFY2(command->text().contains(QStringLiteral("-m venv")), qPrintable(command->text()));
        QCOMPARE(commandLabel->text(), QStringLiteral("Running:"));
        QTRY_VERIFY_WITH_TIMEOUT(command->text().contains(QStringLiteral(" develop")) || finished.size() == 2, 120000);
        QVERIFY2(!command->text().contains(QStringLiteral(" build")), qPrintable(command->text()));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2 || (finished.size() == 1 && !resultAt(finished, 0).succeeded()), 600000);
        QVERIFY2(resultAt(finished, 0).succeeded(), resultAt(finished, 0).log.constData());
        QVERIFY(resultAt(finished, 0).commandLine.contains(QStringLiteral("-m venv")));
        const BuildResult installed = resultAt(finished, 1);
        QVERIFY2(installed.succeeded(), installed.log.right(3000).constData());
        QVERIFY(installed.commandLine.contains(QStringLiteral("develop")));
        QVERIFY(!view.isRunning());
        QByteArray out;
        QCOMPARE(runToEnd(ToolDiscovery::venvPython(project + QStringLiteral("/.venv")),
                          {QStringLiteral("-c"), QStringLiteral("import hello_pyo3; print(hello_pyo3.add(2, 3))")}, &out, work.path()),
                 0);
        QCOMPARE(out.trimmed(), QByteArray("5"));
        // Idle again: the field shows what Build would run.
        QCOMPARE(commandLabel->text(), QStringLiteral("Command:"));
        QVERIFY2(command->text().contains(QStringLiteral(" build")), qPrintable(command->text()));
        // Both steps are in the history, as what they were.
        QCOMPARE(kindsOf(view), QStringList({QStringLiteral("develop=succeeded"), QStringLiteral("venv=succeeded")}));
        QVERIFY(view.history()->records().first().command.contains(QStringLiteral("develop")));
        QCOMPARE(view.history()->index(0, ui::HistoryModel::WhatColumn).data().toString(), QStringLiteral("Develop"));
        QCOMPARE(view.history()->index(1, ui::HistoryModel::WhatColumn).data().toString(), QStringLiteral("Create venv"));

        // Develop with --uv where no uv is installed: maturin 1.8.3 names no program, but the log the
        // Troubleshooting view reads starts with the command line, and diagnosis names uv from it.
        if (!QStandardPaths::findExecutable(QStringLiteral("uv")).isEmpty())
            return;
        QCheckBox *uv = nullptr;
        for (QCheckBox *c : view.findChildren<QCheckBox *>())
            uv = c->text() == QLatin1String("--uv") ? c : uv;
        QVERIFY(uv && uv->isEnabled());
        uv->setChecked(true);
        QTest::mouseClick(develop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, 600000);
        QVERIFY(!resultAt(finished, 2).succeeded());
        const QString log = workspace.lastBuildLog();
        const QString first = log.section(u'\n', 0, 0);
        QVERIFY2(first.startsWith(QStringLiteral("$ ")) && first.contains(QStringLiteral(" develop")) && first.contains(QStringLiteral(" --uv")),
                 qPrintable(first));
        diagnose::Evidence evidence;
        evidence.logText = log;
        const QList<diagnose::Finding> findings = diagnose::Diagnoser::diagnose(evidence);
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.first().id, QStringLiteral("uv-not-found"));
    }

    // Test runs develop, then pytest in the .venv, and says how many passed and failed.
    void testRunsDevelopAndPytest()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QVERIFY(writeBytes(project + QStringLiteral("/tests/test_fails.py"), "def test_fails():\n    assert 1 + 1 == 3\n"));
        // A venv that has pytest (here: the system's, through system site packages).
        QByteArray out;
        QCOMPARE(runToEnd(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("venv"), QStringLiteral("--system-site-packages"),
                                                      project + QStringLiteral("/.venv")}, &out),
                 0);
        if (runToEnd(ToolDiscovery::venvPython(project + QStringLiteral("/.venv")), {QStringLiteral("-c"), QStringLiteral("import pytest")}) != 0)
            QSKIP("pytest is not installed");
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        chooseDebug(view);
        QSignalSpy finished(&view, &BuildView::runFinished);
        QString unexpected;
        test::ModalScript guard(600000); // nothing should ask
        guard.answer(QMessageBox::No, &unexpected);
        guard.start();
        QStringList commandsSeen; // what the Command field showed while it ran
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            const QString shown = view.findChild<QLineEdit *>(QStringLiteral("commandLine"))->text();
            if (view.isRunning() && !commandsSeen.contains(shown))
                commandsSeen << shown;
        });
        watch.start(10);
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2 || (finished.size() == 1 && !resultAt(finished, 0).succeeded()) || !unexpected.isEmpty(),
                                 600000);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
        QVERIFY2(resultAt(finished, 0).succeeded(), resultAt(finished, 0).log.right(3000).constData());
        QVERIFY(resultAt(finished, 0).commandLine.contains(QStringLiteral("develop")));
        const BuildResult tests = resultAt(finished, 1);
        QVERIFY(tests.commandLine.contains(QStringLiteral("-m pytest")));
        QCOMPARE(tests.outcome, BuildResult::Outcome::Failed);
        QCOMPARE(tests.testsPassed, 3);
        QCOMPARE(tests.testsFailed, 1);
        QVERIFY2(statusOf(view).contains(QStringLiteral("tests: 3 passed, 1 failed")), qPrintable(statusOf(view)));
        QVERIFY(consoleOf(view).contains(QStringLiteral("test_fails")));
        QVERIFY2(commandsSeen.contains(QStringLiteral(".venv/bin/python -m pytest --color=yes")), qPrintable(commandsSeen.join(u'|')));
        // The failing test is an issue with its file and line, and clickable like a compiler error.
        QCOMPARE(view.issues()->count(DiagnosticSeverity::Error), 1);
        Diagnostic failure;
        for (int i = 0; i < view.issues()->rowCount(); ++i) {
            if (view.issues()->issue(i).severity == DiagnosticSeverity::Error)
                failure = view.issues()->issue(i);
        }
        QCOMPARE(failure.message, QStringLiteral("tests/test_fails.py::test_fails failed: assert (1 + 1) == 3"));
        QCOMPARE(failure.printedFile, QStringLiteral("tests/test_fails.py"));
        QCOMPARE(failure.line, 2);
        QVERIFY(QFileInfo(failure.file).isFile());
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(0);
        ui::EditorLauncher::setOpenWith(ui::EditorLauncher::OpenWith::Viewer);
        QVERIFY(clickIssue(view, QStringLiteral("tests/test_fails.py::test_fails"), true));
        QCOMPARE(highlightedLine(view), QStringLiteral("tests/test_fails.py:2: AssertionError"));
        QVERIFY(view.issueOpener()->viewer() && view.issueOpener()->viewer()->isVisible());
        QCOMPARE(view.issueOpener()->viewer()->view()->highlightedLine(), 2);
        view.issueOpener()->viewer()->hide();
        QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-test-failure.png")));
        // History: the test run is a failure, with its counts.
        QCOMPARE(kindsOf(view), QStringList({QStringLiteral("test=failed"), QStringLiteral("develop=succeeded")}));
        QCOMPARE(view.history()->records().first().testsFailed, 1);
        QCOMPARE(view.history()->index(0, ui::HistoryModel::ResultColumn).data().toString(), QStringLiteral("failed (3 passed, 1 failed)"));
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->format(), QStringLiteral("Failed"));
    }

    // Test in a venv without pytest (and no network for pip): it says so and offers the system's
    // pytest. "Cancel" runs nothing; "Install with pip" fails fast (no retries), says why and offers
    // the system's pytest, which then runs the tests; "Use the system's pytest" runs them at once.
    // Every step is in the history with its own outcome.
    void testWithoutPytestOffersTheSystemsPytest_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QStringList>("history");
        QTest::newRow("cancel") << QStringLiteral("cancel") << QStringList{};
        QTest::newRow("pip, then the system's") << QStringLiteral("installPytest")
                                                << QStringList({QStringLiteral("test=succeeded"), QStringLiteral("develop=succeeded"),
                                                                QStringLiteral("install-pytest=failed")});
        QTest::newRow("the system's") << QStringLiteral("useSystemPytest")
                                      << QStringList({QStringLiteral("test=succeeded"), QStringLiteral("develop=succeeded")});
    }
    void testWithoutPytestOffersTheSystemsPytest()
    {
        QFETCH(QString, choice);
        QFETCH(QStringList, history);
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        if (runToEnd(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import pytest")}) != 0)
            QSKIP("the system's Python has no pytest");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        // A venv with pip but without pytest, and without the system's packages.
        QCOMPARE(runToEnd(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("venv"), project + QStringLiteral("/.venv")}), 0);
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        chooseDebug(view);
        QSignalSpy finished(&view, &BuildView::runFinished);

        QString offer;
        QStringList buttons;
        QString afterPip;
        test::ModalScript script(180000);
        script.then<QMessageBox>([&](QMessageBox *box) {
            offer = box->text() + u' ' + box->informativeText();
            for (QAbstractButton *b : box->buttons())
                buttons << b->objectName();
            if (choice == u"cancel")
                box->button(QMessageBox::Cancel)->click();
            else
                box->findChild<QPushButton *>(choice)->click();
        });
        if (choice == u"installPytest") {
            script.then<QMessageBox>([&](QMessageBox *box) {
                afterPip = box->text();
                QTest::qWait(100);
                box->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-pip-failed.png"));
                box->button(QMessageBox::Yes)->click();
            });
        }
        script.start();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(script.done(), 200000);
        QVERIFY2(script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY2(offer.contains(QStringLiteral("pytest is not installed")) && offer.contains(QStringLiteral("has pytest")), qPrintable(offer));
        QVERIFY(buttons.contains(QStringLiteral("useSystemPytest")));
        QVERIFY(buttons.contains(QStringLiteral("installPytest")));
        if (choice == u"cancel") {
            QVERIFY2(statusOf(view).contains(QStringLiteral("Tests not run")), qPrintable(statusOf(view)));
            QVERIFY(!view.isRunning());
            QVERIFY(finished.isEmpty());
            QCOMPARE(kindsOf(view), history);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning() && finished.size() == history.size() && resultAt(finished, finished.size() - 1).commandLine.contains(QStringLiteral("pytest")), 240000);
        if (choice == u"installPytest") {
            const BuildResult pip = resultAt(finished, 0);
            QVERIFY(pip.commandLine.contains(QStringLiteral("-m pip install --retries 0")));
            QCOMPARE(pip.outcome, BuildResult::Outcome::Failed);
            QVERIFY2(pip.elapsedMs < 60000, "pip gives up at once without a network");
            QVERIFY2(afterPip.contains(QStringLiteral("could not install pytest")) && afterPip.contains(QStringLiteral("network")), qPrintable(afterPip));
        }
        const BuildResult tests = resultAt(finished, finished.size() - 1);
        QVERIFY2(tests.succeeded(), tests.log.right(3000).constData());
        QVERIFY2(tests.commandLine.contains(QStringLiteral("site.addsitedir")) && tests.commandLine.contains(QStringLiteral(" .venv/lib/python")),
                 qPrintable(tests.commandLine));
        QCOMPARE(tests.testsPassed, 3);
        QCOMPARE(kindsOf(view), history);
        QCOMPARE(view.findChild<QProgressBar *>(QStringLiteral("buildProgress"))->format(), QStringLiteral("Succeeded"));
    }

    // One run per project: a second request while it runs is refused and says so, in this view and in
    // another one; Esc cancels, and the run is "cancelled". The real maturin builds into a fresh,
    // empty cargo target folder, so cargo compiles PyO3 from scratch and the run lasts long enough.
    void secondRequestIsRefusedAndEscCancels()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        const QByteArray sharedTarget = qgetenv("CARGO_TARGET_DIR");
        qputenv("CARGO_TARGET_DIR", QString(work.path() + QStringLiteral("/fresh-target")).toLocal8Bit());
        const auto restoreTarget = qScopeGuard([sharedTarget] { qputenv("CARGO_TARGET_DIR", sharedTarget); });
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        QVERIFY2(view.findChild<QLineEdit *>(QStringLiteral("commandLine"))->text().contains(QStringLiteral("maturin build")),
                 qPrintable(view.findChild<QLineEdit *>(QStringLiteral("commandLine"))->text()));
        QSignalSpy finished(&view, &BuildView::runFinished);
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("buildButton")), Qt::LeftButton);
        QVERIFY(view.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(consoleOf(view).contains(QStringLiteral("Compiling")), 60000);

        // Ctrl+B again: the Build action is disabled while a run goes on, so the key starts nothing; a
        // request that comes anyway (build() called directly) is refused with a message.
        QVERIFY(!view.findChild<QAbstractButton *>(QStringLiteral("buildButton"))->isEnabled());
        QTest::keyClick(&view, Qt::Key_B, Qt::ControlModifier);
        QTest::qWait(100);
        QVERIFY(!consoleOf(view).contains(QStringLiteral("Not started:")));
        view.build();
        QTRY_VERIFY_WITH_TIMEOUT(consoleOf(view).contains(QStringLiteral("Not started:")), 5000);
        QVERIFY(view.isRunning());
        QVERIFY(finished.isEmpty());
        {
            // Another window on the same project: its Build is refused by the runner.
            ui::Workspace other;
            BuildView second(&other);
            second.show();
            QSignalSpy secondReady(&second, &BuildView::toolsReady);
            other.openProject(project);
            QVERIFY(secondReady.wait(60000));
            QTest::mouseClick(second.findChild<QAbstractButton *>(QStringLiteral("buildButton")), Qt::LeftButton);
            QVERIFY(!second.isRunning());
            QVERIFY2(statusOf(second).contains(QStringLiteral("already running")), qPrintable(statusOf(second)));
        }
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(finished.wait(30000));
        QCOMPARE(resultAt(finished, 0).outcome, BuildResult::Outcome::Cancelled);
        QVERIFY2(statusOf(view).startsWith(QStringLiteral("Cancelled after")), qPrintable(statusOf(view)));
        QCOMPARE(kindsOf(view), QStringList{QStringLiteral("build=cancelled")});
        QVERIFY(view.findChild<QAbstractButton *>(QStringLiteral("buildButton"))->isEnabled());
        // The bar is visibly finished: full, saying "Cancelled", not stuck where cargo was.
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(bar->maximum() > 0);
        QVERIFY(bar->isTextVisible());
        QCOMPARE(bar->format(), QStringLiteral("Cancelled"));
        QCOMPARE(bar->text(), QStringLiteral("Cancelled"));
        QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-cancelled.png")));

        // Save log… offers build.log in the project and writes the run's whole output there.
        const QString log = project + QStringLiteral("/build.log");
        QStringList offered;
        test::ModalScript save;
        save.then<QFileDialog>([&offered](QFileDialog *d) {
            offered = d->selectedFiles();
            QMetaObject::invokeMethod(d, "accept", Qt::QueuedConnection); // as the Save button does
        });
        save.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("saveLogButton")), Qt::LeftButton);
        QVERIFY2(save.done() && save.failure().isEmpty(), qPrintable(save.failure()));
        QCOMPARE(offered, QStringList{log});
        QVERIFY2(test::readAll(log).contains("Building a mixed python/rust project"), test::readAll(log).constData());
    }

    // Sdist runs `maturin sdist`; the source distribution is reported like a wheel.
    void sdistButton()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.show();
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        view.findChild<QLineEdit *>(QStringLiteral("outDirEdit"))->setText(work.path() + QStringLiteral("/dist"));
        QSignalSpy finished(&view, &BuildView::runFinished);
        QSignalSpy sdists(&workspace, &ui::Workspace::sdistOpened);
        QSignalSpy built(&workspace, &ui::Workspace::buildFinished);
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("sdistButton")), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        const BuildResult r = resultAt(finished, 0);
        QVERIFY2(r.succeeded(), r.log.constData());
        QVERIFY(r.commandLine.contains(QStringLiteral(" sdist --out ")));
        QCOMPARE(r.artifacts, QStringList{work.path() + QStringLiteral("/dist/hello_pyo3-0.1.0.tar.gz")});
        QCOMPARE(built.size(), 1);
        QVERIFY(sdists.isEmpty()); // offered, not opened
        auto *links = view.findChild<QLabel *>(QStringLiteral("artifactLinks"));
        QVERIFY(links->isVisible());
        QVERIFY2(links->text().contains(QStringLiteral("Open sdist")), qPrintable(links->text()));
        Q_EMIT links->linkActivated(QStringLiteral("0"));
        QCOMPARE(sdists.size(), 1);
        QCOMPARE(kindsOf(view), QStringList{QStringLiteral("sdist=succeeded")});
        QVERIFY(view.history()->index(0, ui::HistoryModel::ArtifactsColumn).data().toString().startsWith(QStringLiteral("hello_pyo3-0.1.0.tar.gz (")));
    }

    // `wheelbench PROJECT --area build` opens the window on the Build view (for screenshots).
    void windowOpensOnTheBuildArea()
    {
        QTemporaryDir work;
        const QString shot = work.path() + QStringLiteral("/build.png");
        QByteArray out;
        QCOMPARE(runToEnd(test::executable(), {test::exampleProject(), QStringLiteral("--area"), QStringLiteral("build"),
                                               QStringLiteral("--screenshot"), shot}, &out),
                 0);
        QVERIFY2(QImage(shot).width() > 100, out.constData());
        QCOMPARE(runToEnd(test::executable(), {test::exampleProject(), QStringLiteral("--area"), QStringLiteral("elsewhere")}, &out), 2);
        QVERIFY2(out.contains("--area takes one of project, build, wheels, troubleshooting"), out.constData());
    }

    void buildsTheExampleThroughTheButton()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        // The whole window: the built wheel must show up in the Wheels view at once.
        ui::MainWindow window;
        window.resize(1200, 850);
        ui::Workspace &workspace = *window.workspace();
        BuildView &view = *window.buildView();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        QVERIFY(window.openPath(project));
        window.showArea(ui::MainWindow::BuildArea);
        QVERIFY(ready.wait(60000));
        auto *profile = view.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        profile->setCurrentIndex(profile->findData(int(BuildRequest::Profile::Debug)));
        view.findChild<QLineEdit *>(QStringLiteral("outDirEdit"))->setText(work.path() + QStringLiteral("/dist"));
        QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("commandLine"))->text().section(u' ', 1),
                 QStringLiteral("build --out %1/dist").arg(work.path()));

        QSignalSpy finished(&view, &BuildView::runFinished);
        QSignalSpy wheels(&workspace, &ui::Workspace::wheelOpened);
        auto *buildButton = view.findChild<QAbstractButton *>(QStringLiteral("buildButton"));
        auto *cancelButton = view.findChild<QAbstractButton *>(QStringLiteral("cancelButton"));
        QTest::mouseClick(buildButton, Qt::LeftButton);
        QVERIFY(view.isRunning());
        QVERIFY(!buildButton->isEnabled());
        QVERIFY(cancelButton->isEnabled());
        QVERIFY(finished.wait(15 * 60 * 1000));
        const BuildResult result = finished.takeFirst().at(0).value<BuildResult>();
        QVERIFY2(result.succeeded(), result.log.right(2000).constData());
        QCOMPARE(result.artifacts.size(), 1);
        QVERIFY(QFileInfo::exists(result.artifacts.first()));
        // The log stays in view, with a link to the wheel instead of a jump to the Wheels view.
        QCOMPARE(window.currentArea(), ui::MainWindow::BuildArea);
        QVERIFY(wheels.isEmpty());
        QVERIFY(consoleOf(view).contains(QString(QStringLiteral("Built ") + result.artifacts.first())));
        auto *links = view.findChild<QLabel *>(QStringLiteral("artifactLinks"));
        QVERIFY(links->isVisible());
        QVERIFY2(links->text().contains(QStringLiteral("Open wheel")), qPrintable(links->text()));
        QVERIFY(links->toolTip().contains(QFileInfo(result.artifacts.first()).fileName()));
        QVERIFY(window.wheelsView()->wheelPaths().contains(result.artifacts.first())); // listed there already
        QCOMPARE(view.issues()->count(DiagnosticSeverity::Error), 0);
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(bar->format(), QStringLiteral("Succeeded"));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("buildStatus"))->text().startsWith(QStringLiteral("Succeeded")));
        QVERIFY(window.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-success.png")));
        QCOMPARE(kindsOf(view), QStringList{QStringLiteral("build=succeeded")});
        const QFileInfo wheel(result.artifacts.first());
        const QString artifactsText = view.history()->index(0, ui::HistoryModel::ArtifactsColumn).data().toString();
        QCOMPARE(artifactsText, QStringLiteral("%1 (%2)").arg(wheel.fileName(), formatSize(wheel.size())));
        QVERIFY(buildButton->isEnabled());
        // The link opens it in the Wheels view, through the workspace.
        Q_EMIT links->linkActivated(QStringLiteral("0"));
        QCOMPARE(wheels.size(), 1);
        QCOMPARE(workspace.currentWheel(), result.artifacts.first());
        QCOMPARE(window.currentArea(), ui::MainWindow::WheelsArea);
        window.showArea(ui::MainWindow::BuildArea);
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(1);
        QVERIFY(window.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-history.png")));

        // Survives a restart: a new view reads the same history, artifacts and sizes included.
        ui::Workspace later;
        later.openProject(project);
        BuildView again(&later);
        QCOMPARE(again.history()->rowCount(), 1);
        QCOMPARE(again.history()->index(0, ui::HistoryModel::ArtifactsColumn).data().toString(), artifactsText);
    }

    void syntaxErrorShowsAnIssue()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/broken");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QFile lib(project + QStringLiteral("/src/lib.rs"));
        QVERIFY(lib.open(QIODevice::ReadOnly));
        QByteArray source = lib.readAll();
        lib.close();
        source.replace("a.checked_add(b)", "a.checked_add(b_missing)");
        QVERIFY(lib.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lib.write(source);
        lib.close();
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        auto *profile = view.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        profile->setCurrentIndex(profile->findData(int(BuildRequest::Profile::Debug)));
        QSignalSpy finished(&view, &BuildView::runFinished);
        QTest::keyClick(&view, Qt::Key_B, Qt::ControlModifier);
        QVERIFY(finished.wait(15 * 60 * 1000));
        const BuildResult result = finished.takeFirst().at(0).value<BuildResult>();
        QCOMPARE(result.outcome, BuildResult::Outcome::Failed);
        ui::IssuesModel *issues = view.issues();
        QVERIFY(issues->count(DiagnosticSeverity::Error) >= 1);
        const Diagnostic first = issues->issue(0);
        QCOMPARE(first.code, QStringLiteral("E0425"));
        QCOMPARE(first.file, QFileInfo(project + QStringLiteral("/src/lib.rs")).canonicalFilePath());
        QCOMPARE(first.line, 13);
        QCOMPARE(first.column, 19);
        QCOMPARE(issues->index(0, ui::IssuesModel::LocationColumn).data().toString(), QStringLiteral("src/lib.rs:13:19"));
        // Selecting it shows its line in the log; the bar says the run failed.
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(0);
        QVERIFY(clickIssue(view, first.message));
        QVERIFY2(highlightedLine(view).startsWith(QStringLiteral("error[E0425]: cannot find value `b_missing`")), qPrintable(highlightedLine(view)));
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(bar->format(), QStringLiteral("Failed"));
        QCOMPARE(kindsOf(view), QStringList{QStringLiteral("build=failed")});
        QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-error.png")));
    }

private:
    ToolReport m_tools;
};

QTEST_MAIN(TestBuildView)
#include "tst_buildview.moc"
