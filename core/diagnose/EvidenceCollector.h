#pragma once

#include "core/diagnose/Evidence.h"

namespace wb::diagnose {

// What to look at; any part may be empty.
struct EvidenceRequest {
    QString projectDir;
    QString wheelPath;
    QString logText;
    QString errorText;
    QString logPath;  // a build log file, read when logText is empty
};

// Reads the files of a request into Evidence (blocking: call it off the UI thread).
class EvidenceCollector
{
public:
    static Evidence collect(const EvidenceRequest &request);
};

} // namespace wb::diagnose
