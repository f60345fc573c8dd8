#pragma once

#include "core/project/SettingsDiagnostic.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace wb::ui {

// What is open in the window: the project folder, the wheels, the last build's log. The views
// listen to it instead of to each other.
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);

    QString projectDir() const { return m_projectDir; }
    QStringList wheels() const { return m_wheels; }
    QString currentWheel() const { return m_currentWheel; }
    QString lastBuildLog() const { return m_lastBuildLog; }

    // Opens a project folder, a wheel or a source distribution, whichever PATH is. Returns false (and
    // says why) otherwise; false with no message when the user chose to keep the open project.
    bool open(const QString &path, QString *error = nullptr);
    // Returns false when the close guard kept the open project.
    bool openProject(const QString &dir);
    void openWheel(const QString &path);
    // A source distribution (.tar.gz and the other tar flavours): shown with the wheels, never taken
    // as the current wheel.
    void openSdist(const QString &path);
    // Forgets a wheel or an sdist (the Wheels view's Close); the current wheel, if it was that one,
    // becomes the last other wheel opened (or none).
    void closeWheel(const QString &path);
    // Called by the build view when a build ends: its artifacts are listed, not opened.
    void reportBuild(bool succeeded, const QString &log, const QStringList &artifacts);

    static bool isWheelPath(const QString &path);
    static bool isSdistPath(const QString &path);
    // A folder of wheels or sdists (a dist/, a CI run's downloads) with no project files of its own.
    static bool isReleaseFolder(const QString &dir);

    // Whether the Project view holds unsaved edits of the project's settings files (it says so).
    // Other views then change those files through it (settingsEditRequested), not on disk.
    bool settingsModified() const { return m_settingsModified; }
    // Asked before another project replaces the open one: false keeps the open one (the user
    // cancelled). Set by the window, which asks about unsaved edits.
    void setProjectCloseGuard(std::function<bool(const QString &nextDir)> guard) { m_closeGuard = std::move(guard); }
    void setSettingsModified(bool modified) { m_settingsModified = modified; }
    // The project folder is a Cargo workspace root: the chosen member's manifest relative to it
    // ("crates/x/Cargo.toml", what builds pass as maturin -m); empty otherwise. Set by the Project view.
    QString memberManifest() const { return m_memberManifest; }
    void setMemberManifest(const QString &manifest)
    {
        if (manifest == m_memberManifest)
            return;
        m_memberManifest = manifest;
        Q_EMIT memberManifestChanged(manifest);
    }

Q_SIGNALS:
    void projectOpened(const QString &dir);
    void memberManifestChanged(const QString &manifest);
    void wheelOpened(const QString &path);
    void sdistOpened(const QString &path);
    // open() was given a release folder: the Release view checks it as one release.
    void releaseFolderOpened(const QString &dir);
    void wheelClosed(const QString &path);
    void buildFinished(bool succeeded, const QString &log, const QStringList &artifacts);
    // Asks the Project view to apply edits to its documents (undoable, marked modified, saved by the user).
    void settingsEditRequested(const QString &summary, const QList<wb::SettingsEdit> &edits);
    // A view asks the window to show its "Open Project" dialog.
    void openProjectRequested();
    // A view asks the window to show FILE (absolute) at LINE: a settings file in the Project view,
    // any other file as a build issue is opened (the chosen editor or the built-in viewer).
    void locationRequested(const QString &file, int line);

private:
    QString m_projectDir;
    QString m_memberManifest;
    QStringList m_wheels;
    QString m_currentWheel;
    QString m_lastBuildLog;
    bool m_settingsModified = false;
    std::function<bool(const QString &)> m_closeGuard;
};

} // namespace wb::ui
