#include "core/toml/TomlKeyPath.h"

namespace wb {

namespace {
bool isBareChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
}
} // namespace

bool TomlKeyPath::isBareSegment(const QString &segment)
{
    if (segment.isEmpty())
        return false;
    for (QChar c : segment) {
        if (!isBareChar(c))
            return false;
    }
    return true;
}

QString TomlKeyPath::formatSegment(const QString &segment)
{
    if (isBareSegment(segment))
        return segment;
    QString out = QStringLiteral("\"");
    for (QChar c : segment) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

QString TomlKeyPath::toString() const
{
    QStringList parts;
    parts.reserve(m_segments.size());
    for (const QString &s : m_segments)
        parts << formatSegment(s);
    return parts.join(u'.');
}

bool TomlKeyPath::startsWith(const TomlKeyPath &prefix) const
{
    if (prefix.size() > size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (m_segments.at(i) != prefix.m_segments.at(i))
            return false;
    }
    return true;
}

bool TomlKeyPath::parse(const QString &text, TomlKeyPath *out, QString *error)
{
    QStringList segments;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    auto skipSpace = [&] {
        while (i < n && (text.at(i) == u' ' || text.at(i) == u'\t'))
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= n)
            return fail(QStringLiteral("key '%1': a name is missing").arg(text));
        QString segment;
        const QChar c = text.at(i);
        if (c == u'"' || c == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = text.at(i++);
                if (d == c) {
                    closed = true;
                    break;
                }
                if (c == u'"' && d == u'\\' && i < n) {
                    const QChar e = text.at(i++);
                    switch (e.unicode()) {
                    case 'n': segment += u'\n'; break;
                    case 't': segment += u'\t'; break;
                    case 'r': segment += u'\r'; break;
                    case 'b': segment += u'\b'; break;
                    case 'f': segment += u'\f'; break;
                    case 'u':
                    case 'U': {
                        const int len = e == u'u' ? 4 : 8;
                        bool ok = false;
                        const uint code = text.mid(i, len).toUInt(&ok, 16);
                        if (!ok)
                            return fail(QStringLiteral("key '%1': bad escape").arg(text));
                        i += len;
                        const char32_t cp = code;
                        segment += QString::fromUcs4(&cp, 1);
                        break;
                    }
                    default: segment += e;
                    }
                    continue;
                }
                segment += d;
            }
            if (!closed)
                return fail(QStringLiteral("key '%1': unterminated quote").arg(text));
        } else {
            while (i < n && isBareChar(text.at(i)))
                segment += text.at(i++);
            if (segment.isEmpty())
                return fail(QStringLiteral("key '%1': unexpected character '%2'").arg(text, QString(text.at(i))));
        }
        segments << segment;
        skipSpace();
        if (i >= n)
            break;
        if (text.at(i) != u'.')
            return fail(QStringLiteral("key '%1': unexpected character '%2'").arg(text, QString(text.at(i))));
        ++i;
    }
    if (out)
        *out = TomlKeyPath(segments);
    return true;
}

TomlKeyPath TomlKeyPath::fromText(const QString &text)
{
    TomlKeyPath p;
    parse(text, &p);
    return p;
}

} // namespace wb
