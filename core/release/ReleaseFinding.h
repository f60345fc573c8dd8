#pragma once

#include "core/wheel/Finding.h"

#include <QList>
#include <QString>

namespace wb {

// One thing the release check has to say. `id` names the rule (stable: scripts match on it), `source`
// where the rule comes from (PyPI's upload checks, a PEP, the core metadata spec, ...), `file` the
// file of the set it is about (empty for the whole set). Errors are what PyPI would refuse and
// declared platforms or versions with no wheel: they make `wheelbench release` exit 1.
struct ReleaseFinding {
    enum class Category { Upload, Consistency, Coverage, Previous };
    QString id;
    Finding::Severity severity = Finding::Severity::Info;
    Category category = Category::Upload;
    QString message;
    QString file;
    QString source;

    static QString categoryName(Category c);
};

using ReleaseFindingList = QList<ReleaseFinding>;

// Where the rules come from (the texts the report and docs/release.md cite).
namespace rule_source {
inline const char *const pypiUpload = "PyPI upload checks (warehouse, forklift/legacy.py)";
inline const char *const pep427 = "PEP 427 / PEP 491 (wheel file names)";
inline const char *const pep625 = "PEP 625 (sdist file names)";
inline const char *const pep639 = "PEP 639 (License-Expression, License-File)";
inline const char *const coreMetadata = "Core metadata specification (packaging.python.org)";
inline const char *const twineCheck = "twine check (readme_renderer)";
inline const char *const pep425 = "PEP 425 / PEP 3149 / PEP 384 (tags, extension suffixes, abi3)";
inline const char *const maturinSdist = "maturin sdist / pip's build from source (PEP 517)";
inline const char *const coverage = "the project's declarations (Requires-Python, classifiers, CI workflow)";
inline const char *const previous = "the previous release";
inline const char *const consistency = "one release, many builders (maturin-action)";
} // namespace rule_source

} // namespace wb
