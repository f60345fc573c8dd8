#include "core/wheel/MemberReaderWorker.h"

#include "core/wheel/CentralDirectory.h"
#include "core/wheel/RecordFile.h"

#include <algorithm>

#include <sys/mman.h>
#include <unistd.h>

namespace wb {

namespace {

constexpr qint64 kOutChunk = 1 << 20;       // inflate output per call
constexpr qint64 kReadChunk = 1 << 20;      // when a window cannot be mapped, read this much at a time

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

} // namespace

// One worker's state: its own file handle (QFile::map is not shared between threads), inflate
// stream, output buffer and digest context, all reused from member to member.

void MemberDigest::spell()
{
    text = digest.isEmpty() ? QString() : algorithm + QLatin1Char('=') + QLatin1StringView(urlsafeB64NoPad(digest));
}

DigestCache::~DigestCache()
{
    for (EVP_MD *md : std::as_const(m_mds))
        EVP_MD_free(md);
}

const EVP_MD *DigestCache::get(const QString &algorithm)
{
    const auto it = m_mds.constFind(algorithm);
    if (it != m_mds.constEnd())
        return *it;
    EVP_MD *md = EVP_MD_fetch(nullptr, opensslName(algorithm).constData(), nullptr);
    m_mds.insert(algorithm, md);
    return md;
}

const uchar *MemberReader::Worker::mapPopulated(quint64 offset, quint64 len)
{
    static const quint64 page = quint64(sysconf(_SC_PAGESIZE));
    const quint64 start = offset / page * page;
    void *p = mmap(nullptr, size_t(len + (offset - start)), PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.handle(), off_t(start));
    if (p == MAP_FAILED)
        return nullptr;
    return static_cast<const uchar *>(p) + (offset - start);
}

void MemberReader::Worker::unmapPopulated(const uchar *data, quint64 offset, quint64 len)
{
    static const quint64 page = quint64(sysconf(_SC_PAGESIZE));
    const quint64 start = offset / page * page;
    munmap(const_cast<uchar *>(data - (offset - start)), size_t(len + (offset - start)));
}

MemberReader::Worker::~Worker()
{
    if (zsReady)
        inflateEnd(&zs);
    if (whole)
        libdeflate_free_decompressor(whole);
    if (ctx)
        EVP_MD_CTX_free(ctx);
}

bool MemberReader::Worker::open(QString *error)
{
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    fileSize = quint64(file.size());
    return true;
}

bool MemberReader::Worker::inflateWhole(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window)
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
    // Sized once for the largest member inflated this way: growing it step by step would copy and
    // fault in fresh pages each time (its pages are only touched as members fill them).
    if (out.size() < capacity)
        out.resize(qsizetype(kWholeMemberBytes) + 1);
    size_t produced = 0;
    const libdeflate_result rc = libdeflate_deflate_decompress(whole, window.base + (begin - window.begin),
        size_t(e.compressedSize), out.data(), size_t(capacity), &produced);
    if (rc != LIBDEFLATE_SUCCESS || produced != e.uncompressedSize)
        return false;
    if (produced > 0)
        sink(out.constData(), qint64(produced));
    return true;
}

QString MemberReader::Worker::stream(const ZipEntryRecord &e, qint64 maxBytes, const MemberReader::Sink &sink, const Window &window)
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

MemberReader::Result MemberReader::Worker::hash(const MemberReader::Job &job, const MemberReader::HashOptions &o, std::atomic<qint64> &budget, const Window &window)
{
    MemberReader::Result r;
    MemberDigest &d = r.digest;
    d.name = job.entry->name;
    d.algorithm = job.algorithm;
    // A member whose local header the scan left to us: it lies in the window already.
    ZipEntryRecord located;
    if (job.entry->dataOffset == 0) {
        located = locate(*job.entry, o.dataEnd ? o.dataEnd : fileSize, window, &r.headerProblems);
        r.dataOffset = located.dataOffset;
        if (located.dataOffset == 0) {
            d.error = QStringLiteral("the member's data cannot be located (no local header)");
            return r;
        }
    }
    const ZipEntryRecord &e = job.entry->dataOffset == 0 ? located : *job.entry;
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
    // The CRC-32 of every member, as zlib computes it (by libdeflate's faster routine): Python's
    // zipfile, and so pip, refuse a member whose CRC-32 does not match, whatever RECORD says.
    quint32 crc = 0;
    d.error = stream(e, o.maxBytesPerEntry, [&](const char *p, qint64 n) {
        EVP_DigestUpdate(ctx, p, size_t(n));
        crc = libdeflate_crc32(crc, p, size_t(n));
        d.size += n;
        if (reserved > 0 && kept.size() < reserved)
            kept.append(p, qsizetype(std::min<qint64>(n, reserved - kept.size())));
    }, window);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, digest, &len);
    d.digest = QByteArray(reinterpret_cast<const char *>(digest), int(len));
    d.spell();
    d.crc = crc;
    if (reserved > 0) {
        r.binaryAnalysed = true;
        r.binaryHead = looksLikeBinary(kept.left(8));
        if (r.binaryHead)
            r.binary = std::make_shared<const BinaryInfo>(readBinary(kept));
        kept = QByteArray();
        budget.fetch_add(reserved);
    }
    return r;
}

ZipEntryRecord MemberReader::Worker::locate(const ZipEntryRecord &e, quint64 dataEnd, const Window &window, QList<NameProblem> *problems)
{
    ZipEntryRecord located = e;
    const quint64 end = std::min(dataEnd, fileSize);
    if (e.localOffset > end || end - e.localOffset < 30) {
        problems->append({QStringLiteral("zip.missing-local-header"), missingLocalHeader(e.localOffset)});
        return located;
    }
    const auto readBytes = [this](quint64 offset, qint64 len) {
        QByteArray out(len, Qt::Uninitialized);
        const ssize_t got = len > 0 ? ::pread(file.handle(), out.data(), size_t(len), off_t(offset)) : 0;
        return got == len ? out : QByteArray();
    };
    // The fixed header and (when it has the expected length) the name.
    const qint64 want = qint64(std::min<quint64>(30 + quint64(e.rawName.size()), end - e.localOffset));
    QByteArray read;
    const char *header = nullptr;
    if (window.base && e.localOffset >= window.begin && e.localOffset + quint64(want) <= window.end) {
        header = reinterpret_cast<const char *>(window.base + (e.localOffset - window.begin));
    } else {
        read = readBytes(e.localOffset, want);
        header = read.size() == want ? read.constData() : nullptr;
    }
    if (!header || zipU32(header) != CentralDirectory::kLocalSig) {
        problems->append({QStringLiteral("zip.missing-local-header"), missingLocalHeader(e.localOffset)});
        return located;
    }
    located.dataOffset = compareLocalHeader(e, header, want, readBytes, problems);
    return located;
}

} // namespace wb
