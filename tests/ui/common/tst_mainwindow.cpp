// The application shell, offscreen: open the example project and a wheel, drop files, save a screenshot.
#include "support/TestPaths.h"
#include "ui/common/MainWindow.h"
#include "ui/common/RecentFiles.h"
#include "ui/common/Workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
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
        auto *tabs = w.findChild<QTabWidget *>();
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
