#pragma once

#include <QByteArray>
#include <QString>

namespace wb {

// A unified diff (as `diff -u` prints it) between two texts, with `context` lines around changes.
// Empty when the texts are equal.
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fromName, const QString &toName,
                    int context = 3);

} // namespace wb
