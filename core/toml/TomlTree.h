#pragma once

// For .cpp files that read the toml++ tree of a TomlDocument. Keep it out of headers.
#include "core/toml/TomlDocument.h"
#include "core/toml/TomlScanner.h"

#include <toml++/toml.hpp>

namespace wb {

struct TomlParsed {
    toml::table root;
    TomlScan scan;
};

// The node at path (nullptr when absent). Only table steps are followed.
const toml::node *tomlNodeAt(const toml::table &root, const TomlKeyPath &path);
inline const toml::node *tomlNodeAt(const TomlDocument &doc, const TomlKeyPath &path)
{
    return doc.parsed() ? tomlNodeAt(doc.parsed()->root, path) : nullptr;
}
QString tomlString(const toml::node *node);

} // namespace wb
