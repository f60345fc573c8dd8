#pragma once

#include <QObject>

namespace wb::ui {

// Scrolling never edits: combo boxes and spin boxes without keyboard focus ignore the mouse wheel
// and pass it on to the scroll area around them (KDE's form guidelines). Installed once on the
// application, it covers every view; such fields also take focus by click or Tab only.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    explicit WheelGuard(QObject *parent = nullptr);
    // Installs one guard on the running QApplication (idempotent).
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace wb::ui
