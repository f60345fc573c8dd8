#include "core/diagnose/Catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace wb::diagnose {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

Severity severityFromName(const QString &name, bool *ok)
{
    if (ok)
        *ok = true;
    if (name == QLatin1String("error"))
        return Severity::Error;
    if (name == QLatin1String("warning"))
        return Severity::Warning;
    if (name == QLatin1String("info"))
        return Severity::Info;
    if (ok)
        *ok = false;
    return Severity::Error;
}

QString confidenceName(Confidence c)
{
    switch (c) {
    case Confidence::High: return QStringLiteral("high");
    case Confidence::Medium: return QStringLiteral("medium");
    case Confidence::Low: return QStringLiteral("low");
    }
    return QStringLiteral("low");
}

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array)
        out << item.toString();
    return out;
}

bool parseFix(const QJsonObject &o, Fix *fix, QString *why)
{
    fix->summary = o.value(u"summary").toString();
    if (fix->summary.isEmpty()) {
        *why = QStringLiteral("fix.summary is missing");
        return false;
    }
    fix->commands = strings(o.value(u"commands"));
    fix->steps = strings(o.value(u"steps"));
    const QJsonArray edits = o.value(u"edits").toArray();
    for (const QJsonValue &v : edits) {
        const QJsonObject e = v.toObject();
        ConfigEdit edit;
        edit.file = e.value(u"file").toString();
        edit.table = e.value(u"table").toString();
        edit.key = e.value(u"key").toString();
        edit.value = e.value(u"value").toString();
        const QString action = e.value(u"action").toString(QStringLiteral("set"));
        if (action == QLatin1String("remove"))
            edit.action = ConfigEdit::Action::Remove;
        else if (action != QLatin1String("set")) {
            *why = QStringLiteral("fix.edits: unknown action '%1'").arg(action);
            return false;
        }
        if (edit.file.isEmpty() || edit.table.isEmpty() || edit.key.isEmpty()
            || (edit.action == ConfigEdit::Action::Set && edit.value.isEmpty())) {
            *why = QStringLiteral("fix.edits: file, table, key (and value for set) are required");
            return false;
        }
        fix->edits << edit;
    }
    return true;
}

} // namespace

Catalogue Catalogue::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return Catalogue();
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return fail(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(u"format").toInt() != 1)
        return fail(QStringLiteral("unknown catalogue format (expected \"format\": 1)"));
    Catalogue c;
    const QJsonArray entries = root.value(u"entries").toArray();
    if (entries.isEmpty())
        return fail(QStringLiteral("no entries"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        CatalogueEntry e;
        e.id = o.value(u"id").toString();
        const QString where = QStringLiteral("entry %1 (%2)").arg(i).arg(e.id.isEmpty() ? QStringLiteral("no id") : e.id);
        if (e.id.isEmpty())
            return fail(where + QStringLiteral(": id is missing"));
        static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        if (!idPattern.match(e.id).hasMatch())
            return fail(where + QStringLiteral(": id must be lower-case words joined by '-'"));
        if (c.m_index.contains(e.id))
            return fail(where + QStringLiteral(": duplicate id"));
        bool ok = false;
        e.severity = severityFromName(o.value(u"severity").toString(), &ok);
        if (!ok)
            return fail(where + QStringLiteral(": severity must be error, warning or info"));
        e.title = o.value(u"title").toString();
        e.why = o.value(u"why").toString();
        e.recognised = strings(o.value(u"recognised"));
        e.links = strings(o.value(u"links"));
        e.since = o.value(u"since").toString();
        e.fixedIn = o.value(u"fixed-in").toString();
        if (e.title.isEmpty() || e.why.isEmpty() || e.recognised.isEmpty() || e.links.isEmpty())
            return fail(where + QStringLiteral(": title, why, recognised and links are required"));
        for (const QString &link : std::as_const(e.links)) {
            if (!link.startsWith(QLatin1String("https://")))
                return fail(where + QStringLiteral(": links must be https URLs"));
        }
        QString why;
        if (!parseFix(o.value(u"fix").toObject(), &e.fix, &why))
            return fail(where + QStringLiteral(": ") + why);
        c.m_index.insert(e.id, c.m_entries.size());
        c.m_entries << e;
    }
    return c;
}

const Catalogue &Catalogue::builtIn()
{
    static const Catalogue catalogue = [] {
        QFile file(QStringLiteral(":/wheelbench/catalogue/catalogue.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("troubleshooting catalogue is not compiled in");
            return Catalogue();
        }
        QString error;
        Catalogue c = fromJson(file.readAll(), &error);
        if (c.isEmpty())
            qWarning("troubleshooting catalogue is invalid: %s", qPrintable(error));
        return c;
    }();
    return catalogue;
}

const CatalogueEntry *Catalogue::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_entries.at(*it);
}

} // namespace wb::diagnose
