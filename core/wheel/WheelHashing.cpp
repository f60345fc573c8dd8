// The full run's hashing: every member inflated and hashed on background threads from the moment the
// structure is known (while WHEEL, METADATA and RECORD are checked), then compared with RECORD and
// the archive's CRC-32, duplicates found, native files analysed from the bytes hashed.
#include "core/wheel/WheelInspectionSteps.h"

#include "core/wheel/ArchiveReader.h"
#include "core/wheel/PathSet.h"
#include "core/wheel/WheelNames.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace wb {

namespace {

const QString &sha256()
{
    static const QString name = QStringLiteral("sha256");
    return name;
}

} // namespace

// What every hashing of this run shares: threads, the entry bound, cancel, where the data ends.
MemberReader::HashOptions WheelInspectionSteps::hashOptions() const
{
    MemberReader::HashOptions ho;
    ho.threads = options.threads;
    ho.maxBytesPerEntry = qint64(ZipLimits{}.maxEntrySize);
    ho.maxBinaryBytes = options.maxBinaryBytes;
    ho.cancel = options.cancel;
    ho.dataEnd = scan.centralDirectoryOffset;
    return ho;
}

void WheelInspectionSteps::startHashing()
{
    // RECORD is not read yet: every member is hashed with SHA-256 (what nearly every RECORD uses;
    // rows naming another algorithm are hashed again with it) and its CRC-32 computed.
    QList<MemberReader::Job> hashJobs;
    hashJobs.reserve(scan.entries.size());
    entryOfJob.reserve(scan.entries.size());
    const bool judged = headerReadByScan.size() == size_t(scan.entries.size());
    for (qsizetype j = 0; j < scan.entries.size(); ++j) {
        const ZipEntryRecord &e = scan.entries.at(j);
        if (e.isDirectory || e.isSymlink)
            continue;
        const bool readByScan = !judged || headerReadByScan[size_t(j)];
        // A header left to the workers belongs to a stored or deflated, unencrypted member (the scan
        // read all others).
        if (!readByScan || members.canRead(e)) {
            hashJobs.append({&e, sha256(), native[size_t(j)] && qint64(e.uncompressedSize) <= options.maxBinaryBytes});
            entryOfJob.append(j);
        } else {
            viaKZip.append({e.name, sha256()});
        }
    }
    MemberReader::HashOptions ho = hashOptions();
    ho.progress = options.progress;
    hashRun = std::make_unique<MemberReader::HashRun>(path, hashJobs, ho);
}

// The local headers the workers read: their data offsets go into the scan, what disagreed and the
// spans (truncation, overlap) join the scan's findings where those end.
void WheelInspectionSteps::addDeferredHeaderFindings(const QList<MemberReader::Result> &hashed, const QList<qsizetype> &entryOf)
{
    FindingList found;
    for (qsizetype i = 0; i < hashed.size(); ++i) {
        ZipEntryRecord &e = scan.entries[entryOf.at(i)];
        if (e.dataOffset != 0)
            continue;
        e.dataOffset = hashed.at(i).dataOffset;
        for (const NameProblem &p : hashed.at(i).headerProblems)
            addFinding(found, p.id, S::Error, p.message, e.name);
    }
    found += ZipScan::spanFindings(scan.entries, scan.centralDirectoryOffset);
    if (!found.isEmpty())
        rep.findings.insert(scanFindingsEnd, found.size(), Finding{});
    std::move(found.begin(), found.end(), rep.findings.begin() + scanFindingsEnd);
}

// Rows of RECORD that name another algorithm than SHA-256: their members hashed again with it.
void WheelInspectionSteps::rehashOtherAlgorithms(QList<MemberReader::Result> &hashed, const QList<qsizetype> &entryOf)
{
    // Nearly every RECORD names SHA-256 alone: one pass over its rows says so.
    if (std::all_of(rf.rows.cbegin(), rf.rows.cend(), [](const RecordRow &r) { return r.algorithm.isEmpty() || r.algorithm == sha256(); }))
        return;
    QList<MemberReader::Job> again;
    QList<qsizetype> where;
    for (qsizetype i = 0; i < hashed.size(); ++i) {
        const qsizetype row = match.rowOfEntry.value(entryOf.at(i), -1);
        const ZipEntryRecord &e = scan.entries.at(entryOf.at(i));
        if (row < 0 || e.dataOffset == 0 || !hashed.at(i).digest.error.isEmpty())
            continue;
        const QString &alg = rf.rows.at(row).algorithm;
        if (alg.isEmpty() || alg == sha256())
            continue;
        again.append({&e, alg, false});
        where.append(i);
    }
    if (again.isEmpty())
        return;
    const QList<MemberReader::Result> rehashed = MemberReader::hashAll(path, again, hashOptions());
    for (qsizetype k = 0; k < rehashed.size(); ++k)
        hashed[where.at(k)].digest = rehashed.at(k).digest;
}

bool WheelInspectionSteps::verifyContents()
{
    // 7. Contents: wait for the hashing, compare with RECORD and the ZIP CRC. Native files are
    // analysed from the bytes hashed, so they are not read twice. The results stay with the steps
    // (a command leaves them to the process's end).
    hashResults = hashRun->wait();
    hashRun.reset();
    if (options.cancel && options.cancel->load()) {
        rep.cancelled = true;
        return false;
    }
    addDeferredHeaderFindings(hashResults, entryOfJob);
    rehashOtherAlgorithms(hashResults, entryOfJob);
    // Each digest goes with its entry's index (rep.files lists scan.entries in order); those read
    // through KZip are found by name.
    QList<const MemberDigest *> digests;
    QList<qsizetype> entryIndex = entryOfJob;
    digests.reserve(hashResults.size() + viaKZip.size());
    for (const MemberReader::Result &r : std::as_const(hashResults)) {
        digests.append(&r.digest);
        if (r.binaryAnalysed)
            analysed.insert(r.digest.name, r);
    }
    QList<MemberDigest> kzipDigests;
    if (!viaKZip.isEmpty()) {
        if (kzipReader())
            kzipDigests = ArchiveReader::hashMany(path, viaKZip, qint64(ZipLimits{}.maxEntrySize), options.threads);
        else
            for (const auto &[name, alg] : std::as_const(viaKZip))
                kzipDigests.append(MemberDigest{name, alg, {}, 0, 0, QStringLiteral("the member's data cannot be located")});
        QHash<QString, qsizetype> indexOf;
        for (qsizetype i = 0; i < scan.entries.size(); ++i)
            indexOf.insert(scan.entries.at(i).name, i);
        for (const MemberDigest &d : std::as_const(kzipDigests)) {
            digests.append(&d);
            entryIndex.append(indexOf.value(d.name, -1));
        }
    }
    compareDigests(digests, entryIndex);
    rep.record.verified = rep.record.present;
    return true;
}

void WheelInspectionSteps::compareDigests(const QList<const MemberDigest *> &digests, const QList<qsizetype> &entryIndex)
{
    FindingList &F = rep.findings;
    std::vector<qsizetype> contentCandidates; // members whose content may repeat elsewhere
    contentCandidates.reserve(size_t(digests.size()));
    for (qsizetype i = 0; i < digests.size(); ++i) {
        const MemberDigest &d = *digests.at(i);
        const qsizetype idx = entryIndex.at(i);
        const ZipEntryRecord *e = idx >= 0 ? &scan.entries.at(idx) : findEntry(d.name);
        if (!d.error.isEmpty()) {
            addFinding(F, QStringLiteral("zip.corrupt-data"), S::Error, d.error, d.name);
            continue;
        }
        const qsizetype row = idx >= 0 ? match.rowOfEntry.value(idx, -1) : -1;
        const RecordRow *it = row >= 0 ? &rf.rows.at(row) : nullptr;
        if (e && d.size != qint64(e->uncompressedSize))
            addFinding(F, QStringLiteral("zip.size-mismatch"), S::Error,
                       QStringLiteral("the archive declares %1 bytes, the data has %2").arg(e->uncompressedSize).arg(d.size), d.name);
        else if (e && d.crc != e->crc) // zipfile, and so pip, refuse such a member whatever RECORD says
            addFinding(F, QStringLiteral("zip.crc-mismatch"), S::Error,
                       QStringLiteral("CRC-32 of the data does not match the archive (corrupt member)"), d.name);
        if (idx >= 0)
            rep.files[idx].digest = d.text;
        if (d.size > 64 && !d.name.startsWith(di)) // tiny common files (markers, empty modules) are exempt
            contentCandidates.push_back(i);
        if (it && !it->digest.isEmpty() && it->digest != d.digest && d.name != recordPath)
            recordProblem(d.name, QStringLiteral("RecordDigestMismatchError"),
                          QStringLiteral("%1 digest of file '%2' listed as %3 in RECORD, actually %4")
                              .arg(d.algorithm, d.name, QString::fromLatin1(it->digest.toHex()), QString::fromLatin1(d.digest.toHex())));
    }
    addDuplicateContentFindings(digests, contentCandidates);
}

// Same content twice: the candidates grouped by (size, digest), one hash lookup each (the digest's
// first bytes are its hash); the groups reported in name order.
void WheelInspectionSteps::addDuplicateContentFindings(const QList<const MemberDigest *> &digests, const std::vector<qsizetype> &candidates)
{
    PathSet seen(qsizetype(candidates.size()));
    QHash<qsizetype, QList<qsizetype>> groups; // first candidate with the content -> every candidate with it
    for (size_t c = 0; c < candidates.size(); ++c) {
        const MemberDigest &d = *digests.at(candidates[c]);
        quint64 head = 0;
        std::memcpy(&head, d.digest.constData(), size_t(std::min<qsizetype>(d.digest.size(), qsizetype(sizeof head))));
        const qsizetype earlier = seen.findOrInsert(head ^ (quint64(d.size) * 0x9E3779B97F4A7C15ull), qsizetype(c), [&](qsizetype k) {
            const MemberDigest &o = *digests.at(candidates[size_t(k)]);
            return o.size == d.size && o.digest == d.digest;
        });
        if (earlier < 0)
            continue;
        QList<qsizetype> &group = groups[earlier];
        if (group.isEmpty())
            group.append(candidates[size_t(earlier)]);
        group.append(candidates[c]);
    }
    QList<QStringList> duplicates;
    for (const QList<qsizetype> &group : std::as_const(groups)) {
        QStringList names;
        for (const qsizetype i : group)
            names.append(digests.at(i)->name);
        names.sort();
        // The key was digest + decimal size: tiny __init__.py twins are exempt.
        const MemberDigest &d = *digests.at(group.first());
        const qsizetype keySize = d.digest.size() + QByteArray::number(d.size).size();
        if (!(names.first().endsWith(QLatin1String("__init__.py")) && keySize < 40))
            duplicates.append(names);
    }
    std::sort(duplicates.begin(), duplicates.end(), [](const QStringList &a, const QStringList &b) { return a.first() < b.first(); });
    for (const QStringList &names : std::as_const(duplicates))
        addFinding(rep.findings, QStringLiteral("content.duplicate-files"), S::Warning,
                   QStringLiteral("Wheel contains duplicate files: %1").arg(names.join(QStringLiteral(", "))), names.first());
}

} // namespace wb
