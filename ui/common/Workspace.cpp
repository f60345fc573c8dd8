#include "ui/common/Workspace.h"

#include "core/wheel/SdistReport.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace wb::ui {

Workspace::Workspace(QObject *parent)
    : QObject(parent)
{
}

bool Workspace::isWheelPath(const QString &path)
{
    return path.endsWith(QLatin1String(".whl"), Qt::CaseInsensitive);
}

bool Workspace::isSdistPath(const QString &path)
{
    return looksLikeSdist(path);
}

bool Workspace::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (info.isDir() && isReleaseFolder(info.absoluteFilePath())) {
        Q_EMIT releaseFolderOpened(QDir::cleanPath(info.absoluteFilePath()));
        return true;
    }
    if (info.isDir())
        return openProject(info.absoluteFilePath()); // false: the user kept the open project (no error)
    if (isWheelPath(path)) {
        openWheel(info.absoluteFilePath());
        return true;
    }
    if (isSdistPath(path)) {
        openSdist(info.absoluteFilePath());
        return true;
    }
    if (info.fileName() == QLatin1String("pyproject.toml") || info.fileName() == QLatin1String("Cargo.toml")) {
        return openProject(info.absolutePath());
    }
    if (error)
        *error = tr("%1 is neither a project folder, a wheel (.whl) nor a source distribution (.tar.gz).").arg(QDir::toNativeSeparators(path));
    return false;
}

bool Workspace::isReleaseFolder(const QString &dir)
{
    const QDir d(dir);
    if (d.exists(QStringLiteral("pyproject.toml")) || d.exists(QStringLiteral("Cargo.toml")))
        return false;
    const QStringList files = d.entryList(QDir::Files);
    return std::any_of(files.begin(), files.end(), [](const QString &f) { return isWheelPath(f) || isSdistPath(f); });
}

bool Workspace::openProject(const QString &dir)
{
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (m_closeGuard && !m_closeGuard(clean))
        return false;
    m_projectDir = clean;
    Q_EMIT projectOpened(m_projectDir);
    return true;
}

void Workspace::openWheel(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (!m_wheels.contains(clean))
        m_wheels.append(clean);
    m_currentWheel = clean;
    Q_EMIT wheelOpened(clean);
}

void Workspace::openSdist(const QString &path)
{
    Q_EMIT sdistOpened(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
}

void Workspace::closeWheel(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_wheels.removeAll(clean);
    if (m_currentWheel == clean)
        m_currentWheel = m_wheels.isEmpty() ? QString() : m_wheels.last();
    Q_EMIT wheelClosed(clean);
}

void Workspace::reportBuild(bool succeeded, const QString &log, const QStringList &artifacts)
{
    m_lastBuildLog = log;
    // Listed (the Wheels view adds them from buildFinished), not opened: the build log stays in view,
    // and the Build view offers to open them.
    for (const QString &artifact : artifacts) {
        const QString clean = QDir::cleanPath(QFileInfo(artifact).absoluteFilePath());
        if (isWheelPath(artifact) && !m_wheels.contains(clean))
            m_wheels.append(clean);
    }
    Q_EMIT buildFinished(succeeded, log, artifacts);
}

} // namespace wb::ui
