#pragma once

#include "core/project/SettingsDiagnostic.h"

#include <QByteArray>
#include <QUndoCommand>

#include <array>
#include <functional>

namespace wb::ui {

// One undoable step over a project's two settings files (pyproject.toml, Cargo.toml): their bytes
// before and after a form edit, a fix with all its edits, typing in a raw tab, a revert or a reload.
// Undo and redo hand the bytes of one side to `apply`, which puts them into the documents.
// Steps of typing into the same raw tab merge into one, as an editor's typing does.
class SettingsEditCommand : public QUndoCommand
{
public:
    using Files = std::array<QByteArray, 2>;
    using Apply = std::function<void(const Files &)>;
    // mergeId >= 0: consecutive steps with that id become one (see typingId).
    SettingsEditCommand(const QString &text, const Files &before, const Files &after, Apply apply, int mergeId = -1);

    // What an edit does, as the name of its step: "Set tool.maturin.strip = true".
    static QString describe(const SettingsEdit &edit);
    // The merge id of typing into the raw tab of file index `file`.
    static int typingId(int file) { return 100 + file; }

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

    const Files &before() const { return m_before; }
    const Files &after() const { return m_after; }

private:
    Files m_before;
    Files m_after;
    Apply m_apply;
    int m_mergeId = -1;
};

} // namespace wb::ui
