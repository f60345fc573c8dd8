// The Release view, offscreen, on real macOS and Windows wheels of one release (h3ronpy 0.16.0, read
// in place from the corpus): the matrix, a present cell opening its wheel in the Wheels view, a
// platform the project's CI builds but the set lacks (its consequence in the cell), the comparison
// with a previous release, a folder with nothing in it, the empty view's placeholder, and dropping
// files on the view.
#include "support/TestPaths.h"
#include "core/common/SizeFormat.h"
#include "ui/common/MainWindow.h"
#include "ui/common/PlaceholderPage.h"
#include "ui/common/Workspace.h"
#include "ui/release/ReleaseView.h"
#include "ui/wheels/WheelsView.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace wb;
using namespace wb::ui;

class TestReleaseView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    static QString corpus(const QString &name) { return wb::test::corpusDir() + QStringLiteral("/wheels/delvewheel/") + name; }
    static QString mac() { return corpus(QStringLiteral("h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl")); }
    static QString win() { return corpus(QStringLiteral("h3ronpy-0.16.0-cp38-abi3-win_amd64.whl")); }
    static bool waitReport(ReleaseView *view)
    {
        QSignalSpy spy(view, &ReleaseView::reportReady);
        return spy.wait(60000);
    }
    static int rowOf(QAbstractItemModel *m, const QString &prefix)
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->headerData(r, Qt::Vertical).toString().startsWith(prefix))
                return r;
        return -1;
    }
    static void screenshot(QWidget *w, const QString &name)
    {
        const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

private Q_SLOTS:
    void matrixOpensWheels()
    {
        WB_REQUIRE_CORPUS();
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        window.showArea(MainWindow::ReleaseArea);
        ReleaseView *view = window.releaseView();
        QVERIFY(!view->hasReport());
        view->openPaths({mac(), win()});
        QVERIFY(view->isBusy() || view->hasReport());
        QVERIFY(waitReport(view));
        QAbstractItemModel *m = view->matrixView()->model();
        QCOMPARE(m->rowCount(), 2);
        const int macRow = rowOf(m, QStringLiteral("macOS x86_64"));
        QVERIFY(macRow >= 0);
        QCOMPARE(m->headerData(macRow, Qt::Vertical).toString(), QStringLiteral("macOS x86_64 (macOS 10.7)"));
        QVERIFY(m->columnCount() >= 2);
        const QModelIndex cell = m->index(macRow, 0);
        QCOMPARE(cell.data().toString(), QStringLiteral("abi3 ≥3.8"));
        QCOMPARE(cell.data(Qt::UserRole).toString(), mac());
        QVERIFY(view->summaryText().contains(QLatin1String("h3ronpy")));
        // Sizes in the one format of every view (binary units, one decimal), exact bytes on hover.
        const QModelIndex size = m->index(macRow, m->columnCount() - 1);
        QCOMPARE(size.data().toString(), wb::formatSize(QFileInfo(mac()).size()));
        QVERIFY(size.data(Qt::ToolTipRole).toString().contains(wb::exactBytes(QFileInfo(mac()).size())));
        screenshot(&window, QStringLiteral("release-matrix.png"));

        // Activating a present cell opens that wheel in the Wheels view.
        QSignalSpy opened(window.workspace(), &Workspace::wheelOpened);
        view->matrixView()->setCurrentIndex(cell);
        QTest::keyClick(view->matrixView(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), mac());
        QCOMPARE(window.currentArea(), MainWindow::WheelsArea);
        QVERIFY(window.wheelsView()->wheelPaths().contains(mac()));

        // A finding about one file opens that file the same way.
        window.showArea(MainWindow::ReleaseArea);
        auto *findings = view->findChild<QTreeView *>(QStringLiteral("releaseFindings"));
        QVERIFY(findings);
        QModelIndex aboutWin;
        for (int r = 0; r < findings->model()->rowCount() && !aboutWin.isValid(); ++r)
            if (findings->model()->index(r, 2).data().toString() == QFileInfo(win()).fileName())
                aboutWin = findings->model()->index(r, 3);
        QVERIFY2(aboutWin.isValid(), "no finding names the Windows wheel");
        findings->setCurrentIndex(aboutWin);
        QTest::keyClick(findings, Qt::Key_Return);
        QCOMPARE(opened.count(), 2);
        QCOMPARE(opened.last().first().toString(), win());
        QCOMPARE(window.currentArea(), MainWindow::WheelsArea);
    }

    // A folder of wheels with no project files of its own, given to the window (command line, drop,
    // recent files), opens in Release as one release; a project folder that holds wheels stays a project.
    void folderOfWheelsOpensAsRelease()
    {
        WB_REQUIRE_CORPUS();
        const QString folder = QFileInfo(mac()).absolutePath();
        QVERIFY(Workspace::isReleaseFolder(folder));
        QVERIFY(!Workspace::isReleaseFolder(wb::test::sourceDir() + QStringLiteral("/examples/hello-pyo3")));
        const QString projectWithWheels = m_tmp.filePath(QStringLiteral("with-wheels"));
        QDir().mkpath(projectWithWheels);
        QFile::copy(wb::test::sourceDir() + QStringLiteral("/examples/hello-pyo3/pyproject.toml"), projectWithWheels + QStringLiteral("/pyproject.toml"));
        QFile stub(projectWithWheels + QStringLiteral("/demo-1.0-py3-none-any.whl"));
        QVERIFY(stub.open(QIODevice::WriteOnly));
        stub.close();
        QVERIFY(!Workspace::isReleaseFolder(projectWithWheels));

        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy projects(window.workspace(), &Workspace::projectOpened);
        QSignalSpy ready(window.releaseView(), &ReleaseView::reportReady);
        QVERIFY(window.openPath(folder));
        QCOMPARE(window.currentArea(), MainWindow::ReleaseArea);
        QVERIFY(ready.count() > 0 || ready.wait(60000));
        QCOMPARE(projects.count(), 0);
        QVERIFY(window.workspace()->projectDir().isEmpty());
        const qsizetype wheels = QDir(folder).entryList({QStringLiteral("*.whl")}, QDir::Files).size();
        QVERIFY2(window.releaseView()->summaryText().contains(QStringLiteral("%1 wheels,").arg(wheels)), qPrintable(window.releaseView()->summaryText()));
        QVERIFY(window.releaseView()->matrixView()->model()->rowCount() >= 3);
        screenshot(&window, QStringLiteral("release-folder.png"));
    }

    // The project's CI builds Linux too: that row is missing, and with no sdist pip cannot install.
    void declaredPlatformMissing()
    {
        WB_REQUIRE_CORPUS();
        const QString project = m_tmp.filePath(QStringLiteral("project"));
        QDir().mkpath(project + QStringLiteral("/.github/workflows"));
        QFile yml(project + QStringLiteral("/.github/workflows/release.yml"));
        QVERIFY(yml.open(QIODevice::WriteOnly));
        yml.write("jobs:\n  linux:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        target: [x86_64]\n"
                  "    steps:\n      - uses: PyO3/maturin-action@v1\n        with:\n          target: ${{ matrix.target }}\n");
        yml.close();
        Workspace workspace;
        workspace.openProject(project);
        ReleaseView view(&workspace);
        view.resize(1000, 600);
        view.show();
        view.openPaths({mac(), win()});
        QVERIFY(waitReport(&view));
        QAbstractItemModel *m = view.matrixView()->model();
        const int linux = rowOf(m, QStringLiteral("Linux glibc x86_64"));
        QVERIFY(linux >= 0);
        const QModelIndex cell = m->index(linux, 0);
        QVERIFY2(cell.data().toString().contains(QLatin1String("no sdist: pip cannot install")), qPrintable(cell.data().toString()));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("no sdist")));
        QVERIFY(cell.data(Qt::UserRole).toString().isEmpty());
        QVERIFY(m->headerData(linux, Qt::Vertical, Qt::ToolTipRole).toString().contains(QLatin1String("release.yml")));
        QAbstractItemModel *f = view.findingsView()->model();
        bool platformMissing = false;
        for (int r = 0; r < f->rowCount(); ++r)
            platformMissing = platformMissing || f->index(r, 1).data().toString() == QLatin1String("coverage.platform-missing");
        QVERIFY(platformMissing);
        QVERIFY(view.summaryText().contains(QLatin1String("Not ready")));
        screenshot(&view, QStringLiteral("release-missing.png"));
    }

    void previousAndEmpty()
    {
        WB_REQUIRE_CORPUS();
        ReleaseView view(nullptr);
        view.show();
        view.setPrevious({mac(), win()});
        view.openPaths({win()});
        QVERIFY(waitReport(&view));
        QVERIFY2(view.comparisonText().contains(QLatin1String("macOS x86_64")), qPrintable(view.comparisonText()));
        QVERIFY(view.comparisonText().contains(QLatin1String("dropped")));

        // A folder with no wheel: a banner says so; the last report stays.
        const QString empty = m_tmp.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        view.openPaths({empty});
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
        QTest::qWait(50);
        bool banner = false;
        for (QLabel *l : view.findChildren<QLabel *>())
            banner = banner || (l->isVisible() && l->text().contains(QLatin1String("No wheel")));
        QVERIFY(banner);
        QVERIFY(view.hasReport());
    }

    void dropFiles()
    {
        WB_REQUIRE_CORPUS();
        ReleaseView view(nullptr);
        view.show();
        // Empty, it says what belongs here and offers the view's own open actions.
        auto *placeholder = view.findChild<PlaceholderPage *>(QStringLiteral("releasePlaceholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QCOMPARE(placeholder->title(), QStringLiteral("No release open"));
        QCOMPARE(placeholder->buttonActions().size(), 2);
        QCOMPARE(placeholder->buttonActions().first()->objectName(), QStringLiteral("openReleaseFolder"));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(win())});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &drop);
        QVERIFY(waitReport(&view));
        QCOMPARE(view.report().set.files.size(), 1);
        QVERIFY(!placeholder->isVisible());
    }
};

QTEST_MAIN(TestReleaseView)
#include "tst_releaseview.moc"
