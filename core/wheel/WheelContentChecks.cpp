#include "core/wheel/WheelInspectionSteps.h"

#include "core/wheel/WheelNames.h"
#include "core/wheel/RecordEntries.h"

#include <algorithm>
#include <vector>

namespace wb {

using namespace wheelnames;

void WheelInspectionSteps::recordProblem(const QString &p, const QString &kind, const QString &msg)
{
    rep.record.problems.append({p, msg, kind});
}

void WheelInspectionSteps::checkRecordRows()
{
    FindingList &F = rep.findings;
    // 6. RECORD
    recordPath = di + QStringLiteral("RECORD");
    if (!rep.distInfo.isEmpty() && byName.contains(recordPath)) {
        rep.record.present = true;
        // RECORD lists the members in the archive's order: the member after the last one matched is
        // usually the row's, and its name (ASCII, so decoded alike) is shared instead of decoded again.
        qsizetype next = 0;
        const auto pathOf = [&](QByteArrayView bytes) -> QString {
            while (next < scan.entries.size() && scan.entries.at(next).isDirectory)
                ++next;
            if (next < scan.entries.size() && QByteArrayView(scan.entries.at(next).rawName) == bytes && isAscii(bytes))
                return scan.entries.at(next++).name;
            return QString::fromUtf8(bytes);
        };
        if (!recordPrefetch || !recordPrefetch->take(*byName.value(recordPath), &rf))
            rf = RecordFile::parse(readText(recordPath), 1000000, pathOf);
        rep.record.rows = int(rf.rows.size());
        for (const RecordIssue &i : rf.issues) {
            recordProblem(i.path, i.kind, QStringLiteral("RECORD line %1: %2").arg(i.line).arg(i.message));
            if (!i.path.isEmpty())
                badRowPaths.insert(i.path);
        }
        match = RecordMatch::match(scan.entries, rf.rows);
        // RECORD's own row is "<dist-info>/RECORD,,": it cannot hold its own hash.
        const qsizetype selfRow = match.rowOfEntry.at(byName.value(recordPath) - scan.entries.constData());
        const RecordRow *self = selfRow >= 0 ? &rf.rows.at(selfRow) : nullptr;
        if (!self && !badRowPaths.contains(recordPath))
            addFinding(F, QStringLiteral("record.self-missing"), S::Info,
                       QStringLiteral("RECORD does not list itself (its own row is written '%1,,')").arg(recordPath), recordPath);
        else if (self && (!self->algorithm.isEmpty() || self->size >= 0))
            addFinding(F, QStringLiteral("record.self-hashed"), S::Warning,
                       QStringLiteral("RECORD's own row carries a hash or a size; it must be '%1,,' (installers that validate RECORD reject it)").arg(recordPath),
                       recordPath);
        for (qsizetype k = 0; k < rf.rows.size(); ++k) {
            const RecordRow &r = rf.rows.at(k);
            if (r.path == recordPath)
                continue;
            if (r.path.endsWith(QLatin1Char('/'))) {
                bool found = false;
                for (const ZipEntryRecord &e : scan.entries)
                    if (e.name.startsWith(r.path)) {
                        found = true;
                        break;
                    }
                if (!found)
                    recordProblem(r.path, QStringLiteral("FileMissingError"),
                                  QStringLiteral("File declared in RECORD not found in archive: '%1'").arg(r.path));
                continue;
            }
            const qsizetype entry = match.entryOfRow.at(k);
            if (entry < 0) {
                recordProblem(r.path, QStringLiteral("FileMissingError"),
                              QStringLiteral("File declared in RECORD not found in archive: '%1'").arg(r.path));
                continue;
            }
            if (r.algorithm.isEmpty() && r.size < 0)
                recordProblem(r.path, QStringLiteral("NullEntryError"),
                              QStringLiteral("RECORD entry for '%1' lacks both digest and size").arg(r.path));
            else if (r.size >= 0 && qint64(scan.entries.at(entry).uncompressedSize) != r.size)
                recordProblem(r.path, QStringLiteral("RecordSizeMismatchError"),
                              QStringLiteral("Size of file '%1' listed as %2 in RECORD, actually %3")
                                  .arg(r.path).arg(r.size).arg(scan.entries.at(entry).uncompressedSize));
        }
        const QString jws = di + QStringLiteral("RECORD.jws"), p7s = di + QStringLiteral("RECORD.p7s");
        for (qsizetype j = 0; j < scan.entries.size(); ++j) {
            const ZipEntryRecord &e = scan.entries.at(j);
            if (e.isDirectory || match.rowOfEntry.at(j) >= 0 || e.name == recordPath || (!badRowPaths.isEmpty() && badRowPaths.contains(e.name)))
                continue;
            if (e.name == jws || e.name == p7s)
                continue;
            recordProblem(e.name, QStringLiteral("ExtraFileError"), QStringLiteral("File not declared in RECORD: '%1'").arg(e.name));
        }
    } else if (!rep.distInfo.isEmpty()) {
        recordProblem(recordPath, QStringLiteral("MissingRecordError"), QStringLiteral("No RECORD file in wheel"));
    }
}

void WheelInspectionSteps::finishRecord()
{
    FindingList &F = rep.findings;
    rep.record.ok = rep.record.present && rep.record.problems.isEmpty();
    if (options.recordRows)
        rep.record.entries = recordEntries(rf, rep.files, rep.record.problems, rep.record.present ? recordPath : QString(), rep.record.verified,
                                       &match); // empty without a RECORD
    for (const RecordProblem &p : std::as_const(rep.record.problems))
        addFinding(F, QStringLiteral("record.") + p.kind, S::Error, p.problem, p.path);
}

} // namespace wb
