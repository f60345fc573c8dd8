#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

namespace wb {

// The versioned JSON form of a report (schema in docs/inspect.md; "schema_version": 1).
QJsonObject toJson(const WheelReport &report);

} // namespace wb
