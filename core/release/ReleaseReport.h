#pragma once

#include "core/release/CoverageMatrix.h"
#include "core/release/ProjectDeclaration.h"
#include "core/release/ReleaseComparison.h"
#include "core/release/ReleaseFinding.h"
#include "core/release/ReleaseSet.h"
#include "core/release/UploadRules.h"

#include <QJsonObject>

#include <optional>

namespace wb {

struct ReleaseOptions {
    UploadOptions upload;
    QString projectDir;       // optional: pyproject.toml, Cargo.toml, .github/workflows
};

// Everything `wheelbench release` and the Release view say about one set of files.
struct ReleaseReport {
    static constexpr int schemaVersion = 1;
    ReleaseSet set;
    ProjectDeclaration project;
    CoverageMatrix matrix;
    QStringList sdistFatal;             // what the sdist lacks for any build
    ReleaseFindingList findings;        // upload, consistency, coverage, previous
    std::optional<ReleaseSet> previousSet;
    std::optional<ReleaseComparison> comparison;
    QString name, version;              // the set's (most common) name and version

    static ReleaseReport check(ReleaseSet set, const ReleaseOptions &options, std::optional<ReleaseSet> previous = std::nullopt);
    int count(Finding::Severity s) const;
    bool refusedOrMissing() const { return count(Finding::Severity::Error) > 0; } // exit 1
    QJsonObject toJson() const;
    QString verdict() const; // "ready", "warnings", "blocked"
};

} // namespace wb
