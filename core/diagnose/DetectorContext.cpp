#include "core/diagnose/DetectorContext.h"

#include "core/build/BuildOutputParser.h"

#include <QSet>

#include <algorithm>

namespace wb::diagnose {

DetectorContext::DetectorContext(const Evidence &evidence, const Catalogue &catalogue)
    : m_evidence(evidence)
    , m_catalogue(catalogue)
    , m_facts(TextFacts::read(evidence.errorText + QLatin1Char('\n') + evidence.logText))
{
    const QList<TextMatch> errors = TextScanner::scan(evidence.errorText);
    for (const TextMatch &m : errors)
        m_matches << SourcedMatch{QStringLiteral("error"), m};
    // A build log: rustc diagnostics and built wheels come from the build area's parser of whole logs
    // (structured, with file:line:column); every other message is recognised by its text.
    if (evidence.logText.trimmed().isEmpty())
        return;
    const QList<BuildEvent> events = BuildOutputParser::parseLog(evidence.logText, evidence.project.dir);
    QSet<int> parsedErrors; // lines where the parser found a rustc error
    for (const BuildEvent &event : events) {
        if (event.kind == BuildEvent::Kind::Diagnostic && event.diagnostic.severity == DiagnosticSeverity::Error)
            parsedErrors.insert(event.logLine);
    }
    QSet<int> textLines;
    for (const TextMatch &m : TextScanner::scan(evidence.logText)) {
        // rustc's errors as the parser read them (structured); those it did not read, indented inside
        // pip's or uv's output, as the text shows them.
        const bool rustError = m.kind == QLatin1String("rust-error") || m.kind == QLatin1String("rust-error-summary");
        if (m.kind == QLatin1String("built-wheel") || (rustError && parsedErrors.contains(m.line)))
            continue;
        textLines.insert(m.line);
        m_matches << SourcedMatch{QStringLiteral("log"), m};
    }
    for (const BuildEvent &event : events) {
        TextMatch t;
        t.line = event.logLine;
        if (event.kind == BuildEvent::Kind::Wheel) {
            t.kind = QStringLiteral("built-wheel");
            t.args = {event.path};
            t.text = TextScanner::lineOf(evidence.logText, event.logLine);
        } else if (event.kind == BuildEvent::Kind::Diagnostic && event.diagnostic.severity == DiagnosticSeverity::Error
                   && !textLines.contains(event.logLine) && !event.diagnostic.message.startsWith(QLatin1String("linking with"))) {
            const Diagnostic &d = event.diagnostic;
            t.kind = QStringLiteral("rust-error");
            t.args = {d.code.isEmpty() ? QString() : QLatin1Char('[') + d.code + QLatin1Char(']'), d.message};
            t.text = d.rendered.section(QLatin1Char('\n'), 0, 0).trimmed();
            if (d.hasLocation())
                t.location = QStringLiteral("%1:%2:%3").arg(d.printedFile).arg(d.line).arg(d.column);
        } else {
            continue;
        }
        m_matches << SourcedMatch{QStringLiteral("log"), t};
    }
    // Pasted text first, then the log, each in line order.
    std::stable_sort(m_matches.begin(), m_matches.end(), [](const SourcedMatch &a, const SourcedMatch &b) {
        const int ra = a.source == QLatin1String("log") ? 1 : 0;
        const int rb = b.source == QLatin1String("log") ? 1 : 0;
        return ra != rb ? ra < rb : a.match.line < b.match.line;
    });
}

QList<SourcedMatch> DetectorContext::matches(const QString &kind) const
{
    QList<SourcedMatch> out;
    for (const SourcedMatch &m : m_matches) {
        if (m.match.kind == kind)
            out << m;
    }
    return out;
}

bool DetectorContext::has(const QString &id) const
{
    for (const Finding &f : m_findings) {
        if (f.id == id)
            return true;
    }
    return false;
}

Finding &DetectorContext::add(const QString &id, const QString &message, const QList<EvidenceRef> &evidence)
{
    for (Finding &f : m_findings) {
        if (f.id == id) {
            for (const EvidenceRef &e : evidence) {
                if (!f.evidence.contains(e))
                    f.evidence << e;
            }
            if (f.message.isEmpty())
                f.message = message;
            return f;
        }
    }
    Finding f;
    f.id = id;
    f.message = message;
    f.evidence = evidence;
    if (const CatalogueEntry *e = m_catalogue.find(id)) {
        f.severity = e->severity;
        f.title = e->title;
        f.why = e->why;
        f.fix = e->fix;
        // Edits with placeholders ("<the tag that passes>") are documentation; detectors put real ones.
        f.fix.edits.removeIf([](const ConfigEdit &edit) { return edit.value.contains(QLatin1Char('<')); });
        f.links = e->links;
    } else {
        f.title = id;
    }
    m_findings << f;
    return m_findings.last();
}

bool DetectorContext::remove(const QString &id)
{
    return m_findings.removeIf([&id](const Finding &f) { return f.id == id; }) > 0;
}

Finding *DetectorContext::find(const QString &id)
{
    for (Finding &f : m_findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

EvidenceRef DetectorContext::ref(const SourcedMatch &m)
{
    QString location = QStringLiteral("line %1").arg(m.match.line);
    if (!m.match.location.isEmpty())
        location += QStringLiteral(" (") + m.match.location + QLatin1Char(')');
    return {m.source, location, m.match.text};
}

EvidenceRef DetectorContext::lineRef(bool pyproject, int line) const
{
    const QStringList &lines = pyproject ? project().pyprojectLines : project().cargoLines;
    const QString file = pyproject ? QStringLiteral("pyproject.toml")
                                   : (project().cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : project().cargoRelative);
    return {file, QStringLiteral("line %1").arg(line), lines.value(line - 1).trimmed()};
}

EvidenceRef DetectorContext::pyprojectRef(const Setting &s) const { return lineRef(true, s.line); }
EvidenceRef DetectorContext::cargoRef(const Setting &s) const { return lineRef(false, s.line); }

void DetectorContext::addFromWheel(const QString &id, const QStringList &wheelIds, const std::function<QString(const wb::Finding &)> &message)
{
    if (!wheel().present)
        return;
    for (const wb::Finding &wf : wheel().report.findings) {
        if (!wheelIds.contains(wf.id))
            continue;
        Finding &f = add(id, message(wf), {wheelRef(wf.path, wf.message)});
        f.confidence = Confidence::High;
        f.rank = 84;
    }
}

EvidenceRef DetectorContext::wheelRef(const QString &location, const QString &text)
{
    return {QStringLiteral("wheel"), location, text};
}

QString DetectorContext::tomlString(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString DetectorContext::tomlArray(const QStringList &items)
{
    QStringList quoted;
    for (const QString &i : items)
        quoted << tomlString(i);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QList<Finding> DetectorContext::takeFindings() { return std::exchange(m_findings, {}); }

} // namespace wb::diagnose
