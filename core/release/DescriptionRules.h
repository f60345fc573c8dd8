#pragma once

#include "core/release/ReleaseFinding.h"

namespace wb {

struct HeaderFile;

// The long description (the metadata body or a Description field) and Description-Content-Type as
// PyPI reads them: the type must be text/plain, text/x-rst or text/markdown (charset UTF-8;
// markdown variant GFM or CommonMark); an undeclared type is rendered as reStructuredText.
// Markdown and plain text are accepted as they are. reStructuredText is rendered by PyPI with
// readme_renderer, which refuses on docutils warnings: here only the commonest cause (a title
// underline shorter than its title) is found; `twine check` renders it in full.
class DescriptionRules
{
public:
    static ReleaseFindingList check(const HeaderFile &metadata, const QString &file);
    // "text/markdown; charset=UTF-8; variant=GFM" -> empty when allowed, else why not.
    static QString contentTypeProblem(const QString &contentType);
    // Line numbers (1-based) of title underlines shorter than their title.
    static QList<int> shortUnderlines(const QString &rst);
};

} // namespace wb
