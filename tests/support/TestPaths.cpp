#include "support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace wb::test {

namespace {
QString env(const char *name) { return qEnvironmentVariable(name); }
}

QString sourceDir() { return env("WHEELBENCH_SOURCE_DIR"); }
QString binaryDir() { return env("WHEELBENCH_BINARY_DIR"); }
QString corpusDir() { return QDir::cleanPath(env("WHEELBENCH_CORPUS_DIR")); }
QString executable() { return env("WHEELBENCH_EXECUTABLE"); }
QString examplesDir() { return sourceDir() + QStringLiteral("/examples"); }

QString corpusMissingReason()
{
    const QString dir = corpusDir();
    if (!dir.isEmpty() && QFileInfo(dir + QStringLiteral("/projects")).isDir())
        return {};
    return QStringLiteral("the shared corpus (%1) is not present: this test needs real-world fixtures from it")
        .arg(dir.isEmpty() ? QStringLiteral("WHEELBENCH_CORPUS_DIR unset") : dir);
}

} // namespace wb::test
