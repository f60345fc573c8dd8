#include "core/toml/TomlScanner.h"

namespace wb {

namespace {

bool isBare(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class Scanner
{
public:
    explicit Scanner(QByteArrayView t) : s(t), n(int(t.size())) {}

    TomlScan run()
    {
        if (n >= 3 && uchar(s[0]) == 0xEF && uchar(s[1]) == 0xBB && uchar(s[2]) == 0xBF)
            i = 3;
        while (i < n) {
            const char c = s[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++i;
                continue;
            }
            if (c == '#') {
                skipToLineBreak();
                continue;
            }
            if (c == '[') {
                if (!header())
                    return out;
                continue;
            }
            keyValue();
        }
        return out;
    }

private:
    QByteArrayView s;
    int n;
    int i = 0;
    TomlScan out;

    char at(int k) const { return k < n ? s[k] : '\0'; }
    void skipBlank()
    {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            ++i;
    }
    void skipToLineBreak()
    {
        while (i < n && s[i] != '\n')
            ++i;
    }
    int lineStartOf(int pos) const
    {
        while (pos > 0 && s[pos - 1] != '\n')
            --pos;
        return pos;
    }
    // After a statement: trailing blanks and comment, then the line break.
    int finishLine()
    {
        skipToLineBreak();
        if (i < n)
            ++i;
        return i;
    }

    bool readString(QString *value)
    {
        const char q = s[i];
        const bool multi = at(i + 1) == q && at(i + 2) == q;
        QByteArray raw;
        if (multi) {
            i += 3;
            while (i < n) {
                if (q == '"' && s[i] == '\\') {
                    i = qMin(n, i + 2); // a backslash as the last byte must not move past the end
                    continue;
                }
                if (s[i] == q && at(i + 1) == q && at(i + 2) == q) {
                    i += 3;
                    for (int extra = 0; extra < 2 && at(i) == q; ++extra)
                        ++i;
                    return true;
                }
                ++i;
            }
            return true;
        }
        ++i;
        while (i < n && s[i] != '\n') {
            const char c = s[i];
            if (c == q) {
                ++i;
                break;
            }
            if (q == '"' && c == '\\' && i + 1 < n) {
                const char e = s[i + 1];
                i += 2;
                switch (e) {
                case 'n': raw += '\n'; break;
                case 't': raw += '\t'; break;
                case 'r': raw += '\r'; break;
                case 'b': raw += '\b'; break;
                case 'f': raw += '\f'; break;
                case 'u':
                case 'U': {
                    const int len = e == 'u' ? 4 : 8;
                    bool ok = false;
                    const uint code = QByteArray(s.sliced(i, qMin(len, n - i)).data(), qMin(len, n - i)).toUInt(&ok, 16);
                    i = qMin(n, i + len);
                    if (ok) {
                        const char32_t cp = code;
                        raw += QString::fromUcs4(&cp, 1).toUtf8();
                    }
                    break;
                }
                default: raw += e;
                }
                continue;
            }
            raw += c;
            ++i;
        }
        if (value)
            *value = QString::fromUtf8(raw);
        return true;
    }

    // A dotted key; stops before '=' or ']' or at the line's end.
    QStringList readKey()
    {
        QStringList segments;
        while (i < n) {
            skipBlank();
            if (i >= n)
                break;
            const char c = s[i];
            if (c == '"' || c == '\'') {
                QString seg;
                readString(&seg);
                segments << seg;
            } else if (isBare(c)) {
                const int b = i;
                while (i < n && isBare(s[i]))
                    ++i;
                segments << QString::fromLatin1(s.sliced(b, i - b));
            } else {
                break;
            }
            skipBlank();
            if (at(i) != '.')
                break;
            ++i;
        }
        return segments;
    }

    bool header()
    {
        TomlScan::Header h;
        h.lineBegin = lineStartOf(i);
        h.begin = i;
        ++i;
        if (at(i) == '[') {
            h.arrayTable = true;
            ++i;
        }
        const int afterBracket = i;
        skipBlank();
        if (i < n) {
            const char c = s[i];
            const bool ok = c == ']' || isBare(c) || c == '"' || c == '\'' || (c == '[' && !h.arrayTable && i > afterBracket);
            if (!ok) {
                out.guardTripped = true;
                out.guardOffset = i;
                out.guardLineBegin = h.lineBegin;
                return false;
            }
        }
        h.path = readKey();
        skipBlank();
        if (at(i) == ']')
            ++i;
        if (h.arrayTable && at(i) == ']')
            ++i;
        h.end = i;
        h.lineEnd = finishLine();
        out.headers << h;
        return true;
    }

    void skipScalar()
    {
        while (i < n) {
            const char c = s[i];
            if (c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r')
                break;
            // Dates may hold one space ("1979-05-27 07:32:00"): a space followed by a digit continues.
            if (c == ' ' || c == '\t') {
                if (c == ' ' && at(i + 1) >= '0' && at(i + 1) <= '9' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
                    ++i;
                else
                    break;
                continue;
            }
            ++i;
        }
    }

    void skipValue(int depth = 0)
    {
        if (i >= n || depth > 512)
            return;
        const char c = s[i];
        if (c == '"' || c == '\'') {
            readString(nullptr);
        } else if (c == '[') {
            ++i;
            while (i < n) {
                const char d = s[i];
                if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == ',') {
                    ++i;
                } else if (d == '#') {
                    skipToLineBreak();
                } else if (d == ']') {
                    ++i;
                    return;
                } else if (d == '}' || d == '=') {
                    ++i; // invalid here; keep going
                } else {
                    const int before = i;
                    skipValue(depth + 1);
                    if (i == before)
                        ++i;
                }
            }
        } else if (c == '{') {
            ++i;
            while (i < n) {
                const char d = s[i];
                if (d == '}') {
                    ++i;
                    return;
                }
                if (d == '\n')
                    return; // TOML 1.0 inline tables are one line
                if (d == '"' || d == '\'' || d == '[' || d == '{') {
                    skipValue(depth + 1);
                } else if (d == '=') {
                    ++i;
                    skipBlank();
                    const int before = i;
                    skipValue(depth + 1);
                    if (i == before)
                        ++i;
                } else {
                    ++i;
                }
            }
        } else {
            skipScalar();
        }
    }

    void keyValue()
    {
        TomlScan::Entry e;
        e.header = int(out.headers.size()) - 1;
        e.lineBegin = lineStartOf(i);
        e.keyBegin = i;
        e.key = readKey();
        // keyEnd: after the last key character (before blanks)
        int k = i;
        while (k > e.keyBegin && (s[k - 1] == ' ' || s[k - 1] == '\t'))
            --k;
        e.keyEnd = k;
        skipBlank();
        if (at(i) != '=' || e.key.isEmpty()) {
            // Not a key/value line (invalid text): skip it.
            if (i == e.keyBegin)
                ++i;
            finishLine();
            return;
        }
        ++i;
        skipBlank();
        e.valueBegin = i;
        skipValue();
        e.valueEnd = i;
        e.lineEnd = finishLine();
        out.entries << e;
    }
};

} // namespace

TomlScan scanToml(QByteArrayView text)
{
    return Scanner(text).run();
}

} // namespace wb
