#include "core/toml/TomlEditText.h"

namespace wb::tomledit {

namespace {

QList<int> entriesOfSection(const TomlScan &scan, int header)
{
    QList<int> out;
    for (int i = 0; i < scan.entries.size(); ++i) {
        if (scan.entries.at(i).header == header)
            out << i;
    }
    return out;
}

} // namespace

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

bool isArrayOfTables(const TomlDocument &doc, const TomlKeyPath &path)
{
    const TomlSpan span = doc.valueSpan(path);
    return span.isValid() && doc.bytes().mid(span.begin, 2) == "[[" && tomlNodeAt(doc, path)->as_array()->is_array_of_tables()
        && std::any_of(doc.scan().headers.cbegin(), doc.scan().headers.cend(),
                       [&](const TomlScan::Header &h) { return h.arrayTable && TomlKeyPath(h.path) == path; });
}

} // namespace wb::tomledit
