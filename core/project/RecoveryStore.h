#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wb {

// Unsaved edits of a project's settings files, kept beside the user's own data (never in the project)
// so that they survive a crash or a kill and can be offered back the next time the project opens,
// as Kate's swap files are. One record per project folder, keyed by a hash of its absolute path.
struct RecoveredFile {
    QString path;          // absolute path of the settings file
    QByteArray diskHash;   // SHA-256 of the file on disk when the edits were made (empty: no file then)
    QByteArray bytes;      // the edited text
    bool operator==(const RecoveredFile &) const = default;
};

struct Recovery {
    QString projectDir;
    QDateTime saved;
    QList<RecoveredFile> files;
    bool isEmpty() const { return files.isEmpty(); }
};

class RecoveryStore
{
public:
    // folder: where records live; empty means <AppDataLocation>/recovery.
    explicit RecoveryStore(const QString &folder = {});

    QString folder() const { return m_folder; }
    QString recordPath(const QString &projectDir) const;

    // Writes the record atomically (QSaveFile). False with a message when it cannot.
    bool save(const Recovery &recovery, QString *error = nullptr) const;
    // The record for this project, if one exists and can be read (a damaged record is ignored).
    std::optional<Recovery> load(const QString &projectDir) const;
    void remove(const QString &projectDir) const;

    static constexpr qint64 MaxRecordSize = 64 * 1024 * 1024;

private:
    QString m_folder;
};

} // namespace wb
