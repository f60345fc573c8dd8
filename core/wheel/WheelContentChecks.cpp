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

bool WheelInspectionSteps::verifyContents()
{
    FindingList &F = rep.findings;
    // 7. Contents: hash every member (in parallel), compare with RECORD and the ZIP CRC. Native files
    // are analysed from the bytes hashed, so they are not read twice.
    if (options.verifyHashes) {
        QList<MemberReader::Job> jobs;
        QList<QPair<QString, QString>> viaKZip;
        const QString sha256 = QStringLiteral("sha256");
        jobs.reserve(scan.entries.size());
        for (qsizetype j = 0; j < scan.entries.size(); ++j) {
            const ZipEntryRecord &e = scan.entries.at(j);
            if (e.isDirectory || e.isSymlink)
                continue;
            const qsizetype row = match.rowOfEntry.value(j, -1);
            const RecordRow *it = row >= 0 ? &rf.rows.at(row) : nullptr;
            const QString alg = it && !it->algorithm.isEmpty() ? it->algorithm : sha256;
            if (members.canRead(e))
                jobs.append({&e, alg, it && it->algorithm == alg ? it->digest : QByteArray(),
                             native[size_t(j)] && qint64(e.uncompressedSize) <= options.maxBinaryBytes});
            else
                viaKZip.append({e.name, alg});
        }
        MemberReader::HashOptions ho;
        ho.threads = options.threads;
        ho.maxBytesPerEntry = qint64(ZipLimits{}.maxEntrySize);
        ho.maxBinaryBytes = options.maxBinaryBytes;
        ho.progress = options.progress;
        ho.cancel = options.cancel;
        // Each digest goes with its entry's index (rep.files lists scan.entries in order); those read
        // through KZip are found by name.
        QList<MemberDigest> digests;
        QList<qsizetype> entryIndex;
        digests.reserve(jobs.size() + viaKZip.size());
        entryIndex.reserve(jobs.size() + viaKZip.size());
        QList<MemberReader::Result> hashed = MemberReader::hashAll(path, jobs, ho);
        if (options.cancel && options.cancel->load()) {
            rep.cancelled = true;
            return false;
        }
        for (MemberReader::Result &r : hashed) {
            digests.append(r.digest);
            entryIndex.append(-1);
            if (r.binaryAnalysed)
                analysed.insert(r.digest.name, std::move(r));
        }
        for (qsizetype i = 0; i < jobs.size(); ++i)
            entryIndex[i] = jobs.at(i).entry - scan.entries.constData();
        if (!viaKZip.isEmpty()) {
            if (kzipReader())
                digests += ArchiveReader::hashMany(path, viaKZip, ho.maxBytesPerEntry, options.threads);
            else
                for (const auto &[name, alg] : std::as_const(viaKZip))
                    digests.append(MemberDigest{name, alg, {}, 0, 0, QStringLiteral("the member's data cannot be located")});
            QHash<QString, qsizetype> indexOf;
            for (qsizetype i = 0; i < scan.entries.size(); ++i)
                indexOf.insert(scan.entries.at(i).name, i);
            for (qsizetype i = entryIndex.size(); i < digests.size(); ++i)
                entryIndex.append(indexOf.value(digests.at(i).name, -1));
        }
        // Same content twice: (digest, size) pairs sorted, equal neighbours grouped.
        struct Signature {
            QByteArray digest;
            qint64 size;
            qsizetype digestIndex;
        };
        std::vector<Signature> signatures;
        signatures.reserve(size_t(digests.size()));
        for (qsizetype i = 0; i < digests.size(); ++i) {
            const MemberDigest &d = digests.at(i);
            const qsizetype idx = entryIndex.at(i);
            const ZipEntryRecord *e = idx >= 0 ? &scan.entries.at(idx) : findEntry(d.name);
            if (!d.error.isEmpty()) {
                addFinding(F, QStringLiteral("zip.corrupt-data"), S::Error, d.error, d.name);
                continue;
            }
            if (e && d.size != qint64(e->uncompressedSize))
                addFinding(F, QStringLiteral("zip.size-mismatch"), S::Error,
                           QStringLiteral("the archive declares %1 bytes, the data has %2").arg(e->uncompressedSize).arg(d.size), d.name);
            else if (e && d.crcComputed && d.crc != e->crc)
                addFinding(F, QStringLiteral("zip.crc-mismatch"), S::Error,
                           QStringLiteral("CRC-32 of the data does not match the archive (corrupt member)"), d.name);
            if (idx >= 0)
                rep.files[idx].digest = d.algorithm + QLatin1Char('=') + QLatin1StringView(urlsafeB64NoPad(d.digest));
            if (d.size > 64 && !d.name.startsWith(di)) // tiny common files (markers, empty modules) are exempt
                signatures.push_back({d.digest, d.size, i});
            const qsizetype row = idx >= 0 ? match.rowOfEntry.value(idx, -1) : -1;
            const RecordRow *it = row >= 0 ? &rf.rows.at(row) : nullptr;
            if (it && !it->digest.isEmpty() && it->digest != d.digest && d.name != recordPath)
                recordProblem(d.name, QStringLiteral("RecordDigestMismatchError"),
                              QStringLiteral("%1 digest of file '%2' listed as %3 in RECORD, actually %4")
                                  .arg(d.algorithm, d.name, QString::fromLatin1(it->digest.toHex()), QString::fromLatin1(d.digest.toHex())));
        }
        std::sort(signatures.begin(), signatures.end(), [](const Signature &a, const Signature &b) {
            return a.size != b.size ? a.size < b.size : a.digest < b.digest;
        });
        QList<QStringList> duplicates;
        for (size_t i = 0; i < signatures.size();) {
            size_t j = i + 1;
            while (j < signatures.size() && signatures[j].size == signatures[i].size && signatures[j].digest == signatures[i].digest)
                ++j;
            if (j - i >= 2) {
                QStringList names;
                for (size_t k = i; k < j; ++k)
                    names.append(digests.at(signatures[k].digestIndex).name);
                names.sort();
                // The key was digest + decimal size: tiny __init__.py twins are exempt.
                const qsizetype keySize = signatures[i].digest.size() + QByteArray::number(signatures[i].size).size();
                if (!(names.first().endsWith(QLatin1String("__init__.py")) && keySize < 40))
                    duplicates.append(names);
            }
            i = j;
        }
        std::sort(duplicates.begin(), duplicates.end(), [](const QStringList &a, const QStringList &b) { return a.first() < b.first(); });
        for (const QStringList &names : std::as_const(duplicates))
            addFinding(F, QStringLiteral("content.duplicate-files"), S::Warning,
                       QStringLiteral("Wheel contains duplicate files: %1").arg(names.join(QStringLiteral(", "))), names.first());
        rep.record.verified = rep.record.present;
    }
    return true;
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
