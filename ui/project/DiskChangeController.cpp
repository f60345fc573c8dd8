#include "ui/project/DiskChangeController.h"

#include "core/project/Project.h"
#include "core/project/SettingsFile.h"
#include "core/toml/UnifiedDiff.h"
#include "ui/common/DiffDialog.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/SaveQuestion.h"
#include "ui/project/ProjectView.h"
#include "ui/project/RecoveryController.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QPushButton>
#include <QTimer>

namespace wb::ui {

DiskChangeController::DiskChangeController(ProjectView *view, MessageBanner *banner)
    : QObject(view)
    , m_view(view)
    , m_banner(banner)
    , m_watcher(new QFileSystemWatcher(this))
{
    connect(m_banner->addAction(QStringLiteral("reload"), tr("Reload")), &QPushButton::clicked, this, &DiskChangeController::reload);
    connect(m_banner->addAction(QStringLiteral("keep"), tr("Keep Mine")), &QPushButton::clicked, this, &DiskChangeController::keepMine);
    connect(m_banner->addAction(QStringLiteral("diff"), tr("Show Diff")), &QPushButton::clicked, this, &DiskChangeController::showDiff);
    // Queued: the slot re-adds paths, which must not happen inside the watcher's own signal.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DiskChangeController::check, Qt::QueuedConnection);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &DiskChangeController::check, Qt::QueuedConnection);
}

void DiskChangeController::projectOpened()
{
    watch();
}

void DiskChangeController::projectClosed()
{
    m_folderGoneAsked = false;
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_banner->hide();
}

void DiskChangeController::saved()
{
    // QSaveFile made a new inode, which the watcher dropped: watch it again once the watcher is idle.
    QTimer::singleShot(0, this, &DiskChangeController::watch);
}

void DiskChangeController::saveRefused(const QString &path)
{
    m_banner->showMessage(MessageBanner::Kind::Warning,
                          tr("%1 changed on disk since it was read. Reload it, keep your version, or compare.").arg(path));
}

void DiskChangeController::watch()
{
    // Only adds what is missing: the watcher drops a file that was replaced (QSaveFile writes a new
    // inode), and paths must not be removed while it is delivering a signal.
    QStringList paths;
    for (const ProjectView::FileState &f : m_view->m_files) {
        if (!f.path.isEmpty() && QFileInfo::exists(f.path)) {
            paths << f.path;
            paths << QFileInfo(f.path).absolutePath();
        }
    }
    constexpr int maxConsulted = 64; // a hostile python-packages list does not make a watch per entry
    for (const QString &c : m_view->m_consultedPaths.mid(0, maxConsulted)) {
        QFileInfo info(c);
        while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
            info = QFileInfo(info.absolutePath());
        if (info.exists() && !info.isRoot())
            paths << info.absoluteFilePath();
    }
    paths.removeDuplicates();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    for (const QString &p : std::as_const(paths)) {
        if (!watched.contains(p))
            m_watcher->addPath(p);
    }
}

void DiskChangeController::check()
{
    m_view->takeOverRawTyping();
    if (!m_view->m_dir.isEmpty() && !QFileInfo(m_view->m_dir).isDir()) {
        folderGone();
        return;
    }
    bool external = false;
    const std::array<QByteArray, 2> before = m_view->allBytes();
    QStringList reloaded;
    for (ProjectView::FileState &f : m_view->m_files) {
        if (f.path.isEmpty())
            continue;
        QByteArray disk;
        QString err;
        if (!QFileInfo::exists(f.path) || !Project::readFile(f.path, &disk, &err))
            continue;
        const QByteArray hash = SettingsFile::hash(disk);
        if (hash == f.diskHash)
            continue; // touched, or our own save
        if (f.bytes == f.diskBytes) {
            // Clean: take the new text silently.
            f.bytes = disk;
            f.setDisk(disk, hash);
            reloaded << QFileInfo(f.path).fileName();
        } else {
            external = true;
        }
    }
    // A step of its own, so that the steps before it still undo from the text they were made on
    // (and undoing it shows what the other program changed).
    if (!reloaded.isEmpty())
        m_view->recordStep(tr("Reload %1 (Changed on Disk)").arg(reloaded.join(QStringLiteral(", "))), before);
    watch();
    if (external)
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("A settings file changed on disk while you have unsaved changes."));
    m_view->refresh();
}

void DiskChangeController::reload()
{
    m_view->takeOverRawTyping();
    const std::array<QByteArray, 2> before = m_view->allBytes();
    for (ProjectView::FileState &f : m_view->m_files) {
        QByteArray disk;
        QString err;
        if (!f.path.isEmpty() && Project::readFile(f.path, &disk, &err)) {
            f.bytes = disk;
            f.setDisk(disk);
        }
    }
    m_view->recordStep(tr("Reload From Disk"), before); // the edits it replaced can be had back
    m_banner->hide();
    m_view->refresh();
}

void DiskChangeController::keepMine()
{
    // Our text wins: take the disk state as the new base, so Save overwrites knowingly.
    for (ProjectView::FileState &f : m_view->m_files) {
        QByteArray disk;
        QString err;
        if (f.present && Project::readFile(f.path, &disk, &err))
            f.setDisk(disk);
    }
    m_banner->hide();
    m_view->refresh();
}

void DiskChangeController::showDiff()
{
    QString diff;
    for (const ProjectView::FileState &f : m_view->m_files) {
        QByteArray disk;
        QString err;
        if (!f.path.isEmpty() && Project::readFile(f.path, &disk, &err))
            diff += unifiedDiff(disk, f.bytes, tr("on disk: %1").arg(QFileInfo(f.path).fileName()),
                                tr("yours: %1").arg(QFileInfo(f.path).fileName()));
    }
    DiffDialog dialog(tr("Differences With the Files on Disk"), tr("From the files on disk to your unsaved version:"), diff,
                      QDialogButtonBox::Close, m_view);
    dialog.exec();
}

void DiskChangeController::folderGone()
{
    // The folder was deleted or moved away. Unsaved edits: ask (once) whether to write them back to
    // where they were, forget them, or keep them in memory (and in recovery) for now.
    const QString dir = m_view->m_dir;
    if (!m_view->isModified()) {
        m_view->closeProject(); // the empty state, nothing to watch, no banner
        return;
    }
    if (m_folderGoneAsked)
        return;
    m_folderGoneAsked = true;
    m_banner->showMessage(MessageBanner::Kind::Error,
                          tr("The project folder %1 no longer exists. Your unsaved changes are kept until you decide.").arg(QDir::toNativeSeparators(dir)));
    switch (askToSave(m_view, tr("The project folder %1 was deleted or moved.").arg(QDir::toNativeSeparators(dir)), m_view->modifiedFiles())) {
    case SaveAnswer::Save: {
        QDir().mkpath(dir);
        for (ProjectView::FileState &f : m_view->m_files) {
            if (f.present && !QFileInfo::exists(f.path)) { // everything in the folder is gone: write it all back
                QDir().mkpath(QFileInfo(f.path).absolutePath());
                f.diskHash.clear(); // the file is gone: nothing to compare with
                f.diskBytes.clear();
            }
        }
        if (m_view->save(false)) {
            m_banner->hide();
            m_folderGoneAsked = false;
            watch();
        }
        break;
    }
    case SaveAnswer::Discard:
        m_view->m_recovery->forget();
        m_view->closeProject();
        break;
    case SaveAnswer::Cancel: break;
    }
}

} // namespace wb::ui
