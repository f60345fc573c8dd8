#pragma once

#include "core/toml/TomlDocument.h"

namespace wb {

struct TomlEditResult {
    bool ok = false;       // false: refused, bytes unchanged, message says why
    bool changed = false;  // false when the document already said so
    QByteArray bytes;      // the new text (the old one when refused or unchanged)
    TomlDocument document; // bytes, parsed
    QString message;
};

// Format-preserving edits: each is a splice into the original bytes (a value's own span, a new line
// after a table's last key, a new table after its last sibling), followed by a re-parse that must give
// exactly the intended tree, otherwise the edit is refused.
class TomlEditor
{
public:
    // literal: a TOML value as written in a file: true, "python", ["a", "b"], { path = "x" }.
    static TomlEditResult set(const TomlDocument &doc, const TomlKeyPath &path, const QString &literal);
    static TomlEditResult unset(const TomlDocument &doc, const TomlKeyPath &path);
    // Adds one element at the end of an array (creates the array when the key is absent).
    static TomlEditResult append(const TomlDocument &doc, const TomlKeyPath &path, const QString &literal);
    static TomlEditResult removeElement(const TomlDocument &doc, const TomlKeyPath &path, int index);
};

} // namespace wb
