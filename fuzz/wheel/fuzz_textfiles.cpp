// RECORD (CSV), METADATA/WHEEL (headers) and entry_points.txt parsers.
#include "core/wheel/HeaderFile.h"
#include "core/wheel/RecordFile.h"
#include "core/wheel/WheelFilename.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)wb::RecordFile::parse(bytes, 100000);
    (void)wb::HeaderFile::parse(bytes);
    (void)wb::EntryPoints::parse(bytes);
    if (size < 512)
        (void)wb::WheelFilename::parse(QString::fromUtf8(bytes)).expandedTags();
    return 0;
}
