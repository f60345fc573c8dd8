#pragma once

#include <QByteArray>
#include <QString>

namespace wb::test {

// Copies every file below FROM (hidden ones too) to the same relative path below TO, keeping the
// permissions and making the copies writable by their owner. False if any copy fails.
bool copyTree(const QString &from, const QString &to);
// The file's bytes; empty when it cannot be read.
QByteArray readAll(const QString &path);
// Replaces the file's bytes with DATA (creating it); false if it cannot be written.
bool writeAll(const QString &path, const QByteArray &data);

} // namespace wb::test
