#include "core/common/AppInfo.h"

namespace wb {

QString AppInfo::name() { return QStringLiteral("Wheelbench"); }
QString AppInfo::executable() { return QStringLiteral("wheelbench"); }
QString AppInfo::version() { return QStringLiteral(WHEELBENCH_VERSION); }
QString AppInfo::appId() { return QStringLiteral(WHEELBENCH_APP_ID); }
QString AppInfo::organization() { return QStringLiteral("Wheelbench"); }

} // namespace wb
