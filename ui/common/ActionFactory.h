#pragma once

#include <QKeySequence>
#include <QList>
#include <QStyle>

class QAction;
class QIcon;
class QObject;
class QString;
class QToolButton;
class QWidget;

namespace wb::ui {

// How every command of the window is made, so that all of them look and read alike: a theme icon with
// Qt's bundled one where the desktop has no icon theme, a status tip, a tooltip that names the key, and
// buttons that show the action itself (so a button is disabled exactly when its action is).

// The icon THEME of the desktop's icon theme, or Qt's own FALLBACK.
QIcon themedIcon(const char *theme, QStyle::StandardPixmap fallback);

// An action named NAME (for tests and the window's key check) with ICON, TEXT, the status tip TIP and
// the keys KEYS; its tooltip is TIP followed by its first key.
QAction *makeAction(QObject *parent, const QIcon &icon, const QString &text, const QString &name, const QString &tip,
                    const QList<QKeySequence> &keys = {});

// Sets ACTION's tooltip to TIP followed by its first key, if it has one ("Undo (Ctrl+Z)").
void setTipWithKey(QAction *action, const QString &tip);

// A tool button with text beside icon that shows ACTION, named NAME.
QToolButton *actionButton(QAction *action, const QString &name, QWidget *parent);

} // namespace wb::ui
