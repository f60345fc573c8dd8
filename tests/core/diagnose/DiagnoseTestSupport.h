#pragma once

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/Finding.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

namespace wb::test {

inline QString diagnoseData(const QString &name)
{
    return qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/core/diagnose/data/") + name;
}

inline QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The findings for a pasted error text, or for a build log.
inline QList<wb::diagnose::Finding> diagnoseText(const QString &text, bool asLog = false)
{
    wb::diagnose::Evidence e;
    (asLog ? e.logText : e.errorText) = text;
    return wb::diagnose::Diagnoser::diagnose(e);
}

inline QStringList ids(const QList<wb::diagnose::Finding> &findings)
{
    QStringList out;
    for (const auto &f : findings)
        out << f.id;
    out.sort();
    return out;
}

inline const wb::diagnose::Finding *findingById(const QList<wb::diagnose::Finding> &findings, const QString &id)
{
    for (const auto &f : findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

// Copies a folder (recursively, skipping target/ and dist/) into dest.
inline bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QFileInfoList entries = QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &fi : entries) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir()) {
            if (fi.fileName() == QLatin1String("target") || fi.fileName() == QLatin1String("dist")
                || fi.fileName() == QLatin1String("__pycache__"))
                continue;
            if (!copyTree(fi.filePath(), target))
                return false;
        } else if (!QFile::copy(fi.filePath(), target)) {
            return false;
        }
    }
    return true;
}

// Replaces `from` by `to` in a file; false if `from` is not there.
inline bool replaceInFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray bytes = readBytes(path);
    if (!bytes.contains(from))
        return false;
    bytes.replace(from, to);
    return writeBytes(path, bytes);
}

} // namespace wb::test
