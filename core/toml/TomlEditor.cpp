#include "core/toml/TomlEditor.h"

#include "core/toml/TomlEditText.h"
#include "core/toml/TomlTree.h"

#include <algorithm>

namespace wb {

using namespace tomledit;

TomlEditResult TomlEditor::set(const TomlDocument &doc, const TomlKeyPath &path, const QString &literal)
{
    if (!doc.isValid())
        return refuse(doc, QStringLiteral("the file has a syntax error (%1); fix it first").arg(doc.error().toString()));
    if (path.isEmpty())
        return refuse(doc, QStringLiteral("no key given"));
    TomlDocument holder;
    QString error;
    const toml::node *value = parseLiteral(literal, &holder, &error);
    if (!value)
        return refuse(doc, error);
    const QByteArray lit = literal.trimmed().toUtf8();

    toml::table intended = doc.parsed()->root;
    if (!assign(intended, path, *value, &error))
        return refuse(doc, error);
    if (intended == doc.parsed()->root)
        return unchanged(doc, QStringLiteral("'%1' already has that value").arg(path.toString()));

    const Text t(doc);
    const TomlScan &scan = doc.scan();
    if (const toml::node *existing = tomlNodeAt(doc, path)) {
        if (existing->is_table() && !existing->as_table()->is_inline())
            return refuse(doc, QStringLiteral("'%1' is a table; set its keys one by one").arg(path.toString()));
        if (existing->is_array() && isArrayOfTables(doc, path))
            return refuse(doc, QStringLiteral("'%1' is an array of tables; edit its tables instead").arg(path.toString()));
        // Arrays: element by element, keeping the layout (one per line or inline).
        if (existing->is_array() && value->is_array()) {
            const toml::array *oldA = nullptr;
            TomlSpan span;
            if (!arraySpans(doc, path, &oldA, &span, &error))
                return refuse(doc, error);
            QList<Splice> sp;
            if (!arraySetSplices(doc, span, *oldA, holder, *value->as_array(), &sp))
                sp = {{span.begin, span.end, lit}}; // the whole array as written in the literal
            return spliceAndVerify(doc, sp, intended);
        }
        const TomlSpan span = doc.valueSpan(path);
        if (!span.isValid())
            return refuse(doc, QStringLiteral("could not locate '%1' in the text").arg(path.toString()));
        const QByteArray text = keepQuoteStyle(doc, span, *existing, *value, lit);
        return spliceAndVerify(doc, {{span.begin, span.end, text}}, intended);
    }

    // A new key. Find the deepest table that exists.
    qsizetype k = path.size() - 1;
    while (k > 0 && !tomlNodeAt(doc, path.mid(0, k)))
        --k;
    const TomlKeyPath owner = path.mid(0, k);
    const TomlKeyPath rest = path.mid(k);
    const toml::node *ownerNode = k == 0 ? &doc.parsed()->root : tomlNodeAt(doc, owner);
    if (!ownerNode || !ownerNode->is_table())
        return refuse(doc, QStringLiteral("'%1' is not a table").arg(owner.toString()));

    // Inside an inline table: `{ a = 1 }` -> `{ a = 1, key = value }`.
    if (ownerNode->as_table()->is_inline()) {
        const TomlSpan span = doc.valueSpan(owner);
        if (!span.isValid() || doc.bytes().at(span.end - 1) != '}')
            return refuse(doc, QStringLiteral("could not locate '%1' in the text").arg(owner.toString()));
        const QByteArray keyText = rest.toString().toUtf8();
        const int lastEnd = maxDescendantEnd(doc, *ownerNode);
        if (lastEnd < 0) {
            return spliceAndVerify(doc, {{span.begin + 1, span.end - 1, ' ' + keyText + " = " + lit + ' '}}, intended);
        }
        return spliceAndVerify(doc, {{lastEnd, lastEnd, ", " + keyText + " = " + lit}}, intended);
    }

    // Defined by a [header]?
    int header = -1;
    bool hasHeader = k == 0;
    for (int i = 0; i < scan.headers.size() && !hasHeader; ++i) {
        if (!scan.headers.at(i).arrayTable && TomlKeyPath(scan.headers.at(i).path) == owner) {
            header = i;
            hasHeader = true;
        }
    }
    if (hasHeader) {
        if (rest.size() == 1)
            return spliceAndVerify(doc, {insertInSection(t, scan, header, rest.toString().toUtf8(), lit)}, intended);
        return spliceAndVerify(doc, {insertTable(t, scan, path.parent(), TomlKeyPath(QStringList{path.last()}).toString().toUtf8(), lit)},
                               intended);
    }
    // Defined by dotted keys (tool.maturin.x = ...): another dotted key after the last one.
    const TomlScan::Entry *lastDotted = nullptr;
    for (const TomlScan::Entry &e : scan.entries) {
        const TomlKeyPath hp = headerPath(scan, e.header);
        if (owner.size() > hp.size() && fullPath(scan, e).startsWith(owner) && fullPath(scan, e).size() > owner.size()) {
            if (!lastDotted || e.lineEnd > lastDotted->lineEnd)
                lastDotted = &e;
        }
    }
    if (lastDotted) {
        const TomlKeyPath hp = headerPath(scan, lastDotted->header);
        const QByteArray keyText = path.mid(hp.size()).toString().toUtf8();
        const QByteArray indent = doc.bytes().mid(lastDotted->lineBegin, lastDotted->keyBegin - lastDotted->lineBegin);
        return spliceAndVerify(doc, {t.insertLine(lastDotted->lineEnd, indent + keyText + separatorLike(t, *lastDotted) + lit)},
                               intended);
    }
    // Implicit (only sub-tables exist): give the table its header.
    return spliceAndVerify(doc, {insertTable(t, scan, path.parent(), TomlKeyPath(QStringList{path.last()}).toString().toUtf8(), lit)},
                           intended);
}

TomlEditResult TomlEditor::unset(const TomlDocument &doc, const TomlKeyPath &path)
{
    if (!doc.isValid())
        return refuse(doc, QStringLiteral("the file has a syntax error (%1); fix it first").arg(doc.error().toString()));
    if (path.isEmpty())
        return refuse(doc, QStringLiteral("no key given"));
    const toml::node *existing = tomlNodeAt(doc, path);
    if (!existing)
        return unchanged(doc, QStringLiteral("'%1' is not set").arg(path.toString()));

    toml::table intended = doc.parsed()->root;
    toml::node *parentNode = mutableAt(intended, path.parent());
    const QByteArray lastKey = path.last().toUtf8();
    parentNode->as_table()->erase(keyView(lastKey));

    const Text t(doc);
    const TomlScan &scan = doc.scan();
    const QByteArray &b = doc.bytes();

    // Inside an inline table?
    for (qsizetype len = path.size() - 1; len >= 1; --len) {
        const toml::node *anc = tomlNodeAt(doc, path.mid(0, len));
        if (!anc || !anc->is_table() || !anc->as_table()->is_inline())
            continue;
        if (len != path.size() - 1)
            return refuse(doc, QStringLiteral("'%1' is written as a dotted key inside an inline table; edit '%2' as a whole")
                                   .arg(path.toString(), path.mid(0, len).toString()));
        const TomlSpan keySpan = doc.keySpan(path);
        const TomlSpan valSpan = doc.valueSpan(path);
        const TomlSpan tableSpan = doc.valueSpan(path.mid(0, len));
        if (!keySpan.isValid() || !valSpan.isValid() || !tableSpan.isValid())
            return refuse(doc, QStringLiteral("could not locate '%1' in the text").arg(path.toString()));
        int end = valSpan.end;
        int k = end;
        while (k < tableSpan.end && isBlank(b.at(k)))
            ++k;
        if (b.at(k) == ',') {
            ++k;
            while (k < tableSpan.end - 1 && isBlank(b.at(k)))
                ++k;
            return spliceAndVerify(doc, {{keySpan.begin, k, {}}}, intended);
        }
        // The last one: take the comma before it.
        int prevEnd = -1;
        for (auto &&[kk, v] : *anc->as_table()) {
            const auto &r = v.source();
            if (r.end) {
                const int e = doc.offsetOf(int(r.end.line), int(r.end.column));
                if (e <= keySpan.begin)
                    prevEnd = qMax(prevEnd, e);
            }
        }
        if (prevEnd >= 0)
            return spliceAndVerify(doc, {{prevEnd, end, {}}}, intended);
        return spliceAndVerify(doc, {{keySpan.begin, end, {}}}, intended);
    }

    QList<Splice> splices;
    auto addLines = [&](int begin, int end) { splices << t.removeLines(begin, end); };
    if (!existing->is_table() || existing->as_table()->is_inline()) {
        if (existing->is_array() && isArrayOfTables(doc, path)) {
            // handled with the tables below
        } else {
            for (const TomlScan::Entry &e : scan.entries) {
                if (fullPath(scan, e) == path) {
                    addLines(t.commentBlockStart(e.lineBegin, e.header >= 0 ? scan.headers.at(e.header).lineEnd : 0), e.lineEnd);
                    return spliceAndVerify(doc, splices, intended);
                }
            }
            return refuse(doc, QStringLiteral("could not locate '%1' in the text").arg(path.toString()));
        }
    }
    // A table: its headers (and those of its sub-tables) with their sections, and dotted keys under it.
    for (int i = 0; i < scan.headers.size(); ++i) {
        const TomlScan::Header &h = scan.headers.at(i);
        if (!TomlKeyPath(h.path).startsWith(path))
            continue;
        const int floor = i > 0 ? sectionContentEnd(scan, i - 1) : 0;
        const int begin = t.commentBlockStart(h.lineBegin, floor);
        int end = sectionContentEnd(scan, i);
        end = t.skipBlankLines(end);
        if (i + 1 < scan.headers.size())
            end = qMin(end, t.commentBlockStart(scan.headers.at(i + 1).lineBegin, sectionContentEnd(scan, i)));
        addLines(begin, qMax(begin, end));
    }
    for (const TomlScan::Entry &e : scan.entries) {
        const TomlKeyPath fp = fullPath(scan, e);
        if (fp.startsWith(path) && headerPath(scan, e.header).size() < path.size())
            addLines(t.commentBlockStart(e.lineBegin, e.header >= 0 ? scan.headers.at(e.header).lineEnd : 0), e.lineEnd);
    }
    if (splices.isEmpty())
        return refuse(doc, QStringLiteral("could not locate '%1' in the text").arg(path.toString()));
    // Merge overlapping removals.
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b2) { return a.begin < b2.begin; });
    QList<Splice> merged;
    for (const Splice &s : splices) {
        if (!merged.isEmpty() && s.begin <= merged.last().end)
            merged.last().end = qMax(merged.last().end, s.end);
        else
            merged << s;
    }
    return spliceAndVerify(doc, merged, intended);
}

TomlEditResult TomlEditor::append(const TomlDocument &doc, const TomlKeyPath &path, const QString &literal)
{
    if (!doc.isValid())
        return refuse(doc, QStringLiteral("the file has a syntax error (%1); fix it first").arg(doc.error().toString()));
    TomlDocument holder;
    QString error;
    const toml::node *value = parseLiteral(literal, &holder, &error);
    if (!value)
        return refuse(doc, error);
    const toml::node *existing = tomlNodeAt(doc, path);
    if (!existing)
        return set(doc, path, u'[' + literal.trimmed() + u']');
    if (!existing->is_array())
        return refuse(doc, QStringLiteral("'%1' is not an array").arg(path.toString()));
    toml::table intended = doc.parsed()->root;
    mutableAt(intended, path)->as_array()->push_back(*value);
    QList<Splice> sp;
    if (!appendSplices(doc, path, literal.trimmed().toUtf8(), &sp, &error))
        return refuse(doc, error);
    return spliceAndVerify(doc, sp, intended);
}

TomlEditResult TomlEditor::removeElement(const TomlDocument &doc, const TomlKeyPath &path, int index)
{
    if (!doc.isValid())
        return refuse(doc, QStringLiteral("the file has a syntax error (%1); fix it first").arg(doc.error().toString()));
    QString error;
    QList<Splice> sp;
    if (!removeElementSplices(doc, path, index, &sp, &error))
        return refuse(doc, error);
    toml::table intended = doc.parsed()->root;
    toml::array *a = mutableAt(intended, path)->as_array();
    a->erase(a->begin() + index);
    return spliceAndVerify(doc, sp, intended);
}

} // namespace wb
