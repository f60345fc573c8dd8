#pragma once

// For .cpp files that hand text to toml++. Keep it out of headers.
#include <QByteArrayView>
#include <QList>

#include <toml++/toml.hpp>

#include <string>
#include <string_view>

namespace wb {

// toml++ 3.4.0 (Debian 13's) reaches __builtin_unreachable, undefined behaviour in release builds, when it
// asks whether certain non-ASCII code points are whitespace: U+00A1-U+0499, U+2C5E-U+2FFF, U+3001-U+3057
// and U+FB26-U+FEFE (its generated lookup table has no case for them; upstream issues #190 and #295,
// fixed after 3.4.0). It asks outside strings and comments (a typing mistake such as `nämé = 1`) and, in
// valid files, for the first character after a line-ending backslash in a """string""".
//
// So toml++ never sees them: each such code point is replaced by a private-use code point that the text
// does not contain (one code point for one, so toml++'s lines and columns stay those of the original),
// and the parsed strings and keys, and error messages, get the original characters back.
class TomlSafeText
{
public:
    explicit TomlSafeText(QByteArrayView utf8);

    std::string_view text() const { return m_changed ? std::string_view(m_text) : m_original; }
    bool changed() const { return m_changed; }

    std::string restore(std::string_view s) const; // placeholders back to the original characters
    void restore(toml::table &root) const;          // every string value and key of a parsed tree

    static bool isUnsafe(char32_t c);

private:
    struct Swap {
        char32_t original;
        char32_t placeholder;
    };
    std::string_view m_original;
    std::string m_text;
    QList<Swap> m_swaps;
    bool m_changed = false;

    void restoreNode(toml::node &node) const;
};

} // namespace wb
