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
    QString out;
    out.reserve(text.size());
    forEachLine(text, [&](qsizetype from, QStringView line) {
        out += line.size() >= indent ? line.sliced(indent) : line.trimmed();
        if (from + line.size() < text.size())
            out += QLatin1Char('\n');
        return true;
    });
    return out;
}

QString stripPrefixes(const QString &text)
{
    // A timestamp (GitHub Actions and Azure Pipelines; in brackets, Jenkins' timestamper; GitLab adds its
    // stream, " 00O"), or BuildKit's step and seconds ("#12 3.456 "); BuildKit's error summary gives the
    // seconds alone ("3.456 "), read past only where several lines carry them.
    static const QRegularExpression prefix(QStringLiteral(
        R"(^(?:\x1b\[[0-9;]*m)*(?:(\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\]?(?: \d\d[OE]\+?)? ?|#\d+ \d+\.\d+ ?)|(\d+\.\d{3} )))"));
    // Only lines that can carry one are tried (a digit, '#' or '[' first, or a colour code before it).
    const auto mayCarry = [](QStringView line) {
        return !line.isEmpty()
            && (line.front().isDigit() || line.front() == QLatin1Char('#') || line.front() == QLatin1Char('[') || line.front() == QLatin1Char('\x1b'));
    };
    struct Cut {
        qsizetype at = 0, length = 0;
        bool secondsOnly = false;
    };
    QList<Cut> cuts;
    int secondsOnly = 0;
    forEachLine(text, [&](qsizetype from, QStringView line) {
        if (mayCarry(line)) {
            const QRegularExpressionMatch m = prefix.matchView(line);
            if (m.hasMatch() && m.capturedLength() > 0) {
                const bool seconds = m.capturedLength(2) > 0;
                cuts << Cut{from, m.capturedLength(), seconds};
                secondsOnly += seconds ? 1 : 0;
            }
        }
        return true;
    });
    constexpr int kSecondsLines = 3;
    QString out;
    qsizetype kept = 0;
    for (const Cut &c : std::as_const(cuts)) {
        if (c.secondsOnly && secondsOnly < kSecondsLines)
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
    QString out;
    out.reserve(text.size());
    forEachLine(text, [&](qsizetype from, QStringView line) {
        out += line.sliced(quoteMarkLength(line));
        if (from + line.size() < text.size())
            out += QLatin1Char('\n');
        return true;
    });
    return out;
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
    return dedent(stripPrefixes(unquote(unescapeHtml(text))));
}

} // namespace wb::diagnose::LogPrefixes
