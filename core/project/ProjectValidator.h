#pragma once

#include "core/project/SettingsDiagnostic.h"
#include "core/project/EffectiveSettings.h"
#include "core/project/Project.h"

namespace wb {

// Every check of a project's packaging settings. Reads files only; runs nothing from the project.
class ProjectValidator
{
public:
    static QList<SettingsDiagnostic> validate(const Project &project);
    static QList<SettingsDiagnostic> validate(const Project &project, const EffectiveSettings &effective);
    // Also gives every file and folder the checks looked for on disk, there or not (cleaned paths).
    static QList<SettingsDiagnostic> validate(const Project &project, QStringList *consultedPaths);
    static QList<SettingsDiagnostic> validate(const Project &project, const EffectiveSettings &effective, QStringList *consultedPaths);
    static int count(const QList<SettingsDiagnostic> &diagnostics, SettingsSeverity severity);
};

} // namespace wb
