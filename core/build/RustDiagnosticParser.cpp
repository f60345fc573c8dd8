#include "core/build/RustDiagnosticParser.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {

const QRegularExpression &headerPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^(error|warning|note|help)(?:\[([A-Za-z0-9_-]+)\])?: (.*)$)"));
    return re;
}

const QRegularExpression &locationPattern()
{
    // "  --> src/lib.rs:3:41" (also "::: path:line:col" for secondary locations)
    static const QRegularExpression re(QStringLiteral(R"(^\s*(-->|:::) (.+):(\d+):(\d+)\s*$)"));
    return re;
}

const QRegularExpression &childPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*= (note|help): (.*)$)"));
    return re;
}

const QRegularExpression &cargoSummaryPattern()
{
    // cargo's closing remarks: not diagnostics of their own.
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:warning: `[^`]+` \(.*\) generated \d+ warnings?|error: aborting due to|warning: build failed, waiting))"));
    return re;
}

DiagnosticSeverity severityOf(const QString &word)
{
    if (word == u"warning")
        return DiagnosticSeverity::Warning;
    if (word == u"note")
        return DiagnosticSeverity::Note;
    if (word == u"help")
        return DiagnosticSeverity::Help;
    return DiagnosticSeverity::Error;
}

bool isBodyLine(const QString &line)
{
    if (line.isEmpty())
        return false;
    if (line.at(0).isSpace())
        return true;
    // source lines: "14 |     a.checked_add(c)", and "..." between snippets
    static const QRegularExpression numbered(QStringLiteral(R"(^\d+\s*[|:])"));
    return line.startsWith(u"...") || numbered.match(line).hasMatch();
}

} // namespace

RustDiagnosticParser::RustDiagnosticParser(QStringList searchDirs)
    : m_searchDirs(std::move(searchDirs))
{
}

QString RustDiagnosticParser::resolve(const QString &printedFile) const
{
    if (printedFile.isEmpty() || QDir::isAbsolutePath(printedFile) || m_searchDirs.isEmpty())
        return printedFile;
    for (const QString &dir : m_searchDirs) {
        const QString candidate = QDir::cleanPath(dir + u'/' + printedFile);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return QDir::cleanPath(m_searchDirs.first() + u'/' + printedFile);
}

void RustDiagnosticParser::flush(QList<BuildEvent> &events)
{
    if (!m_active)
        return;
    m_active = false;
    m_afterBlank = false;
    m_inCause = false;
    while (m_current.rendered.endsWith(u'\n'))
        m_current.rendered.chop(1);
    BuildEvent event;
    event.kind = BuildEvent::Kind::Diagnostic;
    event.logLine = m_current.logLine;
    event.diagnostic = std::move(m_current);
    events.append(std::move(event));
    m_current = {};
}

OutputLineParser::Status RustDiagnosticParser::handleLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    const QRegularExpressionMatch header = headerPattern().match(line);
    if (m_active && (m_afterBlank || m_inCause)) {
        // cargo's own error chain after an error without a location:
        //   error: failed to parse manifest at `…/Cargo.toml`
        //   <blank>
        //   Caused by:
        //     can't find library `x`, rename file to `src/lib.rs` or specify lib.path
        const bool room = m_current.children.size() < MaxChildren && m_current.rendered.size() < MaxRendered;
        if (line.trimmed() == u"Caused by:") {
            m_afterBlank = false;
            m_inCause = true;
            if (room) {
                m_current.children.append(QStringLiteral("Caused by:"));
                m_current.rendered += QStringLiteral("\nCaused by:\n");
            }
            return Status::InProgress;
        }
        if (m_inCause && !line.isEmpty() && line.at(0).isSpace()) {
            if (room && !m_current.children.isEmpty()) {
                QString &cause = m_current.children.last();
                cause += (cause == u"Caused by:" ? QStringLiteral(" ") : QStringLiteral("\n")) + line.trimmed();
                m_current.rendered += line + u'\n';
            }
            return Status::InProgress;
        }
        if (m_inCause && line.isEmpty()) {
            m_inCause = false;
            m_afterBlank = true;
            return Status::InProgress;
        }
        return Status::NotHandled; // the chain (or the blank line) ended it; offer the line to every parser
    }
    if (m_active) {
        if (header.hasMatch() && (header.captured(1) == u"help" || header.captured(1) == u"note")
            && header.captured(2).isEmpty()) {
            // A sub-diagnostic at column 0 ("help: consider ...") amends the current one.
            m_current.children.append(header.captured(1) + QStringLiteral(": ") + header.captured(3));
            m_current.rendered += line + u'\n';
            return Status::InProgress;
        }
        if (isBodyLine(line)) {
            m_current.rendered += line + u'\n';
            const QRegularExpressionMatch loc = locationPattern().match(line);
            if (loc.hasMatch() && loc.captured(1) == u"-->" && m_current.line == 0) {
                m_current.printedFile = loc.captured(2);
                m_current.file = resolve(m_current.printedFile);
                m_current.line = loc.captured(3).toInt();
                m_current.column = loc.captured(4).toInt();
            } else {
                const QRegularExpressionMatch child = childPattern().match(line);
                if (child.hasMatch())
                    m_current.children.append(child.captured(1) + QStringLiteral(": ") + child.captured(2));
            }
            return Status::InProgress;
        }
        if (line.isEmpty() && m_current.line == 0 && m_current.severity == DiagnosticSeverity::Error) {
            m_afterBlank = true; // cargo may go on with "Caused by:"
            return Status::InProgress;
        }
        flush(events);
        if (line.isEmpty())
            return Status::Done; // the blank line that closes a diagnostic
    }
    if (!header.hasMatch())
        return Status::NotHandled;
    if (cargoSummaryPattern().match(line).hasMatch())
        return Status::Done;
    if (header.captured(1) == u"error" && header.captured(3).startsWith(u"could not compile"))
        return Status::NotHandled; // cargo's verdict: CargoStatusParser reports it
    m_active = true;
    m_current = {};
    m_current.severity = severityOf(header.captured(1));
    m_current.code = header.captured(2);
    m_current.message = header.captured(3).trimmed();
    m_current.rendered = line + u'\n';
    m_current.logLine = logLine;
    return Status::InProgress;
}

} // namespace wb
