#pragma once

#include "core/diagnose/Finding.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wb::diagnose {

// The JSON form of findings: [{id, severity, title, message, evidence: [{source, location, text}],
// fix: {summary, edits: [{file, table, key, value, action}], commands, steps}, links}].
QJsonObject findingToJson(const Finding &finding);
QJsonArray findingsToJson(const QList<Finding> &findings);
// Human-readable text for a terminal.
QString findingToText(const Finding &finding);
QString editToText(const ConfigEdit &edit);

} // namespace wb::diagnose
