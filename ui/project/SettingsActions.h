#pragma once

#include <QObject>

class QAction;
class QUndoStack;
class QWidget;

namespace wb::ui {

// The Project view's commands as actions: Save (with the diff first), Revert, Undo and Redo. The view's
// buttons and the window's File and Edit menus show the same actions, so they never disagree. Each is
// disabled until there is something to do; the keys are every binding of the platform (Redo: Ctrl+Shift+Z
// and Ctrl+Y).
class SettingsActions : public QObject
{
    Q_OBJECT
public:
    explicit SettingsActions(QWidget *view);

    QAction *save() const { return m_save; }
    QAction *revert() const { return m_revert; }
    QAction *undo() const { return m_undo; }
    QAction *redo() const { return m_redo; }

    // Save and Revert follow `modified`. Undo and Redo name the step they undo or redo, and act only
    // while the view is `shown`: a step no one can see is never undone.
    void update(bool modified, bool shown, const QUndoStack &stack);

private:
    QAction *m_save;
    QAction *m_revert;
    QAction *m_undo;
    QAction *m_redo;
};

} // namespace wb::ui
