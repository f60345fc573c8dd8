#include "ui/common/WheelGuard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>

namespace wb::ui {

namespace {
bool isGuarded(QObject *o)
{
    return qobject_cast<QComboBox *>(o) || qobject_cast<QAbstractSpinBox *>(o);
}
} // namespace

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

void WheelGuard::install()
{
    static QPointer<WheelGuard> guard;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish && isGuarded(watched)) {
        auto *w = static_cast<QWidget *>(watched);
        if (w->focusPolicy() == Qt::WheelFocus)
            w->setFocusPolicy(Qt::StrongFocus); // a wheel turn must not give them the focus either
    }
    if (event->type() == QEvent::Wheel && isGuarded(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
        event->ignore(); // propagates to the parent: the scroll area scrolls
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wb::ui
