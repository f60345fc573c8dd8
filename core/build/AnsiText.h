#pragma once

#include <QList>
#include <QString>

namespace wb {

// ANSI escape sequences in tool output: removed for parsing, turned into styled spans for display.
// Colours are plain values here (this library has no GUI): `fg`/`bg` are -1 for the default,
// 0..255 for the xterm palette, or 0x1000000 | 0xRRGGBB for 24-bit colours.
struct AnsiStyle {
    int fg = -1;
    int bg = -1;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool operator==(const AnsiStyle &) const = default;
};

struct AnsiSpan {
    QString text;
    AnsiStyle style;
    bool operator==(const AnsiSpan &) const = default;
};

namespace ansi {
// The text without any escape sequence (CSI, OSC, two-byte escapes) and without other control
// characters except tab.
QString strip(const QString &text);
// 0xRRGGBB of an xterm palette entry (0..255).
unsigned int paletteRgb(int index);
constexpr int TrueColorFlag = 0x1000000;
} // namespace ansi

// Splits lines into styled spans. The style carries over from line to line, as in a terminal.
class AnsiParser
{
public:
    QList<AnsiSpan> parse(const QString &line);
    void reset() { m_style = {}; }
    AnsiStyle currentStyle() const { return m_style; }

private:
    void applySgr(const QString &params);
    AnsiStyle m_style;
};

} // namespace wb
