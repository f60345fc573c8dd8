#include "ui/troubleshoot/FindingDetailHtml.h"

#include "core/diagnose/FindingJson.h"

namespace wb::ui {

QString findingDetailHtml(const diagnose::Finding &f)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(f.title));
    html += QStringLiteral("<p><code>%1</code> · %2 · %3</p>")
                .arg(esc(f.id), esc(diagnose::severityName(f.severity)),
                     esc(QObject::tr("confidence: %1").arg(diagnose::confidenceName(f.confidence))));
    if (!f.message.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(esc(f.message));
    html += QStringLiteral("<p>%1</p>").arg(esc(f.why));
    if (!f.evidence.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(QObject::tr("Evidence")));
        for (const diagnose::EvidenceRef &e : f.evidence)
            html += QStringLiteral("<li>%1 <i>%2</i><br><code>%3</code></li>").arg(esc(e.source), esc(e.location), esc(e.text));
        html += QStringLiteral("</ul>");
    }
    if (!f.decisiveLines.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(esc(QObject::tr("Decisive lines")));
        for (const QString &l : f.decisiveLines)
            html += QStringLiteral("<li><code>%1</code></li>").arg(esc(l));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(QObject::tr("Fix")), esc(f.fix.summary));
    if (!f.fix.edits.isEmpty() || !f.fix.commands.isEmpty() || !f.fix.steps.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const diagnose::ConfigEdit &e : f.fix.edits)
            html += QStringLiteral("<li>%1 <code>%2</code></li>").arg(esc(QObject::tr("Edit")), esc(diagnose::editToText(e)));
        for (const QString &c : f.fix.commands)
            html += QStringLiteral("<li>%1 <code>%2</code></li>").arg(esc(QObject::tr("Run")), esc(c));
        for (const QString &s : f.fix.steps)
            html += QStringLiteral("<li>%1</li>").arg(esc(s));
        html += QStringLiteral("</ul>");
    }
    if (!f.links.isEmpty()) {
        html += QStringLiteral("<p>");
        for (const QString &l : f.links)
            html += QStringLiteral("<a href=\"%1\">%1</a><br>").arg(esc(l));
        html += QStringLiteral("</p>");
    }
    return html;
}

} // namespace wb::ui
