#pragma once

#include "core/project/SettingsDiagnostic.h"
#include "core/toml/TomlEditor.h"

namespace wb {

// Applies a SettingsEdit to the document of its file (see TomlEditor for the guarantees).
TomlEditResult applySettingsEdit(const TomlDocument &doc, const SettingsEdit &edit);

} // namespace wb
