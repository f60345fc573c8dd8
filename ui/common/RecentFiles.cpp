#include "ui/common/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace wb::ui {

namespace {
QString key() { return QStringLiteral("recent/files"); }
}

QStringList RecentFiles::entries()
{
    QStringList list = QSettings().value(key()).toStringList();
    list.removeIf([](const QString &path) { return !QFileInfo::exists(path); });
    return list;
}

void RecentFiles::add(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(key()).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxEntries)
        list.removeLast();
    settings.setValue(key(), list);
}

void RecentFiles::clear()
{
    QSettings().remove(key());
}

} // namespace wb::ui
