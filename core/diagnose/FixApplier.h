#pragma once

#include "core/diagnose/Finding.h"
#include "core/project/SettingsDiagnostic.h"

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

// Applies a finding's ConfigEdits through the settings editor (core/project SettingsEditor over
// core/toml TomlEditor: minimal splices, re-parsed and checked) and saves through SettingsFile
// (atomic, and never over a file that changed on disk since it was read).
class FixApplier
{
public:
    // The edit as the settings editor (and the Project view) takes it.
    static SettingsEdit toSettingsEdit(const ConfigEdit &edit);
    static ProjectFileKind fileKind(const ConfigEdit &edit);
    // Edits on the text of one file (all edits must name the same file).
    static PreparedFix prepareText(const QByteArray &original, const QList<ConfigEdit> &edits, const QString &displayName);
    // Reads the file of the edits inside projectDir and prepares them.
    static PreparedFix prepare(const QString &projectDir, const QList<ConfigEdit> &edits);
    // Writes fix.after, if the file still holds fix.before; undo writes fix.before back if it holds fix.after.
    static bool write(const PreparedFix &fix, QString *error);
    static bool undo(const PreparedFix &fix, QString *error);
};

} // namespace wb::diagnose
