#pragma once

// auditwheel 6.8.1 from its source (../shared/oracles/auditwheel/run), the reference the wheel tests
// compare with.
#include "support/TestPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>

namespace wb::test {

inline QString auditwheelOracle()
{
    return QDir::cleanPath(corpusDir() + QStringLiteral("/../oracles/auditwheel/run"));
}

// Empty when auditwheel runs here, else why not.
inline QString auditwheelMissingReason()
{
    if (!QFileInfo(auditwheelOracle()).isFile())
        return QStringLiteral("auditwheel (../shared/oracles/auditwheel) is not there");
    QProcess p;
    p.start(QStringLiteral("sh"), {auditwheelOracle(), QStringLiteral("--version")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("auditwheel does not run with this python3 (needs python3-pyelftools and python3-packaging): %1")
            .arg(QString::fromUtf8(p.readAllStandardError()).trimmed().section(u'\n', -1));
    return {};
}

} // namespace wb::test
