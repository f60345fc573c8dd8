#include "core/diagnose/WheelEvidence.h"

#include <QFileInfo>

namespace wb::diagnose {

WheelFacts WheelEvidence::fromFileName(const QString &fileName)
{
    WheelFacts w;
    w.fileName = fileName;
    const WheelFilename name = WheelFilename::parse(fileName);
    if (!name.valid)
        return w;
    w.distribution = name.distribution;
    w.version = name.version;
    w.pythonTag = name.pythonTags.join(QLatin1Char('.'));
    w.abiTag = name.abiTags.join(QLatin1Char('.'));
    w.platformTag = name.platformTags.join(QLatin1Char('.'));
    return w;
}

WheelFacts WheelEvidence::read(const QString &path)
{
    WheelFacts w = fromFileName(QFileInfo(path).fileName());
    w.path = path;
    if (w.platformTag.isEmpty()) {
        w.problem = QStringLiteral("%1: not a wheel file name (name-version-python-abi-platform.whl)").arg(w.fileName);
        return w;
    }
    InspectOptions options;
    options.verifyHashes = false;  // structure, tags and binaries are what the detectors need
    w.report = inspectWheel(path, options);
    if (!w.report.readable) {
        w.problem = QStringLiteral("%1: cannot read it as a wheel (a zip archive): %2").arg(path, w.report.unreadableReason);
        return w;
    }
    w.present = true;
    return w;
}

} // namespace wb::diagnose
