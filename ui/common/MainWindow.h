#pragma once

#include <QMainWindow>

class QAction;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace wb::ui {

class Workspace;
class ProjectView;
class BuildView;
class WheelsView;
class TroubleshootingView;
class StartPage;
class ReleaseView;

// The application shell: five areas as tabs (Project, Build, Wheels, Troubleshooting, Release), the File menu
// with recent files, drag and drop of folders and wheels.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Area { ProjectArea, BuildArea, WheelsArea, TroubleshootingArea, ReleaseArea };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace; }
    // Opens a project folder or a wheel; shows a message when PATH is neither.
    bool openPath(const QString &path);
    void showArea(Area area);
    Area currentArea() const;

    ProjectView *projectView() const { return m_projectView; }
    BuildView *buildView() const { return m_buildView; }
    WheelsView *wheelsView() const { return m_wheelsView; }
    TroubleshootingView *troubleshootingView() const { return m_troubleshootingView; }
    ReleaseView *releaseView() const { return m_releaseView; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void updateActions();
    void openProjectDialog();
    void newProjectDialog();
    void openWheelDialog();
    void rebuildRecentMenu();
    void updateTitle();
    // A wheel, sdist or release folder was opened: into the recent files, its area shown, said in the status bar.
    void showOpened(const QString &path, Area area, const QString &message);

    Workspace *m_workspace = nullptr;
    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QTabWidget *m_tabs = nullptr;
    QAction *m_openProjectAction = nullptr;
    QAction *m_newProjectAction = nullptr;
    QAction *m_openWheelAction = nullptr;
    QAction *m_buildAction = nullptr;
    QAction *m_developAction = nullptr;
    QAction *m_testAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    ProjectView *m_projectView = nullptr;
    BuildView *m_buildView = nullptr;
    WheelsView *m_wheelsView = nullptr;
    TroubleshootingView *m_troubleshootingView = nullptr;
    ReleaseView *m_releaseView = nullptr;
};

} // namespace wb::ui
