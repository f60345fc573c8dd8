// The Build view offscreen, driven as a user drives it: the console (batches, progress lines, colours,
// cap), the Issues list and the editor command, Generate CI (preview, write, asking before replacing),
// Develop (offering a .venv), Test (develop + pytest), one run per project, Cancel, and real builds of
// the example project whose wheel shows up in the Wheels view.
#include "core/build/BuildTestSupport.h"
#include "ModalScript.h"

#include "core/build/BuildOutputParser.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/BuildView.h"
#include "ui/build/CiDialog.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/IssuesModel.h"
#include "ui/common/MainWindow.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/WheelsView.h"

#include <QComboBox>
#include <QDialogButtonBox>
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
#include <QTreeWidget>

using namespace wb;
using wb::ui::BuildView;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes, QFileDevice::Permissions extra = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return !extra || f.setPermissions(f.permissions() | extra);
}

// Runs a program to its end (in the test, not in the view): exit code, -1 when it did not finish.
int runToEnd(const QString &program, const QStringList &args, QByteArray *out = nullptr, const QString &dir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(180000))
        return -1;
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString statusOf(const BuildView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("buildStatus"))->text();
}

QString consoleOf(const BuildView &view)
{
    return view.findChild<ui::BuildConsole *>(QStringLiteral("buildConsole"))->toPlainText();
}

void chooseDebug(BuildView &view)
{
    auto *profile = view.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    profile->setCurrentIndex(profile->findData(int(BuildRequest::Profile::Debug)));
}

BuildResult resultAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<BuildResult>();
}

} // namespace

class TestBuildView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WheelbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_buildview"));
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/build-history.json"));
        qputenv("CARGO_TARGET_DIR", test::sharedCargoTarget().toLocal8Bit());
        qunsetenv("VIRTUAL_ENV");
        qunsetenv("CONDA_PREFIX");
        m_tools = ToolDiscovery::discover(test::exampleProject());
    }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/build-history.json"));
        ui::EditorLauncher::setCommand(QString());
    }

    void consoleReplacesProgressAndKeepsColours()
    {
        ui::BuildConsole console;
        console.appendLines({{QStringLiteral("\x1b[1m\x1b[32m   Compiling\x1b[0m a"), false},
                             {QStringLiteral("    Building [=> ] 1/2: b"), true},
                             {QStringLiteral("    Building [==>] 2/2: b"), true}});
        console.flushPending();
        QCOMPARE(console.document()->blockCount(), 2);
        QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("    Building [==>] 2/2: b"));
        console.appendLines({{QStringLiteral("\x1b[K\x1b[31merror\x1b[0m: x"), false}});
        console.flushPending();
        QCOMPARE(console.document()->blockCount(), 2); // the progress line was replaced
        QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("error: x"));
        const QTextBlock first = console.document()->firstBlock();
        QTextCursor cursor(first);
        cursor.setPosition(first.position() + 5);
        QVERIFY(cursor.charFormat().fontWeight() == QFont::Bold);
        QCOMPARE(cursor.charFormat().foreground().color(), QColor(0x00cd00));
    }

    void consoleIsCapped()
    {
        ui::BuildConsole console;
        console.setMaximumLines(500);
        QList<OutputLine> lines;
        for (int i = 0; i < 5000; ++i)
            lines.append({QStringLiteral("line %1").arg(i), false});
        console.appendLines(lines);
        QVERIFY(console.pendingLines() <= 1001);
        console.flushPending();
        QVERIFY(console.document()->blockCount() <= 500);
        QCOMPARE(console.document()->lastBlock().text(), QStringLiteral("line 4999"));
        QVERIFY(console.droppedLines() > 0);
    }

    void editorArguments_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("expected");
        const QString file = QStringLiteral("/my src/lib.rs");
        QTest::newRow("code") << QStringLiteral("code --goto %f:%l:%c")
                              << QStringList{QStringLiteral("code"), QStringLiteral("--goto"), file + QStringLiteral(":3:41")};
        QTest::newRow("kate") << QStringLiteral("kate --line %l --column %c %f")
                              << QStringList{QStringLiteral("kate"), QStringLiteral("--line"), QStringLiteral("3"),
                                             QStringLiteral("--column"), QStringLiteral("41"), file};
        QTest::newRow("quoted program") << QStringLiteral("\"/opt/my editor/bin/ed\" +%l %f %%")
                                        << QStringList{QStringLiteral("/opt/my editor/bin/ed"), QStringLiteral("+3"), file, QStringLiteral("%")};
    }
    void editorArguments()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, expected);
        QCOMPARE(ui::EditorLauncher::arguments(command, QStringLiteral("/my src/lib.rs"), 3, 41), expected);
    }

    // A maturin failure and its "Caused by:" lines are one error of the Issues list.
    void issuesShowOneErrorPerFailureChain()
    {
        ui::IssuesModel model;
        model.addEvents(BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-compile-errors.log"))));
        QCOMPARE(model.rowCount(), 4); // three from rustc, one from maturin
        QCOMPARE(model.count(DiagnosticSeverity::Error), 4);
        const QModelIndex failure = model.index(3, ui::IssuesModel::MessageColumn);
        QCOMPARE(failure.data().toString(), QStringLiteral("maturin failed: Failed to build a native library through cargo"));
        const QStringList details = failure.data(ui::IssuesModel::DetailsRole).toStringList();
        QCOMPARE(details.size(), 1);
        QVERIFY(details[0].startsWith(QStringLiteral("Caused by: Cargo build finished with \"exit status: 101\"")));
        QVERIFY(failure.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Caused by: Cargo build finished")));
        QVERIFY(model.index(3, ui::IssuesModel::LocationColumn).data().toString().isEmpty());

        model.clear();
        model.addEvents(BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-bad-module-name.log"))));
        QCOMPARE(model.count(DiagnosticSeverity::Error), 1);
        QCOMPARE(model.count(DiagnosticSeverity::Warning), 1);
        ui::IssuesFilterModel errorsOnly;
        errorsOnly.setSourceModel(&model);
        errorsOnly.setShowWarnings(false);
        QCOMPARE(errorsOnly.rowCount(), 1);
        QVERIFY(errorsOnly.index(0, ui::IssuesModel::MessageColumn).data().toString().contains(QStringLiteral("module name must not contain a minus")));
    }

    // Double-clicking an issue runs the editor command: split into arguments first, then %f %l %c
    // replaced inside them, so a program and a file with spaces stay whole.
    void doubleClickOpensTheEditorAtTheLine()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/my project");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        const QString opened = work.path() + QStringLiteral("/opened.txt");
        const QString editor = work.path() + QStringLiteral("/my editor.sh");
        QVERIFY(writeBytes(editor, QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > '%1.part' && mv '%1.part' '%1'\n").arg(opened).toUtf8(),
                           QFileDevice::ExeOwner));
        ui::EditorLauncher::setCommand(QStringLiteral("\"%1\" --line %l --column %c %f").arg(editor));
        BuildView view(nullptr);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setProject(project);
        view.issues()->addEvents(BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-compile-errors.log")), project));
        auto *issues = view.findChild<QTableView *>(QStringLiteral("issuesView"));
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(0);
        const QModelIndex row = issues->model()->index(2, ui::IssuesModel::MessageColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("cannot find value `c` in this scope"));
        issues->scrollTo(row);
        const QPoint at = issues->visualRect(row).center();
        QTest::mouseClick(issues->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(issues->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(opened), 10000);
        QCOMPARE(QString::fromUtf8(fileBytes(opened)).split(u'\n', Qt::SkipEmptyParts),
                 QStringList({QStringLiteral("--line"), QStringLiteral("14"), QStringLiteral("--column"), QStringLiteral("19"),
                              project + QStringLiteral("/src/lib.rs")}));
    }

    // Generate CI: a preview, the file written where it says, and never replaced without asking.
    void generateCiPreviewsWritesAndAsks()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        workspace.openProject(project);
        auto *ciButton = view.findChild<QPushButton *>(QStringLiteral("ciButton"));
        const QString file = project + QStringLiteral("/.github/workflows/wheels.yml");
        auto nameIt = [](ui::CiDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("workflowName"))->setText(QStringLiteral("Wheels")); };
        auto writeButton = [](ui::CiDialog *d) { return d->findChild<QPushButton *>(QStringLiteral("writeCiButton")); };

        // First time: preview, then Write.
        QString preview;
        QString target;
        test::ModalScript first;
        first.then<ui::CiDialog>([&](ui::CiDialog *d) {
            nameIt(d);
            preview = d->findChild<QPlainTextEdit *>(QStringLiteral("ciPreview"))->toPlainText();
            target = d->findChild<QLabel *>(QStringLiteral("ciTarget"))->text();
            test::clickLater(writeButton(d));
        });
        first.start();
        QTest::mouseClick(ciButton, Qt::LeftButton); // returns when the dialog is closed
        QVERIFY2(first.done() && first.failure().isEmpty(), qPrintable(first.failure()));
        QCOMPARE(target, QStringLiteral(".github/workflows/wheels.yml"));
        for (const char *must : {"\nname: Wheels\n", "CPython 3.9, 3.10, 3.11, 3.12, 3.13, 3.14", "macos-15-intel", "windows-11-arm",
                                 "actions/checkout@v6", "command: sdist", "uv publish", "--find-interpreter"})
            QVERIFY2(preview.contains(QLatin1String(must)), must);
        QCOMPARE(fileBytes(file), preview.toUtf8());
        QVERIFY(statusOf(view).contains(QStringLiteral("Wrote")));

        // The file exists now (and the user changed it): asked, "No" keeps it and the dialog stays open.
        QVERIFY(writeBytes(file, "# mine\n"));
        QString question;
        bool stillOpen = false;
        test::ModalScript keep;
        keep.then<ui::CiDialog>([&](ui::CiDialog *d) {
                nameIt(d);
                target = d->findChild<QLabel *>(QStringLiteral("ciTarget"))->text();
                test::clickLater(writeButton(d));
            })
            .answer(QMessageBox::No, &question)
            .then<ui::CiDialog>([&](ui::CiDialog *d) {
                stillOpen = d->isVisible();
                test::clickLater(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel));
            });
        keep.start();
        QTest::mouseClick(ciButton, Qt::LeftButton);
        QVERIFY2(keep.done() && keep.failure().isEmpty(), qPrintable(keep.failure()));
        QVERIFY2(target.contains(QStringLiteral("exists")), qPrintable(target));
        QVERIFY2(question.contains(QStringLiteral("already exists. Replace it?")), qPrintable(question));
        QVERIFY(stillOpen);
        QCOMPARE(fileBytes(file), QByteArray("# mine\n"));

        // "Yes" replaces it with the preview.
        test::ModalScript replace;
        replace.then<ui::CiDialog>([&](ui::CiDialog *d) {
                   nameIt(d);
                   test::clickLater(writeButton(d));
               })
            .answer(QMessageBox::Yes);
        replace.start();
        QTest::mouseClick(ciButton, Qt::LeftButton);
        QVERIFY2(replace.done() && replace.failure().isEmpty(), qPrintable(replace.failure()));
        QCOMPARE(fileBytes(file), preview.toUtf8());
    }

    // Develop in a project without .venv offers to create one: "No" runs nothing, "Yes" creates it and
    // installs the project there (maturin develop), importable from that venv.
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
        auto *develop = view.findChild<QPushButton *>(QStringLiteral("developButton"));
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
        auto *history = view.findChild<QTreeWidget *>(QStringLiteral("buildHistory"));
        QCOMPARE(history->topLevelItemCount(), 1);
        QVERIFY(history->topLevelItem(0)->text(4).contains(QStringLiteral("develop")));
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
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
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
    }

    // Test in a venv without pytest asks before installing it; "No" runs nothing, "Yes" installs it first.
    void testOffersToInstallPytest()
    {
        if (!m_tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QCOMPARE(runToEnd(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("venv"), QStringLiteral("--without-pip"),
                                                      project + QStringLiteral("/.venv")}),
                 0);
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
        QVERIFY(ready.wait(60000));
        auto *testButton = view.findChild<QPushButton *>(QStringLiteral("testButton"));
        QSignalSpy finished(&view, &BuildView::runFinished);

        QString question;
        test::ModalScript no;
        no.answer(QMessageBox::No, &question);
        no.start();
        QTest::mouseClick(testButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(no.done(), 60000); // after the check for pytest
        QVERIFY2(no.failure().isEmpty(), qPrintable(no.failure()));
        QVERIFY2(question.contains(QStringLiteral("pytest is not installed")), qPrintable(question));
        QVERIFY2(statusOf(view).contains(QStringLiteral("Tests not run")), qPrintable(statusOf(view)));
        QVERIFY(!view.isRunning());
        QVERIFY(finished.isEmpty());

        // "Yes": pip install pytest runs first; this venv has no pip, so it fails and nothing else runs.
        test::ModalScript yes;
        yes.answer(QMessageBox::Yes);
        yes.start();
        QTest::mouseClick(testButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY(resultAt(finished, 0).commandLine.contains(QStringLiteral("-m pip install pytest")));
        QCOMPARE(resultAt(finished, 0).outcome, BuildResult::Outcome::Failed);
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!view.isRunning());
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
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("buildButton")), Qt::LeftButton);
        QVERIFY(view.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(consoleOf(view).contains(QStringLiteral("Compiling")), 60000);

        // Ctrl+B again (the buttons are disabled): refused, with a message.
        QTest::keyClick(&view, Qt::Key_B, Qt::ControlModifier);
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
            QTest::mouseClick(second.findChild<QPushButton *>(QStringLiteral("buildButton")), Qt::LeftButton);
            QVERIFY(!second.isRunning());
            QVERIFY2(statusOf(second).contains(QStringLiteral("already running")), qPrintable(statusOf(second)));
        }
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(finished.wait(30000));
        QCOMPARE(resultAt(finished, 0).outcome, BuildResult::Outcome::Cancelled);
        QVERIFY2(statusOf(view).startsWith(QStringLiteral("Cancelled after")), qPrintable(statusOf(view)));
        QCOMPARE(view.findChild<QTreeWidget *>(QStringLiteral("buildHistory"))->topLevelItem(0)->text(2), QStringLiteral("cancelled"));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("buildButton"))->isEnabled());

        // Save log… offers build.log in the project and writes the run's whole output there.
        const QString log = project + QStringLiteral("/build.log");
        QStringList offered;
        test::ModalScript save;
        save.then<QFileDialog>([&offered](QFileDialog *d) {
            offered = d->selectedFiles();
            QMetaObject::invokeMethod(d, "accept", Qt::QueuedConnection); // as the Save button does
        });
        save.start();
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("saveLogButton")), Qt::LeftButton);
        QVERIFY2(save.done() && save.failure().isEmpty(), qPrintable(save.failure()));
        QCOMPARE(offered, QStringList{log});
        QVERIFY2(fileBytes(log).contains("Building a mixed python/rust project"), fileBytes(log).constData());
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
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("sdistButton")), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        const BuildResult r = resultAt(finished, 0);
        QVERIFY2(r.succeeded(), r.log.constData());
        QVERIFY(r.commandLine.contains(QStringLiteral(" sdist --out ")));
        QCOMPARE(r.artifacts, QStringList{work.path() + QStringLiteral("/dist/hello_pyo3-0.1.0.tar.gz")});
        QCOMPARE(sdists.size(), 1);
        QVERIFY(view.findChild<QTreeWidget *>(QStringLiteral("buildHistory"))->topLevelItem(0)->text(3).startsWith(QStringLiteral("hello_pyo3-0.1.0.tar.gz (")));
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
        auto *buildButton = view.findChild<QPushButton *>(QStringLiteral("buildButton"));
        auto *cancelButton = view.findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QTest::mouseClick(buildButton, Qt::LeftButton);
        QVERIFY(view.isRunning());
        QVERIFY(!buildButton->isEnabled());
        QVERIFY(cancelButton->isEnabled());
        QVERIFY(finished.wait(15 * 60 * 1000));
        const BuildResult result = finished.takeFirst().at(0).value<BuildResult>();
        QVERIFY2(result.succeeded(), result.log.right(2000).constData());
        QCOMPARE(result.artifacts.size(), 1);
        QVERIFY(QFileInfo::exists(result.artifacts.first()));
        QCOMPARE(wheels.size(), 1);
        QCOMPARE(workspace.currentWheel(), result.artifacts.first());
        QCOMPARE(window.currentArea(), ui::MainWindow::WheelsArea);
        QVERIFY(window.wheelsView()->wheelPaths().contains(result.artifacts.first()));
        QCOMPARE(view.issues()->count(DiagnosticSeverity::Error), 0);
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("buildStatus"))->text().startsWith(QStringLiteral("Succeeded")));
        auto *history = view.findChild<QTreeWidget *>(QStringLiteral("buildHistory"));
        QCOMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("succeeded"));
        const QFileInfo wheel(result.artifacts.first());
        QCOMPARE(history->topLevelItem(0)->text(3), QStringLiteral("%1 (%2)").arg(wheel.fileName(), QLocale().formattedDataSize(wheel.size())));
        QVERIFY(buildButton->isEnabled());
        window.showArea(ui::MainWindow::BuildArea);
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(1);
        QVERIFY(window.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-success.png")));

        // Survives a restart: a new view reads the same history, artifacts and sizes included.
        ui::Workspace later;
        later.openProject(project);
        BuildView again(&later);
        auto *againHistory = again.findChild<QTreeWidget *>(QStringLiteral("buildHistory"));
        QCOMPARE(againHistory->topLevelItemCount(), 1);
        QCOMPARE(againHistory->topLevelItem(0)->text(3), history->topLevelItem(0)->text(3));
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
        QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-error.png")));
    }

private:
    ToolReport m_tools;
};

QTEST_MAIN(TestBuildView)
#include "tst_buildview.moc"
