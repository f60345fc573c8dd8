#pragma once

class QIcon;

namespace wb::ui {

enum class IconSeverity { Error, Warning, Information };

// The icon every list and banner of the window shows for a problem of SEVERITY: the desktop theme's
// dialog-error / dialog-warning / dialog-information, or Qt's own message box icon where the desktop
// has no icon theme (so that an error is never shown without its mark).
QIcon severityIcon(IconSeverity severity);

} // namespace wb::ui
