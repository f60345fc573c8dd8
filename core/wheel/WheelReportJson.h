#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

#include <string>

namespace wb {

// The versioned JSON form of a report (schema in docs/inspect.md; "schema_version": 1).
QJsonObject toJson(const WheelReport &report);

// The same object as indented JSON text, byte for byte what QJsonDocument(toJson(report))
// .toJson(QJsonDocument::Indented) gives, without building a JSON value per file (the "files" array
// of a large wheel is written directly; that is most of the text and most of the cost).
QByteArray toJsonText(const WheelReport &report);

// The same text in three parts, to be written one after the other: nothing is copied to join them
// (the "files" part of a 100,000-entry wheel is over 10 MB).
struct JsonTextParts {
    QByteArray head;
    std::string files;
    QByteArray tail;
};
JsonTextParts toJsonTextParts(const WheelReport &report);

} // namespace wb
