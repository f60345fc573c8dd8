#pragma once

#include <QByteArray>
#include <QString>

namespace wb {

// Saving a settings file safely: atomic (QSaveFile, through symlinks, same permissions), and never
// over a file that changed on disk since it was read (compared by a hash of its bytes).
namespace SettingsFile {
QByteArray hash(const QByteArray &bytes); // SHA-256
// Writes bytes to path. When expectedHash is not empty, the file on disk must still have it.
// Returns false with a message; the file is then untouched.
bool write(const QString &path, const QByteArray &bytes, const QByteArray &expectedHash, QString *error);
// The hash of the bytes on disk now (empty when unreadable).
QByteArray hashOnDisk(const QString &path);
} // namespace SettingsFile

} // namespace wb
