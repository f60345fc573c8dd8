#include "ui/project/SettingsEditCommand.h"

#include <QObject>

#include <utility>

namespace wb::ui {

SettingsEditCommand::SettingsEditCommand(const QString &text, const Files &before, const Files &after, Apply apply, int mergeId)
    : m_before(before)
    , m_after(after)
    , m_apply(std::move(apply))
    , m_mergeId(mergeId)
{
    setText(text);
}

void SettingsEditCommand::undo()
{
    m_apply(m_before);
}

void SettingsEditCommand::redo()
{
    m_apply(m_after);
}

QString SettingsEditCommand::describe(const SettingsEdit &edit)
{
    const QString value = edit.value.size() > 40 ? edit.value.left(39) + QChar(0x2026) : edit.value;
    switch (edit.op) {
    case SettingsEdit::Op::Set: return QObject::tr("Set %1 = %2").arg(edit.key, value);
    case SettingsEdit::Op::Unset: return QObject::tr("Remove %1").arg(edit.key);
    case SettingsEdit::Op::Append: return QObject::tr("Add %1 to %2").arg(value, edit.key);
    case SettingsEdit::Op::RemoveElement: return QObject::tr("Remove item %1 of %2").arg(edit.index + 1).arg(edit.key);
    }
    return edit.key;
}

bool SettingsEditCommand::mergeWith(const QUndoCommand *other)
{
    // QUndoStack only offers commands with the same id, and -1 never merges.
    const auto *next = static_cast<const SettingsEditCommand *>(other);
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true); // typed and deleted again: nothing left to undo
    return true;
}

} // namespace wb::ui
