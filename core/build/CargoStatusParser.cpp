#include "core/build/CargoStatusParser.h"

#include <QRegularExpression>

namespace wb {

bool CargoStatusParser::parseProgress(const QString &line, BuildProgress *progress)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*Building \[[=> ]*\]\s*(\d+)/(\d+)(?::\s*(.*))?$)"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return false;
    if (progress) {
        progress->done = m.captured(1).toInt();
        progress->total = m.captured(2).toInt();
        progress->inFlight.clear();
        const QString crates = m.captured(3).trimmed();
        for (const QString &crate : crates.split(u',', Qt::SkipEmptyParts)) {
            const QString name = crate.trimmed();
            if (!name.isEmpty())
                progress->inFlight.append(name);
        }
    }
    return true;
}

OutputLineParser::Status CargoStatusParser::handleLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    static const QRegularExpression status(QStringLiteral(R"(^\s{0,12}(Compiling|Finished|Checking) (.+)$)"));
    static const QRegularExpression verdict(QStringLiteral(R"(^error: (could not compile .*)$)"));
    BuildEvent event;
    event.logLine = logLine;
    if (parseProgress(line, &event.progress)) {
        event.kind = BuildEvent::Kind::Progress;
        events.append(event);
        return Status::Done;
    }
    if (const QRegularExpressionMatch m = status.match(line); m.hasMatch()) {
        event.kind = m.captured(1) == u"Finished" ? BuildEvent::Kind::CargoFinished : BuildEvent::Kind::Compiling;
        event.text = m.captured(2).trimmed();
        events.append(event);
        return Status::Done;
    }
    if (const QRegularExpressionMatch m = verdict.match(line); m.hasMatch()) {
        event.kind = BuildEvent::Kind::CargoError;
        event.text = m.captured(1).trimmed();
        events.append(event);
        return Status::Done;
    }
    return Status::NotHandled;
}

} // namespace wb
