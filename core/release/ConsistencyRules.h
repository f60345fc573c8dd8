#pragma once

#include "core/release/ReleaseFinding.h"

namespace wb {

struct ReleaseSet;
struct ProjectDeclaration;

// Whether the files of a set, built on different machines, agree: the same METADATA (platform
// fields aside), the same pure-Python files, extensions stripped alike, tags that match each
// extension's suffix, and an sdist that holds what a build from it needs. All Warnings: PyPI takes
// such a set, its users meet the differences.
class ConsistencyRules
{
public:
    static ReleaseFindingList check(const ReleaseSet &set, const ProjectDeclaration &project);
    static ReleaseFindingList metadata(const ReleaseSet &set);
    static ReleaseFindingList pureFiles(const ReleaseSet &set);
    static ReleaseFindingList stripping(const ReleaseSet &set);
    static ReleaseFindingList suffixes(const ReleaseSet &set);
    // What the first sdist lacks for a build; *fatal (may be null) gets the parts without which the
    // build cannot even start (Cargo.toml, crate sources, pyproject.toml, python-source).
    static ReleaseFindingList sdistContents(const ReleaseSet &set, const ProjectDeclaration &project, QStringList *fatal = nullptr);
    // Metadata fields allowed to differ between wheels of one release.
    static bool isPlatformField(const QString &key);
};

} // namespace wb
