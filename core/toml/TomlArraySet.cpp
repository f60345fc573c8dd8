#include "core/toml/TomlEditText.h"

#include "core/toml/TomlArrayDiff.h"

#include <QRegularExpression>

#include <utility>

namespace wb::tomledit {

namespace {

bool sameNode(const toml::node &a, const toml::node &b)
{
    return toml::node_view<const toml::node>(&a) == toml::node_view<const toml::node>(&b);
}

// What makes an array element "the same element in another version": a string that starts with a
// name followed by a version, extras, marker or feature ("maturin>=1.0" and "maturin>=1.0,<2.0",
// "pyo3/abi3-py38" and "pyo3/abi3-py39") is known by that name; a table by its name, path, feature or
// arch. Anything else is only itself (empty: no identity beyond its value).
QString elementIdentity(const toml::node &n)
{
    if (n.is_string()) {
        static const QRegularExpression named(QStringLiteral("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*[<>=!~\\[;@/(]"));
        const QRegularExpressionMatch m = named.match(tomlString(&n));
        if (!m.hasMatch())
            return {};
        QString name = m.captured(1).toLower();
        name.replace(u'_', u'-').replace(u'.', u'-');
        return QStringLiteral("name:") + name;
    }
    if (const toml::table *t = n.as_table()) {
        for (const char *key : {"name", "path", "feature", "arch"}) {
            const toml::node *v = t->get(key);
            if (v && v->is_string())
                return QLatin1String(key) + u':' + tomlString(v);
        }
    }
    return {};
}

bool sameElement(const toml::node &a, const toml::node &b)
{
    if (a.type() != b.type())
        return false;
    const QString id = elementIdentity(a);
    return !id.isEmpty() && id == elementIdentity(b);
}

} // namespace

bool arraySetSplices(const TomlDocument &doc, const TomlSpan &span, const toml::array &oldA, const TomlDocument &holder,
                     const toml::array &newA, QList<Splice> *out)
{
    const QByteArray &b = doc.bytes();
    const Text t(doc);
    const QList<ElementInfo> oldEls = elementsOf(doc, oldA);
    const QList<ElementInfo> newEls = elementsOf(holder, newA);
    const int n = int(oldEls.size());
    const int m = int(newEls.size());
    const int close = span.end - 1;
    auto newText = [&](int j) { return holder.bytes().mid(newEls.at(j).begin, newEls.at(j).end - newEls.at(j).begin); };
    auto editText = [&](int i, int j) {
        const TomlSpan old = doc.spanOf(oldEls.at(i).begin, oldEls.at(i).end);
        return keepQuoteStyle(doc, old, oldA[size_t(i)], newA[size_t(j)], newText(j));
    };
    QList<Splice> sp;

    if (n == 0) {
        if (m == 0)
            return true;
        const QByteArray inner = b.mid(span.begin + 1, close - span.begin - 1);
        if (inner.contains('\n')) {
            const int ls = t.lineStart(close);
            const QByteArray indent = closingIndent(b, ls, close);
            QByteArray lines;
            for (int j = 0; j < m; ++j)
                lines += indent + "    " + newText(j) + ',' + t.eol;
            out->append({ls, ls, lines});
            return true;
        }
        QList<QByteArray> texts;
        for (int j = 0; j < m; ++j)
            texts << newText(j);
        out->append({span.begin + 1, close, texts.join(", ")});
        return true;
    }

    // Layout: every element on its own line(s), or not.
    QList<int> lineBegin(n), lineEnd(n), blockBegin(n);
    QList<bool> comma(n);
    bool perLine = true;
    for (int i = 0; i < n; ++i) {
        const ElementInfo &e = oldEls.at(i);
        bool c = false;
        lineBegin[i] = t.lineStart(e.begin);
        lineEnd[i] = endOfOwnLine(b, e.end, &c);
        comma[i] = c;
        if (!(lineBegin[i] > span.begin && onlyBlanksBefore(b, lineBegin[i], e.begin) && lineEnd[i] > 0 && lineEnd[i] <= close))
            perLine = false;
    }
    if (perLine) {
        int firstLine = int(b.indexOf('\n', span.begin)) + 1; // the line after the one with '['
        for (int i = 0; i < n; ++i) {
            const int floor = i == 0 ? firstLine : lineEnd.at(i - 1);
            int start = t.commentBlockStart(lineBegin.at(i), floor);
            blockBegin[i] = start < floor ? lineBegin.at(i) : start;
        }
    }

    // Everything goes: an empty array, written "[]" unless comments that belong to no element stay.
    if (m == 0) {
        QList<Splice> removals;
        if (perLine) {
            for (int i = 0; i < n; ++i)
                removals.append({blockBegin.at(i), lineEnd.at(i), {}});
        }
        bool hasComment = false;
        for (int k = span.begin + 1; k < close && !hasComment; ++k) {
            bool removed = false;
            for (const Splice &r : std::as_const(removals))
                removed = removed || (k >= r.begin && k < r.end);
            hasComment = !removed && b.at(k) == '#';
        }
        if (!hasComment) {
            out->append({span.begin, span.end, "[]"});
            return true;
        }
        if (perLine) {
            out->append(removals);
        } else {
            int k = oldEls.at(n - 1).end;
            bool c = false;
            while (k < close && (isBlank(b.at(k)) || (!c && b.at(k) == ','))) {
                c = c || b.at(k) == ',';
                ++k;
            }
            out->append({oldEls.at(0).begin, k, {}});
        }
        return true;
    }

    const QList<ArrayDiffStep> steps = diffArrays(
        n, m, [&](int i, int j) { return sameNode(oldA[size_t(i)], newA[size_t(j)]); },
        [&](int i, int j) { return sameElement(oldA[size_t(i)], newA[size_t(j)]); });
    const bool trailingComma = comma.at(n - 1);
    auto indentOf = [&](int i) { return b.mid(lineBegin.at(i), oldEls.at(i).begin - lineBegin.at(i)); };

    int lastOld = -1;         // the last old element consumed so far
    QList<QByteArray> pending; // inserted texts waiting for their anchor
    int pendingAnchor = -2;
    auto flushInserts = [&] {
        if (pending.isEmpty())
            return;
        const int a = pendingAnchor;
        if (perLine) {
            const QByteArray indent = indentOf(qMax(0, a));
            QByteArray lines;
            for (const QByteArray &p : std::as_const(pending))
                lines += indent + p + t.eol;
            const int pos = a >= 0 ? lineEnd.at(a) : blockBegin.at(0);
            sp.append({pos, pos, lines});
        } else if (a >= 0) {
            sp.append({oldEls.at(a).end, oldEls.at(a).end, ", " + pending.join(", ")});
        } else {
            sp.append({oldEls.at(0).begin, oldEls.at(0).begin, pending.join(", ") + ", "});
        }
        pending.clear();
    };
    // Inline arrays: consecutive removed elements go as one stretch with their separators.
    int runFirst = -1;
    int runLast = -1;
    auto flushRun = [&] {
        if (runFirst < 0)
            return;
        if (runLast < n - 1)
            sp.append({oldEls.at(runFirst).begin, oldEls.at(runLast + 1).begin, {}});
        else if (runFirst > 0)
            sp.append({oldEls.at(runFirst - 1).end, oldEls.at(runLast).end, {}});
        else
            sp.append({oldEls.at(runFirst).begin, oldEls.at(runLast).end, {}});
        runFirst = runLast = -1;
    };

    for (const ArrayDiffStep &s : steps) {
        const bool needComma = s.newIndex >= 0 && (s.newIndex < m - 1 || trailingComma);
        if (s.kind != ArrayDiffStep::Insert)
            flushInserts();
        if (s.kind != ArrayDiffStep::Remove)
            flushRun();
        switch (s.kind) {
        case ArrayDiffStep::Keep:
        case ArrayDiffStep::Edit:
            if (s.kind == ArrayDiffStep::Edit)
                sp.append({oldEls.at(s.oldIndex).begin, oldEls.at(s.oldIndex).end, editText(s.oldIndex, s.newIndex)});
            if (perLine && needComma && !comma.at(s.oldIndex))
                sp.append({oldEls.at(s.oldIndex).end, oldEls.at(s.oldIndex).end, ","});
            lastOld = s.oldIndex;
            break;
        case ArrayDiffStep::Replace:
            if (perLine)
                sp.append({blockBegin.at(s.oldIndex), lineEnd.at(s.oldIndex),
                           indentOf(s.oldIndex) + newText(s.newIndex) + (needComma ? "," : "") + t.eol});
            else
                sp.append({oldEls.at(s.oldIndex).begin, oldEls.at(s.oldIndex).end, editText(s.oldIndex, s.newIndex)});
            lastOld = s.oldIndex;
            break;
        case ArrayDiffStep::Remove:
            if (perLine) {
                sp.append({blockBegin.at(s.oldIndex), lineEnd.at(s.oldIndex), {}});
            } else {
                if (runFirst >= 0 && runLast + 1 != s.oldIndex)
                    flushRun();
                if (runFirst < 0)
                    runFirst = s.oldIndex;
                runLast = s.oldIndex;
            }
            lastOld = s.oldIndex;
            break;
        case ArrayDiffStep::Insert:
            if (!pending.isEmpty() && pendingAnchor != lastOld)
                flushInserts();
            pendingAnchor = lastOld;
            pending << (perLine ? newText(s.newIndex) + (needComma ? "," : "") : newText(s.newIndex));
            break;
        }
    }
    flushInserts();
    flushRun();

    // The splices must not overlap (insertions at the same point neither): they are made against the
    // original text and applied from the end.
    std::sort(sp.begin(), sp.end(), [](const Splice &x, const Splice &y) { return x.begin < y.begin || (x.begin == y.begin && x.end < y.end); });
    for (qsizetype k = 1; k < sp.size(); ++k) {
        if (sp.at(k).begin < sp.at(k - 1).end || sp.at(k).begin == sp.at(k - 1).begin)
            return false;
    }
    out->append(sp);
    return true;
}

} // namespace wb::tomledit
