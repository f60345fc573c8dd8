#pragma once

#include <QStringList>

namespace wb::ui {

// Most-recently-used projects and wheels, kept in QSettings.
class RecentFiles
{
public:
    static constexpr int MaxEntries = 10;
    static QStringList entries();
    static void add(const QString &path);
    static void clear();
};

} // namespace wb::ui
