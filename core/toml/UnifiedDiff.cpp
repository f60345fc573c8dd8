#include "core/toml/UnifiedDiff.h"

#include <QList>

#include <vector>

namespace wb {

namespace {
QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) {
            lines << text.mid(start);
            break;
        }
        lines << text.mid(start, nl - start + 1);
        start = nl + 1;
    }
    return lines;
}

QString show(const QByteArray &line)
{
    QByteArray l = line;
    const bool hasBreak = l.endsWith('\n');
    if (hasBreak)
        l.chop(1);
    if (l.endsWith('\r'))
        l.chop(1);
    QString s = QString::fromUtf8(l) + u'\n';
    if (!hasBreak)
        s += QStringLiteral("\\ No newline at end of file\n");
    return s;
}
} // namespace

QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fromName, const QString &toName, int context)
{
    if (before == after)
        return {};
    const QList<QByteArray> a = splitLines(before);
    const QList<QByteArray> b = splitLines(after);
    // Trim the common head and tail, then an LCS on the middle (edits are small).
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    enum Op { Same, Del, Add };
    struct Step {
        Op op;
        qsizetype ai;
        qsizetype bi;
    };
    std::vector<Step> steps;
    for (qsizetype i = 0; i < head; ++i)
        steps.push_back({Same, i, i});
    if (n * m <= 4'000'000) {
        std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                lcs[size_t(i)][size_t(j)] = a.at(head + i) == b.at(head + j) ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                                             : qMax(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.at(head + i) == b.at(head + j)) {
                steps.push_back({Same, head + i, head + j});
                ++i;
                ++j;
            } else if (i < n && (j >= m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
                steps.push_back({Del, head + i, head + j});
                ++i;
            } else {
                steps.push_back({Add, head + i, head + j});
                ++j;
            }
        }
    } else {
        for (qsizetype i = 0; i < n; ++i)
            steps.push_back({Del, head + i, head});
        for (qsizetype j = 0; j < m; ++j)
            steps.push_back({Add, head + n, head + j});
    }
    for (qsizetype i = 0; i < tail; ++i)
        steps.push_back({Same, a.size() - tail + i, b.size() - tail + i});

    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(fromName, toName);
    const qsizetype total = qsizetype(steps.size());
    qsizetype s = 0;
    while (s < total) {
        while (s < total && steps[size_t(s)].op == Same)
            ++s;
        if (s >= total)
            break;
        qsizetype start = qMax<qsizetype>(0, s - context);
        qsizetype end = s;
        // extend the hunk while changes are within 2*context
        qsizetype lastChange = s;
        for (qsizetype k = s; k < total; ++k) {
            if (steps[size_t(k)].op != Same)
                lastChange = k;
            else if (k - lastChange > 2 * context)
                break;
        }
        end = qMin(total, lastChange + context + 1);
        qsizetype aStart = steps[size_t(start)].ai, bStart = steps[size_t(start)].bi, aLen = 0, bLen = 0;
        QString body;
        for (qsizetype k = start; k < end; ++k) {
            const Step &st = steps[size_t(k)];
            if (st.op == Same) {
                body += u' ' + show(a.at(st.ai));
                ++aLen;
                ++bLen;
            } else if (st.op == Del) {
                body += u'-' + show(a.at(st.ai));
                ++aLen;
            } else {
                body += u'+' + show(b.at(st.bi));
                ++bLen;
            }
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(aLen ? aStart + 1 : aStart).arg(aLen).arg(bLen ? bStart + 1 : bStart).arg(bLen);
        out += body;
        s = end;
    }
    return out;
}

} // namespace wb
