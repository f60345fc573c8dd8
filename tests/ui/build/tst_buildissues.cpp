// The Build view's console and Issues list offscreen, driven as a user drives them, from saved logs (no
// build runs): batches, progress lines, colours and the cap; one error per failure chain; issues sorted by
// file and line; selecting one highlights its log line; opening one asks once (editor command or the
// built-in viewer); every control labelled.
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
using namespace wb::test::buildview;
using wb::ui::BuildView;

class TestBuildIssues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateTestProgram(QStringLiteral("tst_buildissues")); }
    void init() { forgetHistoryAndEditor(); }

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
        QCOMPARE(QString::fromUtf8(test::readAll(opened)).split(u'\n', Qt::SkipEmptyParts),
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
            QCOMPARE(QString::fromUtf8(test::readAll(opened)).split(u'\n', Qt::SkipEmptyParts), QStringList({QStringLiteral("+14"), lib}));
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
            QCOMPARE(QString::fromUtf8(test::readAll(opened)).split(u'\n', Qt::SkipEmptyParts).first(), QStringLiteral("+7"));
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
};

QTEST_MAIN(TestBuildIssues)
#include "tst_buildissues.moc"
