#include "core/wheel/MemberReader.h"

#include "core/wheel/MemberReaderWorker.h"

#include <algorithm>

namespace wb {

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
    if (canRead(e) && e.compressedSize > 0 && e.compressedSize <= Worker::kWholeMemberBytes && e.uncompressedSize <= Worker::kWholeMemberBytes
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

} // namespace wb
