// The Project view, offscreen: open a copy of the example, edit a field, save, check the bytes on disk.
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include "ui/common/Workspace.h"
#include "ui/project/ProjectView.h"

#include <QAction>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace wb;

using wb::test::copyTree;
using wb::test::readAll;

namespace {
// The example project, copied to a temporary folder, open in a shown Project view.
struct OpenExample {
    QTemporaryDir tmp;
    ui::Workspace workspace;
    ui::ProjectView view{&workspace};
    bool open()
    {
        if (!copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), tmp.path()))
            return false;
        view.resize(1100, 800);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        workspace.openProject(tmp.path());
        return view.projectDir() == QDir(tmp.path()).absolutePath();
    }
};
} // namespace

class TestProjectView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editSaveUndo()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), tmp.path()));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.setConfirmSaves(false);
        view.resize(1100, 800);
        view.show();
        workspace.openProject(tmp.path());
        QCOMPARE(view.projectDir(), QDir(tmp.path()).absolutePath());
        for (const SettingsDiagnostic &d : view.diagnostics())
            QVERIFY2(d.severity == SettingsSeverity::Info, qPrintable(d.message));

        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        const QByteArray before = readAll(py);

        // Edit a field: module-name.
        auto *moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
        QVERIFY(moduleName);
        QCOMPARE(moduleName->text(), QStringLiteral("hello_pyo3._native"));
        // Typed as a user would: focus, select all, type, Return; then let the event loop run.
        moduleName->setFocus();
        moduleName->selectAll();
        QTest::keyClicks(moduleName, QStringLiteral("hello_pyo3._other"));
        QCOMPARE(moduleName->text(), QStringLiteral("hello_pyo3._other"));
        QTest::keyClick(moduleName, Qt::Key_Return);
        QTest::qWait(50);
        QVERIFY(view.isModified());
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject).contains("module-name = \"hello_pyo3._other\""));
        // The #[pymodule] is _native: the view reports it.
        bool mismatch = false;
        for (const SettingsDiagnostic &d : view.diagnostics())
            mismatch = mismatch || d.id == QLatin1String("module.pymodule-mismatch");
        QVERIFY(mismatch);
        // Undo, redo. The field still has the focus and follows the document (no stale text to re-apply).
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), before);
        QCOMPARE(moduleName->text(), QStringLiteral("hello_pyo3._native"));
        view.redo();
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject) != before);
        view.undo();

        // A bool field: strip.
        auto *strip = view.findChild<QComboBox *>(QStringLiteral("field/tool.maturin.strip"));
        QVERIFY(strip);
        const int idx = strip->findData(QStringLiteral("true"));
        QVERIFY(idx > 0);
        strip->setCurrentIndex(idx);
        Q_EMIT strip->activated(idx);
        QVERIFY(view.save(false));
        const QByteArray after = readAll(py);
        QByteArray expected = before;
        expected.replace("features = [\"pyo3/extension-module\"]\n", "features = [\"pyo3/extension-module\"]\nstrip = true\n");
        QCOMPARE(after, expected);
        QVERIFY(!view.isModified());

        QWidget *window = view.window();
        const QString shot = wb::test::binaryDir() + QStringLiteral("/projectview.png");
        QVERIFY(window->grab().save(shot));

        // An external change while clean reloads silently.
        {
            QFile f(py);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(after + "# external\n");
        }
        QTRY_VERIFY_WITH_TIMEOUT(view.currentBytes(ProjectFileKind::Pyproject).endsWith("# external\n"), 5000);
        QVERIFY(!view.isModified());
        // The reload is a step of its own: undoing it shows what the other program changed, and the
        // strip edit before it still undoes from the text it was made on.
        QCOMPARE(view.undoAction()->text().remove(u'&'), QStringLiteral("Undo Reload pyproject.toml (Changed on Disk)"));
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), after);
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), before);
        view.redo();
        view.redo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), after + "# external\n");
        QVERIFY(!view.isModified());
    }

    // A check about a file or folder the settings name (readme in docs/, a data folder, a package in
    // python/) follows it on disk: creating it clears the problem, removing it brings it back, without
    // touching the settings files, also when its folder does not exist yet when the project opens.
    void checksFollowTheFilesTheSettingsName_data()
    {
        QTest::addColumn<QByteArray>("project");   // replaces the text after it in pyproject.toml
        QTest::addColumn<QByteArray>("tool");      // appended to [tool.maturin]
        QTest::addColumn<QString>("path");         // created: a file, or a folder when it ends with '/'
        QTest::addColumn<QString>("id");
        QTest::newRow("readme in a folder not there yet") << QByteArray("readme = \"docs/guide/README.md\"\n") << QByteArray()
                                                          << QStringLiteral("docs/guide/README.md") << QStringLiteral("project.readme-missing");
        QTest::newRow("data folder") << QByteArray() << QByteArray("data = \"assets/data\"\n") << QStringLiteral("assets/data/")
                                     << QStringLiteral("layout.data-missing");
        QTest::newRow("python package") << QByteArray() << QByteArray("python-packages = [\"extra\"]\n") << QStringLiteral("python/extra/")
                                        << QStringLiteral("layout.python-package-missing");
    }
    void checksFollowTheFilesTheSettingsName()
    {
        QFETCH(QByteArray, project);
        QFETCH(QByteArray, tool);
        QFETCH(QString, path);
        QFETCH(QString, id);
        OpenExample ex;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), ex.tmp.path()));
        const QString py = ex.tmp.filePath(QStringLiteral("pyproject.toml"));
        QByteArray text = readAll(py);
        const QByteArray anchor("requires-python = \">=3.9\"\n");
        text.replace(anchor, QByteArray(anchor + project));
        text += tool;
        QVERIFY(wb::test::writeAll(py, text));
        ex.view.resize(1100, 800);
        ex.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ex.view));
        ex.workspace.openProject(ex.tmp.path());
        const auto has = [&ex, &id] {
            const QList<SettingsDiagnostic> all = ex.view.diagnostics();
            return std::any_of(all.cbegin(), all.cend(), [&id](const SettingsDiagnostic &d) { return d.id == id; });
        };
        QVERIFY2(has(), qPrintable(id));
        const QString full = ex.tmp.filePath(path);
        if (path.endsWith(u'/')) {
            QVERIFY(QDir().mkpath(full));
        } else {
            QVERIFY(QDir().mkpath(QFileInfo(full).absolutePath()));
            QVERIFY(wb::test::writeAll(full, "# Guide\n"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!has(), 5000);
        QVERIFY(path.endsWith(u'/') ? QDir(full).removeRecursively() : QFile::remove(full));
        QTRY_VERIFY_WITH_TIMEOUT(has(), 5000);
        QVERIFY(!ex.view.isModified());
    }

    // Every kind of line-edit field, typed key by key with the event loop running between keys and
    // after Return; also the programmatic path (setText + editingFinished) for comparison.
    void typeIntoField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("useKeys");
        QTest::addColumn<int>("file");
        QTest::addColumn<QByteArray>("expected");
        const int py = int(ProjectFileKind::Pyproject);
        const int cargo = int(ProjectFileKind::Cargo);
        QTest::newRow("module-name keys") << QStringLiteral("field/tool.maturin.module-name") << QStringLiteral("hello_pyo3._typed")
                                          << true << py << QByteArray("module-name = \"hello_pyo3._typed\"");
        QTest::newRow("module-name invalid keys") << QStringLiteral("field/tool.maturin.module-name") << QStringLiteral("bad-name")
                                                  << true << py << QByteArray("module-name = \"bad-name\"");
        QTest::newRow("module-name setText") << QStringLiteral("field/tool.maturin.module-name") << QStringLiteral("hello_pyo3._set")
                                             << false << py << QByteArray("module-name = \"hello_pyo3._set\"");
        QTest::newRow("features list keys") << QStringLiteral("field/tool.maturin.features") << QStringLiteral("pyo3/extension-module, extra")
                                            << true << py << QByteArray("features = [\"pyo3/extension-module\", \"extra\"]");
        QTest::newRow("lib.name keys") << QStringLiteral("field/lib.name") << QStringLiteral("_typed") << true << cargo
                                       << QByteArray("name = \"_typed\"");
        QTest::newRow("codegen-units keys") << QStringLiteral("field/profile.release.codegen-units") << QStringLiteral("16") << true
                                            << cargo << QByteArray("codegen-units = 16");
    }
    void typeIntoField()
    {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(bool, useKeys);
        QFETCH(int, file);
        QFETCH(QByteArray, expected);
        QTemporaryDir tmp;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), tmp.path()));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.setConfirmSaves(false);
        view.resize(1100, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        workspace.openProject(tmp.path());
        auto *edit = view.findChild<QLineEdit *>(field);
        QVERIFY(edit);
        const QByteArray before = view.currentBytes(ProjectFileKind(file));
        QVERIFY(!before.contains(expected));
        if (useKeys) {
            edit->setFocus();
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::qWait(10);
            for (const QChar c : typed) {
                QTest::keyClicks(edit, QString(c));
                QTest::qWait(1); // the event loop runs between keys
            }
            QCOMPARE(edit->text(), typed);
            QTest::keyClick(edit, Qt::Key_Return);
        } else {
            edit->setText(typed);
            Q_EMIT edit->editingFinished();
        }
        QTest::qWait(400); // past the raw editor's debounce
        QVERIFY2(view.currentBytes(ProjectFileKind(file)).contains(expected), view.currentBytes(ProjectFileKind(file)).constData());
        QVERIFY(view.isModified());
        // The raw tab shows the same text.
        auto *raw = view.findChild<QPlainTextEdit *>(file == int(ProjectFileKind::Cargo) ? QStringLiteral("raw/Cargo.toml")
                                                                                          : QStringLiteral("raw/pyproject.toml"));
        QVERIFY(raw);
        QVERIFY(raw->toPlainText().toUtf8().contains(expected));
        // Typing again into the same field after the forms refreshed, then moving focus away (editingFinished).
        if (useKeys) {
            edit->setFocus();
            QTest::keyClick(edit, Qt::Key_End);
            QTest::keyClicks(edit, QStringLiteral("9"));
            QTest::qWait(10);
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::qWait(10);
            QTest::keyClick(edit, Qt::Key_Tab);
            QTest::qWait(50);
            QVERIFY(view.currentBytes(ProjectFileKind(file)).contains(expected));
        }
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind(file)), before);
    }

    // Half-typed text in a field when another project is opened, or when the view goes away: it is
    // dropped, never applied to the other project (nor to a view being destroyed).
    void typingThenSwitchProject()
    {
        QTemporaryDir first, second;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), first.path()));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), second.path()));
        ui::Workspace workspace;
        {
            ui::ProjectView view(&workspace);
            view.setConfirmSaves(false);
            view.resize(1100, 800);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            workspace.openProject(first.path());
            auto *moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
            QVERIFY(moduleName);
            moduleName->setFocus();
            QTest::keyClick(moduleName, Qt::Key_End);
            QTest::keyClicks(moduleName, QStringLiteral("_half"));
            QTest::qWait(10);
            QVERIFY(!view.isModified()); // not committed yet
            const QByteArray secondBefore = readAll(second.filePath(QStringLiteral("pyproject.toml")));
            workspace.openProject(second.path()); // deletes the focused field
            QTest::qWait(50);
            QCOMPARE(view.projectDir(), QDir(second.path()).absolutePath());
            QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), secondBefore);
            QVERIFY(!view.isModified());
            // The new form works, and typing without committing, then destroying the view, is safe.
            moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
            QVERIFY(moduleName);
            QCOMPARE(moduleName->text(), QStringLiteral("hello_pyo3._native"));
            moduleName->setFocus();
            QTest::keyClicks(moduleName, QStringLiteral("_gone"));
            QTest::qWait(10);
        }
        QTest::qWait(10);
        QCOMPARE(readAll(second.filePath(QStringLiteral("pyproject.toml"))),
                 readAll(wb::test::examplesDir() + QStringLiteral("/hello-pyo3/pyproject.toml")));
    }

    // The raw pyproject.toml tab, typed into: the text reaches the file after the debounce.
    // Opening a project finds the maturin it builds with off the UI thread, without starting anything
    // from the project (the .venv's maturin is known by its dist-info folder), and flags keys newer than it.
    void maturinVersionFromTheProjectVenv()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        auto write = [](const QString &path, const QByteArray &bytes, bool exec) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile f(path);
            bool ok = f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
            f.close();
            return ok && (!exec || f.setPermissions(f.permissions() | QFile::ExeOwner));
        };
        const QByteArray runs = "#!/bin/sh\ntouch '" + mark.toUtf8() + "'\necho 'maturin 9.9.9'\n";
        const QString venv = project + QStringLiteral("/.venv");
        QVERIFY(write(venv + QStringLiteral("/pyvenv.cfg"), "home = /usr/bin\n", false));
        QVERIFY(write(venv + QStringLiteral("/bin/maturin"), runs, true));
        QVERIFY(write(venv + QStringLiteral("/bin/python"), runs, true));
        QVERIFY(write(venv + QStringLiteral("/lib/python3.13/site-packages/maturin-1.8.3.dist-info/METADATA"), "Version: 1.8.3\n", false));
        const QString py = project + QStringLiteral("/pyproject.toml");
        QByteArray text = readAll(py);
        text.replace("features = [\"pyo3/extension-module\"]", "features = [\"pyo3/extension-module\"]\npgo-command = \"python bench.py\"");
        QVERIFY(write(py, text, false));

        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.show();
        QSignalSpy detected(&view, &ui::ProjectView::maturinDetected);
        workspace.openProject(project);
        QVERIFY(!view.isMaturinKnown()); // the answer comes later, through the event loop
        QTRY_VERIFY_WITH_TIMEOUT(view.isMaturinKnown(), 20000);
        QCOMPARE(detected.size(), 1);
        QCOMPARE(view.maturinVersion().text, QStringLiteral("1.8.3"));
        QCOMPARE(view.maturinVersion().from, QStringLiteral("project .venv"));
        bool tooNew = false;
        for (const SettingsDiagnostic &d : view.diagnostics())
            tooNew = tooNew || (d.id == QLatin1String("maturin.key-too-new") && d.key == QLatin1String("tool.maturin.pgo-command"));
        QVERIFY(tooNew);
        QVERIFY2(!QFile::exists(mark), "opening the project started one of its programs");
        // Another project: the old answer does not stick.
        QTemporaryDir other;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), other.path()));
        workspace.openProject(other.path());
        QVERIFY(!view.isMaturinKnown());
        QTRY_VERIFY_WITH_TIMEOUT(view.isMaturinKnown(), 20000);
        QVERIFY(view.maturinVersion().from != QLatin1String("project .venv"));
    }

    void typeIntoRawTab()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), tmp.path()));
        ui::Workspace workspace;
        ui::ProjectView view(&workspace);
        view.setConfirmSaves(false);
        view.resize(1100, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy detected(&view, &ui::ProjectView::maturinDetected);
        workspace.openProject(tmp.path());
        // Typing while the maturin detection ends is covered at the end (a fix arriving while typing
        // is pending goes the same way); here the detection is let finish first.
        QTRY_COMPARE_WITH_TIMEOUT(detected.size(), 1, 60000);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QVERIFY(raw);
        raw->setFocus();
        raw->moveCursor(QTextCursor::End);
        for (const QString &line : {QStringLiteral("# typed"), QStringLiteral("[tool.other]"), QStringLiteral("x = 1")}) {
            QTest::keyClicks(raw, line);
            QTest::keyClick(raw, Qt::Key_Return);
            QTest::qWait(10);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(view.currentBytes(ProjectFileKind::Pyproject).endsWith("# typed\n[tool.other]\nx = 1\n"),
                                  QByteArray(view.currentBytes(ProjectFileKind::Pyproject).right(80) + "\n--raw--\n" + raw->toPlainText().right(80).toUtf8()).constData(), 5000);
        QVERIFY(view.isModified());
        // Focus back to a form field and type there: the forms and the raw tab agree.
        auto *moduleName = view.findChild<QLineEdit *>(QStringLiteral("field/tool.maturin.module-name"));
        QVERIFY(moduleName);
        moduleName->setFocus();
        moduleName->selectAll();
        QTest::keyClicks(moduleName, QStringLiteral("hello_pyo3.raw"));
        QTest::keyClick(moduleName, Qt::Key_Return);
        QTest::qWait(400);
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject).contains("module-name = \"hello_pyo3.raw\""));
        QVERIFY(raw->toPlainText().contains(QStringLiteral("module-name = \"hello_pyo3.raw\"")));
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject).endsWith("x = 1\n"));

        // Typing not yet taken over (the tab takes it over after a pause) when a fix arrives from
        // another view: both the typing and the fix are kept, in the bytes and in the tab.
        raw->setFocus();
        raw->moveCursor(QTextCursor::End);
        QTest::keyClicks(raw, QStringLiteral("y = 2"));
        QTest::keyClick(raw, Qt::Key_Return);
        SettingsEdit strip;
        strip.key = QStringLiteral("tool.maturin.strip");
        strip.value = QStringLiteral("true");
        Q_EMIT workspace.settingsEditRequested(QStringLiteral("strip"), {strip});
        QVERIFY2(view.currentBytes(ProjectFileKind::Pyproject).contains("strip = true"), view.currentBytes(ProjectFileKind::Pyproject).constData());
        QVERIFY2(view.currentBytes(ProjectFileKind::Pyproject).endsWith("x = 1\ny = 2\n"), view.currentBytes(ProjectFileKind::Pyproject).constData());
        QTest::qWait(400);
        QCOMPARE(raw->toPlainText().toUtf8(), view.currentBytes(ProjectFileKind::Pyproject));
    }

    // A fix is one step, whatever it edits and in however many files; it is applied all or nothing.
    // The Undo action names the step it undoes, and acts only while the view is shown.
    void fixIsOneNamedStep()
    {
        OpenExample example;
        QVERIFY(example.open());
        ui::Workspace &workspace = example.workspace;
        ui::ProjectView &view = example.view;
        const QByteArray py = view.currentBytes(ProjectFileKind::Pyproject);
        const QByteArray cargo = view.currentBytes(ProjectFileKind::Cargo);
        QVERIFY(!view.undoAction()->isEnabled());
        QVERIFY(!view.saveAction()->isEnabled());

        SettingsEdit strip;
        strip.key = QStringLiteral("tool.maturin.strip");
        strip.value = QStringLiteral("true");
        SettingsEdit lto;
        lto.file = ProjectFileKind::Cargo;
        lto.key = QStringLiteral("profile.release.lto");
        lto.value = QStringLiteral("true");
        Q_EMIT workspace.settingsEditRequested(QStringLiteral("smaller wheel"), {strip, lto});
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject).contains("strip = true"));
        QVERIFY(view.currentBytes(ProjectFileKind::Cargo).contains("lto = true"));
        QVERIFY(view.undoAction()->isEnabled());
        QVERIFY(view.saveAction()->isEnabled());
        QCOMPARE(view.undoAction()->text().remove(u'&'), QStringLiteral("Undo Fix: smaller wheel"));

        view.undoAction()->trigger();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), py);
        QCOMPARE(view.currentBytes(ProjectFileKind::Cargo), cargo);
        QVERIFY(!view.isModified());
        QVERIFY(!view.undoAction()->isEnabled());
        QCOMPARE(view.redoAction()->text().remove(u'&'), QStringLiteral("Redo Fix: smaller wheel"));
        view.redoAction()->trigger();
        QVERIFY(view.currentBytes(ProjectFileKind::Pyproject).contains("strip = true"));
        QVERIFY(view.currentBytes(ProjectFileKind::Cargo).contains("lto = true"));

        // A form edit is its own step, named by its key and value.
        QString error;
        SettingsEdit moduleName;
        moduleName.key = QStringLiteral("tool.maturin.module-name");
        moduleName.value = QStringLiteral("\"hello_pyo3._renamed\"");
        QVERIFY(view.applyEdit(moduleName, &error));
        QCOMPARE(view.undoAction()->text().remove(u'&'), QStringLiteral("Undo Set tool.maturin.module-name = \"hello_pyo3._renamed\""));

        // All or nothing: a fix whose second edit is refused changes nothing and adds no step.
        const QByteArray pyBefore = view.currentBytes(ProjectFileKind::Pyproject);
        const QString undoBefore = view.undoAction()->text();
        SettingsEdit bad;
        bad.key = QStringLiteral("tool.maturin.features");
        bad.value = QStringLiteral("[unclosed");
        SettingsEdit dataDir;
        dataDir.key = QStringLiteral("tool.maturin.data");
        dataDir.value = QStringLiteral("\"data\"");
        QVERIFY(!view.applyEdits(QStringLiteral("two edits"), {dataDir, bad}, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), pyBefore);
        QCOMPARE(view.undoAction()->text(), undoBefore);

        // Hidden (another area shown): nothing to undo from there, unseen.
        view.hide();
        QVERIFY(!view.undoAction()->isEnabled());
        QVERIFY(view.saveAction()->isEnabled()); // saving asks with the diff first
        view.show();
        QVERIFY(view.undoAction()->isEnabled());
    }

    // Typing into a raw tab is one step per stretch of typing, not one per pause.
    void typingIsOneStep()
    {
        OpenExample example;
        QVERIFY(example.open());
        ui::ProjectView &view = example.view;
        const QByteArray py = view.currentBytes(ProjectFileKind::Pyproject);
        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QVERIFY(raw);
        raw->moveCursor(QTextCursor::End);
        for (const QString &line : {QStringLiteral("# one"), QStringLiteral("# two")}) {
            raw->insertPlainText(line + QLatin1Char('\n'));
            QTRY_VERIFY_WITH_TIMEOUT(view.currentBytes(ProjectFileKind::Pyproject).endsWith((line + QLatin1Char('\n')).toUtf8()), 5000);
        }
        QCOMPARE(view.undoAction()->text().remove(u'&'), QStringLiteral("Undo Typing in pyproject.toml"));
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), py);
        QVERIFY(!view.undoAction()->isEnabled());
    }

    // Typing into one raw tab is kept when the other tab's document signals a change before the
    // typing is taken over (its highlighting does, after a refresh): that once dropped the typing.
    void typingKeptWhenTheOtherTabChanges()
    {
        OpenExample example;
        QVERIFY(example.open());
        ui::ProjectView &view = example.view;
        QTest::qWait(100); // the highlighting of the opened files is done
        auto *py = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        auto *cargo = view.findChild<QPlainTextEdit *>(QStringLiteral("raw/Cargo.toml"));
        QVERIFY(py && cargo);
        py->moveCursor(QTextCursor::End);
        py->insertPlainText(QStringLiteral("# typed\n"));
        // A format change in the Cargo tab: its text is the same, its document says it changed.
        QTextCursor c(cargo->document());
        c.movePosition(QTextCursor::NextWord, QTextCursor::KeepAnchor);
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        c.mergeCharFormat(bold);
        QTRY_VERIFY_WITH_TIMEOUT(view.currentBytes(ProjectFileKind::Pyproject).endsWith("# typed\n"), 5000);
        QTest::qWait(400);
        QVERIFY(py->toPlainText().endsWith(QStringLiteral("# typed\n")));
        QCOMPARE(view.undoAction()->text().remove(u'&'), QStringLiteral("Undo Typing in pyproject.toml"));
    }
};


QTEST_MAIN(TestProjectView)
#include "tst_projectview.moc"
