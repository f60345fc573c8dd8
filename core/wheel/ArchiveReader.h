#pragma once

#include "core/wheel/MemberReader.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class KZip;
class KZipFileEntry;

namespace wb {

// Streams members of a wheel through KZip (KF6 Archive): nothing is extracted, nothing is read whole
// unless asked (and then only up to a limit). The inspector uses it for what our own walk could not
// locate and to cross-check the listing; MemberReader does the bulk reading.
class ArchiveReader
{
public:
    explicit ArchiveReader(const QString &path);
    ~ArchiveReader();
    bool open(QString *error);
    QStringList names() const { return m_entries.keys(); }
    bool contains(const QString &name) const { return m_entries.contains(name); }
    // Reads a member, at most maxBytes (sets *truncated when there was more).
    QByteArray read(const QString &name, qint64 maxBytes, bool *truncated = nullptr, QString *error = nullptr) const;

    using Digest = MemberDigest;
    // Hashes one member by streaming it (OpenSSL EVP). Stops after maxBytes.
    Digest hash(const QString &name, const QString &algorithm, qint64 maxBytes) const;

    // Hashes many members in parallel, each worker with its own archive handle.
    static QList<Digest> hashMany(const QString &path, const QList<QPair<QString, QString>> &nameAlgorithm, qint64 maxBytesPerEntry,
                                  int threads);

private:
    QString m_path;
    std::unique_ptr<KZip> m_zip;
    QHash<QString, const KZipFileEntry *> m_entries;
};

} // namespace wb
