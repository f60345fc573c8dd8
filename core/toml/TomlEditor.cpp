#include "core/toml/TomlEditor.h"

#include "core/toml/TomlArrayDiff.h"
#include "core/toml/TomlTree.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb {

namespace {

struct Splice {
    int begin = 0;
    int end = 0;
    QByteArray text;
};

QByteArray applySplices(const QByteArray &bytes, QList<Splice> splices)
{
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) { return a.begin > b.begin; });
    QByteArray out = bytes;
    for (const Splice &s : splices)
        out.replace(s.begin, s.end - s.begin, s.text);
    return out;
}

TomlEditResult refuse(const TomlDocument &doc, const QString &message)
{
    TomlEditResult r;
    r.ok = false;
    r.bytes = doc.bytes();
    r.document = doc;
    r.message = message;
    return r;
}

TomlEditResult unchanged(const TomlDocument &doc, const QString &message)
{
    TomlEditResult r;
    r.ok = true;
    r.changed = false;
    r.bytes = doc.bytes();
    r.document = doc;
    r.message = message;
    return r;
}

std::string_view keyView(const QByteArray &utf8)
{
    return std::string_view(utf8.constData(), size_t(utf8.size()));
}

// The re-parse must give exactly the intended tree.
TomlEditResult verify(const TomlDocument &doc, const QByteArray &bytes, const toml::table &intended)
{
    TomlDocument next = TomlDocument::parse(bytes, doc.sourceName());
    if (!next.isValid())
        return refuse(doc, QStringLiteral("the edit would break the file (%1); nothing was changed").arg(next.error().toString()));
    if (!(next.parsed()->root == intended))
        return refuse(doc, QStringLiteral("the edit would change more than the requested setting; nothing was changed"));
    TomlEditResult r;
    r.ok = true;
    r.changed = bytes != doc.bytes();
    r.bytes = bytes;
    r.document = std::move(next);
    return r;
}

// Parses a literal into holder["v"].
const toml::node *parseLiteral(const QString &literal, TomlDocument *holder, QString *error)
{
    const QString trimmed = literal.trimmed();
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("no value given");
        return nullptr;
    }
    *holder = TomlDocument::parse("v = " + trimmed.toUtf8() + '\n');
    if (!holder->isValid()) {
        *error = QStringLiteral("'%1' is not a TOML value (%2); strings need quotes, e.g. \"text\"")
                     .arg(trimmed, holder->error().message);
        return nullptr;
    }
    if (holder->parsed()->root.size() != 1) {
        *error = QStringLiteral("'%1' is not a single TOML value").arg(trimmed);
        return nullptr;
    }
    return holder->parsed()->root.get("v");
}

// Sets path in tree (creating tables); false when a step is not a table.
bool assign(toml::table &root, const TomlKeyPath &path, const toml::node &value, QString *error)
{
    toml::table *t = &root;
    const QStringList &segs = path.segments();
    for (qsizetype i = 0; i + 1 < segs.size(); ++i) {
        const QByteArray k = segs.at(i).toUtf8();
        toml::node *n = t->get(keyView(k));
        if (!n) {
            t->insert_or_assign(keyView(k), toml::table{});
            n = t->get(keyView(k));
        }
        if (!n->is_table()) {
            *error = QStringLiteral("'%1' is not a table").arg(TomlKeyPath(segs.mid(0, i + 1)).toString());
            return false;
        }
        t = n->as_table();
    }
    const QByteArray last = segs.last().toUtf8();
    t->insert_or_assign(keyView(last), value);
    return true;
}

toml::node *mutableAt(toml::table &root, const TomlKeyPath &path)
{
    toml::node *n = &root;
    for (const QString &s : path.segments()) {
        toml::table *t = n->as_table();
        if (!t)
            return nullptr;
        const QByteArray k = s.toUtf8();
        n = t->get(keyView(k));
        if (!n)
            return nullptr;
    }
    return n;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

class Text
{
public:
    explicit Text(const TomlDocument &d) : doc(d), b(d.bytes()), eol(d.lineBreak()) {}
    const TomlDocument &doc;
    const QByteArray &b;
    QByteArray eol;

    int size() const { return int(b.size()); }
    int lineStart(int pos) const
    {
        while (pos > 0 && b.at(pos - 1) != '\n')
            --pos;
        return pos;
    }
    // Start of the comment lines directly above the line that starts at lineBegin.
    int commentBlockStart(int lineBegin, int floor = 0) const
    {
        int start = lineBegin;
        while (start > floor) {
            const int prev = lineStart(start - 1);
            if (prev < floor)
                break;
            int k = prev;
            while (k < start && isBlank(b.at(k)))
                ++k;
            if (k < start && b.at(k) == '#')
                start = prev;
            else
                break;
        }
        return start;
    }
    // After the blank lines following pos (pos at a line start).
    int skipBlankLines(int pos) const
    {
        while (pos < size()) {
            int k = pos;
            while (k < size() && (isBlank(b.at(k)) || b.at(k) == '\r'))
                ++k;
            if (k < size() && b.at(k) == '\n')
                pos = k + 1;
            else
                break;
        }
        return pos;
    }
    // A removal of whole lines [begin, end): when it reaches the end of a text without a final line
    // break, take the line break before it instead, so that the file still ends the same way.
    Splice removeLines(int begin, int end) const
    {
        if (end >= size() && !b.endsWith('\n') && begin > 0) {
            int k = begin - 1; // the '\n' ending the previous line
            if (k > 0 && b.at(k - 1) == '\r')
                --k;
            return {k, size(), {}};
        }
        return {begin, end, {}};
    }
    // Inserting a line (without line break) at pos, a line start or the end of the text.
    Splice insertLine(int pos, const QByteArray &line) const
    {
        if (pos >= size() && size() > 0 && !b.endsWith('\n'))
            return {size(), size(), eol + line};
        return {pos, pos, line + eol};
    }
};

QList<int> entriesOfSection(const TomlScan &scan, int header)
{
    QList<int> out;
    for (int i = 0; i < scan.entries.size(); ++i) {
        if (scan.entries.at(i).header == header)
            out << i;
    }
    return out;
}

TomlKeyPath headerPath(const TomlScan &scan, int header)
{
    return header < 0 ? TomlKeyPath() : TomlKeyPath(scan.headers.at(header).path);
}

TomlKeyPath fullPath(const TomlScan &scan, const TomlScan::Entry &e)
{
    return TomlKeyPath(headerPath(scan, e.header).segments() + e.key);
}

int sectionContentEnd(const TomlScan &scan, int header)
{
    int end = header < 0 ? 0 : scan.headers.at(header).lineEnd;
    for (const TomlScan::Entry &e : scan.entries) {
        if (e.header == header)
            end = qMax(end, e.lineEnd);
    }
    return end;
}

QByteArray separatorLike(const Text &t, const TomlScan::Entry &e)
{
    const QByteArray sep = t.b.mid(e.keyEnd, e.valueBegin - e.keyEnd);
    if (sep == "=")
        return "=";
    return " = ";
}

// A new key line in a section (header index, -1 root) after its last key.
Splice insertInSection(const Text &t, const TomlScan &scan, int header, const QByteArray &keyText, const QByteArray &value)
{
    const QList<int> entries = entriesOfSection(scan, header);
    if (!entries.isEmpty()) {
        const TomlScan::Entry *last = &scan.entries.at(entries.first());
        for (int i : entries) {
            if (scan.entries.at(i).lineEnd > last->lineEnd)
                last = &scan.entries.at(i);
        }
        const QByteArray indent = t.b.mid(last->lineBegin, last->keyBegin - last->lineBegin);
        return t.insertLine(last->lineEnd, indent + keyText + separatorLike(t, *last) + value);
    }
    if (header >= 0)
        return t.insertLine(scan.headers.at(header).lineEnd, keyText + " = " + value);
    // Root keys go first, before any table.
    const int pos = t.doc.hasBom() ? 3 : 0;
    QByteArray line = keyText + " = " + value + t.eol;
    if (!scan.headers.isEmpty())
        line += t.eol;
    return {pos, pos, line};
}

// New table [tablePath] holding key = value, where a person would put it.
Splice insertTable(const Text &t, const TomlScan &scan, const TomlKeyPath &tablePath, const QByteArray &keyText,
                   const QByteArray &value)
{
    const QByteArray header = '[' + tablePath.toString().toUtf8() + ']';
    const QByteArray body = header + t.eol + keyText + " = " + value + t.eol;
    // Before its first sub-table, when it has some.
    int firstChild = -1;
    for (int i = 0; i < scan.headers.size(); ++i) {
        const TomlKeyPath hp(scan.headers.at(i).path);
        if (hp.size() > tablePath.size() && hp.startsWith(tablePath)) {
            firstChild = i;
            break;
        }
    }
    if (firstChild >= 0) {
        const int pos = t.commentBlockStart(scan.headers.at(firstChild).lineBegin);
        return {pos, pos, body + t.eol};
    }
    // After the last table that shares the longest prefix with it.
    for (qsizetype len = tablePath.size() - 1; len >= 1; --len) {
        const TomlKeyPath prefix = tablePath.mid(0, len);
        int last = -1;
        for (int i = 0; i < scan.headers.size(); ++i) {
            if (TomlKeyPath(scan.headers.at(i).path).startsWith(prefix))
                last = i;
        }
        if (last >= 0) {
            const int pos = sectionContentEnd(scan, last);
            if (pos >= t.size() && !t.b.endsWith('\n'))
                return {pos, pos, t.eol + t.eol + header + t.eol + keyText + " = " + value};
            return {pos, pos, t.eol + body};
        }
    }
    // At the end of the file.
    const int n = t.size();
    if (n == 0 || (t.doc.hasBom() && n == 3))
        return {n, n, body};
    if (!t.b.endsWith('\n'))
        return {n, n, t.eol + t.eol + header + t.eol + keyText + " = " + value};
    return {n, n, t.eol + body};
}

int maxDescendantEnd(const TomlDocument &doc, const toml::node &node)
{
    int end = -1;
    if (const toml::table *tb = node.as_table()) {
        for (auto &&[k, v] : *tb) {
            end = qMax(end, maxDescendantEnd(doc, v));
            if (!v.is_table() || v.as_table()->is_inline()) {
                const auto &r = v.source();
                if (r.end)
                    end = qMax(end, doc.offsetOf(int(r.end.line), int(r.end.column)));
            }
        }
    }
    return end;
}

QByteArray keepQuoteStyle(const TomlDocument &doc, const TomlSpan &span, const toml::node &oldNode, const toml::node &newNode,
                          const QByteArray &literal)
{
    if (!oldNode.is_string() || !newNode.is_string())
        return literal;
    const QByteArray old = doc.bytes().mid(span.begin, span.end - span.begin);
    if (!old.startsWith('\'') || old.startsWith("'''") || literal.startsWith('\''))
        return literal;
    const QByteArray value = QByteArray::fromStdString(std::string(newNode.as_string()->get()));
    for (char c : value) {
        if (c == '\'' || uchar(c) < 0x20 || c == 0x7f)
            return literal;
    }
    return '\'' + value + '\'';
}

struct ElementInfo {
    int begin = 0;
    int end = 0;
};

QList<ElementInfo> elementsOf(const TomlDocument &doc, const toml::array &a)
{
    QList<ElementInfo> out;
    for (const toml::node &e : a) {
        const auto &r = e.source();
        out << ElementInfo{doc.offsetOf(int(r.begin.line), int(r.begin.column)), doc.offsetOf(int(r.end.line), int(r.end.column))};
    }
    return out;
}

// After an element: blanks, an optional comma, blanks, an optional comment, then a line break?
// Returns the offset after that line break, or -1 when something else follows on the line.
int endOfOwnLine(const QByteArray &b, int pos, bool *hasComma)
{
    int k = pos;
    auto skip = [&] {
        while (k < b.size() && (isBlank(b.at(k)) || b.at(k) == '\r'))
            ++k;
    };
    skip();
    *hasComma = false;
    if (k < b.size() && b.at(k) == ',') {
        *hasComma = true;
        ++k;
        skip();
    }
    if (k < b.size() && b.at(k) == '#') {
        while (k < b.size() && b.at(k) != '\n')
            ++k;
    }
    if (k < b.size() && b.at(k) == '\n')
        return k + 1;
    return -1;
}

bool onlyBlanksBefore(const QByteArray &b, int lineBegin, int pos)
{
    for (int k = lineBegin; k < pos; ++k) {
        if (!isBlank(b.at(k)))
            return false;
    }
    return true;
}

// The indentation of the line holding an empty multi-line array's `]` (what its new elements are
// indented by, plus four spaces), or nothing when text precedes the `]` on that line.
QByteArray closingIndent(const QByteArray &b, int lineBegin, int close)
{
    return onlyBlanksBefore(b, lineBegin, close) ? b.mid(lineBegin, close - lineBegin) : QByteArray();
}

bool arraySpans(const TomlDocument &doc, const TomlKeyPath &path, const toml::array **array, TomlSpan *span, QString *error)
{
    const toml::node *n = tomlNodeAt(doc, path);
    if (!n || !n->is_array()) {
        *error = QStringLiteral("'%1' is not an array").arg(path.toString());
        return false;
    }
    *array = n->as_array();
    *span = doc.valueSpan(path);
    if (!span->isValid() || span->end <= span->begin || doc.bytes().at(span->begin) != '['
        || doc.bytes().at(span->end - 1) != ']') {
        *error = QStringLiteral("'%1' is an array of tables; edit its tables instead").arg(path.toString());
        return false;
    }
    return true;
}

// Text splices that remove element index (no verification).
bool removeElementSplices(const TomlDocument &doc, const TomlKeyPath &path, int index, QList<Splice> *out, QString *error)
{
    const toml::array *a = nullptr;
    TomlSpan span;
    if (!arraySpans(doc, path, &a, &span, error))
        return false;
    const QList<ElementInfo> els = elementsOf(doc, *a);
    if (index < 0 || index >= els.size()) {
        *error = QStringLiteral("'%1' has no element %2").arg(path.toString()).arg(index);
        return false;
    }
    const QByteArray &b = doc.bytes();
    const Text t(doc);
    const ElementInfo e = els.at(index);
    const int ls = t.lineStart(e.begin);
    bool comma = false;
    const int lineEnd = endOfOwnLine(b, e.end, &comma);
    if (ls > span.begin && onlyBlanksBefore(b, ls, e.begin) && lineEnd > 0 && lineEnd < span.end) {
        const int floor = t.lineStart(span.begin) == ls ? ls : qMax(t.lineStart(span.begin) + 1, index > 0 ? els.at(index - 1).end : span.begin + 1);
        int start = t.commentBlockStart(ls, floor);
        if (start < floor)
            start = ls;
        out->append({start, lineEnd, {}});
        return true;
    }
    // Inline: the element and the comma after it, or the comma before it.
    int k = e.end;
    while (k < span.end && (isBlank(b.at(k))))
        ++k;
    if (k < span.end - 1 && b.at(k) == ',') {
        ++k;
        while (k < span.end - 1 && isBlank(b.at(k)))
            ++k;
        out->append({e.begin, k, {}});
        return true;
    }
    if (index > 0) {
        out->append({els.at(index - 1).end, e.end, {}});
        return true;
    }
    out->append({e.begin, e.end, {}});
    return true;
}

bool appendSplices(const TomlDocument &doc, const TomlKeyPath &path, const QByteArray &literal, QList<Splice> *out, QString *error)
{
    const toml::array *a = nullptr;
    TomlSpan span;
    if (!arraySpans(doc, path, &a, &span, error))
        return false;
    const QByteArray &b = doc.bytes();
    const Text t(doc);
    const QList<ElementInfo> els = elementsOf(doc, *a);
    const int close = span.end - 1;
    if (els.isEmpty()) {
        const QByteArray inner = b.mid(span.begin + 1, close - span.begin - 1);
        if (inner.contains('\n')) {
            const int ls = t.lineStart(close);
            out->append({ls, ls, closingIndent(b, ls, close) + "    " + literal + ',' + t.eol});
            return true;
        }
        out->append({span.begin + 1, close, literal});
        return true;
    }
    const ElementInfo last = els.last();
    const int ls = t.lineStart(last.begin);
    bool comma = false;
    const int lineEnd = endOfOwnLine(b, last.end, &comma);
    if (ls > span.begin && onlyBlanksBefore(b, ls, last.begin) && lineEnd > 0 && lineEnd <= close) {
        const QByteArray indent = b.mid(ls, last.begin - ls);
        out->append({lineEnd, lineEnd, indent + literal + (comma ? "," : "") + t.eol});
        if (!comma)
            out->append({last.end, last.end, ","});
        return true;
    }
    out->append({last.end, last.end, ", " + literal});
    return true;
}

TomlEditResult spliceAndVerify(const TomlDocument &doc, const QList<Splice> &splices, const toml::table &intended)
{
    return verify(doc, applySplices(doc.bytes(), splices), intended);
}

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

// The text of the array at path becomes the literal array newA (held in holder), element by element:
// elements that stay keep their text, comments and lines; see diffArrays for how old and new elements
// are matched. One element per line ("perLine"): an edited element (same name) keeps its line and the
// comment on it; a removed or replaced element goes with its line, the comment on that line and the
// comment lines directly above it; new elements get a line of their own with the neighbours'
// indentation. Inline arrays: elements are replaced, removed and inserted with ", " separators.
// Splices are in the original text; false (with no splices) when they would overlap.
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

bool isArrayOfTables(const TomlDocument &doc, const TomlKeyPath &path)
{
    const TomlSpan span = doc.valueSpan(path);
    return span.isValid() && doc.bytes().mid(span.begin, 2) == "[[" && tomlNodeAt(doc, path)->as_array()->is_array_of_tables()
        && std::any_of(doc.scan().headers.cbegin(), doc.scan().headers.cend(),
                       [&](const TomlScan::Header &h) { return h.arrayTable && TomlKeyPath(h.path) == path; });
}

} // namespace

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
