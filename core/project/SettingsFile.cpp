#include "core/project/SettingsFile.h"

#include "core/project/Project.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace wb::SettingsFile {

QByteArray hash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray hashOnDisk(const QString &path)
{
    QByteArray bytes;
    QString error;
    if (!Project::readFile(path, &bytes, &error))
        return {};
    return hash(bytes);
}

bool write(const QString &path, const QByteArray &bytes, const QByteArray &expectedHash, QString *error)
{
    if (!expectedHash.isEmpty() && hashOnDisk(path) != expectedHash) {
        *error = QStringLiteral("%1 changed on disk since it was read; reload it or compare first").arg(path);
        return false;
    }
    // Through symlinks: replace the target, keep the link.
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.canonicalFilePath() : path;
    const bool existed = QFileInfo::exists(target);
    const QFile::Permissions perms = existed ? QFile::permissions(target) : QFile::Permissions();
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    if (out.write(bytes) != bytes.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        out.cancelWriting();
        return false;
    }
    if (!out.commit()) {
        *error = QStringLiteral("cannot save %1: %2").arg(path, out.errorString());
        return false;
    }
    if (existed && QFile::permissions(target) != perms)
        QFile::setPermissions(target, perms);
    return true;
}

} // namespace wb::SettingsFile
