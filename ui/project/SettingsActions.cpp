#include "ui/project/SettingsActions.h"

#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QStyle>
#include <QUndoStack>
#include <QWidget>

namespace wb::ui {

namespace {

QAction *make(QWidget *view, const char *icon, QStyle::StandardPixmap fallback, const QString &text, const QString &iconText,
              const char *name, const QString &tip, QKeySequence::StandardKey key)
{
    QAction *a = makeAction(view, themedIcon(icon, fallback), text, QLatin1String(name), tip, QKeySequence::keyBindings(key));
    a->setIconText(iconText);
    a->setEnabled(false);
    return a;
}

} // namespace

SettingsActions::SettingsActions(QWidget *view)
    : QObject(view)
    , m_save(make(view, "document-save", QStyle::SP_DialogSaveButton, tr("&Save Project Settings…"), tr("Save…"), "action/save-settings",
                  tr("Save the edited pyproject.toml and Cargo.toml, after showing what changes"), QKeySequence::Save))
    , m_revert(make(view, "document-revert", QStyle::SP_DialogResetButton, tr("Re&vert Project Settings"), tr("Revert"),
                    "action/revert-settings", tr("Go back to the settings files as they are on disk (can be undone)"),
                    QKeySequence::UnknownKey))
    , m_undo(make(view, "edit-undo", QStyle::SP_ArrowBack, tr("&Undo"), tr("Undo"), "action/undo",
                  tr("Undo the last change to the project's settings"), QKeySequence::Undo))
    , m_redo(make(view, "edit-redo", QStyle::SP_ArrowForward, tr("&Redo"), tr("Redo"), "action/redo",
                  tr("Redo the change to the project's settings undone last"), QKeySequence::Redo))
{
}

void SettingsActions::update(bool modified, bool shown, const QUndoStack &stack)
{
    m_save->setEnabled(modified);
    m_revert->setEnabled(modified);
    m_undo->setEnabled(shown && stack.canUndo());
    m_redo->setEnabled(shown && stack.canRedo());
    m_undo->setText(stack.canUndo() ? tr("&Undo %1").arg(stack.undoText()) : tr("&Undo"));
    m_redo->setText(stack.canRedo() ? tr("&Redo %1").arg(stack.redoText()) : tr("&Redo"));
    for (QAction *a : {m_undo, m_redo})
        setTipWithKey(a, a->text().remove(u'&'));
}

} // namespace wb::ui
