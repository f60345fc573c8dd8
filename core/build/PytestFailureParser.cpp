#include "core/build/PytestFailureParser.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {

constexpr int MaxSectionLines = 80;
constexpr int MaxSections = 2000;

// The header's test name from a node id: "tests/test_x.py::TestThing::test_m[1]" -> "TestThing.test_m[1]";
// a node without "::" (a module that failed to import) -> "collecting tests/test_x.py".
QString sectionKey(const QString &nodeId)
{
    const qsizetype sep = nodeId.indexOf(QStringLiteral("::"));
    if (sep < 0)
        return QStringLiteral("collecting ") + nodeId;
    QString name = nodeId.mid(sep + 2);
    name.replace(QStringLiteral("::"), QStringLiteral("."));
    return name;
}

// "ERROR at setup of test_y" -> "test_y"; "ERROR collecting tests/x.py" -> "collecting tests/x.py".
QString headerKey(QString header)
{
    for (const QLatin1StringView prefix : {QLatin1StringView("ERROR at setup of "), QLatin1StringView("ERROR at teardown of ")}) {
        if (header.startsWith(prefix))
            return header.mid(prefix.size());
    }
    if (header.startsWith(QLatin1StringView("ERROR ")))
        return header.mid(6);
    return header;
}

} // namespace

PytestFailureParser::PytestFailureParser(QStringList searchDirs)
    : m_searchDirs(std::move(searchDirs))
{
}

QString PytestFailureParser::resolve(const QString &printed) const
{
    if (QFileInfo(printed).isAbsolute())
        return QDir::cleanPath(printed);
    for (const QString &dir : m_searchDirs) {
        const QString candidate = QDir::cleanPath(dir + u'/' + printed);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return m_searchDirs.isEmpty() ? printed : QDir::cleanPath(m_searchDirs.first() + u'/' + printed);
}

OutputLineParser::Status PytestFailureParser::handleLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    static const QRegularExpression rule(QStringLiteral(R"(^=+ (.*?) ?=+$)"));
    static const QRegularExpression header(QStringLiteral(R"(^_{3,} (.+?) _{3,}$)"));
    static const QRegularExpression location(QStringLiteral(R"(^([^\s:][^:]*\.py):(\d+): ?(.*)$)"));

    if (line.startsWith(u'=')) {
        const QRegularExpressionMatch m = rule.match(line);
        if (m.hasMatch()) {
            const QString title = m.captured(1);
            m_inSummary = title == u"short test summary info";
            if (title != u"FAILURES" && title != u"ERRORS")
                m_current.clear();
            return Status::NotHandled;
        }
    }
    if (m_inSummary) {
        summaryLine(line, logLine, events);
        return Status::NotHandled;
    }
    if (line.startsWith(u'_')) {
        const QRegularExpressionMatch m = header.match(line);
        if (m.hasMatch() && !m.captured(1).startsWith(u'_')) {
            m_current = headerKey(m.captured(1));
            if (m_sections.size() < MaxSections || m_sections.contains(m_current)) {
                Section &s = m_sections[m_current];
                s = {};
                s.logLine = logLine;
            } else {
                m_current.clear();
            }
            return Status::NotHandled;
        }
    }
    if (m_current.isEmpty())
        return Status::NotHandled;
    Section &s = m_sections[m_current];
    if (s.text.size() < MaxSectionLines)
        s.text.append(line);
    if (line.startsWith(QLatin1StringView("E "))) {
        if (s.errorLines.size() < MaxSectionLines)
            s.errorLines.append(line.mid(1).trimmed());
        return Status::NotHandled;
    }
    const QRegularExpressionMatch m = location.match(line);
    if (m.hasMatch() && s.locations.size() < MaxSectionLines)
        s.locations.append({m.captured(1), m.captured(2).toInt(), m.captured(3).trimmed(), logLine});
    return Status::NotHandled;
}

void PytestFailureParser::summaryLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    static const QRegularExpression failed(QStringLiteral(R"(^(FAILED|ERROR) (\S+?)(?: - (.*))?$)"));
    const QRegularExpressionMatch m = failed.match(line);
    if (!m.hasMatch())
        return;
    const QString nodeId = m.captured(2);
    const QString testFile = nodeId.section(QStringLiteral("::"), 0, 0);
    if (!testFile.endsWith(QLatin1StringView(".py")))
        return;
    const Section section = m_sections.value(sectionKey(nodeId));
    // Where it failed: the last location in the test's own file, else the last one, else the file.
    const Location *at = nullptr;
    for (const Location &l : section.locations) {
        if (l.file == testFile)
            at = &l;
    }
    if (!at && !section.locations.isEmpty())
        at = &section.locations.last();

    Diagnostic d;
    d.severity = DiagnosticSeverity::Error;
    d.code = QStringLiteral("pytest");
    QString reason = m.captured(3).trimmed();
    if (reason.isEmpty() && !section.errorLines.isEmpty())
        reason = section.errorLines.first();
    const bool isError = m.captured(1) == u"ERROR";
    d.message = reason.isEmpty() ? (isError ? QStringLiteral("%1: error").arg(nodeId) : QStringLiteral("%1 failed").arg(nodeId))
                                 : QStringLiteral("%1 %2: %3").arg(nodeId, isError ? QStringLiteral("error") : QStringLiteral("failed"), reason);
    d.printedFile = at ? at->file : testFile;
    d.file = resolve(d.printedFile);
    d.line = at ? at->line : 0;
    d.column = at ? 1 : 0;
    for (const Location &l : section.locations) {
        if (&l != at)
            d.children.append(QStringLiteral("%1:%2: %3").arg(l.file).arg(l.line).arg(l.text).trimmed());
    }
    d.rendered = section.text.isEmpty() ? line : section.text.join(u'\n');
    d.logLine = at ? at->logLine : logLine;
    BuildEvent event;
    event.kind = BuildEvent::Kind::Diagnostic;
    event.diagnostic = d;
    event.text = nodeId;
    event.logLine = d.logLine;
    events.append(event);
}

} // namespace wb
