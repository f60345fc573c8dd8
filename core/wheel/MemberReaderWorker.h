#pragma once

// One reading thread's state, shared by MemberReader (one member at a time, MemberReader.cpp) and
// the hash runs (many members on several threads, MemberHashRun.cpp). Private to core/wheel.
#include "core/wheel/MemberReader.h"

#include <QByteArray>
#include <QFile>
#include <QHash>

#include <libdeflate.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <atomic>

namespace wb {

// Fetched digests, one cache per thread (fetching per member costs more than hashing a small file).
class DigestCache
{
public:
    DigestCache() = default;
    ~DigestCache();
    DigestCache(const DigestCache &) = delete;
    DigestCache &operator=(const DigestCache &) = delete;
    const EVP_MD *get(const QString &algorithm);

private:
    QHash<QString, EVP_MD *> m_mds;
};

// One worker's state: its own file handle (QFile::map is not shared between threads), inflate
// stream, output buffer and digest context, all reused from member to member.
struct MemberReader::Worker {
    // Deflated members that declare at most this many bytes are inflated in one call with libdeflate
    // (into a buffer each worker reuses, so memory stays bounded by threads x this); larger ones, and
    // any member whose declared size turns out wrong, stream through zlib.
    static constexpr quint64 kWholeMemberBytes = 8ull << 20;

    QFile file;
    quint64 fileSize = 0;
    z_stream zs{};
    bool zsReady = false;
    libdeflate_decompressor *whole = nullptr;
    QByteArray out;
    QByteArray readBuffer;
    EVP_MD_CTX *ctx = nullptr;
    DigestCache digests;

    explicit Worker(const QString &path) : file(path) {}

    // Maps [offset, offset + len) of the file read-only with its pages mapped in at once
    // (MAP_POPULATE: one call instead of a page fault per 4 KiB, which hashing would take anyway).
    // Returns nullptr when that fails; release with unmapPopulated().
    const uchar *mapPopulated(quint64 offset, quint64 len);
    static void unmapPopulated(const uchar *data, quint64 offset, quint64 len);
    ~Worker();
    bool open(QString *error);

    // A view of the mapped window shared by a batch of members, if any.
    struct Window {
        const uchar *base = nullptr;
        quint64 begin = 0;
        quint64 end = 0;
    };

    // Inflates a small deflated member in one call when its compressed bytes are in the batch's
    // window and it declares its size truthfully. Returns false (having fed nothing to the sink)
    // when the member must go the streaming way instead, which also words any error.
    bool inflateWhole(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window);

    QString stream(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window);

    MemberReader::Result hash(const MemberReader::Job &job, const MemberReader::HashOptions &o, std::atomic<qint64> &budget, const Window &window);

    // A member whose local header nobody has read yet (dataOffset 0): reads it (from the window when
    // it is there), checks it against the central directory into r.headerProblems and returns the
    // member with its dataOffset set; dataOffset stays 0 when there is no local header.
    ZipEntryRecord locate(const ZipEntryRecord &e, quint64 dataEnd, const Window &window, QList<NameProblem> *problems);
};

} // namespace wb
