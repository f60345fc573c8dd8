#include "ui/build/EditorLauncher.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QUrl>

namespace wb::ui {

namespace {
const QString settingsKey = QStringLiteral("build/editorCommand");
}

QString EditorLauncher::command()
{
    return QSettings().value(settingsKey).toString();
}

void EditorLauncher::setCommand(const QString &command)
{
    QSettings().setValue(settingsKey, command.trimmed());
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

bool EditorLauncher::open(const QString &file, int line, int column, QString *error)
{
    if (!QFileInfo::exists(file)) {
        if (error)
            *error = QObject::tr("%1 does not exist.").arg(file);
        return false;
    }
    const QString templ = command();
    if (!templ.isEmpty()) {
        const QStringList args = arguments(templ, file, line, column);
        if (!args.isEmpty() && QProcess::startDetached(args.first(), args.mid(1)))
            return true;
        if (error)
            *error = QObject::tr("Could not run the editor command `%1`; opening the file with the default application.").arg(templ);
    }
    return QDesktopServices::openUrl(QUrl::fromLocalFile(file));
}

} // namespace wb::ui
