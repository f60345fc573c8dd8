#include "ui/wheels/ScrollGuard.h"

#include <QEvent>
#include <QWidget>

namespace wb::ui {

void ScrollGuard::install(QWidget *widget)
{
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(new ScrollGuard(widget));
}

bool ScrollGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            event->ignore();   // passes on to the parent, which scrolls
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wb::ui
