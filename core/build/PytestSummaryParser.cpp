#include "core/build/PytestSummaryParser.h"

#include <QRegularExpression>

namespace wb {

OutputLineParser::Status PytestSummaryParser::handleLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    static const QRegularExpression summary(QStringLiteral(R"(^=+ (.+) in [\d.]+s(?: \([^)]*\))? =+$)"));
    static const QRegularExpression count(QStringLiteral(R"((\d+) (passed|failed|errors?))"));
    const QRegularExpressionMatch m = summary.match(line);
    if (!m.hasMatch())
        return Status::NotHandled;
    BuildEvent event;
    event.kind = BuildEvent::Kind::TestSummary;
    event.text = m.captured(1);
    event.logLine = logLine;
    bool any = false;
    for (auto it = count.globalMatch(m.captured(1)); it.hasNext();) {
        const QRegularExpressionMatch c = it.next();
        any = true;
        if (c.captured(2) == u"passed")
            event.passed += c.captured(1).toInt();
        else
            event.failed += c.captured(1).toInt();
    }
    if (!any && !m.captured(1).contains(u"no tests ran"))
        return Status::NotHandled;
    events.append(event);
    return Status::Done;
}

} // namespace wb
