// A project's Python files, read by check and diagnose for the package's imports of its child modules.
#include "core/project/PackageImportScanner.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)wb::packageChildImports(text, QStringLiteral("pkg"));
    return 0;
}
