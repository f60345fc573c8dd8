#pragma once

#include "core/diagnose/Finding.h"

#include <QByteArray>
#include <QString>

namespace wb::diagnose {

// The outcome of preparing configuration edits: the file's bytes before and after, and a diff.
struct PreparedFix {
    bool ok = false;
    QString error;
    QString path;  // absolute path of the edited file
    QByteArray before;
    QByteArray after;
    QString diff;  // unified diff, for a preview
};

// Applies a ConfigEdit to pyproject.toml / Cargo.toml as a minimal splice that keeps every other
// byte: a value located with toml++'s source positions is replaced, a missing key is added after
// the last line of its table, a missing table is appended. The result is parsed again before use.
// Writes go through QSaveFile. Adapter: to be switched to core/toml's editor once it exists.
class FixApplier
{
public:
    // Edits on the text of one file (all edits must name the same file).
    static PreparedFix prepareText(const QByteArray &original, const QList<ConfigEdit> &edits, const QString &displayName);
    // Reads the file of the edits inside projectDir and prepares them.
    static PreparedFix prepare(const QString &projectDir, const QList<ConfigEdit> &edits);
    // Writes bytes atomically (also used to undo: write `before` back).
    static bool write(const QString &path, const QByteArray &bytes, QString *error);
    static QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &name);
};

} // namespace wb::diagnose
