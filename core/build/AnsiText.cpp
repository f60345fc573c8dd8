#include "core/build/AnsiText.h"

#include <QStringList>

namespace wb {

namespace {

constexpr char16_t Esc = 0x1b;

// Length of the escape sequence starting at text[i] (text[i] == ESC); at least 1.
qsizetype escapeLength(const QString &text, qsizetype i, QString *csiParams = nullptr, QChar *csiFinal = nullptr)
{
    const qsizetype n = text.size();
    if (i + 1 >= n)
        return 1;
    const QChar kind = text.at(i + 1);
    if (kind == u'[') { // CSI: parameters and intermediates, then a final byte 0x40..0x7e
        qsizetype j = i + 2;
        while (j < n && (text.at(j).unicode() < 0x40 || text.at(j).unicode() > 0x7e))
            ++j;
        if (csiParams)
            *csiParams = text.mid(i + 2, j - i - 2);
        if (csiFinal)
            *csiFinal = j < n ? text.at(j) : QChar();
        return qMin(j + 1, n) - i;
    }
    if (kind == u']' || kind == u'P' || kind == u'_' || kind == u'^') { // OSC/DCS/APC/PM: up to BEL or ESC '\'
        qsizetype j = i + 2;
        while (j < n) {
            if (text.at(j) == QChar(7))
                return j + 1 - i;
            if (text.at(j) == QChar(Esc) && j + 1 < n && text.at(j + 1) == u'\\')
                return j + 2 - i;
            ++j;
        }
        return n - i;
    }
    return 2; // two-byte escape such as ESC '(' ... close enough for display
}

bool isDroppedControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || u == 0x7f;
}

} // namespace

QString ansi::strip(const QString &text)
{
    if (!text.contains(QChar(Esc))) {
        bool clean = true;
        for (QChar c : text) {
            if (isDroppedControl(c)) {
                clean = false;
                break;
            }
        }
        if (clean)
            return text;
    }
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == QChar(Esc)) {
            i += escapeLength(text, i);
        } else {
            if (!isDroppedControl(c))
                out.append(c);
            ++i;
        }
    }
    return out;
}

unsigned int ansi::paletteRgb(int index)
{
    static const unsigned int base[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
                                          0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    if (index < 0 || index > 255)
        return 0;
    if (index < 16)
        return base[index];
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return (level(i / 36) << 16) | (level((i / 6) % 6) << 8) | level(i % 6);
    }
    const int grey = 8 + (index - 232) * 10;
    return (grey << 16) | (grey << 8) | grey;
}

void AnsiParser::applySgr(const QString &params)
{
    const QStringList parts = params.isEmpty() ? QStringList{QStringLiteral("0")} : params.split(u';');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const int code = parts.at(i).isEmpty() ? 0 : parts.at(i).toInt(&ok);
        if (!parts.at(i).isEmpty() && !ok)
            continue;
        if (code == 0) {
            m_style = {};
        } else if (code == 1) {
            m_style.bold = true;
        } else if (code == 3) {
            m_style.italic = true;
        } else if (code == 4) {
            m_style.underline = true;
        } else if (code == 22) {
            m_style.bold = false;
        } else if (code == 23) {
            m_style.italic = false;
        } else if (code == 24) {
            m_style.underline = false;
        } else if (code >= 30 && code <= 37) {
            m_style.fg = code - 30;
        } else if (code == 39) {
            m_style.fg = -1;
        } else if (code >= 40 && code <= 47) {
            m_style.bg = code - 40;
        } else if (code == 49) {
            m_style.bg = -1;
        } else if (code >= 90 && code <= 97) {
            m_style.fg = code - 90 + 8;
        } else if (code >= 100 && code <= 107) {
            m_style.bg = code - 100 + 8;
        } else if (code == 38 || code == 48) {
            int colour = -2;
            if (i + 2 < parts.size() && parts.at(i + 1) == u"5") {
                colour = qBound(0, parts.at(i + 2).toInt(), 255);
                i += 2;
            } else if (i + 4 < parts.size() && parts.at(i + 1) == u"2") {
                const int r = qBound(0, parts.at(i + 2).toInt(), 255);
                const int g = qBound(0, parts.at(i + 3).toInt(), 255);
                const int b = qBound(0, parts.at(i + 4).toInt(), 255);
                colour = ansi::TrueColorFlag | (r << 16) | (g << 8) | b;
                i += 4;
            }
            if (colour != -2)
                (code == 38 ? m_style.fg : m_style.bg) = colour;
        }
    }
}

QList<AnsiSpan> AnsiParser::parse(const QString &line)
{
    QList<AnsiSpan> spans;
    QString current;
    auto flush = [&] {
        if (current.isEmpty())
            return;
        if (!spans.isEmpty() && spans.last().style == m_style)
            spans.last().text += current;
        else
            spans.append({current, m_style});
        current.clear();
    };
    for (qsizetype i = 0; i < line.size();) {
        const QChar c = line.at(i);
        if (c == QChar(Esc)) {
            QString params;
            QChar final;
            const qsizetype len = escapeLength(line, i, &params, &final);
            if (final == u'm' && i + 1 < line.size() && line.at(i + 1) == u'[') {
                flush();
                applySgr(params);
            }
            i += len;
        } else {
            if (!isDroppedControl(c))
                current.append(c);
            ++i;
        }
    }
    flush();
    return spans;
}

} // namespace wb
