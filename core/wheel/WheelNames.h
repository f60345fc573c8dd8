#pragma once

#include <QByteArrayView>
#include <QPair>
#include <QString>
#include <QStringView>

// Facts read off member names alone, for the inspector.
namespace wb::wheelnames {

// A native library or extension by its name: .so (also libfoo.so.1), .pyd, .dylib, .dll (any case).
bool isNativeName(const QString &path);
bool isAscii(QByteArrayView bytes);
// The first path component ("pkg" of "pkg/mod.py"), the whole name when it has none.
QStringView topOf(const QString &name);
// "pkg/_core.cpython-312-x86_64-linux-gnu.so" -> ("_core", ".cpython-312-x86_64-linux-gnu.so")
QPair<QString, QString> splitModule(const QString &path);
// A version for comparing the file name's with METADATA's (normalised as installers compare them).
QString versionKey(QString v);
// The C library a Linux extension's name promises ("glibc", "musl"), "" when it says nothing.
QString libcFromFileName(const QString &path);
// The PE machine name for a Windows platform tag's architecture.
QString winArch(const QString &tagArch);

} // namespace wb::wheelnames
