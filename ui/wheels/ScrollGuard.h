#pragma once

#include <QObject>

class QWidget;

namespace wb::ui {

// Scrolling never edits: a combo box (or spin box) without focus ignores the mouse wheel, which then
// scrolls the view around it. Installs itself on WIDGET and gives it StrongFocus.
class ScrollGuard : public QObject
{
    Q_OBJECT
public:
    static void install(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace wb::ui
