#pragma once

#include "core/wheel/Finding.h"
#include "core/wheel/ZipDirectory.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace wb {

// Little-endian fields of ZIP records.
inline quint16 zipU16(const char *p)
{
    return quint16(quint8(p[0]) | (quint8(p[1]) << 8));
}
inline quint32 zipU32(const char *p)
{
    return quint32(zipU16(p)) | (quint32(zipU16(p + 2)) << 16);
}
inline quint64 zipU64(const char *p)
{
    return quint64(zipU32(p)) | (quint64(zipU32(p + 4)) << 32);
}

// Where an archive's central directory lies and its bytes: the end record (ZIP64 when it says so),
// checked against the file's size and the limits. What the end record shows goes into `findings`;
// `error` says why the directory cannot be read at all.
struct CentralDirectory {
    static constexpr quint32 kCentralSig = 0x02014b50;
    static constexpr quint32 kLocalSig = 0x04034b50;

    QByteArray bytes;
    quint64 fileSize = 0;
    quint64 offset = 0;
    quint64 size = 0;
    quint64 count = 0;   // entries the end record announces
    FindingList findings;
    QString error;

    static CentralDirectory read(QIODevice &device, const ZipLimits &limits);
};

// The fixed fields of the central-directory record at `c` (its 46 bytes, name and extra field, which
// the caller has checked are all there), the ZIP64 extra field applied. The name is not taken.
void readCentralRecord(const char *c, ZipEntryRecord &r);

} // namespace wb
