#include "core/wheel/RecordMatch.h"

#include <QHash>

namespace wb {

RecordMatch RecordMatch::match(const QList<ZipEntryRecord> &entries, const QList<RecordRow> &rows)
{
    RecordMatch m;
    m.rowOfEntry.fill(-1, entries.size());
    m.entryOfRow.fill(-1, rows.size());
    QHash<QString, qsizetype> byPath; // built at the first entry out of step
    qsizetype next = 0;
    for (qsizetype j = 0; j < entries.size(); ++j) {
        const ZipEntryRecord &e = entries.at(j);
        if (e.isDirectory)
            continue;
        qsizetype row = -1;
        if (next < rows.size() && rows.at(next).path == e.name) {
            row = next;
        } else {
            if (byPath.isEmpty() && !rows.isEmpty()) {
                byPath.reserve(rows.size());
                for (qsizetype k = 0; k < rows.size(); ++k)
                    byPath.insert(rows.at(k).path, k);
            }
            row = byPath.value(e.name, -1);
        }
        if (row < 0)
            continue;
        m.rowOfEntry[j] = row;
        m.entryOfRow[row] = j;
        next = row + 1;
    }
    return m;
}

} // namespace wb
