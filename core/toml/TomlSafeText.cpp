#include "core/toml/TomlSafeText.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace wb {

namespace {

// One code point of strict UTF-8 at s[i] (no overlong forms, surrogates or values above U+10FFFF);
// length 0 when the bytes are not valid UTF-8 there.
char32_t decode(std::string_view s, size_t i, int *length)
{
    const auto b = [&](size_t k) { return k < s.size() ? uchar(s[k]) : 0u; };
    const uint c0 = b(i);
    *length = 0;
    if (c0 < 0x80) {
        *length = 1;
        return c0;
    }
    auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c0 >= 0xC2 && c0 <= 0xDF && cont(i + 1)) {
        *length = 2;
        return ((c0 & 0x1F) << 6) | (b(i + 1) & 0x3F);
    }
    if (c0 >= 0xE0 && c0 <= 0xEF && cont(i + 1) && cont(i + 2)) {
        const char32_t c = ((c0 & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        *length = 3;
        return c;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
        const char32_t c = ((c0 & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF)
            return 0;
        *length = 4;
        return c;
    }
    return 0;
}

void encode(char32_t c, std::string *out)
{
    if (c < 0x80) {
        *out += char(c);
    } else if (c < 0x800) {
        *out += char(0xC0 | (c >> 6));
        *out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *out += char(0xE0 | (c >> 12));
        *out += char(0x80 | ((c >> 6) & 0x3F));
        *out += char(0x80 | (c & 0x3F));
    } else {
        *out += char(0xF0 | (c >> 18));
        *out += char(0x80 | ((c >> 12) & 0x3F));
        *out += char(0x80 | ((c >> 6) & 0x3F));
        *out += char(0x80 | (c & 0x3F));
    }
}

} // namespace

bool TomlSafeText::isUnsafe(char32_t c)
{
    return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C5E && c <= 0x2FFF) || (c >= 0x3001 && c <= 0x3057) || (c >= 0xFB26 && c <= 0xFEFE);
}

TomlSafeText::TomlSafeText(QByteArrayView utf8) : m_original(utf8.data(), size_t(utf8.size()))
{
    const std::string_view s = m_original;
    // Fast path: only bytes that can start such a code point matter.
    if (std::none_of(s.begin(), s.end(), [](char c) { return uchar(c) >= 0xC2; }))
        return;
    // The code points to replace and the private-use ones already in the text. toml++ stops at the first
    // byte that is not UTF-8, so nothing after it needs to be looked at.
    QSet<char32_t> used;
    QList<char32_t> unsafe;
    size_t end = 0;
    for (size_t i = 0; i < s.size();) {
        int len = 0;
        const char32_t c = decode(s, i, &len);
        if (len == 0)
            break;
        if (isUnsafe(c) && !unsafe.contains(c))
            unsafe << c;
        else if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
            used.insert(c);
        i += size_t(len);
        end = i;
    }
    if (unsafe.isEmpty())
        return;
    // Placeholders: private-use code points (U+E000-U+F8FF, then plane 15), which toml++ 3.4.0 classifies
    // without trouble, accepts in strings and comments, and rejects elsewhere as it rejects the originals.
    char32_t next = 0xE000;
    for (char32_t c : std::as_const(unsafe)) {
        while (used.contains(next))
            next = next == 0xF8FF ? 0xF0000 : next + 1;
        m_swaps.append({c, next});
        used.insert(next);
    }
    m_text.reserve(s.size() + size_t(unsafe.size()) * 2);
    for (size_t i = 0; i < end;) {
        int len = 0;
        const char32_t c = decode(s, i, &len);
        const auto it = std::find_if(m_swaps.cbegin(), m_swaps.cend(), [c](const Swap &w) { return w.original == c; });
        if (it != m_swaps.cend() && isUnsafe(c))
            encode(it->placeholder, &m_text);
        else
            m_text.append(s.substr(i, size_t(len)));
        i += size_t(len);
    }
    m_text.append(s.substr(end));
    m_changed = true;
}

std::string TomlSafeText::restore(std::string_view s) const
{
    if (!m_changed)
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        int len = 0;
        const char32_t c = decode(s, i, &len);
        if (len == 0) {
            out += s[i++];
            continue;
        }
        const auto it = std::find_if(m_swaps.cbegin(), m_swaps.cend(), [c](const Swap &w) { return w.placeholder == c; });
        if (it != m_swaps.cend())
            encode(it->original, &out);
        else
            out.append(s.substr(i, size_t(len)));
        i += size_t(len);
    }
    return out;
}

void TomlSafeText::restore(toml::table &root) const
{
    if (m_changed)
        restoreNode(root);
}

void TomlSafeText::restoreNode(toml::node &node) const
{
    if (toml::value<std::string> *str = node.as_string()) {
        str->get() = restore(str->get());
    } else if (toml::array *a = node.as_array()) {
        for (toml::node &e : *a)
            restoreNode(e);
    } else if (toml::table *t = node.as_table()) {
        bool keys = false;
        for (auto &&[k, v] : *t) {
            restoreNode(v);
            keys = keys || restore(k.str()) != k.str();
        }
        if (!keys)
            return;
        // Keys cannot be renamed in place: take the entries out and put them back under their real names
        // (moves keep the source positions; the table keeps its own).
        toml::table moved;
        for (auto &&[k, v] : *t)
            moved.insert(toml::key(restore(k.str()), k.source()), std::move(v));
        t->clear();
        for (auto &&[k, v] : moved)
            t->insert(toml::key(k), std::move(v));
    }
}

} // namespace wb
