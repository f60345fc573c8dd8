// The application shell, offscreen: open the example project and a wheel, drop files, save a screenshot.
#include "support/ExampleWindow.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "ui/build/BuildView.h"
#include "ui/common/DocumentationDialog.h"
#include "ui/common/MainWindow.h"
#include "ui/common/StartPage.h"
#include "ui/project/ProjectView.h"
#include "ui/common/RecentFiles.h"
#include "ui/common/Workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QMimeData>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTextBrowser>
#include <QToolBar>
#include <QTest>
#include <QUrl>

using wb::ui::MainWindow;

namespace {
// A real wheel: one from the shared corpus, else one of Debian's own wheels.
QString someRealWheel()
{
    const QStringList roots = {wb::test::corpusDir() + QStringLiteral("/wheels"), QStringLiteral("/usr/share/python-wheels")};
    for (const QString &root : roots) {
        QDirIterator it(root, {QStringLiteral("*.whl")}, QDir::Files, QDirIterator::Subdirectories);
        if (it.hasNext())
            return it.next();
    }
    return {};
}
QString exampleProject() { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WheelbenchTest"));
        wb::ui::RecentFiles::clear();
    }

    void hasFiveAreas()
    {
        MainWindow w;
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("areas"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 5);
        QCOMPARE(tabs->tabText(4).remove(QLatin1Char('&')), QStringLiteral("Release"));
        QCOMPARE(tabs->tabText(0).remove(QLatin1Char('&')), QStringLiteral("Project"));
        QCOMPARE(tabs->tabText(3).remove(QLatin1Char('&')), QStringLiteral("Troubleshooting"));
    }

    void opensProjectAndWheel()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy projectSpy(w.workspace(), &wb::ui::Workspace::projectOpened);
        QVERIFY(w.openPath(exampleProject()));
        QCOMPARE(projectSpy.count(), 1);
        QVERIFY(w.windowTitle().startsWith(QLatin1String("hello-pyo3")));
        QVERIFY(wb::ui::RecentFiles::entries().contains(QDir::cleanPath(exampleProject())));

        const QString wheel = someRealWheel();
        if (wheel.isEmpty())
            QSKIP("no real wheel on this machine (no corpus, no /usr/share/python-wheels)");
        QVERIFY(w.openPath(wheel));
        QCOMPARE(w.currentArea(), MainWindow::WheelsArea);
        QCOMPARE(w.workspace()->currentWheel(), QDir::cleanPath(wheel));

        QTest::qWait(300);
        const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        w.showArea(MainWindow::ProjectArea);
        const QImage image = w.grab().toImage();
        QVERIFY(image.width() >= 1000);
        QVERIFY(image.save(dir + QStringLiteral("/mainwindow.png")));
    }

    // With nothing open: a start page with the open/new actions, recent items and a drop hint.
    // Opening a wheel only shows the Wheels area; the Project area then has its own empty state.
    void startPage()
    {
        wb::ui::RecentFiles::clear();
        wb::ui::RecentFiles::add(exampleProject());
        MainWindow w;
        w.show();
        auto *stack = qobject_cast<QStackedWidget *>(w.centralWidget());
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("startPage"));
        auto *recent = w.findChild<QListWidget *>(QStringLiteral("recent"));
        QVERIFY(recent);
        QCOMPARE(recent->count(), 1);
        QVERIFY(recent->item(0)->text().startsWith(QStringLiteral("hello-pyo3")));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("dropHint"))->text().contains(QStringLiteral("Drop")));
        Q_EMIT recent->itemActivated(recent->item(0));
        QCOMPARE(w.workspace()->projectDir(), QDir::cleanPath(exampleProject()));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("areas"));

        MainWindow wheelOnly;
        const QString wheel = someRealWheel();
        if (wheel.isEmpty())
            QSKIP("no real wheel on this machine");
        QVERIFY(wheelOnly.openPath(wheel));
        QCOMPARE(wheelOnly.currentArea(), MainWindow::WheelsArea);
        auto *empty = wheelOnly.projectView()->findChild<QLabel *>(QStringLiteral("placeholderTitle"));
        QVERIFY(empty);
        QCOMPARE(empty->text(), QStringLiteral("No project open"));
    }

    // Build is one click away: toolbar and Build menu share the actions; Ctrl+B builds, Esc and
    // Ctrl+. cancel; they are enabled only when they can act.
    void buildActions()
    {
        MainWindow w;
        w.show();
        auto *bar = w.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(bar);
        QStringList onBar;
        for (QAction *a : bar->actions()) {
            if (!a->isSeparator())
                onBar << a->text().remove(u'&');
        }
        QCOMPARE(onBar, (QStringList{QStringLiteral("Open Project…"), QStringLiteral("Open Wheel or sdist…"), QStringLiteral("Build"),
                                     QStringLiteral("Develop"), QStringLiteral("Test"), QStringLiteral("Cancel")}));
        QStringList menus;
        for (QAction *m : w.menuBar()->actions())
            menus << m->text().remove(u'&');
        QVERIFY(menus.contains(QStringLiteral("Build")));
        for (QAction *a : bar->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
            bool inMenu = false;
            for (QAction *m : w.menuBar()->actions())
                inMenu = inMenu || (m->menu() && m->menu()->actions().contains(a));
            QVERIFY2(inMenu, qPrintable(a->text()));
        }
        auto *build = w.findChild<QAction *>(QStringLiteral("action/build"));
        auto *cancel = w.findChild<QAction *>(QStringLiteral("action/cancel"));
        QVERIFY(build && cancel);
        QCOMPARE(build->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        QVERIFY(cancel->shortcuts().contains(QKeySequence(Qt::Key_Escape)));
        QVERIFY(cancel->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Period)));
        QVERIFY(!build->isEnabled()); // nothing open
        QVERIFY(!cancel->isEnabled());
        QVERIFY(w.openPath(exampleProject()));
        QTRY_VERIFY(build->isEnabled());
        QVERIFY(!cancel->isEnabled());
        // A folder with neither pyproject.toml nor Cargo.toml has nothing to build.
        QTemporaryDir empty;
        QVERIFY(w.workspace()->openProject(empty.path()));
        QVERIFY(!build->isEnabled());
        QVERIFY(w.buildView()->findChild<QLabel *>(QStringLiteral("projectLabel"))->text().contains(QLatin1String("nothing to build")));
    }

    // No key is bound twice in the window: two bindings of one key make Qt refuse both ("Ambiguous
    // shortcut overload"), which is how Ctrl+B and Esc did nothing while the Build view had the focus
    // (it had its own Ctrl+B and Esc beside the window's). Menu and tab mnemonics (Alt+letter) count.
    void noKeyIsBoundTwice()
    {
        MainWindow w;
        w.show();
        QMap<QString, QStringList> owners;   // key -> what it triggers
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcutContext() == Qt::WidgetShortcut || a->isSeparator())
                continue;
            for (const QKeySequence &k : a->shortcuts())
                owners[k.toString()] << QStringLiteral("action ") + a->text();
        }
        for (QShortcut *s : w.findChildren<QShortcut *>())
            if (s->context() != Qt::WidgetShortcut)
                owners[s->key().toString()] << QStringLiteral("shortcut of ") + s->parent()->objectName();
        for (QAction *m : w.menuBar()->actions())
            owners[QKeySequence::mnemonic(m->text()).toString()] << QStringLiteral("menu ") + m->text();
        auto *areas = w.findChild<QTabWidget *>(QStringLiteral("areas"));
        for (int i = 0; i < areas->count(); ++i)
            owners[QKeySequence::mnemonic(areas->tabText(i)).toString()] << QStringLiteral("tab ") + areas->tabText(i);
        owners.remove(QString());
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "))));
    }

    // Ctrl+B and Esc pressed where users press them, in the Build view: the real build starts, and
    // Esc stops it. The view's buttons are the window's actions.
    void buildKeysWorkInTheBuildView()
    {
        wb::test::ExampleWindow example;
        QVERIFY(example.open());
        MainWindow &w = example.window;
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showArea(MainWindow::BuildArea);
        auto *build = w.findChild<QAction *>(QStringLiteral("action/build"));
        auto *cancel = w.findChild<QAction *>(QStringLiteral("action/cancel"));
        QVERIFY(build && cancel);
        QCOMPARE(w.buildView()->findChild<QToolButton *>(QStringLiteral("buildButton"))->defaultAction(), build);
        QCOMPARE(w.buildView()->findChild<QToolButton *>(QStringLiteral("cancelButton"))->defaultAction(), cancel);
        QTRY_VERIFY_WITH_TIMEOUT(build->isEnabled(), 30000);
        // The view's other commands are in the Build menu too; Save Log waits for output to save.
        auto *saveLog = w.findChild<QAction *>(QStringLiteral("action/save-log"));
        QVERIFY(saveLog && !saveLog->isEnabled());
        QStringList buildMenu;
        for (QAction *m : w.menuBar()->actions())
            if (m->text() == QStringLiteral("&Build"))
                for (QAction *a : m->menu()->actions())
                    buildMenu << a->text().remove(u'&');
        QCOMPARE(buildMenu, (QStringList{QStringLiteral("Build"), QStringLiteral("Develop"), QStringLiteral("Test"), QStringLiteral("Sdist"), QString(),
                                         QStringLiteral("Cancel"), QString(), QStringLiteral("Generate CI…"), QStringLiteral("Save Log…")}));
        QWidget *field = w.buildView()->findChild<QWidget *>(QStringLiteral("commandLine"));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Ambiguous shortcut")));
        QSignalSpy built(build, &QAction::triggered);
        QTest::keyClick(field, Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(built.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.buildView()->isRunning(), 30000);
        QVERIFY(cancel->isEnabled());
        QSignalSpy finished(w.buildView(), &wb::ui::BuildView::runFinished);
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().value<wb::BuildResult>().outcome, wb::BuildResult::Outcome::Cancelled);
        QVERIFY(saveLog->isEnabled());
    }

    // The settings' commands are in the File and Edit menus as desktop tools have them: Ctrl+S saves
    // from any area (after the diff, here turned off), Undo names its step and acts only where the
    // step can be seen (the Project area), the view's own buttons are the same actions.
    void settingsActionsInTheMenus()
    {
        wb::test::ExampleWindow example;
        QVERIFY(example.open());
        MainWindow &w = example.window;
        w.projectView()->setConfirmSaves(false);
        auto menuOf = [&w](const QString &title) -> QMenu * {
            for (QAction *m : w.menuBar()->actions()) {
                if (m->text().remove(u'&') == title)
                    return m->menu();
            }
            return nullptr;
        };
        QMenu *file = menuOf(QStringLiteral("File"));
        QMenu *edit = menuOf(QStringLiteral("Edit"));
        QVERIFY(file && edit);
        QAction *save = w.projectView()->saveAction();
        QAction *undo = w.projectView()->undoAction();
        QVERIFY(file->actions().contains(save));
        QVERIFY(file->actions().contains(w.projectView()->revertAction()));
        QVERIFY(edit->actions().contains(undo));
        QVERIFY(edit->actions().contains(w.projectView()->redoAction()));
        QCOMPARE(save->shortcut(), QKeySequence(QKeySequence::Save));
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QVERIFY(!save->isEnabled());
        QVERIFY(!undo->isEnabled());

        wb::SettingsEdit strip;
        strip.key = QStringLiteral("tool.maturin.strip");
        strip.value = QStringLiteral("true");
        QVERIFY(w.projectView()->applyEdit(strip));
        QVERIFY(w.isWindowModified());
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text().remove(u'&'), QStringLiteral("Undo Set tool.maturin.strip = true"));
        const QString shots = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        edit->popup(w.mapToGlobal(QPoint(40, 20)));
        QTRY_VERIFY(edit->isVisible());
        QVERIFY(edit->grab().save(shots + QStringLiteral("/edit-menu.png")));
        edit->hide();
        QVERIFY(w.grab().save(shots + QStringLiteral("/project-edited.png")));
        w.showArea(MainWindow::BuildArea);
        QVERIFY(!undo->isEnabled()); // not from where the change cannot be seen
        QVERIFY(save->isEnabled());
        QTest::keySequence(&w, QKeySequence::Save);
        QTRY_VERIFY(!w.isWindowModified());
        QVERIFY(wb::test::readAll(example.project + QStringLiteral("/pyproject.toml")).contains("strip = true"));
        w.showArea(MainWindow::ProjectArea);
        QVERIFY(undo->isEnabled()); // the step is still there: undoing it makes the files differ again
        auto *button = w.projectView()->findChild<QToolButton *>(QStringLiteral("button/undo"));
        QVERIFY(button);
        QCOMPARE(button->defaultAction(), undo);
        QCOMPARE(button->text(), QStringLiteral("Undo"));
        button->click();
        QVERIFY(w.isWindowModified());
        QVERIFY(!w.projectView()->currentBytes(wb::ProjectFileKind::Pyproject).contains("strip = true"));
        w.projectView()->revert(); // leave nothing to ask about when the window closes
        QVERIFY(!w.isWindowModified());
    }

    // Help: the documentation is inside the program; About names version, licence and links.
    void helpAndAbout()
    {
        QVERIFY(wb::ui::DocumentationDialog::pages().contains(QStringLiteral("README.md")));
        QVERIFY(wb::ui::DocumentationDialog::pages().contains(QStringLiteral("troubleshooting.md")));
        wb::ui::DocumentationDialog docs;
        QCOMPARE(docs.currentPage(), QStringLiteral("README.md"));
        auto *page = docs.findChild<QTextBrowser *>(QStringLiteral("page"));
        QVERIFY(page->toPlainText().contains(QStringLiteral("Quick start")));
        QVERIFY(docs.showPage(QStringLiteral("build.md")));
        QVERIFY(!docs.showPage(QStringLiteral("nonexistent.md")));
        MainWindow w;
        QStringList help;
        for (QAction *m : w.menuBar()->actions()) {
            if (m->text().remove(u'&') == QLatin1String("Help"))
                for (QAction *a : m->menu()->actions())
                    help << a->text().remove(u'&');
        }
        QVERIFY2(help.contains(QStringLiteral("Documentation")), qPrintable(help.join(u',')));
    }

    void refusesWhatIsNeitherProjectNorWheel()
    {
        MainWindow w;
        QVERIFY(!w.openPath(QStringLiteral("/nonexistent/path")));
        QVERIFY(!w.openPath(wb::test::sourceDir() + QStringLiteral("/CMakeLists.txt")));
        QVERIFY(w.workspace()->projectDir().isEmpty());
    }

    void dropOpensFolder()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(exampleProject())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        QCOMPARE(w.workspace()->projectDir(), QDir::cleanPath(exampleProject()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
