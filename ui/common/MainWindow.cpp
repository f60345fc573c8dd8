#include "ui/common/MainWindow.h"

#include "core/common/AppInfo.h"
#include "ui/build/BuildActions.h"
#include "ui/build/BuildView.h"
#include "ui/build/IssueOpener.h"
#include "ui/common/AboutDialog.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/DocumentationDialog.h"
#include "ui/common/StartPage.h"
#include "ui/common/RecentFiles.h"
#include "ui/common/WheelGuard.h"
#include "ui/project/NewProjectDialog.h"
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
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace wb::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new Workspace(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/wheelbench/icons/wheelbench.svg")));
    WheelGuard::install();
    setAcceptDrops(true);

    m_stack = new QStackedWidget(this);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("areas"));
    m_tabs->setDocumentMode(true);
    m_projectView = new ProjectView(m_workspace, this);
    m_buildView = new BuildView(m_workspace, this);
    m_wheelsView = new WheelsView(m_workspace, this);
    m_troubleshootingView = new TroubleshootingView(m_workspace, this);
    m_tabs->addTab(m_projectView, tr("&Project"));
    m_tabs->addTab(m_buildView, tr("B&uild")); // Alt+B opens the Build menu
    m_tabs->addTab(m_wheelsView, tr("&Wheels"));
    m_tabs->addTab(m_troubleshootingView, tr("&Troubleshooting"));
    m_releaseView = new ReleaseView(m_workspace, this);
    m_tabs->addTab(m_releaseView, tr("&Release"));
    createActions();
    m_wheelsView->setEmptyActions({m_openWheelAction, m_buildAction});
    m_startPage = new StartPage({m_openProjectAction, m_newProjectAction, m_openWheelAction}, m_stack);
    m_startPage->setObjectName(QStringLiteral("startPage"));
    connect(m_startPage, &StartPage::openRequested, this, &MainWindow::openPath);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    createMenus();
    createToolBar();
    connect(m_buildView, &BuildView::stateChanged, this, &MainWindow::updateActions);
    connect(m_wheelsView, &WheelsView::verificationChanged, this, &MainWindow::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    updateActions();
    // Another project replaces the open one only after unsaved edits were saved or discarded.
    m_workspace->setProjectCloseGuard([this](const QString &next) {
        if (next == m_workspace->projectDir())
            return !m_projectView->isModified(); // re-reading it would drop the edits: it is open already
        return m_projectView->maybeClose(tr("Opening %1 closes %2.").arg(QDir::toNativeSeparators(next), QDir::toNativeSeparators(m_workspace->projectDir())));
    });
    connect(m_workspace, &Workspace::openProjectRequested, this, &MainWindow::openProjectDialog);
    connect(m_workspace, &Workspace::locationRequested, this, [this](const QString &file, int line) {
        if (m_projectView->showLocation(file, line)) {
            showArea(ProjectArea);
            return;
        }
        const QString shown = QDir(m_workspace->projectDir()).relativeFilePath(file);
        m_buildView->issueOpener()->open(file, line, 0, QStringLiteral("%1:%2").arg(shown).arg(line));
    });
    connect(m_projectView, &ProjectView::modifiedChanged, this, &QWidget::setWindowModified);

    connect(m_workspace, &Workspace::projectOpened, this, [this](const QString &dir) {
        RecentFiles::add(dir);
        rebuildRecentMenu();
        updateTitle();
        m_stack->setCurrentWidget(m_tabs);
        updateActions();
        statusBar()->showMessage(tr("Opened project %1").arg(QDir::toNativeSeparators(dir)), 5000);
    });
    connect(m_workspace, &Workspace::wheelOpened, this, [this](const QString &path) {
        updateTitle();
        showOpened(path, WheelsArea, tr("Opened wheel %1").arg(QFileInfo(path).fileName()));
    });
    connect(m_workspace, &Workspace::releaseFolderOpened, this, [this](const QString &dir) {
        showOpened(dir, ReleaseArea, tr("Checking the release in %1").arg(QDir::toNativeSeparators(dir)));
        m_releaseView->openPaths({dir});
    });
    connect(m_workspace, &Workspace::sdistOpened, this, [this](const QString &path) {
        showOpened(path, WheelsArea, tr("Opened source distribution %1").arg(QFileInfo(path).fileName()));
    });

    updateTitle();
    statusBar()->showMessage(tr("Open a project folder, a wheel or an sdist (File menu, or drop it here)."));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QIcon &i, const QString &text, const char *name, const QString &tip, const QList<QKeySequence> &keys, auto slot) {
        QAction *a = makeAction(this, i, text, QLatin1String(name), tip, keys);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_openProjectAction = make(themedIcon("folder-open", QStyle::SP_DirOpenIcon), tr("Open &Project…"), "action/open-project", tr("Open a maturin project folder"),
                               {QKeySequence::Open}, [this] { openProjectDialog(); });
    m_newProjectAction = make(themedIcon("document-new", QStyle::SP_FileDialogNewFolder), tr("&New Project…"), "action/new-project",
                              tr("Create a maturin project in the recommended mixed Rust/Python layout"), {QKeySequence::New},
                              [this] { newProjectDialog(); });
    m_openWheelAction = make(themedIcon("package-x-generic", QStyle::SP_FileIcon), tr("Open &Wheel or sdist…"), "action/open-wheel",
                             tr("Inspect a wheel or a source distribution"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
                             [this] { openWheelDialog(); });
    // Build, Develop and Test are the Build view's actions (its buttons): one action per command.
    BuildActions *runs = m_buildView->actions();
    m_buildAction = runs->build();
    m_developAction = runs->develop();
    m_testAction = runs->test();
    for (QAction *a : {m_buildAction, m_developAction, m_testAction, runs->sdist()})
        connect(a, &QAction::triggered, this, [this] { showArea(BuildArea); });
    m_cancelAction = make(themedIcon("process-stop", QStyle::SP_BrowserStop), tr("&Cancel"), "action/cancel",
                          tr("Stop the running build and everything it started"),
                          {QKeySequence(Qt::CTRL | Qt::Key_Period), QKeySequence(Qt::Key_Escape)}, [this] {
                              // In the Wheels area it stops the wheel's verification, if one runs.
                              if (currentArea() == WheelsArea && m_wheelsView->isVerifying())
                                  m_wheelsView->cancelVerification();
                              else
                                  m_buildView->cancel();
                          });
    runs->shareCancel(m_cancelAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_openProjectAction);
    bar->addAction(m_openWheelAction);
    bar->addSeparator();
    bar->addAction(m_buildAction);
    bar->addAction(m_developAction);
    bar->addAction(m_testAction);
    bar->addAction(m_cancelAction);
}

void MainWindow::updateActions()
{
    m_cancelAction->setEnabled(m_buildView->isRunning() || (currentArea() == WheelsArea && m_wheelsView->isVerifying()));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openProjectAction);
    file->addAction(m_newProjectAction);
    file->addAction(m_openWheelAction);
    file->addAction(tr("Open Re&lease Folder…"), this, [this] {
        showArea(ReleaseArea);
        m_releaseView->openFolderDialog();
    })->setStatusTip(tr("Check the wheels and sdist a CI run produced as one release"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_projectView->saveAction());
    file->addAction(m_projectView->revertAction());
    file->addAction(m_wheelsView->closeAction());
    file->addSeparator();
    QAction *quit = file->addAction(themedIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Quit; asks first when settings have unsaved changes"));

    // The Project view's steps: undone and redone while it is shown (the actions say which step).
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_projectView->undoAction());
    edit->addAction(m_projectView->redoAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("Project"), tr("Build"), tr("Wheels"), tr("Troubleshooting"), tr("Release")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = view->addAction(names.at(i), this, [this, i] { showArea(Area(i)); });
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *build = menuBar()->addMenu(tr("&Build"));
    build->addAction(m_buildAction);
    build->addAction(m_developAction);
    build->addAction(m_testAction);
    build->addAction(m_buildView->actions()->sdist());
    build->addSeparator();
    build->addAction(m_cancelAction);
    build->addSeparator();
    build->addAction(m_buildView->actions()->generateCi());
    build->addAction(m_buildView->actions()->saveLog());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *docs = help->addAction(themedIcon("help-contents", QStyle::SP_DialogHelpButton), tr("&Documentation"), this, [this] {
        auto *dialog = new DocumentationDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    docs->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(QIcon(QStringLiteral(":/wheelbench/icons/wheelbench.svg")), tr("&About %1").arg(AppInfo::name()), this,
                    [this] { AboutDialog(this).exec(); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    if (m_startPage)
        m_startPage->refresh();
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
    if (error.isEmpty())
        return false; // the user kept the open project
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

void MainWindow::newProjectDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("New Project: Choose or Create Its Folder"),
                                                          QFileInfo(m_workspace->projectDir()).absolutePath());
    if (dir.isEmpty())
        return;
    NewProjectDialog dialog(dir, this);
    if (dialog.exec() == QDialog::Accepted)
        openPath(dialog.plan().dir);
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

void MainWindow::showOpened(const QString &path, Area area, const QString &message)
{
    RecentFiles::add(path);
    rebuildRecentMenu();
    showArea(area);
    statusBar()->showMessage(message, 5000);
}

void MainWindow::showArea(Area area)
{
    m_stack->setCurrentWidget(m_tabs);
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
        title = QFileInfo(m_workspace->projectDir()).fileName() + QStringLiteral("[*] — ") + title;
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
    if (!m_projectView->maybeClose(tr("Closing %1 quits.").arg(AppInfo::name()))) {
        event->ignore();
        return;
    }
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace wb::ui
