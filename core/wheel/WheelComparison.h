#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

namespace wb {

// Differences between two wheels: files added/removed/changed (by digest, or by size with --quick),
// size deltas, tags and metadata.
struct WheelComparison {
    struct Change {
        QString path;
        qint64 sizeA = -1;   // -1: absent
        qint64 sizeB = -1;
    };
    QList<Change> added, removed, changed;
    QStringList tagsAdded, tagsRemoved;
    QList<QPair<QString, QPair<QString, QString>>> metadataChanges; // field -> (a, b)
    qint64 sizeDelta = 0;          // uncompressed
    qint64 fileSizeDelta = 0;      // the .whl files
    QString policyA, policyB;

    bool identicalContents() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
    static WheelComparison compare(const WheelReport &a, const WheelReport &b);
    QJsonObject toJson(const WheelReport &a, const WheelReport &b) const;
};

} // namespace wb
