#include "core/project/RecoveryStore.h"

#include <QCryptographicHash>
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
QString canonicalDir(const QString &dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}
} // namespace

RecoveryStore::RecoveryStore(const QString &folder)
    : m_folder(folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery")
                                : folder)
{
}

QString RecoveryStore::recordPath(const QString &projectDir) const
{
    const QByteArray key = QCryptographicHash::hash(canonicalDir(projectDir).toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return m_folder + u'/' + QString::fromLatin1(key) + QStringLiteral(".json");
}

bool RecoveryStore::save(const Recovery &recovery, QString *error) const
{
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_folder);
        return false;
    }
    QJsonArray files;
    for (const RecoveredFile &f : recovery.files) {
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("disk_sha256"), QString::fromLatin1(f.diskHash.toHex())},
                                 {QStringLiteral("bytes_base64"), QString::fromLatin1(f.bytes.toBase64())}});
    }
    const QJsonObject root{{QStringLiteral("format"), 1},
                           {QStringLiteral("project"), canonicalDir(recovery.projectDir)},
                           {QStringLiteral("saved"), (recovery.saved.isValid() ? recovery.saved : QDateTime::currentDateTimeUtc())
                                                         .toUTC().toString(Qt::ISODate)},
                           {QStringLiteral("files"), files}};
    QSaveFile out(recordPath(recovery.projectDir));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

std::optional<Recovery> RecoveryStore::load(const QString &projectDir) const
{
    QFile in(recordPath(projectDir));
    if (!in.open(QIODevice::ReadOnly) || in.size() > MaxRecordSize)
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    if (root.value(QStringLiteral("format")).toInt() != 1 || root.value(QStringLiteral("project")).toString() != canonicalDir(projectDir))
        return std::nullopt;
    Recovery r;
    r.projectDir = canonicalDir(projectDir);
    r.saved = QDateTime::fromString(root.value(QStringLiteral("saved")).toString(), Qt::ISODate);
    const QJsonArray files = root.value(QStringLiteral("files")).toArray();
    for (const QJsonValue &v : files) {
        const QJsonObject o = v.toObject();
        RecoveredFile f;
        f.path = o.value(QStringLiteral("path")).toString();
        f.diskHash = QByteArray::fromHex(o.value(QStringLiteral("disk_sha256")).toString().toLatin1());
        const auto decoded = QByteArray::fromBase64Encoding(o.value(QStringLiteral("bytes_base64")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (f.path.isEmpty() || !decoded)
            return std::nullopt;
        f.bytes = *decoded;
        r.files << f;
    }
    if (r.files.isEmpty())
        return std::nullopt;
    return r;
}

void RecoveryStore::remove(const QString &projectDir) const
{
    QFile::remove(recordPath(projectDir));
}

} // namespace wb
