#pragma once

#include "core/binary/Policy.h"
#include "core/wheel/ArchiveReader.h"
#include "core/wheel/MemberReader.h"
#include "core/wheel/PlatformTag.h"
#include "core/wheel/RecordFile.h"
#include "core/wheel/RecordMatch.h"
#include "core/wheel/RecordPrefetch.h"
#include "core/wheel/WheelReport.h"
#include "core/wheel/ZipDirectory.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

namespace wb {

// One run of inspectWheel(): the state its steps share, one method per step. The steps live in
// WheelInspectionSteps.cpp (structure, reading members, hygiene), WheelMetadataChecks.cpp (WHEEL,
// METADATA, entry points), WheelContentChecks.cpp (RECORD), WheelHashing.cpp (hashing) and WheelNativeChecks.cpp
// (native files, tags, policies).
class WheelInspectionSteps
{
public:
    WheelInspectionSteps(const QString &path, const InspectOptions &options);
    WheelReport run();

private:
    using S = Finding::Severity;
    static constexpr qint64 kMaxTextBytes = 64ll * 1024 * 1024;
    static constexpr int kMaxFindings = 2000;

    // WheelInspectionSteps.cpp
    void checkFilename();
    bool readStructure();          // false: unreadable (the report says why)
    void checkDistInfoFolder();
    void checkHygiene();
    void limitFindings();
    ArchiveReader *kzipReader();   // opened on first use
    const ZipEntryRecord *findEntry(const QString &name) const;
    QByteArray readEntry(const ZipEntryRecord *e, const QString &member, qint64 maxBytes, bool *truncated, QString *err);
    QByteArray readMember(const QString &member, qint64 maxBytes, bool *truncated, QString *err);
    QByteArray readText(const QString &member);
    // WheelMetadataChecks.cpp
    void checkWheelFile();
    void checkMetadata();
    void checkRequiresPython(const QString &metadataPath);
    void checkEntryPoints();
    // WheelContentChecks.cpp
    void checkRecordRows();
    void finishRecord();
    void recordProblem(const QString &p, const QString &kind, const QString &msg);
    // WheelHashing.cpp
    MemberReader::HashOptions hashOptions() const;
    void startHashing();           // a full run: every member hashed on background threads from now on
    bool verifyContents();         // false: cancelled
    void addDeferredHeaderFindings(const QList<MemberReader::Result> &hashed, const QList<qsizetype> &entryOfJob);
    void rehashOtherAlgorithms(QList<MemberReader::Result> &hashed, const QList<qsizetype> &entryOfJob);
    void compareDigests(const QList<const MemberDigest *> &digests, const QList<qsizetype> &entryIndex);
    void addDuplicateContentFindings(const QList<const MemberDigest *> &digests, const std::vector<qsizetype> &candidates);
    // WheelNativeChecks.cpp
    void checkNativeFiles();
    std::optional<ExtensionReport> readExtension(const ZipEntryRecord &e);
    void checkModule(ExtensionReport &x, const ZipEntryRecord &e);
    bool hasSibling(const QString &path, const QString &name);
    void checkAbi3Calls(ExtensionReport &x, const ZipEntryRecord &e);
    void checkLinkage(ExtensionReport &x, const ZipEntryRecord &e);
    void checkPlatformTags(ExtensionReport &x, const ZipEntryRecord &e);
    void evaluateLinuxPolicy(ExtensionReport &x, const ZipEntryRecord &e);
    void applyPolicies();

    const QString path;
    const InspectOptions options;
    WheelReport rep;
    ZipScan scan;
    MemberReader members;
    std::unique_ptr<ArchiveReader> kzip;
    bool kzipTried = false;
    std::vector<bool> native;                       // per entry of scan: a native file by its name (isNativeName)
    std::vector<bool> headerReadByScan;             // per entry of scan: its local header read by the scan
    qsizetype scanFindingsEnd = 0;                  // where the scan's findings end in rep.findings
    // The full run's hashing, started as soon as the structure is known (declared after `scan`: its
    // workers read scan's entries, so it goes first); each job's entry, and the members left to KZip
    // (not located by our walk).
    std::unique_ptr<MemberReader::HashRun> hashRun;
    QList<qsizetype> entryOfJob;
    QList<QPair<QString, QString>> viaKZip;
    QList<MemberReader::Result> hashResults;
    QHash<QString, const ZipEntryRecord *> byName; // the .dist-info members: all that is looked up by name often
    QString di;                                     // "<dist-info>/"
    std::unique_ptr<RecordPrefetch> recordPrefetch; // RECORD read while the structure is walked
    RecordFile rf;
    RecordMatch match;                              // RECORD rows <-> entries
    QSet<QString> badRowPaths;
    QString recordPath;
    QHash<QString, MemberReader::Result> analysed;  // native files read while hashing
    // Native files
    QList<PlatformTag> platforms;
    bool pureTag = false, abi3Tag = false, androidTagged = false;
    QSet<QString> inWheelLibs;
    QSet<QString> memberNames;                      // every member's name, filled by the first hasSibling()
    QList<PolicyVerdict> verdicts;
    QString verdictFamily;
    QMap<QString, QStringList> libcs; // glibc / musl -> the members linked against it
};

} // namespace wb
