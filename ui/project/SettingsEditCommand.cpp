#include "ui/project/SettingsEditCommand.h"

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
