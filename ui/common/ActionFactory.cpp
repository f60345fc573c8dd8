#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QToolButton>

namespace wb::ui {

QIcon themedIcon(const char *theme, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(theme), QApplication::style()->standardIcon(fallback));
}

QAction *makeAction(QObject *parent, const QIcon &icon, const QString &text, const QString &name, const QString &tip,
                    const QList<QKeySequence> &keys)
{
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(name);
    action->setShortcuts(keys);
    action->setStatusTip(tip);
    setTipWithKey(action, tip);
    return action;
}

void setTipWithKey(QAction *action, const QString &tip)
{
    const QKeySequence key = action->shortcut();
    action->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
}

QToolButton *actionButton(QAction *action, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace wb::ui
