#pragma once

#include "core/diagnose/Finding.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wb::diagnose {

// The JSON form of findings: [{id, severity, confidence, title, message, why, evidence: [{source, location, text}],
// decisive_lines, fix: {summary, edits: [{file, table, key, value, action}], commands, steps}, links}].
QJsonObject findingToJson(const Finding &finding);
QJsonArray findingsToJson(const QList<Finding> &findings);
// `diagnose --json`: {"schema_version": 2, "findings": [...]} (version 1 was the bare array, without
// confidence and decisive_lines).
constexpr int DiagnoseSchemaVersion = 2;
QJsonObject diagnosisToJson(const QList<Finding> &findings, const QStringList &notes = {});
// Human-readable text for a terminal.
QString findingToText(const Finding &finding);
QString editToText(const ConfigEdit &edit);

} // namespace wb::diagnose
