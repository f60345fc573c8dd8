#include "core/diagnose/LogPrefixes.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb::diagnose::LogPrefixes {

namespace {

// Calls next(offset, line) for each line of the text (without its '\n') while next returns true.
template <typename Next>
void forEachLine(const QString &text, Next next)
{
    for (qsizetype from = 0; from <= text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = text.size();
        if (!next(from, QStringView(text).sliced(from, end - from)))
            return;
        from = end + 1;
    }
}

// The text with each line replaced by the part of it that keep(line) returns; the line breaks stay.
template <typename Keep>
QString keepOfEachLine(const QString &text, Keep keep)
{
    QString out;
    out.reserve(text.size());
    forEachLine(text, [&](qsizetype from, QStringView line) {
        out += keep(line);
        if (from + line.size() < text.size())
            out += QLatin1Char('\n');
        return true;
    });
    return out;
}

// The indentation every non-empty line shares (a block copied out of pip's or uv's output).
qsizetype commonIndent(const QString &text)
{
    qsizetype common = -1;
    forEachLine(text, [&](qsizetype, QStringView line) {
        qsizetype indent = 0;
        while (indent < line.size() && (line[indent] == QLatin1Char(' ') || line[indent] == QLatin1Char('\t')))
            ++indent;
        if (indent < line.size() && !(line[indent] == QLatin1Char('\r') && indent + 1 == line.size()))
            common = common < 0 ? indent : std::min(common, indent);
        return common != 0;
    });
    return std::max<qsizetype>(common, 0);
}

QString dedent(const QString &text)
{
    const qsizetype indent = commonIndent(text);
    if (indent == 0)
        return text;
    return keepOfEachLine(text, [indent](QStringView line) { return line.size() >= indent ? line.sliced(indent) : line.trimmed(); });
}

QString stripPrefixes(const QString &text)
{
    // A timestamp (GitHub Actions and Azure Pipelines; in brackets, Jenkins' timestamper; GitLab adds its
    // stream, " 00O"), or BuildKit's step and seconds ("#12 3.456 "). Weaker ones are read past only where
    // several lines carry them: BuildKit's error summary gives the seconds alone ("3.456 "); other tools
    // a date and time with a space ("2024-05-01 12:34:56,123 ", Python's logging) or the time alone
    // ("[12:34:56] ", "12:34:56.789 ").
    static const QRegularExpression prefix(QStringLiteral(
        R"(^(?:\x1b\[[0-9;]*m)*(?:(\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\]?(?: \d\d[OE]\+?)? ?|#\d+ \d+\.\d+ ?))"
        R"(|(\d+\.\d{3} |\[?(?:\d{4}-\d\d-\d\d[ T])?\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?:? )))"));
    // Only lines that can carry one are tried (a digit, '#' or '[' first, or a colour code before it).
    const auto mayCarry = [](QStringView line) {
        return !line.isEmpty()
            && (line.front().isDigit() || line.front() == QLatin1Char('#') || line.front() == QLatin1Char('[') || line.front() == QLatin1Char('\x1b'));
    };
    struct Cut {
        qsizetype at = 0, length = 0;
        bool weak = false; // read past only where several lines carry one
    };
    QList<Cut> cuts;
    int weak = 0, nonEmpty = 0;
    forEachLine(text, [&](qsizetype from, QStringView line) {
        nonEmpty += line.trimmed().isEmpty() ? 0 : 1;
        if (mayCarry(line)) {
            const QRegularExpressionMatch m = prefix.matchView(line);
            if (m.hasMatch() && m.capturedLength() > 0) {
                const bool isWeak = m.capturedLength(2) > 0;
                cuts << Cut{from, m.capturedLength(), isWeak};
                weak += isWeak ? 1 : 0;
            }
        }
        return true;
    });
    constexpr int kWeakLines = 3;
    QString out;
    qsizetype kept = 0;
    for (const Cut &c : std::as_const(cuts)) {
        if (c.weak && weak < kWeakLines && weak < nonEmpty) // or every line carries one
            continue;
        if (out.isEmpty())
            out.reserve(text.size());
        out += QStringView(text).sliced(kept, c.at - kept);
        kept = c.at + c.length;
    }
    if (kept == 0)
        return text;
    out += QStringView(text).sliced(kept);
    return out;
}

// Text copied from the source of a web page or an e-mail keeps HTML's escapes of the characters that
// matter most to a log ('->' arrows, '<' in paths and types, '&&' in commands, quotes).
QString unescapeHtml(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("&(?:gt|lt|amp|quot|#39|#x27|#34);"));
    if (!text.contains(entity))
        return text;
    QString out = text;
    out.replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#34;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&#x27;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

// Spaces and tabs at the ends of lines (a terminal's copy pads them) and no-break spaces (a web page's
// copy): the tools wrote neither.
QString normaliseSpaces(const QString &text)
{
    static const QRegularExpression trailing(QStringLiteral("[ \\t]+(?=\\r?$)"), QRegularExpression::MultilineOption);
    const bool noBreak = text.contains(QChar(0x00A0));
    if (!noBreak && !text.contains(trailing))
        return text;
    QString out = text;
    if (noBreak)
        out.replace(QChar(0x00A0), QLatin1Char(' '));
    out.remove(trailing);
    return out;
}

// rustc's location arrow left alone on its row, the path on the next (a log wrapped by the tool that captured it):
// the path goes back beside its arrow, on the arrow's row (right under the error, where rustc put it), and the
// path's row is left empty, so that the lines keep their numbers.
QString joinBrokenArrows(const QString &text)
{
    if (!text.contains(QLatin1String("-->")))
        return text;
    static const QRegularExpression location(QStringLiteral(R"re(^\s*\S+:\d+:\d+\r?$)re"));
    QStringList lines = text.split(QLatin1Char('\n'));
    bool joined = false;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QString arrow = lines.at(i);
        if (arrow.endsWith(QLatin1Char('\r')))
            arrow.chop(1);
        if (arrow.trimmed() != QLatin1String("-->") || !location.match(lines.at(i + 1)).hasMatch())
            continue;
        lines[i] = arrow + QLatin1Char(' ') + lines.at(i + 1).trimmed();
        lines[i + 1].clear();
        joined = true;
    }
    return joined ? lines.join(QLatin1Char('\n')) : text;
}

// Lines broken at a fixed width (a console that copies its rows, an e-mail) joined again: where two or
// more different lines reach the longest length exactly (one, at a console's usual width), each such
// line continues on the next. The whole line stands on its last piece's row and the rows before it
// are left empty, so that every line keeps its number and still runs on into the one after it.
QString unwrap(const QString &text)
{
    constexpr qsizetype kNarrowest = 60, kWidest = 400;
    QStringList lines = text.split(QLatin1Char('\n'));
    const auto length = [](const QString &l) { return l.endsWith(QLatin1Char('\r')) ? l.size() - 1 : l.size(); };
    qsizetype width = 0;
    for (const QString &l : std::as_const(lines))
        width = std::max(width, length(l));
    if (width < kNarrowest || width > kWidest)
        return text;
    QStringList fullRows; // two different lines of exactly that width (enough to tell), not rules of one character
    for (const QString &l : std::as_const(lines)) {
        if (length(l) == width && !fullRows.contains(l) && l.count(l.front()) < width)
            fullRows.append(l);
        if (fullRows.size() == 2)
            break;
    }
    // One line at a console's usual width (80 and 132 columns of a VT100, 120 of a Windows console, 100)
    // is taken as broken too; one at any other width is just the longest line.
    const bool consoleWidth = width == 80 || width == 100 || width == 120 || width == 132;
    if (fullRows.size() < (consoleWidth ? 1 : 2))
        return text;
    // A terminal's copy that pads every row with spaces to the width: nothing was broken.
    const auto padded = std::count_if(lines.cbegin(), lines.cend(), [&](const QString &l) {
        return length(l) == width && l[width - 1].isSpace();
    });
    if (padded * 2 > lines.size())
        return text;
    // A next line that starts with a space is a program's own wrapping with a hanging indent (rich's,
    // in twine and pip), which the scanner reads as such, or a line of its own.
    const auto continues = [](const QString &next) { return !next.trimmed().isEmpty() && !next.front().isSpace(); };
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        qsizetype last = i;
        QString joined = lines[i];
        bool full = length(joined) == width; // the piece joined last filled the row
        while (full && last + 1 < lines.size() && continues(lines[last + 1])) {
            if (joined.endsWith(QLatin1Char('\r')))
                joined.chop(1);
            ++last;
            full = length(lines[last]) == width;
            joined += lines[last];
        }
        if (last == i)
            continue;
        // The whole line on its last piece's row, so that it runs on into the line after it as before.
        for (qsizetype k = i; k < last; ++k)
            lines[k].clear();
        lines[last] = joined;
        i = last;
    }
    return lines.join(QLatin1Char('\n'));
}

// A quoted line of Markdown or e-mail: "> text" or a bare ">"; not a Python prompt (">>>").
qsizetype quoteMarkLength(QStringView line)
{
    if (line.isEmpty() || line.front() != QLatin1Char('>'))
        return 0;
    if (line.size() == 1 || line[1] == QLatin1Char('\r'))
        return 1;
    return line[1] == QLatin1Char(' ') ? 2 : 0;
}

// One level of quoting, taken off where (nearly) every non-empty line is quoted: a log pasted into an
// issue as a quote, or a reply that quotes the reporter's output.
QString unquoteOnce(const QString &text)
{
    int quoted = 0, other = 0;
    forEachLine(text, [&](qsizetype, QStringView line) {
        if (quoteMarkLength(line) > 0)
            ++quoted;
        else if (!line.trimmed().isEmpty())
            ++other;
        return true;
    });
    constexpr int kLeastQuoted = 1;
    if (quoted < kLeastQuoted || other * 5 > quoted) // at least four quoted lines in five
        return text;
    return keepOfEachLine(text, [](QStringView line) { return line.sliced(quoteMarkLength(line)); });
}

QString unquote(const QString &text)
{
    QString out = text;
    for (int level = 0; level < 3; ++level) { // "> > " of a quote within a quote
        QString next = unquoteOnce(out);
        if (next.size() == out.size())
            break;
        out = std::move(next);
    }
    return out;
}

} // namespace

QString strip(const QString &text)
{
    return dedent(joinBrokenArrows(normaliseSpaces(unwrap(stripPrefixes(unquote(unescapeHtml(text)))))));
}

} // namespace wb::diagnose::LogPrefixes
