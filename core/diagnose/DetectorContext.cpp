#include "core/diagnose/DetectorContext.h"

namespace wb::diagnose {

DetectorContext::DetectorContext(const Evidence &evidence, const Catalogue &catalogue)
    : m_evidence(evidence)
    , m_catalogue(catalogue)
{
    const QList<TextMatch> errors = TextScanner::scan(evidence.errorText);
    for (const TextMatch &m : errors)
        m_matches << SourcedMatch{QStringLiteral("error"), m};
    const QList<TextMatch> log = TextScanner::scan(evidence.logText);
    for (const TextMatch &m : log)
        m_matches << SourcedMatch{QStringLiteral("log"), m};
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
