#include "core/project/SettingsEditor.h"

namespace wb {

TomlEditResult applySettingsEdit(const TomlDocument &doc, const SettingsEdit &edit)
{
    TomlKeyPath path;
    QString error;
    if (!TomlKeyPath::parse(edit.key, &path, &error)) {
        TomlEditResult r;
        r.bytes = doc.bytes();
        r.document = doc;
        r.message = error;
        return r;
    }
    switch (edit.op) {
    case SettingsEdit::Op::Set: return TomlEditor::set(doc, path, edit.value);
    case SettingsEdit::Op::Unset: return TomlEditor::unset(doc, path);
    case SettingsEdit::Op::Append: return TomlEditor::append(doc, path, edit.value);
    case SettingsEdit::Op::RemoveElement: return TomlEditor::removeElement(doc, path, edit.index);
    }
    return {};
}

bool applySettingsEdits(SettingsTexts &texts, const SettingsPaths &paths, const QList<SettingsEdit> &edits, QString *error)
{
    SettingsTexts edited = texts;
    for (const SettingsEdit &edit : edits) {
        const int file = int(edit.file);
        if (paths[file].isEmpty()) {
            if (error)
                *error = QStringLiteral("no such file in this project");
            return false;
        }
        const TomlEditResult r = applySettingsEdit(TomlDocument::parse(edited[file], paths[file]), edit);
        if (!r.ok) {
            if (error)
                *error = r.message;
            return false;
        }
        edited[file] = r.bytes;
    }
    texts = edited;
    return true;
}

} // namespace wb
