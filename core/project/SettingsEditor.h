#pragma once

#include "core/project/SettingsDiagnostic.h"
#include "core/toml/TomlEditor.h"

#include <array>

namespace wb {

// Applies a SettingsEdit to the document of its file (see TomlEditor for the guarantees).
TomlEditResult applySettingsEdit(const TomlDocument &doc, const SettingsEdit &edit);

// The texts of a project's pyproject.toml and Cargo.toml (indexed by ProjectFileKind) and their paths
// (empty: the project has no such file).
using SettingsTexts = std::array<QByteArray, 2>;
using SettingsPaths = std::array<QString, 2>;

// Applies `edits` in order, all or nothing: on the first refusal `texts` is left as it was and
// `*error` says why.
bool applySettingsEdits(SettingsTexts &texts, const SettingsPaths &paths, const QList<SettingsEdit> &edits, QString *error);

} // namespace wb
