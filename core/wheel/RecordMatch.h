#pragma once

#include "core/wheel/RecordFile.h"
#include "core/wheel/ZipDirectory.h"

#include <QList>

namespace wb {

// Which RECORD row describes which archive entry (directories take no row). Writers list RECORD in
// the archive's order, so rows are matched walking both lists together, one comparison per entry;
// a hash of the paths is built only when the orders part, and the walk resumes after the row found.
// With duplicate entry names, every copy gets the row and the row keeps the last copy (as a lookup
// by name would give).
struct RecordMatch {
    QList<qsizetype> rowOfEntry; // index into RecordFile::rows, -1: not listed
    QList<qsizetype> entryOfRow; // index into the entries, -1: not in the archive

    static RecordMatch match(const QList<ZipEntryRecord> &entries, const QList<RecordRow> &rows);
};

} // namespace wb
