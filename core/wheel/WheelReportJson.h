#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

#include <functional>

namespace wb {

// The versioned JSON form of a report (schema in docs/inspect.md; "schema_version": 1).
QJsonObject toJson(const WheelReport &report);

// The same object as indented JSON text, byte for byte what QJsonDocument(toJson(report))
// .toJson(QJsonDocument::Indented) gives, without building a JSON value per file (the "files" array
// of a large wheel is written directly; that is most of the text and most of the cost).
QByteArray toJsonText(const WheelReport &report);

// The same text, handed to `sink` piece by piece (the "files" part of a 100,000-entry wheel is over
// 10 MB: it is written in pieces of about 1 MB, never held whole).
void writeJsonText(const WheelReport &report, const std::function<void(const char *data, size_t size)> &sink);

// The text around the "files" array (for writeJsonText(); withFiles false: `head` holds all of it).
struct JsonTextParts {
    QByteArray head;
    QByteArray tail;
    bool withFiles = true;
};
JsonTextParts toJsonTextParts(const WheelReport &report);

} // namespace wb
