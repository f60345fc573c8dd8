#include "core/diagnose/LogPrefixes.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb::diagnose::LogPrefixes {

namespace {

// The indentation every non-empty line shares (a block copied out of pip's or uv's output).
qsizetype commonIndent(const QString &text)
{
    qsizetype common = -1;
    qsizetype from = 0;
    while (from <= text.size() && common != 0) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).sliced(from, end - from);
        qsizetype indent = 0;
        while (indent < line.size() && (line[indent] == QLatin1Char(' ') || line[indent] == QLatin1Char('\t')))
            ++indent;
        if (indent < line.size() && !(line[indent] == QLatin1Char('\r') && indent + 1 == line.size()))
            common = common < 0 ? indent : std::min(common, indent);
        from = end + 1;
    }
    return std::max<qsizetype>(common, 0);
}

QString dedent(const QString &text)
{
    const qsizetype indent = commonIndent(text);
    if (indent == 0)
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).sliced(from, end - from);
        out += line.size() >= indent ? line.sliced(indent) : line.trimmed();
        if (end < text.size())
            out += QLatin1Char('\n');
        from = end + 1;
    }
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
    for (qsizetype from = 0; from <= text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).sliced(from, end - from);
        if (mayCarry(line)) {
            const QRegularExpressionMatch m = prefix.matchView(line);
            if (m.hasMatch() && m.capturedLength() > 0) {
                const bool seconds = m.capturedLength(2) > 0;
                cuts << Cut{from, m.capturedLength(), seconds};
                secondsOnly += seconds ? 1 : 0;
            }
        }
        from = end + 1;
    }
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

} // namespace

QString strip(const QString &text)
{
    return dedent(stripPrefixes(text));
}

} // namespace wb::diagnose::LogPrefixes
