#pragma once

#include <QList>

#include <functional>

namespace wb {

// One step of turning an old array into a new one, element by element.
struct ArrayDiffStep {
    enum Kind {
        Keep,    // the old element stays as it is
        Edit,    // the old element is replaced by another version of itself (same name): keeps its place
        Replace, // the old element goes and a different one takes its place
        Remove,  // the old element goes
        Insert,  // a new element comes
    };
    Kind kind = Keep;
    int oldIndex = -1; // Keep, Edit, Replace, Remove
    int newIndex = -1; // Keep, Edit, Replace, Insert
};

// The steps from an old array of oldCount elements to a new one of newCount, in the order of both arrays
// (old indices and new indices both ascend). Equal elements of the longest common subsequence are kept;
// between two kept elements the removed and inserted ones are paired in order (Edit when sameElement says
// the pair is one element in two versions, else Replace), and what is left over is removed or inserted.
// Large middles (more than maxCells comparisons) are paired in order without looking for common elements.
QList<ArrayDiffStep> diffArrays(int oldCount, int newCount, const std::function<bool(int, int)> &equal,
                                const std::function<bool(int, int)> &sameElement, qint64 maxCells = 1 << 20);

} // namespace wb
