// Our own walk of tar headers (source distributions) over arbitrary bytes.
#include "core/wheel/TarWalk.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const wb::TarWalk walk = wb::TarWalk::walk(buffer, 10000);
    (void)walk;
    return 0;
}
