#include "core/diagnose/FindingJson.h"

namespace wb::diagnose {

namespace {
QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}
} // namespace

QString editToText(const ConfigEdit &edit)
{
    if (edit.action == ConfigEdit::Action::Remove)
        return QStringLiteral("%1 [%2]: remove %3").arg(edit.file, edit.table, edit.key);
    return QStringLiteral("%1 [%2]: %3 = %4").arg(edit.file, edit.table, edit.key, edit.value);
}

QJsonObject findingToJson(const Finding &f)
{
    QJsonArray evidence;
    for (const EvidenceRef &e : f.evidence)
        evidence.append(QJsonObject{{QStringLiteral("source"), e.source}, {QStringLiteral("location"), e.location}, {QStringLiteral("text"), e.text}});
    QJsonArray edits;
    for (const ConfigEdit &e : f.fix.edits) {
        QJsonObject o{{QStringLiteral("file"), e.file},
                      {QStringLiteral("table"), e.table},
                      {QStringLiteral("key"), e.key},
                      {QStringLiteral("action"), e.action == ConfigEdit::Action::Remove ? QStringLiteral("remove") : QStringLiteral("set")}};
        if (e.action == ConfigEdit::Action::Set)
            o.insert(QStringLiteral("value"), e.value);
        edits.append(o);
    }
    const QJsonObject fix{{QStringLiteral("summary"), f.fix.summary},
                          {QStringLiteral("edits"), edits},
                          {QStringLiteral("commands"), toArray(f.fix.commands)},
                          {QStringLiteral("steps"), toArray(f.fix.steps)}};
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("severity"), severityName(f.severity)},
            {QStringLiteral("confidence"), confidenceName(f.confidence)},
            {QStringLiteral("decisive_lines"), toArray(f.decisiveLines)},
            {QStringLiteral("title"), f.title},
            {QStringLiteral("message"), f.message},
            {QStringLiteral("why"), f.why},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("fix"), fix},
            {QStringLiteral("links"), toArray(f.links)}};
}

QJsonArray findingsToJson(const QList<Finding> &findings)
{
    QJsonArray a;
    for (const Finding &f : findings)
        a.append(findingToJson(f));
    return a;
}

QJsonObject diagnosisToJson(const QList<Finding> &findings, const QStringList &notes)
{
    QJsonObject o{{QStringLiteral("schema_version"), DiagnoseSchemaVersion}, {QStringLiteral("findings"), findingsToJson(findings)}};
    if (!notes.isEmpty())
        o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    return o;
}

QString findingToText(const Finding &f)
{
    QString out = QStringLiteral("%1 [%2] %3 (confidence: %4)\n").arg(severityName(f.severity), f.id, f.title, confidenceName(f.confidence));
    if (!f.message.isEmpty())
        out += QStringLiteral("  %1\n").arg(f.message);
    if (!f.evidence.isEmpty()) {
        out += QStringLiteral("  evidence:\n");
        for (const EvidenceRef &e : f.evidence)
            out += QStringLiteral("    %1 %2: %3\n").arg(e.source, e.location, e.text);
    }
    out += QStringLiteral("  fix: %1\n").arg(f.fix.summary);
    for (const ConfigEdit &e : f.fix.edits)
        out += QStringLiteral("    edit    %1\n").arg(editToText(e));
    for (const QString &c : f.fix.commands)
        out += QStringLiteral("    run     %1\n").arg(c);
    for (const QString &s : f.fix.steps)
        out += QStringLiteral("    step    %1\n").arg(s);
    for (const QString &l : f.links)
        out += QStringLiteral("  see %1\n").arg(l);
    return out;
}

} // namespace wb::diagnose
