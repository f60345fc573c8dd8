#include "ui/troubleshoot/FindingDetailHtml.h"

#include "core/diagnose/FindingJson.h"

#include <QDir>
#include <QRegularExpression>

namespace wb::ui {

int evidenceLine(const diagnose::EvidenceRef &e)
{
    // A file of the project (pyproject.toml, rust/Cargo.toml, src/lib.rs), not the pasted text, the log
    // or the wheel, at "line N".
    static const QRegularExpression lineAt(QStringLiteral("^line (\\d+)"));
    if (!e.source.contains(u'.') || e.source.contains(u' ') || QDir::isAbsolutePath(e.source))
        return 0;
    const QRegularExpressionMatch m = lineAt.match(e.location);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QUrl evidenceLink(const QString &relativeFile, int line)
{
    QUrl url;
    url.setScheme(QStringLiteral("wheelbench-evidence"));
    url.setPath(relativeFile);
    url.setFragment(QString::number(line));
    return url;
}

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
        for (const diagnose::EvidenceRef &e : f.evidence) {
            const int line = evidenceLine(e);
            QString place = QStringLiteral("%1 <i>%2</i>").arg(esc(e.source), esc(e.location));
            if (line > 0)  // a line of the project's files: opens there
                place = QStringLiteral("<a href=\"%1\">%2 <i>%3</i></a>").arg(esc(evidenceLink(e.source, line).toString()), esc(e.source), esc(e.location));
            else if (e.location.startsWith(QLatin1String("https://")))  // a reported failure's thread
                place = QStringLiteral("%1 <a href=\"%2\"><i>%2</i></a>").arg(esc(e.source), esc(e.location));
            html += QStringLiteral("<li>%1<br><code>%2</code></li>").arg(place, esc(e.text));
        }
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
