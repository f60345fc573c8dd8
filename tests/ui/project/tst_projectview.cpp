// The Project view, offscreen: open a copy of the example, edit a field, save, check the bytes on disk.
#include "support/TestPaths.h"

#include "ui/common/Workspace.h"
#include "ui/project/ProjectView.h"

#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace wb;

namespace {
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + u'/' + QDir(from).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).absolutePath());
        if (!QFile::copy(src, dst))
            return false;
        QFile::setPermissions(dst, QFile::permissions(src) | QFile::WriteOwner);
    }
    return true;
}
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
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
        moduleName->setText(QStringLiteral("hello_pyo3._other"));
        Q_EMIT moduleName->editingFinished();
        QVERIFY(view.isModified());
        // The #[pymodule] is _native: the view reports it.
        bool mismatch = false;
        for (const SettingsDiagnostic &d : view.diagnostics())
            mismatch = mismatch || d.id == QLatin1String("module.pymodule-mismatch");
        QVERIFY(mismatch);
        // Undo, redo.
        view.undo();
        QCOMPARE(view.currentBytes(ProjectFileKind::Pyproject), before);
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
    }
};

QTEST_MAIN(TestProjectView)
#include "tst_projectview.moc"
