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
                                 const QList<RecordProblem> &problems, const QString &recordPath, bool hashed,
                                 const RecordMatch *match)
{
    // Without a match, rows and files are matched by name here (a row keeps the last copy of its name).
    RecordMatch byName;
    if (!match) {
        QHash<QString, qsizetype> fileIndex, rowIndex;
        for (qsizetype i = 0; i < files.size(); ++i)
            if (!files.at(i).isDirectory)
                fileIndex.insert(files.at(i).path, i);
        for (qsizetype k = 0; k < record.rows.size(); ++k) {
            rowIndex.insert(record.rows.at(k).path, k);
            byName.entryOfRow.append(fileIndex.value(record.rows.at(k).path, -1));
        }
        for (const WheelFileEntry &f : files)
            byName.rowOfEntry.append(f.isDirectory ? -1 : rowIndex.value(f.path, -1));
        match = &byName;
    }
    QHash<QString, QList<const RecordProblem *>> problemsOf;
    for (const RecordProblem &p : problems)
        if (p.kind != QLatin1String("MissingRecordError"))
            problemsOf[p.path].append(&p);

    QList<RecordEntry> out;
    out.reserve(record.rows.size() + 16);
    auto finish = [&](RecordEntry &e) {
        const auto found = problemsOf.isEmpty() ? problemsOf.constEnd() : problemsOf.constFind(e.path);
        if (found != problemsOf.constEnd()) {
            e.status = statusOf(found->first()->kind);   // missing and size problems come before digest ones
            QStringList messages;
            for (const RecordProblem *p : *found)
                messages.append(p->problem);
            e.problem = messages.join(QStringLiteral("; "));
        }
        out.append(std::move(e));
    };
    // RecordFile keeps one row per path (repeats are reported as conflicts), so rows need no set.
    for (qsizetype k = 0; k < record.rows.size(); ++k) {
        const RecordRow &r = record.rows.at(k);
        RecordEntry e;
        e.path = r.path;
        if (!r.algorithm.isEmpty())
            e.recordDigest = r.algorithm + QLatin1Char('=') + r.digestText();
        e.recordSize = r.size;
        if (const qsizetype f = match->entryOfRow.value(k, -1); f >= 0)
            e.archiveSize = files.at(f).size;
        const bool hashable = !r.digest.isEmpty() && e.archiveSize >= 0 && r.path != recordPath;
        e.status = hashed && hashable ? RecordEntry::Status::Verified : RecordEntry::Status::NotHashed;
        finish(e);
    }
    // Rows RECORD could not parse into a row (bad CSV, ...) still have problems with a path.
    QSet<QString> listed;
    if (!problemsOf.isEmpty()) {
        QSet<QString> inRecord, archivePaths;
        for (const RecordRow &r : record.rows)
            inRecord.insert(r.path);
        for (const WheelFileEntry &f : files)
            if (!f.isDirectory)
                archivePaths.insert(f.path);
        for (const RecordProblem &p : problems)
            if (!p.path.isEmpty() && !inRecord.contains(p.path) && !archivePaths.contains(p.path) && !listed.contains(p.path)
                && p.kind != QLatin1String("MissingRecordError")) {
                listed.insert(p.path);
                RecordEntry e;
                e.path = p.path;
                finish(e);
            }
    }
    const QString ownPrefix = recordPath + QLatin1Char('.');
    for (qsizetype i = 0; i < files.size(); ++i) {
        const WheelFileEntry &f = files.at(i);
        // Every copy of a listed name (a duplicate member) has its row.
        if (f.isDirectory || match->rowOfEntry.value(i, -1) >= 0 || listed.contains(f.path))
            continue;
        listed.insert(f.path);
        RecordEntry e;
        e.path = f.path;
        e.archiveSize = f.size;
        // RECORD itself when it does not list itself, and its signatures, are never listed.
        const bool own = !recordPath.isEmpty() && (f.path == recordPath || f.path.startsWith(ownPrefix));
        e.status = own ? RecordEntry::Status::NotHashed : RecordEntry::Status::NotListed;
        if (recordPath.isEmpty())
            e.problem = QStringLiteral("the wheel has no RECORD");
        finish(e);
    }
    return out;
}

} // namespace wb
