#pragma once
// Helpers shared by the build tests: fresh copies of the example project, the shared cargo
// target folder, the maturin tools.

#include "core/build/ToolDiscovery.h"
#include "support/TestPaths.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace wb::test {

// Copies a project without its target/ and .venv/; every copied file gets "now" as its modification
// time, so cargo, sharing one target folder across copies, sees changed sources as changed. (Not
// test::copyTree of support/TestFiles.h, which copies everything as it is.)
inline bool copyProject(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    const QDateTime now = QDateTime::currentDateTime();
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(from).relativeFilePath(path);
        if (rel.startsWith(QLatin1String("target")) || rel.startsWith(QLatin1String(".venv")))
            continue;
        const QString dest = to + u'/' + rel;
        if (it.fileInfo().isDir()) {
            QDir().mkpath(dest);
            continue;
        }
        QFile::remove(dest);
        if (!QFile::copy(path, dest))
            return false;
        QFile f(dest);
        f.setPermissions(f.permissions() | QFileDevice::WriteOwner);
        if (f.open(QIODevice::ReadWrite))
            f.setFileTime(now, QFileDevice::FileModificationTime);
    }
    return true;
}

inline QString exampleProject()
{
    return examplesDir() + QStringLiteral("/hello-pyo3");
}

// One cargo target folder for every build test (they hold RESOURCE_LOCK cargo).
inline QString sharedCargoTarget()
{
    return binaryDir() + QStringLiteral("/cargo-target");
}

inline QProcessEnvironment buildTestEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CARGO_TARGET_DIR"), sharedCargoTarget());
    env.remove(QStringLiteral("VIRTUAL_ENV"));
    return env;
}

inline QString dataFile(const QString &name)
{
    return sourceDir() + QStringLiteral("/tests/core/build/data/") + name;
}

inline QByteArray readData(const QString &name)
{
    QFile f(dataFile(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace wb::test
