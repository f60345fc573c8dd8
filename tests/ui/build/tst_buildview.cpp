// The Build view offscreen: the console (batches, progress lines, colours, cap), the editor command,
// and real builds of the example project through the Build button.
#include "core/build/BuildTestSupport.h"

#include "ui/build/BuildConsole.h"
#include "ui/build/BuildView.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/IssuesModel.h"
#include "ui/common/Workspace.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace wb;
using wb::ui::BuildView;

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

    void buildsTheExampleThroughTheButton()
    {
        const ToolReport tools = ToolDiscovery::discover(test::exampleProject());
        if (!tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyTree(test::exampleProject(), project));
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        workspace.openProject(project);
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
        QCOMPARE(view.issues()->count(DiagnosticSeverity::Error), 0);
        auto *bar = view.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("buildStatus"))->text().startsWith(QStringLiteral("Succeeded")));
        auto *history = view.findChild<QTreeWidget *>(QStringLiteral("buildHistory"));
        QCOMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("succeeded"));
        QVERIFY(history->topLevelItem(0)->text(3).startsWith(QStringLiteral("hello_pyo3-0.1.0-")));
        QVERIFY(buildButton->isEnabled());
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(1);
        QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-success.png")));

        // Survives a restart: a new view reads the same history.
        BuildView again(&workspace);
        QCOMPARE(again.findChild<QTreeWidget *>(QStringLiteral("buildHistory"))->topLevelItemCount(), 1);
    }

    void syntaxErrorShowsAnIssue()
    {
        const ToolReport tools = ToolDiscovery::discover(test::exampleProject());
        if (!tools.ready())
            QSKIP("maturin or cargo missing");
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/broken");
        QVERIFY(test::copyTree(test::exampleProject(), project));
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
};

QTEST_MAIN(TestBuildView)
#include "tst_buildview.moc"
