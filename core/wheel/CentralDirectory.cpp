#include "core/wheel/CentralDirectory.h"

#include <QIODevice>

#include <algorithm>

namespace wb {

namespace {

constexpr quint32 kEocdSig = 0x06054b50;
constexpr quint32 kEocd64Sig = 0x06064b50;
constexpr quint32 kEocd64LocatorSig = 0x07064b50;

quint16 u16(const char *p) { return zipU16(p); }
quint32 u32(const char *p) { return zipU32(p); }
quint64 u64(const char *p) { return zipU64(p); }

bool readAt(QIODevice &d, quint64 offset, qint64 len, QByteArray &out)
{
    if (!d.seek(qint64(offset)))
        return false;
    out = d.read(len);
    return out.size() == len;
}

} // namespace

CentralDirectory CentralDirectory::read(QIODevice &d, const ZipLimits &limits)
{
    using S = Finding::Severity;
    CentralDirectory dir;
    dir.fileSize = quint64(d.size());
    if (dir.fileSize < 22) {
        dir.error = dir.fileSize == 0 ? QStringLiteral("the file is empty") : QStringLiteral("the file is too short to be a ZIP archive");
        return dir;
    }
    // End of central directory: the last 22 + up to 65535 comment bytes.
    const quint64 tailLen = std::min<quint64>(dir.fileSize, 22 + 65535);
    QByteArray tail;
    if (!readAt(d, dir.fileSize - tailLen, qint64(tailLen), tail)) {
        dir.error = QStringLiteral("cannot read the end of the file");
        return dir;
    }
    qsizetype eocdPos = -1;
    for (qsizetype i = tail.size() - 22; i >= 0; --i) {
        if (u32(tail.constData() + i) == kEocdSig) {
            const quint16 commentLen = u16(tail.constData() + i + 20);
            if (i + 22 + commentLen <= tail.size()) {
                eocdPos = i;
                break;
            }
        }
    }
    if (eocdPos < 0) {
        dir.error = QStringLiteral("no end-of-central-directory record: not a ZIP archive, or truncated");
        return dir;
    }
    const char *e = tail.constData() + eocdPos;
    const quint64 eocdOffset = dir.fileSize - tailLen + quint64(eocdPos);
    dir.count = u16(e + 10);
    const quint64 diskCount = u16(e + 8);
    dir.size = u32(e + 12);
    dir.offset = u32(e + 16);
    const quint16 commentLen = u16(e + 20);
    if (u16(e + 4) != 0 || u16(e + 6) != 0)
        addFinding(dir.findings, QStringLiteral("zip.multi-disk"), S::Error, QStringLiteral("the archive claims to span several disks"));
    if (diskCount != dir.count)
        addFinding(dir.findings, QStringLiteral("zip.eocd-mismatch"), S::Error,
                   QStringLiteral("the end record disagrees with itself about the number of entries (%1 vs %2)").arg(diskCount).arg(dir.count));
    const quint64 trailing = dir.fileSize - (eocdOffset + 22 + commentLen);
    if (trailing > 0)
        addFinding(dir.findings, QStringLiteral("zip.trailing-data"), S::Warning,
                   QStringLiteral("%1 bytes follow the end of the archive").arg(trailing));

    // ZIP64
    if (dir.count == 0xFFFF || dir.size == 0xFFFFFFFF || dir.offset == 0xFFFFFFFF) {
        QByteArray loc;
        if (eocdOffset >= 20 && readAt(d, eocdOffset - 20, 20, loc) && u32(loc.constData()) == kEocd64LocatorSig) {
            const quint64 e64Off = u64(loc.constData() + 8);
            QByteArray e64;
            if (e64Off < dir.fileSize && readAt(d, e64Off, 56, e64) && u32(e64.constData()) == kEocd64Sig) {
                dir.count = u64(e64.constData() + 32);
                dir.size = u64(e64.constData() + 40);
                dir.offset = u64(e64.constData() + 48);
            } else {
                dir.error = QStringLiteral("the ZIP64 end record is missing or damaged");
                return dir;
            }
        }
    }
    if (dir.offset > dir.fileSize || dir.size > dir.fileSize - dir.offset) {
        dir.error = QStringLiteral("the central directory lies beyond the end of the file (truncated archive?)");
        return dir;
    }
    if (dir.size > limits.maxCentralDirectoryBytes) {
        dir.error = QStringLiteral("the central directory is %1 bytes, more than the %2 this reader accepts")
                      .arg(dir.size).arg(limits.maxCentralDirectoryBytes);
        return dir;
    }
    if (dir.count > quint64(limits.maxEntries)) {
        dir.error = QStringLiteral("the archive claims %1 entries, more than the %2 this reader accepts").arg(dir.count).arg(limits.maxEntries);
        return dir;
    }
    if (!readAt(d, dir.offset, qint64(dir.size), dir.bytes)) {
        dir.error = QStringLiteral("cannot read the central directory");
        return dir;
    }
    return dir;
}

void readCentralRecord(const char *c, ZipEntryRecord &r)
{
    r.madeBy = u16(c + 4);
    r.flags = u16(c + 8);
    r.method = u16(c + 10);
    r.crc = u32(c + 16);
    r.compressedSize = u32(c + 20);
    r.uncompressedSize = u32(c + 24);
    r.externalAttr = u32(c + 38);
    r.localOffset = u32(c + 42);
    const quint16 nameLen = u16(c + 28);
    const quint16 extraLen = u16(c + 30);
    // ZIP64 extra field: replaces the 32-bit fields that are 0xFFFFFFFF, in order.
    const char *x = c + 46 + nameLen;
    for (int xi = 0; xi + 4 <= extraLen;) {
        const quint16 id = u16(x + xi);
        const quint16 len = u16(x + xi + 2);
        if (xi + 4 + len > extraLen)
            break;
        if (id == 0x0001) {
            int o = xi + 4;
            auto take = [&](quint64 &field) {
                if (field == 0xFFFFFFFF && o + 8 <= xi + 4 + len) {
                    field = u64(x + o);
                    o += 8;
                }
            };
            take(r.uncompressedSize);
            take(r.compressedSize);
            take(r.localOffset);
        }
        xi += 4 + len;
    }
}

} // namespace wb
