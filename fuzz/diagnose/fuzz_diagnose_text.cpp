// Pasted error text and build logs through the matchers and every detector.
#include "core/diagnose/Diagnoser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    wb::diagnose::Evidence e;
    e.errorText = text;
    e.logText = text;
    (void)wb::diagnose::Diagnoser::diagnose(e);
    return 0;
}
