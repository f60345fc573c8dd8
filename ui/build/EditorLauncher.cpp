#include "ui/build/EditorLauncher.h"

#include <QProcess>
#include <QSettings>

namespace wb::ui {

namespace {
const QString settingsKey = QStringLiteral("build/editorCommand");
const QString openWithKey = QStringLiteral("build/openWith");
}

QString EditorLauncher::command()
{
    return QSettings().value(settingsKey).toString();
}

void EditorLauncher::setCommand(const QString &command)
{
    QSettings().setValue(settingsKey, command.trimmed());
}

EditorLauncher::OpenWith EditorLauncher::openWith()
{
    const QString how = QSettings().value(openWithKey).toString();
    if (how == u"viewer")
        return OpenWith::Viewer;
    if (how == u"editor" || (how.isEmpty() && !command().isEmpty())) // a command set before the choice existed
        return command().isEmpty() ? OpenWith::Ask : OpenWith::Editor;
    return OpenWith::Ask;
}

void EditorLauncher::setOpenWith(OpenWith how)
{
    if (how == OpenWith::Ask)
        QSettings().remove(openWithKey);
    else
        QSettings().setValue(openWithKey, how == OpenWith::Viewer ? QStringLiteral("viewer") : QStringLiteral("editor"));
}

QStringList EditorLauncher::arguments(const QString &commandTemplate, const QString &file, int line, int column)
{
    QStringList args = QProcess::splitCommand(commandTemplate);
    for (QString &arg : args) {
        QString out;
        for (qsizetype i = 0; i < arg.size(); ++i) {
            if (arg.at(i) == u'%' && i + 1 < arg.size()) {
                const QChar key = arg.at(i + 1);
                if (key == u'f') {
                    out += file;
                    ++i;
                    continue;
                }
                if (key == u'l') {
                    out += QString::number(qMax(1, line));
                    ++i;
                    continue;
                }
                if (key == u'c') {
                    out += QString::number(qMax(1, column));
                    ++i;
                    continue;
                }
                if (key == u'%') {
                    out += u'%';
                    ++i;
                    continue;
                }
            }
            out += arg.at(i);
        }
        arg = out;
    }
    return args;
}

bool EditorLauncher::launch(const QString &commandTemplate, const QString &file, int line, int column, QString *error)
{
    const QStringList args = arguments(commandTemplate, file, line, column);
    if (!args.isEmpty() && QProcess::startDetached(args.first(), args.mid(1)))
        return true;
    if (error)
        *error = QObject::tr("Could not run the editor command `%1`.").arg(commandTemplate);
    return false;
}

} // namespace wb::ui
