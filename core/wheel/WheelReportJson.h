#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

namespace wb {

// The versioned JSON form of a report (schema in docs/inspect.md; "schema_version": 1).
QJsonObject toJson(const WheelReport &report);

// The same object as indented JSON text, byte for byte what QJsonDocument(toJson(report))
// .toJson(QJsonDocument::Indented) gives, without building a JSON value per file (the "files" array
// of a large wheel is written directly; that is most of the text and most of the cost).
QByteArray toJsonText(const WheelReport &report);

} // namespace wb
