#pragma once

#include "core/release/ReleaseFinding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

struct CoverageMatrix;

// This release against the previous one: platforms and Python versions that are new or dropped, and
// each platform's size (its wheels' bytes) before and after.
struct ReleaseComparison {
    struct SizeChange {
        QString platform;     // row label
        qint64 before = 0;    // 0: not in the previous release
        qint64 after = 0;     // 0: not in this one
    };
    QString previousVersion;
    QStringList newPlatforms, droppedPlatforms;
    QStringList newVersions, droppedVersions;
    QList<SizeChange> sizes;

    static ReleaseComparison compare(const CoverageMatrix &previous, const CoverageMatrix &current, const QString &previousVersion);
    ReleaseFindingList findings() const;
};

} // namespace wb
