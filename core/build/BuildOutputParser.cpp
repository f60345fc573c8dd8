#include "core/build/BuildOutputParser.h"

#include "core/build/AnsiText.h"
#include "core/build/CargoStatusParser.h"
#include "core/build/LineSplitter.h"
#include "core/build/MaturinLineParser.h"
#include "core/build/PytestFailureParser.h"
#include "core/build/PytestSummaryParser.h"
#include "core/build/RustDiagnosticParser.h"

#include <QDir>

namespace wb {

QStringList BuildOutputParser::searchDirsFor(const QString &projectDir)
{
    if (projectDir.isEmpty())
        return {};
    const QString root = QDir::cleanPath(projectDir);
    return {root, root + QStringLiteral("/rust")};
}

BuildOutputParser::BuildOutputParser(const QString &projectDir)
{
    m_parsers.push_back(std::make_unique<RustDiagnosticParser>(searchDirsFor(projectDir)));
    m_parsers.push_back(std::make_unique<CargoStatusParser>());
    m_parsers.push_back(std::make_unique<MaturinLineParser>());
    m_parsers.push_back(std::make_unique<PytestFailureParser>(searchDirsFor(projectDir)));
    m_parsers.push_back(std::make_unique<PytestSummaryParser>());
}

BuildOutputParser::~BuildOutputParser() = default;

QList<BuildEvent> BuildOutputParser::handleLine(const OutputLine &line)
{
    QList<BuildEvent> events;
    const QString clean = ansi::strip(line.text);
    if (line.transient) {
        BuildEvent event;
        if (CargoStatusParser::parseProgress(clean, &event.progress)) {
            event.kind = BuildEvent::Kind::Progress;
            event.logLine = m_lineNumber + 1;
            events.append(event);
        }
        return events;
    }
    const int logLine = ++m_lineNumber;
    if (m_sticky) {
        OutputLineParser *sticky = m_sticky;
        m_sticky = nullptr;
        const auto status = sticky->handleLine(clean, logLine, events);
        if (status == OutputLineParser::Status::InProgress)
            m_sticky = sticky;
        if (status != OutputLineParser::Status::NotHandled)
            return events;
        sticky->flush(events);
    }
    for (const auto &parser : m_parsers) {
        const auto status = parser->handleLine(clean, logLine, events);
        if (status == OutputLineParser::Status::NotHandled)
            continue;
        if (status == OutputLineParser::Status::InProgress)
            m_sticky = parser.get();
        break;
    }
    return events;
}

QList<BuildEvent> BuildOutputParser::finish()
{
    QList<BuildEvent> events;
    for (const auto &parser : m_parsers)
        parser->flush(events);
    m_sticky = nullptr;
    return events;
}

QList<BuildEvent> BuildOutputParser::parseLog(const QByteArray &log, const QString &projectDir)
{
    BuildOutputParser parser(projectDir);
    LineSplitter splitter;
    QList<BuildEvent> events;
    QList<OutputLine> lines = splitter.feed(log);
    lines += splitter.finish();
    for (const OutputLine &line : std::as_const(lines))
        events += parser.handleLine(line);
    events += parser.finish();
    return events;
}

QList<BuildEvent> BuildOutputParser::parseLog(const QString &log, const QString &projectDir)
{
    return parseLog(log.toUtf8(), projectDir);
}

namespace build_events {

QList<Diagnostic> diagnostics(const QList<BuildEvent> &events)
{
    QList<Diagnostic> out;
    for (const BuildEvent &event : events) {
        if (event.kind == BuildEvent::Kind::Diagnostic)
            out.append(event.diagnostic);
    }
    return out;
}

QStringList artifacts(const QList<BuildEvent> &events)
{
    QStringList out;
    for (const BuildEvent &event : events) {
        if ((event.kind == BuildEvent::Kind::Wheel || event.kind == BuildEvent::Kind::Sdist) && !out.contains(event.path))
            out.append(event.path);
    }
    return out;
}

QStringList causes(const QList<BuildEvent> &events)
{
    QStringList out;
    for (const BuildEvent &event : events) {
        if (event.kind == BuildEvent::Kind::MaturinFailed)
            out.append(event.causes);
    }
    return out;
}

int count(const QList<BuildEvent> &events, DiagnosticSeverity severity)
{
    int n = 0;
    for (const BuildEvent &event : events)
        n += event.kind == BuildEvent::Kind::Diagnostic && event.diagnostic.severity == severity;
    return n;
}

} // namespace build_events

} // namespace wb
