#pragma once

#include "core/binary/BinaryInfo.h"
#include "core/wheel/ZipDirectory.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace wb {

// The digest of one member's uncompressed bytes, with what reading them showed.
struct MemberDigest {
    QString name;
    QString algorithm;    // what was asked
    QByteArray digest;
    qint64 size = 0;      // bytes actually read
    quint32 crc = 0;
    QString error;        // read error or corrupt data
    QString text{};       // as RECORD writes it, "algorithm=urlsafe-base64" (spelled by whoever hashed); empty without a digest

    // `text` made from algorithm and digest.
    void spell();
};

// Reads the members that our own central-directory walk (ZipScan) located, straight from the file:
// the compressed bytes are seen through memory-mapped windows of at most kWindowBytes (so the
// process never maps more than a few windows, whatever the archive's size) and inflated: small
// members in one call with libdeflate, large ones (or ones whose declared size is wrong) with zlib
// in large chunks. No archive index is built, nothing is copied besides the inflated output.
class MemberReader
{
public:
    static constexpr quint64 kWindowBytes = 32ull * 1024 * 1024;

    explicit MemberReader(const QString &path);
    ~MemberReader();
    bool open(QString *error);

    // Whether this reader can read the member: its local header was found, stored or deflate,
    // not encrypted, data inside the file.
    bool canRead(const ZipEntryRecord &e) const;

    // Feeds the member's uncompressed bytes to `sink` in order; stops (with an error) after maxBytes.
    // Returns an empty string, or what went wrong ("corrupt compressed data", ...).
    using Sink = std::function<void(const char *data, qint64 size)>;
    QString stream(const ZipEntryRecord &e, qint64 maxBytes, const Sink &sink);

    // Reads a member whole, at most maxBytes (sets *truncated when there was more).
    QByteArray read(const ZipEntryRecord &e, qint64 maxBytes, bool *truncated = nullptr, QString *error = nullptr);

    struct Job {
        const ZipEntryRecord *entry = nullptr;
        QString algorithm;          // RECORD's algorithm name (sha256, sha384, ...)
        bool analyseBinary = false; // keep the bytes of this native file and read its headers
    };
    struct Result {
        MemberDigest digest;
        // A member given with dataOffset 0 (its local header not read yet): where its data starts as
        // its local header says (0: no local header), and what in that header disagrees with the
        // central directory.
        quint64 dataOffset = 0;
        QList<NameProblem> headerProblems;
        bool binaryAnalysed = false; // `binary` holds the reading of the bytes hashed
        bool binaryHead = false;     // the bytes start like ELF/PE/Mach-O
        std::shared_ptr<const BinaryInfo> binary; // set when binaryHead (apart: most results have none)
    };
    struct HashOptions {
        int threads = 0;                            // 0: automatic (up to 4)
        qint64 maxBytesPerEntry = 4ll << 30;
        qint64 maxBinaryBytes = 160ll << 20;        // native files larger than this are not kept
        qint64 binaryBudget = 160ll << 20;          // bytes of native files kept in memory at once
        // Called from the worker threads after each batch with the compressed bytes done so far and
        // in all (thread-safe callers only; it is called often, keep it cheap).
        std::function<void(qint64 done, qint64 total)> progress;
        // Set from any thread to stop: the members not yet read come back with error == kCancelled.
        const std::atomic<bool> *cancel = nullptr;
        // Where the members' data must end (the central directory's offset); 0: the file's end.
        quint64 dataEnd = 0;
    };
    static const QString &cancelledError();
    // Hashes every job's member (OpenSSL EVP; the CRC-32 too unless the digest matches the expected
    // one, which proves more than the CRC could), several at a time: workers take
    // neighbouring members in batches that share one mapped window. Native files are analysed from
    // the same bytes while the budget allows; the others come back with binaryAnalysed == false.
    // Members whose dataOffset is 0 have their local header read (and checked) on the way: the
    // batch's window holds it anyway.
    static QList<Result> hashAll(const QString &path, const QList<Job> &jobs, const HashOptions &options);

    // hashAll() on background threads: the caller goes on with other work, then wait() lends the
    // calling thread to the hashing until everything is done. The jobs' entries must stay in place
    // and unchanged until wait() returns. Destroyed before wait(), it stops and joins.
    class HashRun
    {
    public:
        HashRun(const QString &path, const QList<Job> &jobs, const HashOptions &options);
        ~HashRun();
        HashRun(const HashRun &) = delete;
        HashRun &operator=(const HashRun &) = delete;
        QList<Result> wait();

    private:
        struct State;
        std::unique_ptr<State> d;
    };

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    quint64 m_size = 0;
};

} // namespace wb
