#include "core/toml/TomlDocument.h"

#include "core/toml/TomlSafeText.h"
#include "core/toml/TomlTree.h"

#include <string_view>

namespace wb {

QString TomlError::toString() const
{
    return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message);
}

const toml::node *tomlNodeAt(const toml::table &root, const TomlKeyPath &path)
{
    const toml::node *node = &root;
    for (const QString &segment : path.segments()) {
        const toml::table *table = node->as_table();
        if (!table)
            return nullptr;
        const QByteArray key = segment.toUtf8();
        node = table->get(std::string_view(key.constData(), size_t(key.size())));
        if (!node)
            return nullptr;
    }
    return node;
}

QString tomlString(const toml::node *node)
{
    if (!node)
        return {};
    if (const auto *s = node->as_string())
        return QString::fromStdString(s->get());
    return {};
}

namespace {
const TomlScan &emptyScan()
{
    static const TomlScan scan;
    return scan;
}
} // namespace

TomlDocument::TomlDocument() = default;

const TomlScan &TomlDocument::scan() const
{
    return m_parsed ? m_parsed->scan : emptyScan();
}

TomlDocument TomlDocument::parse(const QByteArray &bytes, const QString &sourceName)
{
    TomlDocument doc;
    doc.m_bytes = bytes;
    doc.m_sourceName = sourceName;
    auto starts = std::make_shared<QList<int>>();
    starts->append(0);
    for (int i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n')
            starts->append(i + 1);
    }
    doc.m_lineStarts = starts;

    TomlScan scan = scanToml(bytes);
    // toml++ 3.4.0 must not see some characters (see TomlSafeText): it reads a stand-in text with the
    // same lines and columns.
    const TomlSafeText safe(bytes);
    const std::string_view text = safe.text();
    auto errorText = [&safe](const toml::parse_error &e) {
        const std::string description = safe.restore(e.description());
        return QString::fromUtf8(description.data(), qsizetype(description.size()));
    };
    if (scan.guardTripped) {
        // toml++ 3.4.0 must not see this header. Anything wrong before it is reported first.
        // The same line start in the stand-in text (its byte offsets may differ, its line breaks do not).
        const qsizetype linesBefore = bytes.left(scan.guardLineBegin).count('\n');
        size_t cut = 0;
        for (qsizetype k = 0; k < linesBefore && cut < text.size(); ++k) {
            const size_t lf = text.find('\n', cut);
            cut = lf == std::string_view::npos ? text.size() : lf + 1;
        }
        auto prefix = toml::parse(text.substr(0, cut));
        if (!prefix) {
            doc.m_error = {int(prefix.error().source().begin.line), int(prefix.error().source().begin.column), errorText(prefix.error())};
        } else {
            int line = 0, column = 0;
            doc.lineColumnOf(scan.guardOffset, &line, &column);
            doc.m_error = {line, column, QStringLiteral("invalid table header: expected a table name after '['")};
        }
        return doc;
    }
    auto result = toml::parse(text);
    if (!result) {
        const auto &e = result.error();
        doc.m_error = {int(e.source().begin.line), int(e.source().begin.column), errorText(e)};
        return doc;
    }
    auto parsed = std::make_shared<TomlParsed>();
    parsed->root = std::move(result).table();
    safe.restore(parsed->root);
    parsed->scan = std::move(scan);
    doc.m_parsed = std::move(parsed);
    return doc;
}

bool TomlDocument::hasBom() const
{
    return m_bytes.startsWith("\xEF\xBB\xBF");
}

QByteArray TomlDocument::lineBreak() const
{
    return lineBreakOf(m_bytes);
}

QByteArray TomlDocument::lineBreakOf(const QByteArray &bytes)
{
    const qsizetype lf = bytes.indexOf('\n');
    if (lf > 0 && bytes.at(lf - 1) == '\r')
        return QByteArrayLiteral("\r\n");
    return QByteArrayLiteral("\n");
}

bool TomlDocument::endsWithLineBreak() const
{
    return m_bytes.endsWith('\n');
}

int TomlDocument::offsetOf(int line, int column) const
{
    if (!m_lineStarts || line < 1 || line > m_lineStarts->size() || column < 1)
        return -1;
    int pos = m_lineStarts->at(line - 1);
    if (line == 1 && hasBom())
        pos = 3;
    for (int c = 1; c < column; ++c) {
        if (pos >= m_bytes.size())
            return c == column - 1 ? int(m_bytes.size()) : -1;
        ++pos;
        while (pos < m_bytes.size() && (uchar(m_bytes.at(pos)) & 0xC0) == 0x80)
            ++pos;
    }
    return qMin<int>(pos, int(m_bytes.size()));
}

void TomlDocument::lineColumnOf(int offset, int *line, int *column) const
{
    int l = 1;
    if (m_lineStarts) {
        auto it = std::upper_bound(m_lineStarts->begin(), m_lineStarts->end(), offset);
        l = int(it - m_lineStarts->begin());
    }
    int pos = m_lineStarts && l >= 1 ? m_lineStarts->at(l - 1) : 0;
    if (l == 1 && hasBom())
        pos = qMin(3, offset);
    int col = 1;
    for (int k = pos; k < offset && k < m_bytes.size(); ++k) {
        if ((uchar(m_bytes.at(k)) & 0xC0) != 0x80)
            ++col;
    }
    if (line)
        *line = qMax(1, l);
    if (column)
        *column = col;
}

TomlSpan TomlDocument::spanOf(int begin, int end) const
{
    TomlSpan span;
    span.begin = begin;
    span.end = end;
    lineColumnOf(begin, &span.line, &span.column);
    return span;
}

bool TomlDocument::contains(const TomlKeyPath &path) const
{
    return tomlNodeAt(*this, path) != nullptr;
}

namespace {
TomlSpan regionSpan(const TomlDocument &doc, const toml::source_region &r)
{
    if (!r.begin)
        return {};
    const int b = doc.offsetOf(int(r.begin.line), int(r.begin.column));
    int e = r.end ? doc.offsetOf(int(r.end.line), int(r.end.column)) : b;
    if (b < 0)
        return {};
    if (e < b)
        e = b;
    TomlSpan span;
    span.begin = b;
    span.end = e;
    span.line = int(r.begin.line);
    span.column = int(r.begin.column);
    return span;
}
} // namespace

TomlSpan TomlDocument::keySpan(const TomlKeyPath &path) const
{
    if (path.isEmpty())
        return {};
    const toml::node *parent = tomlNodeAt(*this, path.parent());
    const toml::table *table = parent ? parent->as_table() : nullptr;
    if (!table)
        return {};
    const QByteArray key = path.last().toUtf8();
    auto it = table->find(std::string_view(key.constData(), size_t(key.size())));
    if (it == table->end())
        return {};
    return regionSpan(*this, it->first.source());
}

TomlSpan TomlDocument::valueSpan(const TomlKeyPath &path) const
{
    const toml::node *node = tomlNodeAt(*this, path);
    if (!node)
        return {};
    return regionSpan(*this, node->source());
}

QString TomlDocument::valueText(const TomlKeyPath &path) const
{
    const TomlSpan span = valueSpan(path);
    if (!span.isValid())
        return {};
    return QString::fromUtf8(m_bytes.mid(span.begin, span.end - span.begin));
}

QString TomlDocument::string(const TomlKeyPath &path, const QString &fallback) const
{
    const toml::node *node = tomlNodeAt(*this, path);
    if (!node || !node->is_string())
        return fallback;
    return tomlString(node);
}

bool TomlDocument::boolean(const TomlKeyPath &path, bool fallback) const
{
    const toml::node *node = tomlNodeAt(*this, path);
    if (!node || !node->is_boolean())
        return fallback;
    return node->as_boolean()->get();
}

QStringList TomlDocument::stringArray(const TomlKeyPath &path) const
{
    QStringList out;
    const toml::node *node = tomlNodeAt(*this, path);
    if (const toml::array *a = node ? node->as_array() : nullptr) {
        for (const toml::node &e : *a) {
            if (e.is_string())
                out << tomlString(&e);
        }
    }
    return out;
}

QStringList TomlDocument::keys(const TomlKeyPath &tablePath) const
{
    QStringList out;
    const toml::node *node = tomlNodeAt(*this, tablePath);
    if (const toml::table *t = node ? node->as_table() : nullptr) {
        for (auto &&[k, v] : *t)
            out << QString::fromUtf8(k.str().data(), qsizetype(k.str().size()));
    }
    return out;
}

TomlDocument::Kind TomlDocument::kind(const TomlKeyPath &path) const
{
    const toml::node *node = tomlNodeAt(*this, path);
    if (!node)
        return Kind::Missing;
    switch (node->type()) {
    case toml::node_type::table: return Kind::Table;
    case toml::node_type::array: return Kind::Array;
    case toml::node_type::string: return Kind::String;
    case toml::node_type::integer: return Kind::Integer;
    case toml::node_type::floating_point: return Kind::Float;
    case toml::node_type::boolean: return Kind::Boolean;
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return Kind::DateTime;
    default: return Kind::Other;
    }
}

bool TomlDocument::isInlineTable(const TomlKeyPath &path) const
{
    const toml::node *node = tomlNodeAt(*this, path);
    return node && node->is_table() && node->as_table()->is_inline();
}

} // namespace wb
