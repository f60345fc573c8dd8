// The window never loses or silently changes the user's work: quitting, opening another project and
// the folder vanishing ask Save / Discard / Cancel; edits survive a kill through recovery records;
// the raw tabs change only the bytes typed (colouring is not typing); the mouse wheel never edits an
// unfocused field; a file that does not parse is explained; a folder that is not a maturin project
// gets an empty state that creates one.
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "ui/build/ModalScript.h"

#include "core/project/RecoveryStore.h"
#include "ui/common/MainWindow.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/Workspace.h"
#include "ui/project/NewProjectDialog.h"
#include "ui/project/ProjectView.h"
#include "ui/project/RecoveryController.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QAbstractButton>
#include <QPushButton>
#include <QScrollArea>
#include <QSyntaxHighlighter>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace wb;
using wb::test::copyTree;
using wb::test::readAll;
using wb::test::writeAll;

namespace {
QString example()
{
    return wb::test::examplesDir() + QStringLiteral("/hello-pyo3");
}

SettingsEdit stripEdit()
{
    return SettingsEdit{SettingsEdit::Op::Set, ProjectFileKind::Pyproject, QStringLiteral("tool.maturin.strip"), QStringLiteral("true"), -1};
}

// Saves a picture of a widget for a person to look at (build/screenshots).
void shot(QWidget *w, const QString &name)
{
    const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    QCoreApplication::processEvents(); // children added to a visible parent show from the event loop
    w->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

// Colours the raw tabs again, as the highlighter does in its own time (after a file is shown, or
// the palette changes): the text is the same, and it is not typing.
void recolourRawTabs(QWidget *view)
{
    for (auto *raw : view->findChildren<QPlainTextEdit *>()) {
        if (!raw->objectName().startsWith(QStringLiteral("raw/")))
            continue;
        auto *highlighter = raw->document()->findChild<QSyntaxHighlighter *>();
        QVERIFY(highlighter);
        highlighter->rehighlight();
    }
}

// Runs `act` while the script answers the dialogs it opens.
void answering(wb::test::ModalScript &script, const std::function<void()> &act)
{
    script.start();
    act();
    QTRY_VERIFY_WITH_TIMEOUT(script.done(), 10000);
}
} // namespace

class TestProjectSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("WheelbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_projectsafety"));
    }

    // Quit with unsaved edits: Cancel keeps the window and the edit, Discard quits and leaves the
    // file as it was, Save writes it.
    void quitAsks_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<bool>("written");
        QTest::newRow("cancel") << int(QMessageBox::Cancel) << false << false;
        QTest::newRow("discard") << int(QMessageBox::Discard) << true << false;
        QTest::newRow("save") << int(QMessageBox::Save) << true << true;
    }
    void quitAsks()
    {
        QFETCH(int, answer);
        QFETCH(bool, closes);
        QFETCH(bool, written);
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        const QByteArray before = readAll(py);
        ui::MainWindow w;
        w.show();
        QVERIFY(w.openPath(tmp.path()));
        QVERIFY(w.projectView()->applyEdit(stripEdit()));
        QVERIFY(w.isWindowModified());
        QString question;
        wb::test::ModalScript script(5000);
        script.answer(QMessageBox::StandardButton(answer), &question);
        bool closed = false;
        answering(script, [&] { closed = w.close(); });
        QVERIFY2(script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY2(question.contains(QStringLiteral("quits")), qPrintable(question));
        QCOMPARE(closed, closes);
        QCOMPARE(w.projectView()->isModified(), !closes);
        QCOMPARE(readAll(py) != before, written);
        if (written)
            QVERIFY(readAll(py).contains("strip = true"));
        // A clean project quits without a question.
        if (!closes) {
            w.projectView()->revert();
            QVERIFY(w.close());
        }
    }

    // Opening another project asks the same question; Cancel keeps the open one with its edit.
    void openingAnotherProjectAsks()
    {
        QTemporaryDir a, b;
        QVERIFY(copyTree(example(), a.path()));
        QVERIFY(copyTree(example(), b.path()));
        ui::MainWindow w;
        w.show();
        QVERIFY(w.openPath(a.path()));
        QVERIFY(w.projectView()->applyEdit(stripEdit()));
        wb::test::ModalScript cancel(5000);
        cancel.answer(QMessageBox::Cancel);
        answering(cancel, [&] { QVERIFY(!w.openPath(b.path())); });
        QCOMPARE(w.projectView()->projectDir(), QDir(a.path()).absolutePath());
        QVERIFY(w.projectView()->isModified());
        // Re-opening the same project does not drop the edit either.
        QVERIFY(!w.openPath(a.path()));
        QVERIFY(w.projectView()->isModified());
        wb::test::ModalScript discard(5000);
        discard.answer(QMessageBox::Discard);
        answering(discard, [&] { QVERIFY(w.openPath(b.path())); });
        QCOMPARE(w.projectView()->projectDir(), QDir(b.path()).absolutePath());
        QVERIFY(!readAll(a.filePath(QStringLiteral("pyproject.toml"))).contains("strip = true"));
        // Discarded edits leave no recovery record behind.
        QVERIFY(!RecoveryStore().load(a.path()).has_value());
    }

    // The project folder vanishes while edited: the question comes; Save writes the files back.
    void folderGoneAsks()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(QStringLiteral("proj"));
        QVERIFY(copyTree(example(), dir));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.show();
        workspace.openProject(dir);
        QVERIFY(view.applyEdit(stripEdit()));
        wb::test::ModalScript script(10000);
        QString question;
        script.answer(QMessageBox::Save, &question);
        script.start();
        QVERIFY(QDir(dir).removeRecursively());
        QTRY_VERIFY_WITH_TIMEOUT(script.done(), 10000); // the watcher notices
        QVERIFY2(script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY2(question.contains(QStringLiteral("deleted or moved")), qPrintable(question));
        QVERIFY(readAll(dir + QStringLiteral("/pyproject.toml")).contains("strip = true"));
        QVERIFY(readAll(dir + QStringLiteral("/Cargo.toml")).contains("[package]"));
        QVERIFY(!view.isModified());
    }

    // A kill loses nothing: the edit is in a recovery record outside the project, offered (with its
    // diff) the next time the project opens; Recover brings it back, Discard forgets it.
    void recoveryAfterKill_data()
    {
        QTest::addColumn<bool>("recover");
        QTest::newRow("recover") << true;
        QTest::newRow("discard") << false;
    }
    void recoveryAfterKill()
    {
        QFETCH(bool, recover);
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QByteArray onDisk = readAll(tmp.filePath(QStringLiteral("pyproject.toml")));
        QByteArray edited;
        {
            ui::Workspace workspace;
            auto *view = new ui::ProjectView(&workspace);
            workspace.openProject(tmp.path());
            QVERIFY(view->applyEdit(stripEdit()));
            edited = view->currentBytes(ProjectFileKind::Pyproject);
            QTRY_VERIFY(RecoveryStore().load(tmp.path()).has_value()); // written a moment after the edit
            // "Killed": the view goes away without being asked to close.
            delete view;
        }
        QVERIFY(RecoveryStore().load(tmp.path()).has_value());
        QCOMPARE(readAll(tmp.filePath(QStringLiteral("pyproject.toml"))), onDisk);
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral(".wheelbench"))));

        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.show();
        workspace.openProject(tmp.path());
        auto *banner = view.findChild<ui::MessageBanner *>(QStringLiteral("recoveryBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("pyproject.toml")), qPrintable(banner->text()));
        QVERIFY(!view.isModified());
        // The diff of what recovering would change.
        wb::test::ModalScript script(5000);
        QString diff;
        shot(&view, QStringLiteral("project-recovery"));
        script.then<QDialog>([&diff](QDialog *d) {
            if (auto *text = d->findChild<QPlainTextEdit *>(QStringLiteral("diff")))
                diff = text->toPlainText();
            shot(d, QStringLiteral("recovery-diff"));
            d->reject();
        });
        answering(script, [&] { view.findChild<QPushButton *>(QStringLiteral("banner/showRecovered"))->click(); });
        QVERIFY2(diff.contains(QStringLiteral("+strip = true")), qPrintable(diff));
        recolourRawTabs(&view); // the tabs still show the file on disk, coloured anew: not typing
        view.findChild<QPushButton *>(recover ? QStringLiteral("banner/recover") : QStringLiteral("banner/discardRecovered"))->click();
        QVERIFY(!banner->isVisible());
        QCOMPARE(view.isModified(), recover);
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), recover ? edited : onDisk);
        if (recover) {
            QVERIFY(view.save(false));
            QCOMPARE(readAll(tmp.filePath(QStringLiteral("pyproject.toml"))), edited);
        }
        QVERIFY(!RecoveryStore().load(tmp.path()).has_value());
    }

    // The raw tabs show a file with LF line ends and no BOM. Colouring them again is not typing, and
    // typing changes only the bytes typed: a file's line ends (CRLF, mixed) and BOM stay as they are.
    void rawTabKeepsUntypedBytes_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("expected"); // after typing "#" at the end of line 2
        const QByteArray lf = "[build-system]\nrequires = [\"maturin>=1.5,<2.0\"]\nbuild-backend = \"maturin\"\n";
        QTest::newRow("lf") << lf << QByteArray("[build-system]\nrequires = [\"maturin>=1.5,<2.0\"]#\nbuild-backend = \"maturin\"\n");
        QTest::newRow("crlf") << QByteArray(lf).replace("\n", "\r\n")
                              << QByteArray("[build-system]\r\nrequires = [\"maturin>=1.5,<2.0\"]#\r\nbuild-backend = \"maturin\"\r\n");
        QTest::newRow("mixed") << QByteArray("[build-system]\r\nrequires = [\"maturin>=1.5,<2.0\"]\nbuild-backend = \"maturin\"\r\n")
                               << QByteArray("[build-system]\r\nrequires = [\"maturin>=1.5,<2.0\"]#\nbuild-backend = \"maturin\"\r\n");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" + lf) << QByteArray("\xEF\xBB\xBF[build-system]\nrequires = [\"maturin>=1.5,<2.0\"]#\nbuild-backend = \"maturin\"\n");
    }
    void rawTabKeepsUntypedBytes()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, expected);
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        QByteArray disk = readAll(py);
        const qsizetype tool = disk.indexOf("[tool.maturin]");
        QVERIFY(tool > 0);
        const QByteArray rest = disk.mid(tool);
        disk = head + (head.contains("\r\n") && !head.contains("]\nbuild") ? QByteArray(rest).replace("\n", "\r\n") : rest);
        QVERIFY(writeAll(py, disk));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.show();
        workspace.openProject(tmp.path());
        QVERIFY(!view.isModified());
        recolourRawTabs(&view);
        QTest::qWait(400); // past the raw tabs' debounce
        QVERIFY(!view.isModified());
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), disk);

        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QTextCursor c(raw->document()->findBlockByNumber(1));
        c.movePosition(QTextCursor::EndOfBlock);
        raw->setTextCursor(c);
        raw->setFocus();
        QTest::keyClicks(raw, QStringLiteral("#"));
        QTRY_VERIFY(view.isModified());
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), QByteArray(expected + disk.mid(head.size())));
    }

    // The tabs coloured anew just before another project opens: the first project's text is not
    // typing, so it never lands in the second project's files.
    void colouringIsNotTypingIntoTheNextProject()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        QVERIFY(copyTree(example(), first.path()));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), second.path()));
        const QString py = second.filePath(QStringLiteral("pyproject.toml"));
        QByteArray disk = readAll(py);
        disk.replace("[tool.maturin]", "# the second project\n[tool.maturin]");
        QVERIFY(writeAll(py, disk));
        ui::Workspace workspace; // no close guard: nothing asks in between
        ui::ProjectView view(&workspace);
        view.show();
        workspace.openProject(first.path());
        recolourRawTabs(&view);
        workspace.openProject(second.path());
        QVERIFY(!view.isModified());
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), disk);
        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QVERIFY(raw->toPlainText().contains(QStringLiteral("# the second project")));
    }

    // Scrolling over the form never edits: the unfocused combo passes the wheel on to the scroll area.
    void wheelDoesNotEditUnfocusedField()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        ui::MainWindow w; // installs the guard
        w.resize(1000, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openPath(tmp.path()));
        auto *combo = w.projectView()->findChild<QComboBox *>(QStringLiteral("field/tool.maturin.all-features"));
        QVERIFY(combo);
        combo->ensurePolished();
        QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);
        const int before = combo->currentIndex();
        auto *scroll = qobject_cast<QScrollArea *>(w.projectView()->findChild<QScrollArea *>());
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(combo);
        QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
        scroll->ensureWidgetVisible(combo);
        const int scrollBefore = scroll->verticalScrollBar()->value();
        QVERIFY(scrollBefore < scroll->verticalScrollBar()->maximum()); // there is room to scroll down
        // A wheel turn as the window system delivers it: a spontaneous event, which Qt propagates
        // from the widget under the pointer to its parents (a plain sendEvent would not).
        auto wheel = [combo](int delta) {
            const QPointF pos = QPointF(combo->rect().center());
            QWheelEvent e(pos, combo->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QSpontaneKeyEvent::setSpontaneous(&e);
            qApp->notify(combo, &e); // sendEvent() would make it non-spontaneous
        };
        w.projectView()->setFocus();
        QVERIFY(!combo->hasFocus());
        wheel(-120);
        QCOMPARE(combo->currentIndex(), before);
        QVERIFY(!w.projectView()->isModified());
        QVERIFY2(scroll->verticalScrollBar()->value() > scrollBefore, // the page scrolled instead
                 qPrintable(QStringLiteral("%1 -> %2 of %3").arg(scrollBefore).arg(scroll->verticalScrollBar()->value()).arg(scroll->verticalScrollBar()->maximum())));
        // With the focus, the wheel is the user's choice.
        combo->setFocus();
        QTRY_VERIFY(combo->hasFocus());
        wheel(-120);
        QVERIFY(combo->currentIndex() != before);
    }

    // A file that does not parse: banner with line:column and Go to Error, read-only fields that say
    // why, no invented summary, and Save asks first.
    void unparsableFileExplained()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        QByteArray broken = readAll(py);
        broken.replace("python-source = \"python\"", "python-source = \"python");
        QFile f(py);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(broken);
        f.close();
        const int errorLine = int(broken.left(broken.indexOf("python-source")).count('\n')) + 1;

        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.resize(1100, 800);
        view.show();
        workspace.openProject(tmp.path());
        auto *banner = view.findChild<ui::MessageBanner *>(QStringLiteral("parseBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("pyproject.toml does not parse at line %1:").arg(errorLine)), qPrintable(banner->text()));
        auto *moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
        QVERIFY(moduleName);
        QVERIFY(!moduleName->isEnabled());
        QVERIFY(moduleName->text().isEmpty());
        QVERIFY(moduleName->placeholderText().contains(QStringLiteral("does not parse")));
        auto *reason = view.findChild<QLabel *>(QStringLiteral("readOnlyReason"));
        QVERIFY(reason && reason->isVisible());
        auto *summary = view.findChild<QLabel *>(QStringLiteral("summary"));
        QVERIFY2(summary->text().startsWith(QStringLiteral("Summary unavailable")), qPrintable(summary->text()));
        // Cargo.toml parses: its fields stay editable.
        QVERIFY(view.findChild<QLineEdit *>(QStringLiteral("field/lib.name"))->isEnabled());

        view.findChild<QPushButton *>(QStringLiteral("banner/goToError"))->click();
        auto *tabs = view.findChild<QTabWidget *>();
        QCOMPARE(tabs->currentIndex(), 1);
        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QCOMPARE(raw->textCursor().blockNumber() + 1, errorLine);
        shot(&view, QStringLiteral("project-parse-error-raw"));
        tabs->setCurrentIndex(0);
        shot(&view, QStringLiteral("project-parse-error-form"));
        tabs->setCurrentIndex(1);

        // An edit that keeps it broken: Save asks, Cancel writes nothing.
        QVERIFY(view.applyEdit(SettingsEdit{SettingsEdit::Op::Set, ProjectFileKind::Cargo, QStringLiteral("lib.name"), QStringLiteral("\"_native2\""), -1}));
        QTextCursor c = raw->textCursor();
        c.movePosition(QTextCursor::End);
        raw->setTextCursor(c);
        raw->insertPlainText(QStringLiteral("\n# edited\n"));
        wb::test::ModalScript script(5000);
        QString question;
        script.answer(QMessageBox::Cancel, &question);
        bool saved = true;
        answering(script, [&] { saved = view.save(false); });
        QVERIFY(!saved);
        QVERIFY2(question.contains(QStringLiteral("does not parse")), qPrintable(question));
        QCOMPARE(readAll(py), broken);
        // Repairing it in the raw tab makes the form editable again.
        raw->setPlainText(QString::fromUtf8(readAll(wb::test::examplesDir() + QStringLiteral("/hello-pyo3/pyproject.toml"))));
        QTRY_VERIFY(moduleName->isEnabled());
        QVERIFY(!banner->isVisible());
        QCOMPARE(moduleName->text(), QStringLiteral("hello_pyo3._native"));
    }

    // A folder that is not a maturin project: an empty state that says what is missing, and New
    // Project Here that shows the files before writing them.
    void notAProjectOffersNewProject()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("fresh-thing"));
        QVERIFY(QDir().mkpath(dir));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.show();
        workspace.openProject(dir);
        auto *stack = view.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
        auto *text = view.findChild<QLabel *>(QStringLiteral("placeholderText"));
        QVERIFY2(text->text().contains(QStringLiteral("neither a pyproject.toml nor a Cargo.toml")), qPrintable(text->text()));
        QVERIFY(view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name")) == nullptr);
        view.resize(1000, 650);
        shot(&view, QStringLiteral("project-not-a-project"));

        QStringList listed;
        wb::test::ModalScript script(5000);
        script.then<ui::NewProjectDialog>([&listed](ui::NewProjectDialog *d) {
            for (const ProjectTemplate::File &f : d->plan().files)
                listed << f.relativePath;
            QVERIFY(QDir(d->plan().dir).entryList(QDir::Files).isEmpty()); // nothing written yet
            shot(d, QStringLiteral("new-project-dialog"));
            wb::test::clickLater(d->findChild<QPushButton *>(QStringLiteral("create")));
        });
        answering(script, [&] { view.findChild<QAbstractButton *>(QStringLiteral("placeholder/newProjectHere"))->click(); });
        QVERIFY(listed.contains(QStringLiteral("python/fresh_thing/__init__.py")));
        QVERIFY(listed.contains(QStringLiteral("python/fresh_thing/py.typed")));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/src/lib.rs")));
        QTRY_COMPARE(stack->currentIndex(), 1);
        QCOMPARE(view.projectDir(), QDir(dir).absolutePath());
        auto *moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
        QVERIFY(moduleName);
        QCOMPARE(moduleName->text(), QStringLiteral("fresh_thing._native"));
        for (const SettingsDiagnostic &d : view.diagnostics())
            QVERIFY2(d.severity == SettingsSeverity::Info, qPrintable(d.message));
    }

    // A setuptools project is not a maturin project either.
    void otherBackendIsNotAProject()
    {
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("pyproject.toml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n");
        f.close();
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        workspace.openProject(tmp.path());
        auto *text = view.findChild<QLabel *>(QStringLiteral("placeholderText"));
        QVERIFY2(text->text().contains(QStringLiteral("setuptools.build_meta")), qPrintable(text->text()));
    }
};

QTEST_MAIN(TestProjectSafety)
#include "tst_projectsafety.moc"
