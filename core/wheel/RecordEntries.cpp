#include "core/wheel/RecordEntries.h"

#include <QHash>
#include <QSet>

namespace wb {

QString RecordEntry::statusName(Status s)
{
    switch (s) {
    case Status::Verified: return QStringLiteral("verified");
    case Status::NotHashed: return QStringLiteral("not hashed");
    case Status::HashMismatch: return QStringLiteral("hash mismatch");
    case Status::SizeMismatch: return QStringLiteral("size mismatch");
    case Status::Missing: return QStringLiteral("missing from the archive");
    case Status::NotListed: return QStringLiteral("not listed in RECORD");
    case Status::Invalid: return QStringLiteral("invalid RECORD row");
    }
    return {};
}

namespace {

RecordEntry::Status statusOf(const QString &kind)
{
    if (kind == QLatin1String("RecordDigestMismatchError"))
        return RecordEntry::Status::HashMismatch;
    if (kind == QLatin1String("RecordSizeMismatchError"))
        return RecordEntry::Status::SizeMismatch;
    if (kind == QLatin1String("FileMissingError"))
        return RecordEntry::Status::Missing;
    if (kind == QLatin1String("ExtraFileError"))
        return RecordEntry::Status::NotListed;
    return RecordEntry::Status::Invalid;
}

} // namespace

QList<RecordEntry> recordEntries(const RecordFile &record, const QList<WheelFileEntry> &files,
                                 const QList<RecordProblem> &problems, const QString &recordPath, bool hashed)
{
    QHash<QString, const WheelFileEntry *> inArchive;
    inArchive.reserve(files.size());
    for (const WheelFileEntry &f : files)
        if (!f.isDirectory)
            inArchive.insert(f.path, &f);
    QHash<QString, QList<const RecordProblem *>> problemsOf;
    for (const RecordProblem &p : problems)
        if (p.kind != QLatin1String("MissingRecordError"))
            problemsOf[p.path].append(&p);

    QList<RecordEntry> out;
    out.reserve(record.rows.size() + 16);
    QSet<QString> listed;
    auto finish = [&](RecordEntry &e) {
        const QList<const RecordProblem *> found = problemsOf.value(e.path);
        if (!found.isEmpty()) {
            e.status = statusOf(found.first()->kind);   // missing and size problems come before digest ones
            QStringList messages;
            for (const RecordProblem *p : found)
                messages.append(p->problem);
            e.problem = messages.join(QStringLiteral("; "));
        }
        out.append(e);
    };
    for (const RecordRow &r : record.rows) {
        if (listed.contains(r.path))
            continue;   // a repeated row is reported as a conflict on the first
        listed.insert(r.path);
        RecordEntry e;
        e.path = r.path;
        e.recordDigest = r.algorithm.isEmpty() ? r.digestText : r.algorithm + QLatin1Char('=') + r.digestText;
        e.recordSize = r.size;
        if (const WheelFileEntry *f = inArchive.value(r.path))
            e.archiveSize = f->size;
        const bool hashable = !r.digest.isEmpty() && e.archiveSize >= 0 && r.path != recordPath;
        e.status = hashed && hashable ? RecordEntry::Status::Verified : RecordEntry::Status::NotHashed;
        finish(e);
    }
    // Rows RECORD could not parse into a row (bad CSV, ...) still have problems with a path.
    for (const RecordProblem &p : problems)
        if (!p.path.isEmpty() && !listed.contains(p.path) && !inArchive.contains(p.path) && p.kind != QLatin1String("MissingRecordError")) {
            listed.insert(p.path);
            RecordEntry e;
            e.path = p.path;
            finish(e);
        }
    for (const WheelFileEntry &f : files) {
        if (f.isDirectory || listed.contains(f.path))
            continue;
        listed.insert(f.path);
        RecordEntry e;
        e.path = f.path;
        e.archiveSize = f.size;
        // RECORD itself when it does not list itself, and its signatures, are never listed.
        const bool own = !recordPath.isEmpty() && (f.path == recordPath || f.path.startsWith(recordPath + QLatin1Char('.')));
        e.status = own ? RecordEntry::Status::NotHashed : RecordEntry::Status::NotListed;
        if (recordPath.isEmpty())
            e.problem = QStringLiteral("the wheel has no RECORD");
        finish(e);
    }
    return out;
}

} // namespace wb
