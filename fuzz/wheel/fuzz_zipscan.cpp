// Our own walk of the ZIP structure over arbitrary bytes.
#include "core/wheel/ZipDirectory.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const wb::ZipScan scan = wb::ZipScan::scan(buffer);
    (void)scan;
    return 0;
}
