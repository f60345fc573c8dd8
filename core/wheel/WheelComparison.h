#pragma once

#include "core/wheel/WheelReport.h"

#include <QJsonObject>

namespace wb {

// Differences between two wheels: files added/removed/changed (by digest, or by size with --quick),
// size deltas, tags and metadata. A top-level folder that only one wheel has is paired with the
// other's when the package was renamed (foo_bar/ and foo_baz/, foo_bar-1.0.dist-info/ and
// foo_baz-1.1.dist-info/): their files pair by the path below that folder and show as changed, not
// as all removed and all added.
struct WheelComparison {
    struct Change {
        QString path;
        qint64 sizeA = -1;   // -1: absent
        qint64 sizeB = -1;
        QString pathB;       // the path in B when it differs (a file of a renamed folder); else empty
        bool contentChanged = true; // false: only the path changed (same size and digest)
        QString shownPath() const { return pathB.isEmpty() ? path : path + QStringLiteral(" → ") + pathB; }
    };
    QList<Change> added, removed, changed;
    QStringList tagsAdded, tagsRemoved;
    QList<QPair<QString, QPair<QString, QString>>> metadataChanges; // field -> (a, b)
    qint64 sizeDelta = 0;          // uncompressed
    qint64 fileSizeDelta = 0;      // the .whl files
    QString policyA, policyB;
    QList<QPair<QString, QString>> renamedFolders; // top-level folder in A -> in B ("foo_bar/" -> "foo_baz/")

    bool identicalContents() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
    static WheelComparison compare(const WheelReport &a, const WheelReport &b);
    // The pairing of compare(): each top-level folder of `onlyA` (paths of A's files absent from B)
    // with the folder of `onlyB` it was renamed to, if any. Folder names end with '/'.
    static QList<QPair<QString, QString>> pairRenamedFolders(const QStringList &onlyA, const QStringList &onlyB);
    QJsonObject toJson(const WheelReport &a, const WheelReport &b) const;
};

} // namespace wb
