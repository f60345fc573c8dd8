#pragma once
// A copy of a real wheel whose package was renamed: every member of the source wheel, read in place
// through the core's KZip reader, written under new top-level folder names (package and .dist-info),
// RECORD written anew. Used to test that comparing foo_bar-1.0 with foo_baz-1.1 pairs moved files.

#include "ZipWriter.h"
#include "core/wheel/ArchiveReader.h"

#include <QDir>
#include <QHash>

namespace wb::test {

// `renames`: top-level folder in the source ("qypi/") -> folder in the copy ("qypi_next/").
// `changed`: paths (in the copy) whose contents get a line appended. Returns the written file
// (DIR/FILENAME), or an empty string with *error set.
inline QString writeRenamedCopy(const QString &source, const QString &dir, const QString &fileName, const QHash<QString, QString> &renames,
                                const QStringList &changed = {}, QString *error = nullptr)
{
    wb::ArchiveReader in(source);
    QString why;
    if (!in.open(&why)) {
        if (error)
            *error = why;
        return {};
    }
    QList<ZipMember> members;
    QByteArray recordName;
    QStringList names = in.names();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (name.endsWith(QLatin1Char('/')))
            continue;
        QString renamed = name;
        for (auto it = renames.constBegin(); it != renames.constEnd(); ++it)
            if (name.startsWith(it.key()))
                renamed = it.value() + name.mid(it.key().size());
        if (renamed.endsWith(QLatin1String(".dist-info/RECORD"))) {
            recordName = renamed.toUtf8();
            continue;
        }
        QByteArray data = in.read(name, 64 * 1024 * 1024);
        if (changed.contains(renamed))
            data += "\n# changed in the next version\n";
        members.append(ZipMember{renamed.toUtf8(), data});
    }
    if (recordName.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 has no RECORD").arg(source);
        return {};
    }
    QByteArray record;
    for (const ZipMember &m : std::as_const(members))
        record += recordLine(m.name, m.data);
    record += recordName + ",,\n";
    members.append(ZipMember{recordName, record});
    const QString out = QDir(dir).filePath(fileName);
    QFile f(out);
    if (!f.open(QIODevice::WriteOnly) || f.write(buildZip(members)) < 0) {
        if (error)
            *error = f.errorString();
        return {};
    }
    return out;
}

} // namespace wb::test
