#include "core/diagnose/FixApplier.h"

#include "core/project/Project.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"
#include "core/toml/UnifiedDiff.h"

#include <QDir>

namespace wb::diagnose {

ProjectFileKind FixApplier::fileKind(const ConfigEdit &edit)
{
    return edit.file == QLatin1String("pyproject.toml") ? ProjectFileKind::Pyproject : ProjectFileKind::Cargo;
}

SettingsEdit FixApplier::toSettingsEdit(const ConfigEdit &edit)
{
    SettingsEdit s;
    s.op = edit.action == ConfigEdit::Action::Remove ? SettingsEdit::Op::Unset : SettingsEdit::Op::Set;
    s.file = fileKind(edit);
    s.key = TomlKeyPath(TomlKeyPath::fromText(edit.table).segments() + QStringList{edit.key}).toString();
    s.value = edit.value;
    return s;
}

PreparedFix FixApplier::prepareText(const QByteArray &original, const QList<ConfigEdit> &edits, const QString &displayName)
{
    PreparedFix fix;
    fix.before = original;
    if (edits.isEmpty()) {
        fix.error = QStringLiteral("no configuration edit to apply");
        return fix;
    }
    TomlDocument doc = TomlDocument::parse(original, displayName);
    if (!doc.isValid()) {
        fix.error = QStringLiteral("%1:%2:%3: %4 (not edited)").arg(displayName).arg(doc.error().line).arg(doc.error().column).arg(doc.error().message);
        return fix;
    }
    for (const ConfigEdit &edit : edits) {
        if (edit.file != edits.first().file) {
            fix.error = QStringLiteral("edits of several files must be prepared one file at a time");
            return fix;
        }
        const TomlEditResult r = applySettingsEdit(doc, toSettingsEdit(edit));
        if (!r.ok) {
            fix.error = QStringLiteral("%1: %2.%3: %4").arg(displayName, edit.table, edit.key, r.message);
            return fix;
        }
        doc = r.document;
    }
    fix.after = doc.bytes();
    fix.diff = unifiedDiff(original, fix.after, displayName, displayName);
    fix.ok = true;
    return fix;
}

PreparedFix FixApplier::prepare(const QString &projectDir, const QList<ConfigEdit> &edits)
{
    PreparedFix fix;
    if (edits.isEmpty()) {
        fix.error = QStringLiteral("no configuration edit to apply");
        return fix;
    }
    const QString path = QDir(projectDir).filePath(edits.first().file);
    QByteArray bytes;
    if (!Project::readFile(path, &bytes, &fix.error))
        return fix;
    fix = prepareText(bytes, edits, edits.first().file);
    fix.path = path;
    return fix;
}

bool FixApplier::write(const PreparedFix &fix, QString *error)
{
    return SettingsFile::write(fix.path, fix.after, SettingsFile::hash(fix.before), error);
}

bool FixApplier::undo(const PreparedFix &fix, QString *error)
{
    return SettingsFile::write(fix.path, fix.before, SettingsFile::hash(fix.after), error);
}

} // namespace wb::diagnose
