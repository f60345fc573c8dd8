#pragma once

#include <QList>
#include <QString>

namespace wb {

enum class ProjectFileKind { Pyproject, Cargo };

enum class SettingsSeverity { Error, Warning, Info };
QString settingsSeverityName(SettingsSeverity s); // "error", "warning", "info"

// One change to a settings file, as the config command and the Project view apply it.
struct SettingsEdit {
    enum class Op { Set, Unset, Append, RemoveElement };
    Op op = Op::Set;
    ProjectFileKind file = ProjectFileKind::Pyproject;
    QString key;   // TOML key path text, e.g. tool.maturin.strip
    QString value; // TOML literal for Set/Append
    int index = -1; // RemoveElement
};

// A finding about a project's settings. ids are stable (documented in docs/settings.md).
struct SettingsDiagnostic {
    QString id;
    SettingsSeverity severity = SettingsSeverity::Warning;
    ProjectFileKind fileKind = ProjectFileKind::Pyproject;
    QString file; // path of the file
    int line = 0; // 0: the file as a whole
    int column = 0;
    QString key;  // the setting it is about, when there is one
    QString message;
    QString fixLabel; // empty: no automatic fix
    QList<SettingsEdit> fix;
};

} // namespace wb
