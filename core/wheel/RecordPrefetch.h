#pragma once

#include "core/wheel/RecordFile.h"
#include "core/wheel/ZipDirectory.h"

#include <QString>

#include <thread>

namespace wb {

// RECORD read and parsed on a thread of its own while the inspection walks the central directory
// (for a wheel of 100,000 files the two take about as long as each other). The thread finds the one
// top-level "<name>.dist-info/RECORD" in the central directory, inflates it and parses it; whatever
// looks unusual (several candidates, a bad header, an error, more than the text limit) leaves the
// reading to the inspection itself, which then reports it as it always does.
class RecordPrefetch
{
public:
    RecordPrefetch(const QString &wheelPath, qint64 maxBytes);
    ~RecordPrefetch();
    RecordPrefetch(const RecordPrefetch &) = delete;
    RecordPrefetch &operator=(const RecordPrefetch &) = delete;

    // Waits for the thread. True, with the parsed RECORD in *out, when it read exactly the member
    // `entry` (same name, offsets, sizes, method and CRC) without a problem.
    bool take(const ZipEntryRecord &entry, RecordFile *out);

private:
    void run(const QString &path, qint64 maxBytes);

    ZipEntryRecord m_entry;
    RecordFile m_record;
    bool m_ok = false;
    std::thread m_thread; // last: it starts once the members it writes exist
};

} // namespace wb
