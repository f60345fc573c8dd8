#pragma once

#include <QMainWindow>

class QMenu;
class QTabWidget;

namespace wb::ui {

class Workspace;
class ProjectView;
class BuildView;
class WheelsView;
class TroubleshootingView;
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
    void createMenus();
    void openProjectDialog();
    void openWheelDialog();
    void rebuildRecentMenu();
    void updateTitle();

    Workspace *m_workspace = nullptr;
    QTabWidget *m_tabs = nullptr;
    QMenu *m_recentMenu = nullptr;
    ProjectView *m_projectView = nullptr;
    BuildView *m_buildView = nullptr;
    WheelsView *m_wheelsView = nullptr;
    TroubleshootingView *m_troubleshootingView = nullptr;
    ReleaseView *m_releaseView = nullptr;
};

} // namespace wb::ui
