#pragma once

#include "core/wheel/RecordFile.h"
#include "core/wheel/WheelReport.h"

#include "core/wheel/RecordMatch.h"

namespace wb {

// Every RECORD row (in RECORD's order) and then every archive member RECORD does not list, each with
// its status, from the parsed RECORD, the archive's members and the problems verification found.
// `hashed`: the contents were hashed (not --quick). `recordPath`: "<dist-info>/RECORD" ("" when absent).
// `match` (rows <-> files, as RecordMatch gives for the same lists) spares the lookups by name.
QList<RecordEntry> recordEntries(const RecordFile &record, const QList<WheelFileEntry> &files,
                                 const QList<RecordProblem> &problems, const QString &recordPath, bool hashed,
                                 const RecordMatch *match = nullptr);

} // namespace wb
