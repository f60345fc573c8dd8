#pragma once

#include <QString>
#include <QtGlobal>

namespace wb {

// The one way sizes are written: binary (IEC) units with one decimal in the current locale
// ("1.5 MiB", "512 bytes"), and the exact count for tooltips ("1,572,864 bytes").
QString formatSize(qint64 bytes);
QString formatSizeDelta(qint64 bytes);   // "+1.5 MiB", "−512 bytes", "0 bytes"
QString exactBytes(qint64 bytes);
QString exactBytesDelta(qint64 bytes);   // "+1,572,864 bytes"

} // namespace wb
