#pragma once

#include "core/wheel/Finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace wb {

// One central-directory record, as the archive states it (nothing here has been decompressed).
struct ZipEntryRecord {
    QByteArray rawName;
    QString name;              // decoded (UTF-8, or CP437 bytes mapped as Latin-1 when not UTF-8)
    quint16 madeBy = 0;
    quint16 flags = 0;
    quint16 method = 0;
    quint32 crc = 0;
    quint64 compressedSize = 0;
    quint64 uncompressedSize = 0;
    quint64 localOffset = 0;
    quint64 dataOffset = 0;    // from the local header; 0 when that could not be read
    quint32 externalAttr = 0;
    bool isDirectory = false;
    bool isSymlink = false;
};

// Limits that keep memory and work bounded whatever the archive claims.
struct ZipLimits {
    qsizetype maxEntries = 250000;
    quint64 maxCentralDirectoryBytes = 64ull * 1024 * 1024;
    quint64 maxEntrySize = 4ull * 1024 * 1024 * 1024;   // declared uncompressed size of one entry
    quint64 maxTotalSize = 16ull * 1024 * 1024 * 1024;  // sum of declared sizes
    double maxEntryRatio = 1000.0;                        // uncompressed/compressed, for entries > 1 MiB
};

// Our own walk of the ZIP structure (EOCD, ZIP64, central directory, local headers): the checks KZip
// does not do (duplicates, overlaps, name hygiene, header disagreements, bombs, truncation).
struct ZipScan {
    bool readable = false;       // the central directory could be read
    QString error;               // when not readable
    QList<ZipEntryRecord> entries;
    FindingList findings;
    quint64 fileSize = 0;
    quint64 centralDirectoryOffset = 0;
    quint64 centralDirectorySize = 0;

    // Which entries' local headers to read (and check against the central directory); empty: all.
    // An entry whose header is not read keeps dataOffset 0 (MemberReader cannot read it). A readable
    // archive's entries are each given to the filter once, in the directory's order.
    using HeaderFilter = std::function<bool(const ZipEntryRecord &)>;
    // Truncation and overlap of the members' data: checked by the scan (the headers it did not read
    // with a span that can only be too short), or Later, by spanFindings() once whoever reads the
    // remaining headers (the hashing workers) has set every dataOffset.
    enum class SpanCheck { Now, Later };
    static ZipScan scan(QIODevice &device, const ZipLimits &limits = {}, const HeaderFilter &readLocalHeader = {},
                        SpanCheck spanCheck = SpanCheck::Now);
    static ZipScan scanFile(const QString &path, const ZipLimits &limits = {}, const HeaderFilter &readLocalHeader = {},
                            SpanCheck spanCheck = SpanCheck::Now);
    // Truncation and overlap of the entries whose dataOffset is known (the others have no local header).
    static FindingList spanFindings(const QList<ZipEntryRecord> &entries, quint64 centralDirectoryOffset);
};

// Name hygiene of one archive member: empty when fine, else the problem (absolute, traversal, ...).
struct NameProblem {
    QString id;
    QString message;
};
QList<NameProblem> checkMemberName(const QByteArray &raw, bool utf8Flag);

// One member's local header (at `header`, `available` bytes of it at hand, at least 30) against its
// central-directory record: what disagrees goes into *problems; returns where the member's data
// starts. `readBytes` reads the local name when it is not at hand.
using ReadBytes = std::function<QByteArray(quint64 offset, qint64 length)>;
quint64 compareLocalHeader(const ZipEntryRecord &r, const char *header, qsizetype available, const ReadBytes &readBytes,
                           QList<NameProblem> *problems);
// The message of a missing local header.
QString missingLocalHeader(quint64 offset);

} // namespace wb
