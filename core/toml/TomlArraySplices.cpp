#include "core/toml/TomlEditText.h"

namespace wb::tomledit {

QList<ElementInfo> elementsOf(const TomlDocument &doc, const toml::array &a)
{
    QList<ElementInfo> out;
    for (const toml::node &e : a) {
        const auto &r = e.source();
        out << ElementInfo{doc.offsetOf(int(r.begin.line), int(r.begin.column)), doc.offsetOf(int(r.end.line), int(r.end.column))};
    }
    return out;
}

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

} // namespace wb::tomledit
