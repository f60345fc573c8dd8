#pragma once
// Which processes of a process group are alive, read from /proc (Linux).

#include <QDir>
#include <QFile>
#include <QStringList>

namespace wb::test {

// "pid state command" of every process whose group is `pgid`.
inline QStringList processesInGroup(qint64 pgid)
{
    QStringList found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid pgrp ...: comm may contain spaces, so cut after the last ')'.
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == pgid) {
            const qsizetype open = text.indexOf('(');
            found << QStringLiteral("%1 %2 %3").arg(entry, QString::fromLatin1(fields.at(0)),
                                                   QString::fromUtf8(text.mid(open + 1, close - open - 1)));
        }
    }
    return found;
}

} // namespace wb::test
