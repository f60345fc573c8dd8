// The Wheels view, offscreen: open a real wheel through the workspace, wait for the background read,
// check the summary and the tabs, save a screenshot. A real sdist (made by `maturin sdist` from a copy
// of examples/hello-pyo3) opens the same ways: the workspace, File ▸ Open's path, drag and drop, the
// command line and the project's target/wheels.
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "ui/common/MainWindow.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/PlaceholderPage.h"
#include "ui/common/RecentFiles.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/ExtensionsTree.h"
#include "ui/wheels/SizeTreemap.h"
#include "ui/wheels/WheelCompareView.h"
#include "ui/wheels/WheelsView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

using namespace wb;
using namespace wb::ui;

class TestWheelsView : public QObject
{
    Q_OBJECT

    static QString sampleWheel()
    {
        const QString corpus = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");
        if (QFile::exists(corpus))
            return corpus;
        const QStringList debian = QDir(QStringLiteral("/usr/share/python-wheels")).entryList({QStringLiteral("*.whl")});
        return debian.isEmpty() ? QString() : QStringLiteral("/usr/share/python-wheels/") + debian.first();
    }

    QTemporaryDir m_tmp;
    QString m_sdist;          // built once by initTestCase
    QString m_sdistProblem;   // why there is none

    static QString tabTitle(QTabWidget *tabs, QWidget *page) { return tabs->tabText(tabs->indexOf(page)); }

    // The model row whose path (Qt::UserRole of column 0) is PATH, searched through the whole tree.
    static QModelIndex findPath(QAbstractItemModel *model, const QString &path, const QModelIndex &parent = {})
    {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex i = model->index(r, 0, parent);
            if (i.data(Qt::UserRole).toString() == path)
                return i;
            const QModelIndex below = findPath(model, path, i);
            if (below.isValid())
                return below;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WheelbenchTest"));
        if (QStandardPaths::findExecutable(QStringLiteral("maturin")).isEmpty()) {
            m_sdistProblem = QStringLiteral("maturin is not installed");
            return;
        }
        const QString project = m_tmp.filePath(QStringLiteral("hello"));
        QVERIFY(wb::test::copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        QDir(project + QStringLiteral("/target")).removeRecursively();
        QProcess p;
        p.setWorkingDirectory(project);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("maturin"), {QStringLiteral("sdist"), QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("dist"))});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAll().constData());
        const QStringList made = QDir(m_tmp.filePath(QStringLiteral("dist"))).entryList({QStringLiteral("*.tar.gz")});
        QCOMPARE(made.size(), 1);
        m_sdist = m_tmp.filePath(QStringLiteral("dist/")) + made.first();
    }

    // The sdist in every tab that applies; RECORD and Extensions hide, and come back for a wheel.
    void showsSdist()
    {
        if (m_sdist.isEmpty())
            QSKIP(qPrintable(m_sdistProblem));
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1200, 760);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        QString error;
        QVERIFY2(ws.open(m_sdist, &error), qPrintable(error));
        QVERIFY(ready.wait(60000));
        QCOMPARE(view.wheelPaths(), QStringList{QFileInfo(m_sdist).absoluteFilePath()});
        QVERIFY(ws.currentWheel().isEmpty());   // an sdist is never taken as the current wheel
        QVERIFY(view.currentIsSdist());
        const SdistReport &r = view.currentSdist();
        QVERIFY2(r.readable, qPrintable(r.unreadableReason));
        QCOMPARE(r.name, QStringLiteral("hello-pyo3"));
        QCOMPARE(r.version, QStringLiteral("0.1.0"));

        const QString summary = view.summaryText();
        QVERIFY2(summary.contains(QLatin1String("<h2>hello-pyo3 0.1.0</h2>")), qPrintable(summary));
        QVERIFY(summary.contains(QLatin1String("Source distribution")));
        QVERIFY(summary.contains(QLatin1String("Verdict")));
        QVERIFY(summary.contains(r.root + QLatin1Char('/')));
        QVERIFY(summary.contains(QLatin1String("Metadata-Version ")));

        auto *tabs = view.findChild<QTabWidget *>();
        auto *record = view.findChild<QWidget *>(QStringLiteral("record"));
        QVERIFY(record);
        auto *extensions = view.findChild<QWidget *>(QStringLiteral("extensions"));
        QVERIFY(extensions);
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(record)));
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(extensions)));

        // Files: the tree under the top folder, with sizes; folders carry their totals.
        auto *files = view.findChild<QTreeView *>(QStringLiteral("files"));
        QAbstractItemModel *model = files->model();
        const QString pkgInfoPath = r.root + QStringLiteral("/PKG-INFO");
        const QModelIndex pkgInfo = findPath(model, pkgInfoPath);
        QVERIFY(pkgInfo.isValid());
        qint64 pkgInfoSize = -1;
        for (const SdistFileEntry &f : r.files)
            if (f.path == pkgInfoPath)
                pkgInfoSize = f.size;
        QVERIFY(pkgInfoSize > 0);
        QCOMPARE(pkgInfo.siblingAtColumn(1).data(Qt::UserRole).toLongLong(), pkgInfoSize);
        QVERIFY(findPath(model, r.root + QStringLiteral("/src/lib.rs")).isValid());
        QCOMPARE(model->rowCount(), 1);   // the one top folder
        QCOMPARE(model->index(0, 1).data(Qt::UserRole).toLongLong(), r.totalSize);
        QVERIFY(files->isColumnHidden(2));   // no per-file compressed size in a tar.gz

        // Metadata: PKG-INFO's fields.
        auto *metadata = view.findChild<QTableWidget *>(QStringLiteral("metadata"));
        QStringList fields;
        for (int row = 0; row < metadata->rowCount(); ++row)
            fields.append(metadata->item(row, 0)->text() + QLatin1Char('=') + metadata->item(row, 1)->text());
        QVERIFY2(fields.contains(QStringLiteral("Name=hello-pyo3")), qPrintable(fields.join(QLatin1Char('\n'))));
        QVERIFY(fields.contains(QStringLiteral("Version=0.1.0")));

        // Findings and the size map.
        auto *findings = view.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QCOMPARE(findings->topLevelItemCount(), r.findings.size());
        QCOMPARE(tabTitle(tabs, findings), QStringLiteral("Findings (%1)").arg(r.findings.size()));
        QCOMPARE(view.findChild<SizeTreemap *>(QStringLiteral("treemap"))->shownTotal(), r.totalSize);
        QVERIFY(!view.findChild<QCheckBox *>(QStringLiteral("hideDebug"))->isEnabled());

        const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-sdist-summary.png")));
        tabs->setCurrentIndex(1);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-sdist-files.png")));

        // Back to a wheel: its tabs return.
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            return;
        view.addWheel(wheel);
        QTRY_VERIFY_WITH_TIMEOUT(!view.currentIsSdist() && view.currentReport().file == QFileInfo(wheel).absoluteFilePath(), 60000);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(record)));
        QVERIFY(tabs->isTabVisible(tabs->indexOf(extensions)));
        // The Files table of a quick report is filled one turn of the event loop after its summary.
        QTRY_VERIFY(!files->isColumnHidden(2));
    }

    // The window: the path File ▸ Open hands over, drag and drop, and what a build reports.
    void windowOpensSdist()
    {
        if (m_sdist.isEmpty())
            QSKIP(qPrintable(m_sdistProblem));
        wb::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        WheelsView *view = w.wheelsView();
        QSignalSpy ready(view, &WheelsView::reportReady);
        QVERIFY(w.openPath(m_sdist));
        QCOMPARE(w.currentArea(), wb::ui::MainWindow::WheelsArea);
        QVERIFY(ready.wait(60000));
        QVERIFY(view->currentIsSdist());
        QVERIFY(wb::ui::RecentFiles::entries().contains(QFileInfo(m_sdist).absoluteFilePath()));

        wb::ui::MainWindow dropped;
        dropped.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dropped));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_sdist)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&dropped, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&dropped, &drop);
        QCOMPARE(dropped.wheelsView()->wheelPaths(), QStringList{QFileInfo(m_sdist).absoluteFilePath()});
        QTRY_VERIFY_WITH_TIMEOUT(dropped.wheelsView()->currentIsSdist(), 60000);

        // A build that made an sdist (maturin build --sdist, maturin sdist) lists it.
        Workspace ws;
        WheelsView fromBuild(&ws);
        ws.reportBuild(true, QStringLiteral("📦 Built source distribution to %1\n").arg(m_sdist), {m_sdist});
        QCOMPARE(fromBuild.wheelPaths(), QStringList{QFileInfo(m_sdist).absoluteFilePath()});
    }

    // A project's target/wheels holds the sdists maturin wrote next to its wheels.
    void projectSdistsAreListed()
    {
        if (m_sdist.isEmpty())
            QSKIP(qPrintable(m_sdistProblem));
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("target/wheels")));
        const QString copy = dir.filePath(QStringLiteral("target/wheels/")) + QFileInfo(m_sdist).fileName();
        QVERIFY(QFile::copy(m_sdist, copy));
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openProject(dir.path());
        QCOMPARE(view.wheelPaths(), QStringList{copy});
        QVERIFY(ready.wait(60000));
        QVERIFY(view.currentIsSdist());
    }

    // `wheelbench x.tar.gz --screenshot out.png`: the window opens it (an unopenable path exits with 2).
    void commandLineOpensSdist()
    {
        if (m_sdist.isEmpty())
            QSKIP(qPrintable(m_sdistProblem));
        const QString shot = wb::test::binaryDir() + QStringLiteral("/screenshots/window-sdist.png");
        QFile::remove(shot);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(wb::test::executable(), {m_sdist, QStringLiteral("--screenshot"), shot});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        QVERIFY(QFileInfo(shot).size() > 0);
    }

    // Two real wheels of the same project, for Windows amd64 and x86: the Compare tab names what differs.
    void comparesTwoWheels()
    {
        WB_REQUIRE_CORPUS();
        const QString dir = wb::test::corpusDir() + QStringLiteral("/wheels/delvewheel/");
        const QString a = dir + QStringLiteral("simpleext-0.0.1-cp312-cp312-win_amd64.whl");
        const QString b = dir + QStringLiteral("simpleext-0.0.1-cp312-cp312-win32.whl");
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1200, 760);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(b, false);
        view.addWheel(a, true);
        QTRY_VERIFY_WITH_TIMEOUT(view.currentReport().file == a, 60000);
        WheelCompareView *compare = view.compareView();
        auto *combo = compare->findChild<QComboBox *>(QStringLiteral("compareWith"));
        QCOMPARE(combo->count(), 2);   // "Choose…" and the other wheel, not the shown one
        QCOMPARE(combo->itemData(1).toString(), b);
        QSignalSpy compared(compare, &WheelCompareView::comparisonReady);
        compare->compareWith(b);
        QVERIFY(compared.wait(60000));
        const WheelComparisonResult &r = compare->result();
        QVERIFY(r.readable);
        QCOMPARE(r.comparison.tagsAdded, QStringList{QStringLiteral("cp312-cp312-win32")});
        QCOMPARE(r.comparison.tagsRemoved, QStringList{QStringLiteral("cp312-cp312-win_amd64")});
        auto paths = [](const QList<WheelComparison::Change> &l) {
            QStringList out;
            for (const auto &c : l)
                out.append(c.path);
            return out;
        };
        QVERIFY(paths(r.comparison.added).contains(QStringLiteral("simpleext.cp312-win32.pyd")));
        QVERIFY(paths(r.comparison.removed).contains(QStringLiteral("simpleext.cp312-win_amd64.pyd")));
        QVERIFY(paths(r.comparison.changed).contains(QStringLiteral("simpleext-0.0.1.dist-info/WHEEL")));
        QVERIFY(compare->summaryText().contains(QLatin1String("simpleext-0.0.1-cp312-cp312-win32.whl")));
        auto *tree = compare->findChild<QTreeWidget *>(QStringLiteral("compareChanges"));
        QStringList groups;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            groups.append(tree->topLevelItem(i)->text(0));
        QVERIFY2(groups.contains(QStringLiteral("Tags (2)")), qPrintable(groups.join(QLatin1Char(','))));
        QVERIFY(groups.contains(QStringLiteral("Added (%1)").arg(r.comparison.added.size())));
        auto *tabs = view.findChild<QTabWidget *>();
        tabs->setCurrentWidget(compare);
        const QString shots = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QVERIFY(view.grab().save(shots + QStringLiteral("/wheels-compare.png")));
    }

    // "Hide debug info" shows the wheel as it would be with its extensions stripped.
    void sizeMapHidesDebugInfo()
    {
        WB_REQUIRE_CORPUS();
        const QString wheel = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(wheel);
        QVERIFY(ready.wait(60000));
        const WheelReport &r = view.currentReport();
        qint64 debug = 0;
        for (const ExtensionReport &e : r.extensions)
            debug += e.binary.debugBytes;
        QVERIFY(debug > 0);
        auto *map = view.findChild<SizeTreemap *>(QStringLiteral("treemap"));
        QCOMPARE(map->shownTotal(), r.totalSize);
        view.findChild<QCheckBox *>(QStringLiteral("hideDebug"))->setChecked(true);
        QCOMPARE(map->shownTotal(), r.totalSize - debug);
        // One extension's sections: the debug sections go, the rest stays.
        auto *source = view.findChild<QComboBox *>(QStringLiteral("mapSource"));
        QCOMPARE(source->count(), 1 + r.extensions.size());
        source->setCurrentIndex(1);
        const ExtensionReport &x = r.extensions.first();
        qint64 kept = 0;
        for (const BinarySection &s : x.binary.sections)
            kept += s.debug ? 0 : s.size;
        QCOMPARE(map->shownTotal(), kept);
    }

    void opensWheelAndShowsSummary()
    {
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("neither the corpus nor Debian's wheels are available");
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1200, 760);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openWheel(wheel);
        QVERIFY(ready.wait(60000));
        QCOMPARE(view.wheelPaths().size(), 1);
        const WheelReport &r = view.currentReport();
        QVERIFY(r.readable);
        QVERIFY(view.summaryText().contains(r.name.toHtmlEscaped()));
        QVERIFY(view.summaryText().contains(r.version));
        QVERIFY(view.summaryText().contains(r.tags.first()));
        QVERIFY(view.summaryText().contains(QLatin1String("Verdict")));
        if (wheel.contains(QLatin1String("python_mscl"))) {
            QVERIFY(view.summaryText().contains(QLatin1String("errors")));
            QVERIFY(view.summaryText().contains(QLatin1String("manylinux_2_31")));
        }
        auto *tabs = view.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QVERIFY(tabs->count() >= 7);
        const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-summary.png")));
        tabs->setCurrentIndex(1);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-files.png")));
        tabs->setCurrentIndex(5);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-sizemap.png")));
        // A finding about one member shows that member in Files.
        auto *findings = view.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QTreeWidgetItem *aboutFile = nullptr;
        for (int i = 0; i < findings->topLevelItemCount() && !aboutFile; ++i)
            if (!findings->topLevelItem(i)->text(2).isEmpty())
                aboutFile = findings->topLevelItem(i);
        if (aboutFile) {
            tabs->setCurrentWidget(findings);
            findings->setCurrentItem(aboutFile);
            QTest::keyClick(findings, Qt::Key_Return);
            auto *files = view.findChild<QTreeView *>(QStringLiteral("files"));
            QCOMPARE(tabs->currentWidget(), files->parentWidget());
            QCOMPARE(files->currentIndex().siblingAtColumn(0).data(Qt::UserRole).toString(), aboutFile->text(2));
        } else {
            QVERIFY(!wheel.contains(QLatin1String("python_mscl")));   // that one has findings about its files
        }
        auto *extensions = view.findChild<ExtensionsTree *>(QStringLiteral("extensions"));
        tabs->setCurrentWidget(extensions);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-extensions.png")));
        if (wheel.contains(QLatin1String("python_mscl"))) {
            // Each version with the symbols behind it, and what stands in the way of better policies.
            const QString text = extensions->plainText();
            QVERIFY2(text.contains(QRegularExpression(QStringLiteral("GLIBC_2\\.29 \\([a-z_0-9]+"))), qPrintable(text));
            QVERIFY(text.contains(QLatin1String("for manylinux_2_17")));
            QVERIFY(text.contains(QStringLiteral("PyInit__mscl — found")));
            QVERIFY(text.contains(QLatin1String("Links libpython: yes")));
        }
    }

    void projectWheelsAreListed()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("target/wheels")));
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("no wheel to copy");
        QVERIFY(QFile::copy(wheel, dir.filePath(QStringLiteral("target/wheels/")) + QFileInfo(wheel).fileName()));
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openProject(dir.path());
        QCOMPARE(view.wheelPaths().size(), 1);
        QVERIFY(ready.wait(60000));
    }

    // A file that cannot be read gets an error bar above the tabs, naming the reason, with Close File;
    // a readable file after it has none. (The unreadable one: a real wheel cut after 5,000 bytes, as a
    // download that stopped early leaves it.)
    void unreadableFileGetsABanner()
    {
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("neither the corpus nor Debian's wheels are available");
        QTemporaryDir dir;
        const QString cut = dir.filePath(QStringLiteral("cut-1.0-py3-none-any.whl"));
        {
            QFile in(wheel), out(cut);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            QVERIFY(out.write(in.read(5000)) == 5000);
        }
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1000, 600);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openWheel(cut);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
        auto *banner = view.findChild<MessageBanner *>(QStringLiteral("unreadableBanner"));
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(QLatin1String("cut-1.0-py3-none-any.whl cannot be read: no end-of-central-directory record")),
                 qPrintable(banner->text()));
        ready.clear();
        ws.openWheel(wheel);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
        QVERIFY(!banner->isVisible());
        view.findChild<QListWidget *>(QStringLiteral("wheelList"))->setCurrentRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("banner/close")), Qt::LeftButton);
        QCOMPARE(view.wheelPaths(), QStringList{QDir::cleanPath(QFileInfo(wheel).absoluteFilePath())});
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);
    }

    // With nothing listed, the view is a placeholder that says what belongs there and offers the
    // actions that fill it (the buttons are those actions); a listed file replaces it, and closing
    // the last one brings it back. With a project open, it says where the project's wheels come from.
    void emptyViewOffersActions()
    {
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("neither the corpus nor Debian's wheels are available");
        Workspace ws;
        WheelsView view(&ws);
        QAction open(QStringLiteral("Open Wheel"));
        open.setObjectName(QStringLiteral("action/open-wheel"));
        QAction build(QStringLiteral("Build"));
        build.setObjectName(QStringLiteral("action/build"));
        build.setEnabled(false);
        view.setEmptyActions({&open, &build});
        view.resize(1000, 600);
        view.show();
        PlaceholderPage *placeholder = view.placeholder();
        auto *list = view.findChild<QListWidget *>(QStringLiteral("wheelList"));
        QVERIFY(placeholder && list);
        QVERIFY(placeholder->isVisible());
        QVERIFY(!list->isVisible());
        QCOMPARE(placeholder->title(), QStringLiteral("No wheel open"));
        QVERIFY2(placeholder->text().contains(QLatin1String("Open a wheel (.whl)")), qPrintable(placeholder->text()));
        auto *openButton = placeholder->findChild<QToolButton *>(QStringLiteral("placeholder/action/open-wheel"));
        auto *buildButton = placeholder->findChild<QToolButton *>(QStringLiteral("placeholder/action/build"));
        QVERIFY(openButton && buildButton);
        QCOMPARE(openButton->defaultAction(), &open);
        QVERIFY(!buildButton->isEnabled());   // follows its action
        build.setEnabled(true);
        QVERIFY(buildButton->isEnabled());
        QSignalSpy triggered(&open, &QAction::triggered);
        QTest::mouseClick(openButton, Qt::LeftButton);
        QCOMPARE(triggered.size(), 1);

        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openWheel(wheel);
        QVERIFY(!placeholder->isVisible());
        QVERIFY(list->isVisible());
        QVERIFY(ready.wait(60000));
        view.closeWheel(view.wheelPaths().first());
        QVERIFY(placeholder->isVisible());
        QVERIFY(!list->isVisible());

        QTemporaryDir dir;
        QVERIFY(wb::test::copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), dir.filePath(QStringLiteral("hello-pyo3"))));
        QVERIFY(ws.openProject(dir.filePath(QStringLiteral("hello-pyo3"))));
        QVERIFY2(placeholder->text().startsWith(QLatin1String("hello-pyo3 has no built wheel yet")), qPrintable(placeholder->text()));
        const QString shots = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QVERIFY(view.grab().save(shots + QStringLiteral("/wheels-empty.png")));
    }

    // Switching quickly: only the last selection's report is shown.
    void staleResultsAreDropped()
    {
        const QStringList debian = QDir(QStringLiteral("/usr/share/python-wheels")).entryList({QStringLiteral("*.whl")});
        if (debian.size() < 2)
            QSKIP("needs two wheels in /usr/share/python-wheels");
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(QStringLiteral("/usr/share/python-wheels/") + debian.at(0));
        view.addWheel(QStringLiteral("/usr/share/python-wheels/") + debian.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
        QTest::qWait(200);
        QVERIFY(view.currentReport().file.endsWith(debian.at(1)));
    }
};

QTEST_MAIN(TestWheelsView)
#include "tst_wheelsview.moc"
