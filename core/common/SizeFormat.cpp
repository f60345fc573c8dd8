#include "core/common/SizeFormat.h"

#include <QLocale>

namespace wb {

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString formatSizeDelta(qint64 bytes)
{
    if (bytes == 0)
        return formatSize(0);
    const QString magnitude = formatSize(bytes < 0 ? -bytes : bytes);
    return (bytes > 0 ? QStringLiteral("+") : QStringLiteral("−")) + magnitude;
}

QString exactBytes(qint64 bytes)
{
    return QStringLiteral("%1 bytes").arg(QLocale().toString(bytes));
}

QString exactBytesDelta(qint64 bytes)
{
    return (bytes > 0 ? QStringLiteral("+") : QString()) + exactBytes(bytes);
}

} // namespace wb
