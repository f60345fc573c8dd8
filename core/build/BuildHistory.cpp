#include "core/build/BuildHistory.h"

#include "core/build/BuildResult.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace wb {

namespace {

QString keyOf(const QString &projectDir)
{
    const QString canonical = QFileInfo(projectDir).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(projectDir).absoluteFilePath()) : canonical;
}

QJsonObject load(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 * 1024 * 1024));
    return doc.isObject() ? doc.object() : QJsonObject();
}

QJsonObject toJson(const BuildRecord &r)
{
    QJsonArray artifacts;
    for (const BuildArtifact &a : r.artifacts)
        artifacts.append(QJsonObject{{QStringLiteral("path"), a.path}, {QStringLiteral("size"), double(a.size)}});
    QJsonObject o{{QStringLiteral("kind"), r.kind.isEmpty() ? QStringLiteral("build") : r.kind},
                  {QStringLiteral("when"), r.when.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("durationMs"), double(r.durationMs)},
                  {QStringLiteral("outcome"), r.outcome},
                  {QStringLiteral("command"), r.command},
                  {QStringLiteral("errors"), r.errors},
                  {QStringLiteral("warnings"), r.warnings},
                  {QStringLiteral("artifacts"), artifacts}};
    if (r.testsPassed >= 0 || r.testsFailed >= 0) {
        o.insert(QStringLiteral("testsPassed"), r.testsPassed);
        o.insert(QStringLiteral("testsFailed"), r.testsFailed);
    }
    return o;
}

BuildRecord fromJson(const QJsonObject &o)
{
    BuildRecord r;
    r.kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("build"));
    r.testsPassed = o.value(QStringLiteral("testsPassed")).toInt(-1);
    r.testsFailed = o.value(QStringLiteral("testsFailed")).toInt(-1);
    r.when = QDateTime::fromString(o.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs);
    r.durationMs = qint64(o.value(QStringLiteral("durationMs")).toDouble());
    r.outcome = o.value(QStringLiteral("outcome")).toString();
    r.command = o.value(QStringLiteral("command")).toString();
    r.errors = o.value(QStringLiteral("errors")).toInt();
    r.warnings = o.value(QStringLiteral("warnings")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("artifacts")).toArray()) {
        const QJsonObject a = v.toObject();
        r.artifacts.append({a.value(QStringLiteral("path")).toString(), qint64(a.value(QStringLiteral("size")).toDouble(-1))});
    }
    return r;
}

bool save(const QString &file, const QJsonObject &root, QString *error)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file, f.errorString());
        return false;
    }
    return true;
}

} // namespace

BuildRecord BuildRecord::of(const QString &kind, const BuildResult &result)
{
    BuildRecord record;
    record.kind = kind;
    if (kind == u"test") {
        record.testsPassed = result.testsPassed;
        record.testsFailed = result.testsFailed;
    }
    record.when = QDateTime::currentDateTimeUtc().addMSecs(-result.elapsedMs);
    record.durationMs = result.elapsedMs;
    record.outcome = BuildResult::outcomeName(result.outcome);
    record.command = result.commandLine;
    record.errors = result.errors;
    record.warnings = result.warnings;
    for (const QString &artifact : result.artifacts)
        record.artifacts.append({artifact, QFileInfo::exists(artifact) ? QFileInfo(artifact).size() : -1});
    return record;
}

BuildHistory::BuildHistory(QString file, int maxPerProject)
    : m_file(std::move(file))
    , m_max(qMax(1, maxPerProject))
{
}

QString BuildHistory::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/build-history.json");
}

QList<BuildRecord> BuildHistory::records(const QString &projectDir) const
{
    QList<BuildRecord> out;
    const QJsonObject projects = load(m_file).value(QStringLiteral("projects")).toObject();
    for (const QJsonValue &v : projects.value(keyOf(projectDir)).toArray())
        out.append(fromJson(v.toObject()));
    return out;
}

bool BuildHistory::add(const QString &projectDir, const BuildRecord &record, QString *error)
{
    QJsonObject root = load(m_file);
    QJsonObject projects = root.value(QStringLiteral("projects")).toObject();
    QJsonArray list = projects.value(keyOf(projectDir)).toArray();
    list.prepend(toJson(record));
    while (list.size() > m_max)
        list.removeLast();
    projects.insert(keyOf(projectDir), list);
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("projects"), projects);
    return save(m_file, root, error);
}

bool BuildHistory::clear(const QString &projectDir, QString *error)
{
    QJsonObject root = load(m_file);
    QJsonObject projects = root.value(QStringLiteral("projects")).toObject();
    projects.remove(keyOf(projectDir));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("projects"), projects);
    return save(m_file, root, error);
}

} // namespace wb
