#pragma once

#include <QString>
#include <QStringList>

namespace wb::ui {

// Opens a file at a line in the user's editor. The command is a template such as
// `code --goto %f:%l:%c` or `kate --line %l --column %c %f`: it is split into arguments first and
// the placeholders are replaced inside each argument, so paths with spaces stay one argument.
// How issues open is remembered in QSettings: "build/openWith" (editor or viewer) and
// "build/editorCommand"; with neither set, the user is asked (see IssueOpener).
class EditorLauncher
{
public:
    enum class OpenWith { Ask, Editor, Viewer };
    static QString command();                 // from the settings ("build/editorCommand")
    static void setCommand(const QString &command);
    static OpenWith openWith();
    static void setOpenWith(OpenWith how);
    static QStringList arguments(const QString &commandTemplate, const QString &file, int line, int column);
    // Starts the editor command on the file; false (and why in *error) when it could not be started.
    static bool launch(const QString &commandTemplate, const QString &file, int line, int column, QString *error = nullptr);
};

} // namespace wb::ui
