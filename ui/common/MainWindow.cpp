#include "ui/common/MainWindow.h"

#include "core/common/AppInfo.h"
#include "ui/build/BuildView.h"
#include "ui/common/AboutDialog.h"
#include "ui/common/RecentFiles.h"
#include "ui/common/Workspace.h"
#include "ui/project/ProjectView.h"
#include "ui/release/ReleaseView.h"
#include "ui/troubleshoot/TroubleshootingView.h"
#include "ui/wheels/WheelsView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace wb::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/wheelbench/icons/wheelbench.svg")));
    setAcceptDrops(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_projectView = new ProjectView(m_workspace, this);
    m_buildView = new BuildView(m_workspace, this);
    m_wheelsView = new WheelsView(m_workspace, this);
    m_troubleshootingView = new TroubleshootingView(m_workspace, this);
    m_tabs->addTab(m_projectView, tr("&Project"));
    m_tabs->addTab(m_buildView, tr("&Build"));
    m_tabs->addTab(m_wheelsView, tr("&Wheels"));
    m_tabs->addTab(m_troubleshootingView, tr("&Troubleshooting"));
    m_releaseView = new ReleaseView(m_workspace, this);
    m_tabs->addTab(m_releaseView, tr("&Release"));
    setCentralWidget(m_tabs);

    createMenus();

    connect(m_workspace, &Workspace::projectOpened, this, [this](const QString &dir) {
        RecentFiles::add(dir);
        rebuildRecentMenu();
        updateTitle();
        statusBar()->showMessage(tr("Opened project %1").arg(QDir::toNativeSeparators(dir)), 5000);
    });
    connect(m_workspace, &Workspace::wheelOpened, this, [this](const QString &path) {
        RecentFiles::add(path);
        rebuildRecentMenu();
        updateTitle();
        showArea(WheelsArea);
        statusBar()->showMessage(tr("Opened wheel %1").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(m_workspace, &Workspace::sdistOpened, this, [this](const QString &path) {
        RecentFiles::add(path);
        rebuildRecentMenu();
        showArea(WheelsArea);
        statusBar()->showMessage(tr("Opened source distribution %1").arg(QFileInfo(path).fileName()), 5000);
    });

    updateTitle();
    statusBar()->showMessage(tr("Open a project folder, a wheel or an sdist (File menu, or drop it here)."));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openProject = file->addAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Project…"),
                                           this, &MainWindow::openProjectDialog);
    openProject->setShortcut(QKeySequence::Open);
    QAction *openWheel = file->addAction(tr("Open &Wheel or sdist…"), this, &MainWindow::openWheelDialog);
    openWheel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Open Re&lease Folder…"), this, [this] {
        showArea(ReleaseArea);
        m_releaseView->openFolderDialog();
    })->setStatusTip(tr("Check the wheels and sdist a CI run produced as one release"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("Project"), tr("Build"), tr("Wheels"), tr("Troubleshooting"), tr("Release")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = view->addAction(names.at(i), this, [this, i] { showArea(Area(i)); });
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About %1").arg(AppInfo::name()), this, [this] { AboutDialog(this).exec(); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList entries = RecentFiles::entries();
    for (const QString &path : entries)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openPath(path); });
    if (entries.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            RecentFiles::clear();
            rebuildRecentMenu();
        });
    }
}

bool MainWindow::openPath(const QString &path)
{
    QString error;
    if (m_workspace->open(path, &error))
        return true;
    statusBar()->showMessage(error, 10000);
    if (isVisible())
        QMessageBox::warning(this, tr("Cannot open"), error);
    return false;
}

void MainWindow::openProjectDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"), m_workspace->projectDir());
    if (!dir.isEmpty())
        openPath(dir);
}

void MainWindow::openWheelDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Wheel or Source Distribution"), m_workspace->projectDir(),
                                                      tr("Wheels and sdists (*.whl *.tar.gz *.tgz *.tar.bz2 *.tar.xz *.tar.zst *.tar);;"
                                                         "Wheels (*.whl);;Source distributions (*.tar.gz *.tgz *.tar.bz2 *.tar.xz *.tar.zst *.tar);;"
                                                         "All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::showArea(Area area)
{
    m_tabs->setCurrentIndex(int(area));
}

MainWindow::Area MainWindow::currentArea() const
{
    return Area(m_tabs->currentIndex());
}

void MainWindow::updateTitle()
{
    QString title = AppInfo::name();
    if (!m_workspace->projectDir().isEmpty())
        title = QFileInfo(m_workspace->projectDir()).fileName() + QStringLiteral(" — ") + title;
    setWindowTitle(title);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        const QFileInfo info(url.toLocalFile());
        if (url.isLocalFile() && (info.isDir() || Workspace::isWheelPath(info.fileName()) || Workspace::isSdistPath(info.fileName()))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            openPath(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace wb::ui
