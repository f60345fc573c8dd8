#include "core/project/ProjectValidator.h"

#include "core/project/SettingsChecker.h"

#include <algorithm>

namespace wb {

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project)
{
    return validate(project, computeEffectiveSettings(project));
}

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project, const EffectiveSettings &effective)
{
    return validate(project, effective, nullptr);
}

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project, QStringList *consultedPaths)
{
    return validate(project, computeEffectiveSettings(project), consultedPaths);
}

QList<SettingsDiagnostic> ProjectValidator::validate(const Project &project, const EffectiveSettings &effective, QStringList *consultedPaths)
{
    validation::SettingsChecker c(project, effective);
    c.out = project.loadDiagnostics;
    c.run();
    std::stable_sort(c.out.begin(), c.out.end(), [](const SettingsDiagnostic &a, const SettingsDiagnostic &b) {
        if (a.file != b.file)
            return a.fileKind < b.fileKind;
        return a.line < b.line;
    });
    if (consultedPaths) {
        *consultedPaths = c.consulted;
        consultedPaths->removeDuplicates();
    }
    return c.out;
}

int ProjectValidator::count(const QList<SettingsDiagnostic> &diagnostics, SettingsSeverity severity)
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(), [severity](const SettingsDiagnostic &d) { return d.severity == severity; }));
}

} // namespace wb
