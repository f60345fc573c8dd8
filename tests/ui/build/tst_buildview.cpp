// The Build view offscreen, driven as a user drives it: the console (batches, progress lines, colours,
// cap), the Issues list (sorted by file and line, selecting one highlights its log line, opening one
// asks once: editor command or the built-in viewer), every control labelled, Generate CI (preview,
// write, asking before replacing, replacing an existing maturin-action workflow), Develop (offering a
// .venv, the running command shown), Test (develop + pytest, failing tests as issues; without pytest
// and without network: the system's pytest), one run per project, Cancel (a finished bar), and real
// builds of the example project whose log stays in view with an Open wheel link.
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

ui::BuildConsole *consoleWidget(const BuildView &view)
{
    return view.findChild<ui::BuildConsole *>(QStringLiteral("buildConsole"));
}

// The text of the console line that is highlighted, empty when none is.
QString highlightedLine(const BuildView &view)
{
    ui::BuildConsole *console = consoleWidget(view);
    if (console->highlightedBlock() < 0)
        return {};
    return console->document()->findBlockByNumber(console->highlightedBlock()).text();
}

QTableView *issuesView(const BuildView &view)
{
    return view.findChild<QTableView *>(QStringLiteral("issuesView"));
}

// Clicks the issue whose message starts with `message`; false when none does.
bool clickIssue(const BuildView &view, const QString &message, bool twice = false)
{
    QTableView *issues = issuesView(view);
    for (int row = 0; row < issues->model()->rowCount(); ++row) {
        const QModelIndex index = issues->model()->index(row, ui::IssuesModel::MessageColumn);
        if (!index.data().toString().startsWith(message))
            continue;
        issues->scrollTo(index);
        const QPoint at = issues->visualRect(index).center();
        QTest::mouseClick(issues->viewport(), Qt::LeftButton, {}, at);
        if (twice)
            QTest::mouseDClick(issues->viewport(), Qt::LeftButton, {}, at);
        return true;
    }
    return false;
}

QStringList issueColumn(const BuildView &view, int column)
{
    QStringList out;
    QAbstractItemModel *model = issuesView(view)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, column).data().toString();
    return out;
}

// Feeds a saved log into the view as a run would: the console and the Issues list.
void feedLog(BuildView &view, const QByteArray &log, const QString &projectDir)
{
    ui::BuildConsole *console = consoleWidget(view);
    const int run = console->beginRun();
    console->appendMessage(QStringLiteral("$ maturin build"));
    LineSplitter splitter;
    console->appendLines(splitter.feed(log) + splitter.finish());
    console->flushPending();
    view.issues()->addEvents(BuildOutputParser::parseLog(log, projectDir), run);
}

QStringList kindsOf(const BuildView &view)
{
    QStringList out;
    for (const BuildRecord &r : view.history()->records())
        out << r.kind + u'=' + r.outcome;
    return out;
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
        ui::EditorLauncher::setOpenWith(ui::EditorLauncher::OpenWith::Ask);
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
        view.findChild<QTabWidget *>(QStringLiteral("buildTabs"))->setCurrentIndex(0);
        QVERIFY(clickIssue(view, QStringLiteral("cannot find value `c` in this scope"), true));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(opened), 10000);
        QCOMPARE(QString::fromUtf8(fileBytes(opened)).split(u'\n', Qt::SkipEmptyParts),
                 QStringList({QStringLiteral("--line"), QStringLiteral("14"), QStringLiteral("--column"), QStringLiteral("19"),
                              project + QStringLiteral("/src/lib.rs")}));
    }

    // Selecting an issue scrolls the log to its line and highlights it (the first error, a later one,
    // and maturin's failure, which has no file).
    void selectingAnIssueHighlightsItsLogLine_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("line");
        QTest::newRow("first") << QStringLiteral("argument never used") << QStringLiteral("error: argument never used");
        QTest::newRow("later") << QStringLiteral("cannot find value `c`") << QStringLiteral("error[E0425]: cannot find value `c` in this scope");
        QTest::newRow("no file") << QStringLiteral("maturin failed") << QString::fromUtf8("💥 maturin failed");
    }
    void selectingAnIssueHighlightsItsLogLine()
    {
        QFETCH(QString, message);
        QFETCH(QString, line);
        BuildView view(nullptr);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::BuildConsole *console = consoleWidget(view);
        console->setMaximumLines(100000);
        // A long log: the error lines are far out of view at first.
        QByteArray log;
        for (int i = 0; i < 300; ++i)
            log += "   Compiling filler-" + QByteArray::number(i) + " v1.0.0\n";
        log += test::readData(QStringLiteral("maturin-1.8.3-compile-errors.log"));
        feedLog(view, log, test::exampleProject());
        QVERIFY(console->highlightedBlock() < 0);
        const int before = console->verticalScrollBar()->value();
        QVERIFY(clickIssue(view, message));
        QCOMPARE(highlightedLine(view), line);
        QCOMPARE(console->textCursor().blockNumber(), console->highlightedBlock());
        QVERIFY2(console->viewport()->rect().contains(console->cursorRect().center()), "the highlighted line is in view");
        QVERIFY(console->verticalScrollBar()->value() != before || before == console->verticalScrollBar()->maximum());
        QCOMPARE(console->extraSelections().size(), 1);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("issueCounts"))->text(), QStringLiteral("4 errors, 0 warnings"));
        if (qstrcmp(QTest::currentDataTag(), "later") == 0) {
            QCoreApplication::processEvents(); // the columns are fitted to the rows on the next turn of the loop
            QVERIFY(view.grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-selected-issue.png")));
        }
    }

    // Issues are sorted by file, then line and column as numbers (issues without a file last);
    // clicking a header sorts by that column, clicking again reverses.
    void issuesAreSortedByFileAndLine()
    {
        BuildView view(nullptr);
        view.show();
        QList<BuildEvent> events;
        auto diag = [&events](const char *file, int line, const char *message) {
            BuildEvent e;
            e.kind = BuildEvent::Kind::Diagnostic;
            e.diagnostic.severity = DiagnosticSeverity::Warning;
            e.diagnostic.file = e.diagnostic.printedFile = QString::fromLatin1(file);
            e.diagnostic.line = line;
            e.diagnostic.column = 1;
            e.diagnostic.message = QString::fromLatin1(message);
            events << e;
        };
        diag("src/lib.rs", 10, "c ten");
        diag("", 0, "a no file");
        diag("src/b.rs", 2, "d in b");
        diag("src/lib.rs", 9, "b nine");
        diag("src/lib.rs", 100, "e hundred");
        view.issues()->addEvents(events, 1);
        QCOMPARE(issueColumn(view, ui::IssuesModel::MessageColumn),
                 QStringList({QStringLiteral("d in b"), QStringLiteral("b nine"), QStringLiteral("c ten"), QStringLiteral("e hundred"),
                              QStringLiteral("a no file")}));
        QHeaderView *header = issuesView(view)->horizontalHeader();
        QVERIFY(header->isSortIndicatorShown() || issuesView(view)->isSortingEnabled());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(ui::IssuesModel::MessageColumn) + 5, 5));
        QCOMPARE(issueColumn(view, ui::IssuesModel::MessageColumn).first(), QStringLiteral("a no file"));
        QCOMPARE(issueColumn(view, ui::IssuesModel::MessageColumn).last(), QStringLiteral("e hundred"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(ui::IssuesModel::MessageColumn) + 5, 5));
        QCOMPARE(issueColumn(view, ui::IssuesModel::MessageColumn).first(), QStringLiteral("e hundred"));
        // New issues of a run land in their place.
        events.clear();
        diag("src/a.rs", 1, "f in a");
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(ui::IssuesModel::LocationColumn) + 5, 5));
        if (header->sortIndicatorOrder() != Qt::AscendingOrder)
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(ui::IssuesModel::LocationColumn) + 5, 5));
        view.issues()->addEvents(events, 1);
        QCOMPARE(issueColumn(view, ui::IssuesModel::LocationColumn).mid(0, 3),
                 QStringList({QStringLiteral("src/a.rs:1:1"), QStringLiteral("src/b.rs:2:1"), QStringLiteral("src/lib.rs:9:1")}));
    }

    // Double-clicking an issue with no editor configured asks once: an editor command, or the built-in
    // viewer; the answer is remembered. A file that does not exist gets a message, never silence.
    void openingAnIssueAsksOnce_data()
    {
        QTest::addColumn<QString>("answer"); // viewer, editor, cancel, missing
        QTest::newRow("viewer") << QStringLiteral("viewer");
        QTest::newRow("editor") << QStringLiteral("editor");
        QTest::newRow("cancel") << QStringLiteral("cancel");
        QTest::newRow("missing file") << QStringLiteral("missing");
    }
    void openingAnIssueAsksOnce()
    {
        QFETCH(QString, answer);
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/proj");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        if (answer == u"missing")
            QVERIFY(QFile::remove(project + QStringLiteral("/src/lib.rs")));
        const QString opened = work.path() + QStringLiteral("/opened.txt");
        const QString editor = work.path() + QStringLiteral("/ed.sh");
        QVERIFY(writeBytes(editor, QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > '%1.part' && mv '%1.part' '%1'\n").arg(opened).toUtf8(),
                           QFileDevice::ExeOwner));
        BuildView view(nullptr);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setProject(project);
        feedLog(view, test::readData(QStringLiteral("maturin-1.8.3-compile-errors.log")), project);

        QString asked;
        QString message;
        test::ModalScript script;
        if (answer == u"missing") {
            script.then<QMessageBox>([&](QMessageBox *box) {
                message = box->text();
                box->accept();
            });
        } else {
            script.then<ui::EditorChoiceDialog>([&](ui::EditorChoiceDialog *d) {
                asked = d->findChild<QLabel *>()->text();
                if (answer == u"viewer") {
                    d->findChild<QRadioButton *>(QStringLiteral("useViewer"))->setChecked(true);
                    d->accept();
                } else if (answer == u"editor") {
                    QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("editorCommandEdit")), QStringLiteral("%1 +%l %f").arg(editor));
                    QVERIFY(d->findChild<QRadioButton *>(QStringLiteral("useEditor"))->isChecked());
                    d->accept();
                } else {
                    d->reject();
                }
            });
        }
        script.start();
        QVERIFY(clickIssue(view, QStringLiteral("cannot find value `c`"), true));
        QVERIFY2(script.done() && script.failure().isEmpty(), qPrintable(script.failure()));
        const QString lib = QFileInfo(project + QStringLiteral("/src/lib.rs")).absoluteFilePath();
        ui::SourceViewer *viewer = view.issueOpener()->viewer();
        if (answer == u"missing") {
            QVERIFY2(message.contains(QStringLiteral("does not exist")), qPrintable(message));
            QVERIFY(!viewer);
            return;
        }
        QVERIFY2(asked.contains(QStringLiteral("src/lib.rs:14")), qPrintable(asked));
        if (answer == u"cancel") {
            QVERIFY(!viewer);
            QCOMPARE(ui::EditorLauncher::openWith(), ui::EditorLauncher::OpenWith::Ask);
            return;
        }
        if (answer == u"viewer") {
            QVERIFY(viewer && viewer->isVisible());
            QCOMPARE(QFileInfo(viewer->file()).canonicalFilePath(), QFileInfo(lib).canonicalFilePath());
            QCOMPARE(viewer->view()->highlightedLine(), 14);
            QVERIFY(viewer->view()->isReadOnly());
            QVERIFY(QFontInfo(viewer->view()->font()).fixedPitch());
            QCOMPARE(viewer->view()->textCursor().blockNumber(), 13);
            QVERIFY(viewer->view()->lineNumberAreaWidth() > 0);
            QCOMPARE(ui::EditorLauncher::openWith(), ui::EditorLauncher::OpenWith::Viewer);
            QVERIFY(viewer->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-viewer.png")));
            viewer->hide();
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(opened), 10000);
            QCOMPARE(QString::fromUtf8(fileBytes(opened)).split(u'\n', Qt::SkipEmptyParts), QStringList({QStringLiteral("+14"), lib}));
            QCOMPARE(ui::EditorLauncher::openWith(), ui::EditorLauncher::OpenWith::Editor);
            QFile::remove(opened);
        }
        // Asked once: the second double-click opens without a question.
        test::ModalScript none(1500);
        QString unexpected;
        none.then<QDialog>([&unexpected](QDialog *d) {
            unexpected = QString::fromLatin1(d->metaObject()->className());
            d->reject();
        });
        none.start();
        QVERIFY(clickIssue(view, QStringLiteral("argument never used"), true));
        QTest::qWait(200);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
        if (answer == u"viewer") {
            QTRY_VERIFY(viewer->isVisible());
            QCOMPARE(viewer->view()->highlightedLine(), 7);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(opened), 10000);
            QCOMPARE(QString::fromUtf8(fileBytes(opened)).split(u'\n', Qt::SkipEmptyParts).first(), QStringLiteral("+7"));
        }
    }

    // Every input of the view has a label (a QLabel buddy, or its own text) and a tooltip; the strip
    // choice is labelled "Strip:".
    void everyControlHasALabel()
    {
        BuildView view(nullptr);
        view.show();
        QHash<QWidget *, QString> labels;
        for (QLabel *label : view.findChildren<QLabel *>()) {
            if (label->buddy())
                labels.insert(label->buddy(), label->text());
        }
        int inputs = 0;
        for (QWidget *w : view.findChildren<QWidget *>()) {
            if (!qobject_cast<QLineEdit *>(w) && !qobject_cast<QComboBox *>(w) && !qobject_cast<QAbstractSpinBox *>(w))
                continue;
            // an editable combo's or a spin box's own line edit
            if (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                continue;
            ++inputs;
            QVERIFY2(labels.contains(w), qPrintable(w->objectName() + u' ' + w->toolTip()));
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(labels.value(w)));
        }
        QVERIFY(inputs >= 12);
        for (QAbstractButton *b : view.findChildren<QAbstractButton *>()) {
            if (b->parentWidget() && qobject_cast<QTabWidget *>(b->parentWidget()->parentWidget()))
                continue; // the tab bar's scroll buttons
            if (qobject_cast<QCheckBox *>(b) || qobject_cast<QPushButton *>(b) || !b->text().isEmpty())
                QVERIFY2(!b->text().isEmpty(), qPrintable(b->objectName()));
        }
        auto *strip = view.findChild<QComboBox *>(QStringLiteral("stripCombo"));
        QCOMPARE(labels.value(strip), QStringLiteral("&Strip:"));
        QVERIFY(strip->toolTip().contains(QStringLiteral("--strip")));
        QCOMPARE(strip->currentText(), QStringLiteral("As configured"));
    }

    // Generate CI offers to replace a workflow that already builds with maturin-action (any name)
    // instead of adding a second one; pytest steps are opt-in.
    void generateCiReplacesTheExistingWorkflow_data()
    {
        QTest::addColumn<QString>("existing"); // file name under .github/workflows, empty: none
        QTest::addColumn<QString>("written");
        QTest::newRow("CI.yml") << QStringLiteral("CI.yml") << QStringLiteral("CI.yml");
        QTest::newRow("other name") << QStringLiteral("release-wheels.yaml") << QStringLiteral("release-wheels.yaml");
        QTest::newRow("none") << QString() << QStringLiteral("ci.yml");
    }
    void generateCiReplacesTheExistingWorkflow()
    {
        QFETCH(QString, existing);
        QFETCH(QString, written);
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        const QString workflows = project + QStringLiteral("/.github/workflows/");
        QVERIFY(writeBytes(workflows + QStringLiteral("lint.yml"), "name: Lint\non: push\njobs:\n  lint:\n    steps:\n      - uses: actions/checkout@v6\n"));
        if (!existing.isEmpty())
            QVERIFY(writeBytes(workflows + existing, "name: CI\non: push\njobs:\n  linux:\n    steps:\n      - uses: PyO3/maturin-action@v1\n"));
        BuildView view(nullptr);
        view.show();
        view.setProject(project);
        QString choice;
        QString note;
        bool pytestChecked = true;
        bool previewHasPytest = true;
        QString question;
        test::ModalScript script;
        script.then<ui::CiDialog>([&](ui::CiDialog *d) {
            choice = d->findChild<QComboBox *>(QStringLiteral("ciFileChoice"))->currentText();
            auto *existingNote = d->findChild<QLabel *>(QStringLiteral("ciExisting"));
            note = existingNote->isVisibleTo(d) ? existingNote->text() : QString();
            pytestChecked = d->findChild<QCheckBox *>(QStringLiteral("ciPytest"))->isChecked();
            previewHasPytest = d->yaml().contains(QStringLiteral("pytest"));
            if (qstrcmp(QTest::currentDataTag(), "CI.yml") == 0)
                d->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-ci.png"));
            test::clickLater(d->findChild<QPushButton *>(QStringLiteral("writeCiButton")));
        });
        if (!existing.isEmpty())
            script.answer(QMessageBox::Yes, &question);
        script.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("ciButton")), Qt::LeftButton);
        QVERIFY2(script.done() && script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY(!pytestChecked);
        QVERIFY(!previewHasPytest);
        QStringList files = QDir(workflows).entryList(QDir::Files, QDir::Name);
        QStringList expected{QStringLiteral("lint.yml"), written};
        expected.sort();
        QCOMPARE(files, expected); // replaced, not a second release workflow
        QVERIFY(fileBytes(workflows + written).contains("command: sdist"));
        if (existing.isEmpty()) {
            QCOMPARE(choice, QStringLiteral("A new file named after the workflow"));
            QVERIFY(note.isEmpty());
        } else {
            QCOMPARE(choice, QString(QStringLiteral("Replace .github/workflows/") + existing));
            QVERIFY2(note.contains(existing) && note.contains(QStringLiteral("maturin-action")), qPrintable(note));
            QVERIFY2(question.contains(QStringLiteral("Replace it?")), qPrintable(question));
            QVERIFY(fileBytes(workflows + written).contains("\nname: CI\n"));
        }
    }

    // Generate CI follows [tool.maturin.generate-ci.github]; its pytest = true shows as a checked, fixed box.
    void generateCiFollowsThePyprojectConfig()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QByteArray pyproject = fileBytes(project + QStringLiteral("/pyproject.toml"));
        pyproject += "\n[tool.maturin.generate-ci.github]\npytest = true\ntrusted-publishing = true\n"
                     "[tool.maturin.generate-ci.github.linux]\ntargets = [\"x86_64\"]\n";
        QVERIFY(writeBytes(project + QStringLiteral("/pyproject.toml"), pyproject));
        BuildView view(nullptr);
        view.show();
        view.setProject(project);
        bool checked = false, enabled = true;
        QString yaml;
        test::ModalScript script;
        script.then<ui::CiDialog>([&](ui::CiDialog *d) {
            auto *box = d->findChild<QCheckBox *>(QStringLiteral("ciPytest"));
            checked = box->isChecked();
            enabled = box->isEnabled();
            yaml = d->yaml();
            d->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-ci-config.png"));
            test::clickLater(d->findChild<QPushButton *>(QStringLiteral("writeCiButton")));
        });
        script.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("ciButton")), Qt::LeftButton);
        QVERIFY2(script.done() && script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY(checked);
        QVERIFY(!enabled);
        QVERIFY(yaml.contains(QLatin1String("\n  linux:\n")));
        QVERIFY(!yaml.contains(QLatin1String("\n  macos:\n")));
        QVERIFY(yaml.contains(QLatin1String("uv publish --trusted-publishing always")));
        QVERIFY(yaml.contains(QLatin1String("- name: pytest")));
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
        auto *ciButton = view.findChild<QAbstractButton *>(QStringLiteral("ciButton"));
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
