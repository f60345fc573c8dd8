#pragma once

#include <QObject>

class QFileSystemWatcher;

namespace wb::ui {

class MessageBanner;
class ProjectView;

// Watches the Project view's settings files and their folder for changes made by someone else, as
// Kate and Qt Creator do: a file changed on disk while the view is clean is taken silently; while
// it has unsaved edits, a banner offers Reload (an undoable step), Keep Mine (the disk state becomes
// the base, so Save overwrites knowingly) and Show Diff. A project folder deleted or moved away asks
// once whether to write the unsaved edits back, forget them or keep them for now.
class DiskChangeController : public QObject
{
    Q_OBJECT
public:
    DiskChangeController(ProjectView *view, MessageBanner *banner);

    void projectOpened(); // watches the files of the project just opened
    void projectClosed(); // stops watching, hides the banner
    void saved();         // the files were written: watch their new inodes once the watcher is idle
    void saveRefused(const QString &path); // the file changed on disk since it was read
    // Watches what is not watched yet: the settings files, their folders, and the files and folders
    // the checks looked for (the nearest folder that exists, for one that does not), so that creating
    // a missing readme in docs/ re-checks as creating it beside pyproject.toml does.
    void watch();

    void reload();
    void keepMine();
    void showDiff();

private:
    void check();
    void folderGone();

    ProjectView *m_view;
    MessageBanner *m_banner;
    QFileSystemWatcher *m_watcher;
    bool m_folderGoneAsked = false;
};

} // namespace wb::ui
