// The small ELF reader used for wheel evidence.
#include "core/diagnose/ElfFacts.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)wb::diagnose::ElfFacts::read(bytes);
    return 0;
}
