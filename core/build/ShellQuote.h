#pragma once

#include <QString>
#include <QStringList>

namespace wb::shell {

// POSIX shell quoting, so a shown command line can be pasted into a terminal as it is.
QString quote(const QString &argument);
QString join(const QStringList &arguments);

} // namespace wb::shell
