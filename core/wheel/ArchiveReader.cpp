#include "core/wheel/ArchiveReader.h"

#include <KZip>
#include <KZipFileEntry>

#include <QFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <openssl/evp.h>
#include <zlib.h>

namespace wb {

namespace {

void collect(const KArchiveDirectory *dir, QHash<QString, const KZipFileEntry *> &out, int depth)
{
    if (depth > 512)
        return;
    const QStringList names = dir->entries();
    for (const QString &n : names) {
        const KArchiveEntry *e = dir->entry(n);
        if (!e)
            continue;
        if (e->isDirectory())
            collect(static_cast<const KArchiveDirectory *>(e), out, depth + 1);
        else if (e->isFile()) {
            const auto *f = static_cast<const KZipFileEntry *>(e);
            out.insert(f->path(), f);
        }
    }
}

const EVP_MD *digestFor(const QString &algorithm)
{
    QByteArray n = algorithm.toLatin1();
    if (n == "sha3_224" || n == "sha3_256" || n == "sha3_384" || n == "sha3_512")
        n = "SHA3-" + n.mid(5);
    else if (n == "blake2b")
        n = "BLAKE2b512";
    else if (n == "blake2s")
        n = "BLAKE2s256";
    return EVP_get_digestbyname(n.constData());
}

} // namespace

ArchiveReader::ArchiveReader(const QString &path) : m_path(path) {}
ArchiveReader::~ArchiveReader() = default;

bool ArchiveReader::open(QString *error)
{
    m_zip = std::make_unique<KZip>(m_path);
    if (!m_zip->open(QIODevice::ReadOnly)) {
        if (error)
            *error = m_zip->errorString();
        m_zip.reset();
        return false;
    }
    collect(m_zip->directory(), m_entries, 0);
    return true;
}

QByteArray ArchiveReader::read(const QString &name, qint64 maxBytes, bool *truncated, QString *error) const
{
    if (truncated)
        *truncated = false;
    const KZipFileEntry *e = m_entries.value(name);
    if (!e)
        return {};
    std::unique_ptr<QIODevice> dev(e->createDevice());
    if (!dev || (!dev->isOpen() && !dev->open(QIODevice::ReadOnly))) {
        if (error)
            *error = QStringLiteral("cannot open the member");
        return {};
    }
    QByteArray out;
    char buf[65536];
    while (true) {
        const qint64 n = dev->read(buf, sizeof buf);
        if (n < 0) {
            if (error)
                *error = QStringLiteral("corrupt compressed data");
            break;
        }
        if (n == 0)
            break;
        if (out.size() + n > maxBytes) {
            out.append(buf, qsizetype(maxBytes - out.size()));
            if (truncated)
                *truncated = true;
            break;
        }
        out.append(buf, qsizetype(n));
    }
    return out;
}

ArchiveReader::Digest ArchiveReader::hash(const QString &name, const QString &algorithm, qint64 maxBytes) const
{
    Digest d;
    d.name = name;
    d.algorithm = algorithm;
    const KZipFileEntry *e = m_entries.value(name);
    if (!e) {
        d.error = QStringLiteral("not readable through the archive index");
        return d;
    }
    const EVP_MD *md = digestFor(algorithm);
    if (!md) {
        d.error = QStringLiteral("unsupported digest algorithm '%1'").arg(algorithm);
        return d;
    }
    std::unique_ptr<QIODevice> dev(e->createDevice());
    if (!dev || (!dev->isOpen() && !dev->open(QIODevice::ReadOnly))) {
        d.error = QStringLiteral("cannot open the member");
        return d;
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, md, nullptr);
    uLong crc = crc32(0L, Z_NULL, 0);
    static thread_local QByteArray buffer(1 << 18, Qt::Uninitialized);
    while (true) {
        const qint64 n = dev->read(buffer.data(), buffer.size());
        if (n < 0) {
            d.error = QStringLiteral("corrupt or truncated compressed data");
            break;
        }
        if (n == 0)
            break;
        EVP_DigestUpdate(ctx, buffer.constData(), size_t(n));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(buffer.constData()), uInt(n));
        d.size += n;
        if (d.size > maxBytes) {
            d.error = QStringLiteral("more than %1 bytes: reading stopped").arg(maxBytes);
            break;
        }
    }
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, out, &len);
    EVP_MD_CTX_free(ctx);
    d.digest = QByteArray(reinterpret_cast<const char *>(out), int(len));
    d.spell();
    d.crc = quint32(crc);
    return d;
}

QList<ArchiveReader::Digest> ArchiveReader::hashMany(const QString &path, const QList<QPair<QString, QString>> &items,
                                                     qint64 maxBytesPerEntry, int threads)
{
    if (threads <= 0)
        threads = std::clamp(QThread::idealThreadCount(), 1, 4);
    threads = int(std::min<qsizetype>(threads, std::max<qsizetype>(1, items.size() / 16)));
    QList<QList<QPair<QString, QString>>> chunks(threads);
    for (qsizetype i = 0; i < items.size(); ++i)
        chunks[i % threads].append(items.at(i));
    auto work = [&](const QList<QPair<QString, QString>> &chunk) {
        QList<Digest> out;
        ArchiveReader reader(path);
        QString error;
        if (!reader.open(&error)) {
            for (const auto &it : chunk)
                out.append(Digest{it.first, it.second, {}, 0, 0, error});
            return out;
        }
        for (const auto &it : chunk)
            out.append(reader.hash(it.first, it.second, maxBytesPerEntry));
        return out;
    };
    QList<Digest> all;
    if (threads == 1) {
        all = work(chunks.first());
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        const QList<QList<Digest>> parts =
            QtConcurrent::blockingMapped<QList<QList<Digest>>>(&pool, chunks, std::function<QList<Digest>(const QList<QPair<QString, QString>> &)>(work));
        for (const QList<Digest> &p : parts)
            all += p;
    }
    return all;
}

} // namespace wb
