#pragma once

#include <QString>
#include <QStringList>

namespace wb::ui {

// Opens a file at a line in the user's editor. The command is a template such as
// `code --goto %f:%l:%c` or `kate --line %l --column %c %f`: it is split into arguments first and
// the placeholders are replaced inside each argument, so paths with spaces stay one argument.
// An empty command opens the file with the desktop's default application.
class EditorLauncher
{
public:
    static QString command();                 // from the settings ("build/editorCommand")
    static void setCommand(const QString &command);
    static QStringList arguments(const QString &commandTemplate, const QString &file, int line, int column);
    static bool open(const QString &file, int line, int column, QString *error = nullptr);
};

} // namespace wb::ui
