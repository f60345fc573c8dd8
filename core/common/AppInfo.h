#pragma once

#include <QString>

namespace wb {

// Names and version of the program, shared by the command line, the window and the desktop files.
struct AppInfo {
    static QString name();          // "Wheelbench"
    static QString executable();    // "wheelbench"
    static QString version();       // project version from CMake
    static QString appId();         // reverse-DNS id used by the desktop file and AppStream metadata
    static QString organization();  // QSettings organisation
};

} // namespace wb
