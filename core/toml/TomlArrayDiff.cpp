#include "core/toml/TomlArrayDiff.h"

namespace wb {

namespace {

// Appends the steps of one stretch between two kept elements (or an end): removed old elements
// `removed` and inserted new elements `inserted`, both ascending.
void flushGap(QList<ArrayDiffStep> *out, QList<int> *removed, QList<int> *inserted, const std::function<bool(int, int)> &sameElement)
{
    const qsizetype pairs = qMin(removed->size(), inserted->size());
    for (qsizetype k = 0; k < pairs; ++k) {
        const int i = removed->at(k);
        const int j = inserted->at(k);
        out->append({sameElement(i, j) ? ArrayDiffStep::Edit : ArrayDiffStep::Replace, i, j});
    }
    for (qsizetype k = pairs; k < removed->size(); ++k)
        out->append({ArrayDiffStep::Remove, removed->at(k), -1});
    for (qsizetype k = pairs; k < inserted->size(); ++k)
        out->append({ArrayDiffStep::Insert, -1, inserted->at(k)});
    removed->clear();
    inserted->clear();
}

} // namespace

QList<ArrayDiffStep> diffArrays(int oldCount, int newCount, const std::function<bool(int, int)> &equal,
                                const std::function<bool(int, int)> &sameElement, qint64 maxCells)
{
    const int n = qMax(0, oldCount);
    const int m = qMax(0, newCount);
    // Common head and tail first: most edits change a few elements of a long array.
    int head = 0;
    while (head < n && head < m && equal(head, head))
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && equal(n - 1 - tail, m - 1 - tail))
        ++tail;
    const int a = n - head - tail; // old middle
    const int b = m - head - tail; // new middle

    // The raw edit script of the middle: true = keep (both advance), else remove or insert.
    enum Raw { RawKeep, RawRemove, RawInsert };
    QList<Raw> raw;
    raw.reserve(a + b);
    if (a > 0 && b > 0 && qint64(a + 1) * qint64(b + 1) <= maxCells) {
        // LCS lengths of the suffixes: lcs[i][j] for old[head+i..], new[head+j..].
        const qsizetype w = b + 1;
        QList<int> lcs((a + 1) * w, 0);
        QList<bool> same(qsizetype(a) * b, false);
        for (int i = a - 1; i >= 0; --i) {
            for (int j = b - 1; j >= 0; --j) {
                const bool eq = equal(head + i, head + j);
                same[qsizetype(i) * b + j] = eq;
                lcs[i * w + j] = eq ? lcs[(i + 1) * w + j + 1] + 1 : qMax(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a || j < b) {
            if (i < a && j < b && same[qsizetype(i) * b + j]) {
                raw << RawKeep;
                ++i;
                ++j;
            } else if (j >= b || (i < a && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
                raw << RawRemove;
                ++i;
            } else {
                raw << RawInsert;
                ++j;
            }
        }
    } else {
        for (int i = 0; i < a; ++i)
            raw << RawRemove;
        for (int j = 0; j < b; ++j)
            raw << RawInsert;
    }

    QList<ArrayDiffStep> out;
    out.reserve(n + m);
    for (int k = 0; k < head; ++k)
        out.append({ArrayDiffStep::Keep, k, k});
    QList<int> removed;
    QList<int> inserted;
    int i = head;
    int j = head;
    for (Raw r : std::as_const(raw)) {
        switch (r) {
        case RawKeep:
            flushGap(&out, &removed, &inserted, sameElement);
            out.append({ArrayDiffStep::Keep, i++, j++});
            break;
        case RawRemove: removed << i++; break;
        case RawInsert: inserted << j++; break;
        }
    }
    flushGap(&out, &removed, &inserted, sameElement);
    for (int k = 0; k < tail; ++k)
        out.append({ArrayDiffStep::Keep, n - tail + k, m - tail + k});
    return out;
}

} // namespace wb
