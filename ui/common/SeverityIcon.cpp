#include "ui/common/SeverityIcon.h"

#include "ui/common/ActionFactory.h"

#include <QIcon>

namespace wb::ui {

QIcon severityIcon(IconSeverity severity)
{
    switch (severity) {
    case IconSeverity::Error: return themedIcon("dialog-error", QStyle::SP_MessageBoxCritical);
    case IconSeverity::Warning: return themedIcon("dialog-warning", QStyle::SP_MessageBoxWarning);
    case IconSeverity::Information: break;
    }
    return themedIcon("dialog-information", QStyle::SP_MessageBoxInformation);
}

} // namespace wb::ui
