// The whole inspector (KZip streaming, RECORD verification, binaries) over arbitrary archive bytes.
#include "core/wheel/WheelReport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = QDir::tempPath() + QStringLiteral("/wheelbench-fuzz-%1/demo-1.0-py3-none-any.whl").arg(qint64(getpid()));
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    f.write(reinterpret_cast<const char *>(data), qint64(size));
    f.close();
    wb::InspectOptions options;
    options.threads = 1;
    const wb::WheelReport report = wb::inspectWheel(path, options);
    (void)report;
    return 0;
}
