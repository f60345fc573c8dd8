#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// TOML text for values, for building edit literals.
namespace TomlLiteral {
QString string(const QString &value);           // "value" with escapes
QString boolean(bool value);                    // true / false
QString stringArray(const QStringList &values); // ["a", "b"]
// Whether text is a single valid TOML value; error gets the reason.
bool isValid(const QString &literal, QString *error = nullptr);
} // namespace TomlLiteral

} // namespace wb
