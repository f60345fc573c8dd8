#include "core/diagnose/ErrorLines.h"

#include "core/diagnose/Evidence.h"
#include "core/diagnose/TextScanner.h"

#include <QRegularExpression>

namespace wb::diagnose::errorlines {

namespace {

QStringList cleanLines(const QString &text)
{
    QStringList lines = TextScanner::stripAnsi(text.left(16 * 1024 * 1024)).split(QLatin1Char('\n'));
    for (QString &l : lines)
        l = l.trimmed().left(400);
    return lines;
}

} // namespace

QList<Line> inputLines(const Evidence &e)
{
    QList<Line> out;
    for (const auto &[source, text] : {std::pair{QStringLiteral("error"), e.errorText}, std::pair{QStringLiteral("log"), e.logText}}) {
        const QStringList lines = cleanLines(text);
        for (qsizetype i = 0; i < lines.size(); ++i)
            out << Line{source, int(i) + 1, lines.at(i)};
    }
    return out;
}

const QRegularExpression &errorLine()
{
    static const QRegularExpression re(QStringLiteral(
        R"re(^(?:error(?:\[E\d+\])?:|error occurred: |ERROR:|Error:|fatal error|Caused by:|thread '[^']*' panicked|\w+(?:Error|Exception): |(?:× )?Failed to build|.*(?:core dumped|Segmentation fault|SIGSEGV)))re"));
    return re;
}

const QRegularExpression &wrapperLine()
{
    static const QRegularExpression re(QStringLiteral(
        R"re(^(?:error: subprocess-exited-with-error|ERROR: Failed building wheel|error: metadata-generation-failed|Caused by: Failed to build a native library through cargo))re"));
    return re;
}

QList<Line> decisiveLines(const Evidence &e)
{
    static const QRegularExpression crate(QStringLiteral(
        R"re(could not compile `[^`]+`|failed to run custom build command for `[^`]+`|Failed building wheel for \S+|Failed to build `[^`]+`|failed to compile `[^`]+`)re"));
    static const QRegularExpression status(QStringLiteral(
        R"re(exit (?:status|code)[: ]+\d+|returned non-zero exit status \d+|failed with (?:exit )?code \d+|exit code \d+|signal \d+)re"));
    QList<Line> out;
    Line firstWrapper; // quoted only when nothing says more
    bool haveError = false, haveCrate = false, haveStatus = false;
    for (const Line &l : inputLines(e)) {
        const bool wrapper = wrapperLine().match(l.text).hasMatch();
        if (firstWrapper.number == 0 && wrapper)
            firstWrapper = l;
        if (!haveError && !wrapper && errorLine().match(l.text).hasMatch()) {
            out << l;
            haveError = true;
        } else if (!haveCrate && crate.match(l.text).hasMatch()) {
            out << l;
            haveCrate = true;
        } else if (!haveStatus && status.match(l.text).hasMatch()) {
            out << l;
            haveStatus = true;
        }
    }
    if (!haveError && firstWrapper.number > 0)
        out.prepend(firstWrapper);
    return out;
}

QString firstErrorLine(const QString &text)
{
    const QStringList lines = cleanLines(text);
    QString wrapper, mentions, first;
    for (const QString &l : lines) {
        if (l.isEmpty())
            continue;
        if (first.isEmpty())
            first = l;
        const bool isWrapper = wrapperLine().match(l).hasMatch();
        if (!isWrapper && errorLine().match(l).hasMatch())
            return l;
        if (isWrapper && wrapper.isEmpty())
            wrapper = l;
        if (mentions.isEmpty() && l.contains(QLatin1String("error"), Qt::CaseInsensitive))
            mentions = l;
    }
    return !wrapper.isEmpty() ? wrapper : !mentions.isEmpty() ? mentions : first;
}

} // namespace wb::diagnose::errorlines
