#include "support/TestFiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace wb::test {

bool copyTree(const QString &from, const QString &to)
{
    // A source that is not there (a test run outside ctest, without WHEELBENCH_SOURCE_DIR) is a
    // failure, not an empty copy the test would then run on.
    if (from.isEmpty() || !QFileInfo(from).isDir() || QDir(from).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + u'/' + QDir(from).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).absolutePath());
        if (!QFile::copy(src, dst))
            return false;
        QFile::setPermissions(dst, QFile::permissions(src) | QFile::WriteOwner);
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace wb::test
