#include "core/wheel/RecordPrefetch.h"

#include "core/wheel/CentralDirectory.h"
#include "core/wheel/MemberReader.h"

#include <QByteArrayView>
#include <QFile>

namespace wb {

namespace {

// The one top-level "*.dist-info/RECORD" of the central directory, its local header read; false
// when there is none, more than one, or the directory looks damaged.
bool findRecord(QFile &file, ZipEntryRecord *out)
{
    const CentralDirectory dir = CentralDirectory::read(file, ZipLimits{});
    if (!dir.error.isEmpty())
        return false;
    const QByteArray &cd = dir.bytes;
    int found = 0;
    for (qsizetype pos = 0; pos + 46 <= cd.size();) {
        const char *c = cd.constData() + pos;
        if (zipU32(c) != CentralDirectory::kCentralSig)
            return false;
        const quint16 nameLen = zipU16(c + 28), extraLen = zipU16(c + 30), commentLen = zipU16(c + 32);
        if (pos + 46 + nameLen + extraLen + commentLen > cd.size())
            return false;
        const QByteArrayView name(c + 46, nameLen);
        if (name.endsWith(".dist-info/RECORD") && name.count('/') == 1) {
            if (++found > 1)
                return false;
            readCentralRecord(c, *out);
            out->rawName = name.toByteArray();
        }
        pos += 46 + nameLen + extraLen + commentLen;
    }
    if (found != 1 || out->localOffset + 30 > dir.offset || !file.seek(qint64(out->localOffset)))
        return false;
    const QByteArray header = file.read(30);
    if (header.size() != 30 || zipU32(header.constData()) != CentralDirectory::kLocalSig)
        return false;
    out->dataOffset = out->localOffset + 30 + zipU16(header.constData() + 26) + zipU16(header.constData() + 28);
    return true;
}

} // namespace

RecordPrefetch::RecordPrefetch(const QString &wheelPath, qint64 maxBytes)
    : m_thread([this, wheelPath, maxBytes] { run(wheelPath, maxBytes); })
{
}

RecordPrefetch::~RecordPrefetch()
{
    if (m_thread.joinable())
        m_thread.join();
}

void RecordPrefetch::run(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !findRecord(file, &m_entry))
        return;
    MemberReader reader(path);
    if (!reader.open(nullptr) || !reader.canRead(m_entry))
        return;
    bool truncated = false;
    QString error;
    const QByteArray bytes = reader.read(m_entry, maxBytes, &truncated, &error);
    if (truncated || !error.isEmpty())
        return;
    m_record = RecordFile::parse(bytes);
    m_ok = true;
}

bool RecordPrefetch::take(const ZipEntryRecord &e, RecordFile *out)
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_ok || e.rawName != m_entry.rawName || e.localOffset != m_entry.localOffset || e.dataOffset != m_entry.dataOffset
        || e.compressedSize != m_entry.compressedSize || e.uncompressedSize != m_entry.uncompressedSize || e.method != m_entry.method
        || e.crc != m_entry.crc || e.flags != m_entry.flags)
        return false;
    *out = std::move(m_record);
    m_ok = false;
    return true;
}

} // namespace wb
