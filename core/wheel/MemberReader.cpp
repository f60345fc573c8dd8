#include "core/wheel/MemberReader.h"

#include <QFile>
#include <QHash>
#include <QThread>

#include <libdeflate.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace wb {

namespace {

constexpr qint64 kOutChunk = 1 << 20;       // inflate output per call
constexpr qint64 kReadChunk = 1 << 20;      // when a window cannot be mapped, read this much at a time
constexpr quint64 kBatchBytes = 16ull << 20; // neighbouring small members share one mapping of at most this
// Deflated members that declare at most this many bytes are inflated in one call with libdeflate
// (into a buffer each worker reuses, so memory stays bounded by threads x this); larger ones, and
// any member whose declared size turns out wrong, stream through zlib.
constexpr quint64 kWholeMemberBytes = 8ull << 20;

// RECORD spells algorithms as Python's hashlib does; OpenSSL's names differ for SHA-3 and BLAKE2.
QByteArray opensslName(const QString &algorithm)
{
    QByteArray n = algorithm.toLatin1();
    if (n.startsWith("sha3_"))
        return "SHA3-" + n.mid(5);
    if (n == "blake2b")
        return "BLAKE2B-512";
    if (n == "blake2s")
        return "BLAKE2S-256";
    if (n == "sha512_224" || n == "sha512_256")
        return "SHA512-" + n.mid(7);
    return n;
}

// Fetched digests, one cache per thread (fetching per member costs more than hashing a small file).
class DigestCache
{
public:
    ~DigestCache()
    {
        for (EVP_MD *md : std::as_const(m_mds))
            EVP_MD_free(md);
    }
    const EVP_MD *get(const QString &algorithm)
    {
        const auto it = m_mds.constFind(algorithm);
        if (it != m_mds.constEnd())
            return *it;
        EVP_MD *md = EVP_MD_fetch(nullptr, opensslName(algorithm).constData(), nullptr);
        m_mds.insert(algorithm, md);
        return md;
    }

private:
    QHash<QString, EVP_MD *> m_mds;
};

} // namespace

// One worker's state: its own file handle (QFile::map is not shared between threads), inflate
// stream, output buffer and digest context, all reused from member to member.
struct MemberReader::Worker {
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
    const uchar *mapPopulated(quint64 offset, quint64 len)
    {
        static const quint64 page = quint64(sysconf(_SC_PAGESIZE));
        const quint64 start = offset / page * page;
        void *p = mmap(nullptr, size_t(len + (offset - start)), PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.handle(), off_t(start));
        if (p == MAP_FAILED)
            return nullptr;
        return static_cast<const uchar *>(p) + (offset - start);
    }
    static void unmapPopulated(const uchar *data, quint64 offset, quint64 len)
    {
        static const quint64 page = quint64(sysconf(_SC_PAGESIZE));
        const quint64 start = offset / page * page;
        munmap(const_cast<uchar *>(data - (offset - start)), size_t(len + (offset - start)));
    }
    ~Worker()
    {
        if (zsReady)
            inflateEnd(&zs);
        if (whole)
            libdeflate_free_decompressor(whole);
        if (ctx)
            EVP_MD_CTX_free(ctx);
    }
    bool open(QString *error)
    {
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            if (error)
                *error = file.errorString();
            return false;
        }
        fileSize = quint64(file.size());
        return true;
    }

    // A view of the mapped window shared by a batch of members, if any.
    struct Window {
        const uchar *base = nullptr;
        quint64 begin = 0;
        quint64 end = 0;
    };

    // Inflates a small deflated member in one call when its compressed bytes are in the batch's
    // window and it declares its size truthfully. Returns false (having fed nothing to the sink)
    // when the member must go the streaming way instead, which also words any error.
    bool inflateWhole(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window)
    {
        const quint64 begin = e.dataOffset;
        const quint64 end = begin + e.compressedSize;
        if (!window.base || begin < window.begin || end > window.end || e.uncompressedSize > kWholeMemberBytes
            || qint64(e.uncompressedSize) > maxBytes)
            return false;
        if (!whole && !(whole = libdeflate_alloc_decompressor()))
            return false;
        // One spare byte: a member that inflates to more than it declares fails with
        // "insufficient space" instead of being cut to the declared size.
        const qsizetype capacity = qsizetype(e.uncompressedSize) + 1;
        if (out.size() < capacity)
            out.resize(std::max<qsizetype>(capacity, kOutChunk));
        size_t produced = 0;
        const libdeflate_result rc = libdeflate_deflate_decompress(whole, window.base + (begin - window.begin),
            size_t(e.compressedSize), out.data(), size_t(capacity), &produced);
        if (rc != LIBDEFLATE_SUCCESS || produced != e.uncompressedSize)
            return false;
        if (produced > 0)
            sink(out.constData(), qint64(produced));
        return true;
    }

    QString stream(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window)
    {
        if (e.dataOffset == 0)
            return QStringLiteral("the member's data cannot be located");
        if (e.method != 0 && e.method != 8)
            return QStringLiteral("unsupported compression method %1").arg(e.method);
        const quint64 begin = e.dataOffset;
        if (begin > fileSize || e.compressedSize > fileSize - begin)
            return QStringLiteral("truncated data: the member runs past the end of the file");
        const quint64 end = begin + e.compressedSize;
        if (e.method == 8 && inflateWhole(e, maxBytes, sink, window))
            return {};
        if (e.method == 8) {
            if (!zsReady) {
                if (inflateInit2(&zs, -15) != Z_OK)
                    return QStringLiteral("cannot start zlib");
                zsReady = true;
            } else {
                inflateReset(&zs);
            }
            if (out.size() < kOutChunk)
                out.resize(kOutChunk);
        }
        qint64 produced = 0;
        bool finished = false;
        QString error;
        // Feeds one run of compressed bytes; returns false to stop.
        auto feed = [&](const uchar *p, quint64 n) -> bool {
            if (e.method == 0) {
                const qint64 take = qint64(std::min<quint64>(n, quint64(maxBytes - produced) + 1));
                sink(reinterpret_cast<const char *>(p), take);
                produced += take;
                if (produced > maxBytes) {
                    error = QStringLiteral("more than %1 bytes: reading stopped").arg(maxBytes);
                    return false;
                }
                return true;
            }
            zs.next_in = const_cast<Bytef *>(p);
            zs.avail_in = uInt(n);
            while (true) {
                zs.next_out = reinterpret_cast<Bytef *>(out.data());
                zs.avail_out = uInt(out.size());
                const int rc = inflate(&zs, Z_NO_FLUSH);
                const qint64 got = qint64(out.size()) - qint64(zs.avail_out);
                if (got > 0) {
                    sink(out.constData(), got);
                    produced += got;
                }
                if (produced > maxBytes) {
                    error = QStringLiteral("more than %1 bytes: reading stopped").arg(maxBytes);
                    return false;
                }
                if (rc == Z_STREAM_END) {
                    finished = true;
                    return false;
                }
                if (rc != Z_OK && rc != Z_BUF_ERROR) {
                    error = QStringLiteral("corrupt compressed data");
                    return false;
                }
                if (zs.avail_in == 0 && (zs.avail_out != 0 || (rc == Z_BUF_ERROR && got == 0)))
                    return true; // needs more input
                if (rc == Z_BUF_ERROR && got == 0) {
                    error = QStringLiteral("corrupt compressed data");
                    return false;
                }
            }
        };
        quint64 pos = begin;
        while (pos < end) {
            if (window.base && pos >= window.begin && end <= window.end) {
                const bool more = feed(window.base + (pos - window.begin), end - pos);
                pos = end;
                if (!more)
                    break;
                continue;
            }
            const quint64 n = std::min<quint64>(end - pos, MemberReader::kWindowBytes);
            if (const uchar *m = mapPopulated(pos, n)) {
                const bool more = feed(m, n);
                unmapPopulated(m, pos, n);
                pos += n;
                if (!more)
                    break;
                continue;
            }
            // Not mappable (should not happen with regular files): read it.
            if (readBuffer.size() < kReadChunk)
                readBuffer.resize(kReadChunk);
            const qint64 want = qint64(std::min<quint64>(n, quint64(kReadChunk)));
            if (!file.seek(qint64(pos)) || file.read(readBuffer.data(), want) != want)
                return QStringLiteral("truncated data");
            const bool more = feed(reinterpret_cast<const uchar *>(readBuffer.constData()), quint64(want));
            pos += quint64(want);
            if (!more)
                break;
        }
        if (!error.isEmpty())
            return error;
        if (e.method == 8 && !finished)
            return QStringLiteral("corrupt or truncated compressed data");
        return {};
    }

    MemberReader::Result hash(const MemberReader::Job &job, const MemberReader::HashOptions &o, std::atomic<qint64> &budget, const Window &window)
    {
        MemberReader::Result r;
        MemberDigest &d = r.digest;
        const ZipEntryRecord &e = *job.entry;
        d.name = e.name;
        d.algorithm = job.algorithm;
        const EVP_MD *md = digests.get(job.algorithm);
        if (!md) {
            d.error = QStringLiteral("unsupported digest algorithm '%1'").arg(job.algorithm);
            return r;
        }
        if (!ctx)
            ctx = EVP_MD_CTX_new();
        EVP_DigestInit_ex(ctx, md, nullptr);
        // Keep a native file's bytes for its analysis when the budget allows.
        QByteArray kept;
        qint64 reserved = 0;
        if (job.analyseBinary && qint64(e.uncompressedSize) <= o.maxBinaryBytes) {
            const qint64 want = std::max<qint64>(qint64(e.uncompressedSize), 1);
            qint64 left = budget.load();
            while (left >= want && !budget.compare_exchange_weak(left, left - want)) {
            }
            if (left >= want) {
                reserved = want;
                kept.reserve(qsizetype(e.uncompressedSize));
            }
        }
        quint32 crc = 0; // CRC-32 as zlib computes it, by libdeflate's faster routine
        const bool crcNow = job.expectedDigest.isEmpty();
        d.error = stream(e, o.maxBytesPerEntry, [&](const char *p, qint64 n) {
            EVP_DigestUpdate(ctx, p, size_t(n));
            if (crcNow)
                crc = libdeflate_crc32(crc, p, size_t(n));
            d.size += n;
            if (reserved > 0 && kept.size() < reserved)
                kept.append(p, qsizetype(std::min<qint64>(n, reserved - kept.size())));
        }, window);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(ctx, digest, &len);
        d.digest = QByteArray(reinterpret_cast<const char *>(digest), int(len));
        d.crcComputed = crcNow;
        if (!crcNow && d.error.isEmpty() && d.digest != job.expectedDigest) {
            // Not what RECORD says: the CRC-32 tells whether the archive's own checksum agrees.
            d.error = stream(e, o.maxBytesPerEntry, [&](const char *p, qint64 n) {
                crc = libdeflate_crc32(crc, p, size_t(n));
            }, window);
            d.crcComputed = true;
        }
        d.crc = crc;
        if (reserved > 0) {
            r.binaryAnalysed = true;
            r.binaryHead = looksLikeBinary(kept.left(8));
            if (r.binaryHead)
                r.binary = readBinary(kept);
            kept = QByteArray();
            budget.fetch_add(reserved);
        }
        return r;
    }
};

MemberReader::MemberReader(const QString &path) : m_worker(std::make_unique<Worker>(path)) {}
MemberReader::~MemberReader() = default;

bool MemberReader::open(QString *error)
{
    if (!m_worker->open(error))
        return false;
    m_size = m_worker->fileSize;
    return true;
}

bool MemberReader::canRead(const ZipEntryRecord &e) const
{
    return e.dataOffset != 0 && (e.method == 0 || e.method == 8) && !(e.flags & 0x1) && e.dataOffset <= m_size
        && e.compressedSize <= m_size - e.dataOffset;
}

QString MemberReader::stream(const ZipEntryRecord &e, qint64 maxBytes, const Sink &sink)
{
    if (!m_worker->file.isOpen())
        return QStringLiteral("the archive is not open");
    // A small member is mapped whole, so that it inflates in one call.
    Worker::Window window;
    uchar *mapped = nullptr;
    if (canRead(e) && e.compressedSize > 0 && e.compressedSize <= kWholeMemberBytes && e.uncompressedSize <= kWholeMemberBytes
        && (mapped = m_worker->file.map(qint64(e.dataOffset), qint64(e.compressedSize))))
        window = {mapped, e.dataOffset, e.dataOffset + e.compressedSize};
    const QString error = m_worker->stream(e, maxBytes, sink, window);
    if (mapped)
        m_worker->file.unmap(mapped);
    return error;
}

QByteArray MemberReader::read(const ZipEntryRecord &e, qint64 maxBytes, bool *truncated, QString *error)
{
    if (truncated)
        *truncated = false;
    QByteArray out;
    out.reserve(qsizetype(std::min<quint64>(e.uncompressedSize, quint64(std::min<qint64>(maxBytes, 64ll << 20)))));
    bool over = false;
    const QString err = stream(e, maxBytes, [&](const char *p, qint64 n) {
        const qint64 room = maxBytes - out.size();
        if (n > room) {
            over = true;
            n = std::max<qint64>(room, 0);
        }
        out.append(p, qsizetype(n));
    });
    if (over) {
        if (truncated)
            *truncated = true;
    } else if (!err.isEmpty() && error) {
        *error = err;
    }
    return out;
}

const QString &MemberReader::cancelledError()
{
    static const QString text = QStringLiteral("cancelled");
    return text;
}

QList<MemberReader::Result> MemberReader::hashAll(const QString &path, const QList<Job> &jobs, const HashOptions &options)
{
    QList<Result> results(jobs.size());
    if (jobs.isEmpty())
        return results;
    // Neighbouring members (in file order) form batches that one mapping covers.
    std::vector<qsizetype> order(size_t(jobs.size()));
    for (qsizetype i = 0; i < jobs.size(); ++i)
        order[size_t(i)] = i;
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return jobs[a].entry->dataOffset < jobs[b].entry->dataOffset; });
    struct Batch {
        size_t first = 0, last = 0; // into order
        quint64 begin = 0, end = 0; // the mapping; end == begin: none (each member maps its own windows)
    };
    std::vector<Batch> batches;
    for (size_t i = 0; i < order.size();) {
        const ZipEntryRecord &e = *jobs[order[i]].entry;
        Batch b{i, i + 1, e.dataOffset, e.dataOffset + e.compressedSize};
        if (e.dataOffset == 0 || e.compressedSize > kBatchBytes) {
            b.end = b.begin;
        } else {
            while (b.last < order.size()) {
                const ZipEntryRecord &n = *jobs[order[b.last]].entry;
                const quint64 nEnd = n.dataOffset + n.compressedSize;
                if (n.compressedSize > kBatchBytes || nEnd < n.dataOffset || std::max(b.end, nEnd) - b.begin > kBatchBytes)
                    break;
                b.end = std::max(b.end, nEnd);
                ++b.last;
            }
        }
        batches.push_back(b);
        i = b.last;
    }
    int threads = options.threads > 0 ? options.threads : std::clamp(QThread::idealThreadCount(), 1, 4);
    threads = int(std::min<size_t>(size_t(threads), batches.size()));
    std::atomic<size_t> next{0};
    std::atomic<qint64> budget{options.binaryBudget};
    qint64 totalBytes = 0;
    for (const Job &j : jobs)
        totalBytes += qint64(j.entry->compressedSize);
    std::atomic<qint64> doneBytes{0};
    Result *out = results.data();
    auto work = [&] {
        Worker w(path);
        QString openError;
        const bool opened = w.open(&openError);
        for (size_t bi = next.fetch_add(1); bi < batches.size(); bi = next.fetch_add(1)) {
            const Batch &b = batches[bi];
            Worker::Window window;
            const uchar *mapped = nullptr;
            if (opened && b.end > b.begin && b.end <= w.fileSize) {
                mapped = w.mapPopulated(b.begin, b.end - b.begin);
                window = {mapped, b.begin, b.end};
                if (!mapped)
                    window = {};
            }
            const bool cancelled = options.cancel && options.cancel->load(std::memory_order_relaxed);
            qint64 batchBytes = 0;
            for (size_t k = b.first; k < b.last; ++k) {
                const qsizetype idx = order[k];
                batchBytes += qint64(jobs[idx].entry->compressedSize);
                if (!opened || cancelled) {
                    out[idx].digest = MemberDigest{jobs[idx].entry->name, jobs[idx].algorithm, {}, 0, 0, cancelled ? cancelledError() : openError};
                    continue;
                }
                out[idx] = w.hash(jobs[idx], options, budget, window);
            }
            if (mapped)
                Worker::unmapPopulated(mapped, b.begin, b.end - b.begin);
            const qint64 done = doneBytes.fetch_add(batchBytes) + batchBytes;
            if (options.progress && !cancelled)
                options.progress(done, totalBytes);
        }
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work);
        work();
        for (std::thread &t : pool)
            t.join();
    }
    return results;
}

} // namespace wb
