#pragma once

#include <QStringList>

class QWidget;

namespace wb::ui {

// The question Kate and Qt Creator ask before unsaved edits would be lost (quit, close, opening
// something else, the folder gone): Save / Discard / Cancel, listing the modified files.
enum class SaveAnswer { Save, Discard, Cancel };

SaveAnswer askToSave(QWidget *parent, const QString &situation, const QStringList &modifiedFiles);

} // namespace wb::ui
