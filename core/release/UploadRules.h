#pragma once

#include "core/release/ReleaseFinding.h"

namespace wb {

struct ReleaseSet;
struct ReleaseFile;

struct UploadOptions {
    qint64 maxFileSize = 100ll * 1000 * 1000;   // PyPI's default per-file limit (100 MB)
};

// The checks PyPI applies when a file is uploaded (warehouse forklift/legacy.py), with the specs
// behind them: file names (PEP 427/491, PEP 625), one name and version, duplicates, platform tags,
// the size limit, Metadata-Version and required fields, the description's content type, PEP 639
// License-Expression and License-File. Each failure is an Error (PyPI refuses the upload).
class UploadRules
{
public:
    static ReleaseFindingList check(const ReleaseSet &set, const UploadOptions &options);
    static ReleaseFindingList checkFile(const ReleaseFile &file, const UploadOptions &options);
    // Whether PyPI accepts a wheel platform tag (the allow-list and patterns of forklift/legacy.py).
    static bool platformAllowed(const QString &tag, QString *why = nullptr);
};

} // namespace wb
