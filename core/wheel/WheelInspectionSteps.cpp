#include "core/wheel/WheelInspectionSteps.h"

#include "core/wheel/WheelNames.h"

#include <QFileInfo>

#include <algorithm>

namespace wb {

using namespace wheelnames;

WheelInspectionSteps::WheelInspectionSteps(const QString &p, const InspectOptions &o) : path(p), options(o), members(p) {}

WheelReport WheelInspectionSteps::run()
{
    checkFilename();
    recordPrefetch = std::make_unique<RecordPrefetch>(path, kMaxTextBytes);
    if (!readStructure())
        return std::move(rep);
    checkDistInfoFolder();
    checkWheelFile();
    checkMetadata();
    checkEntryPoints();
    checkRecordRows();
    if (options.verifyHashes && !verifyContents())
        return std::move(rep); // cancelled
    finishRecord();
    checkHygiene();
    checkNativeFiles();
    limitFindings();
    return std::move(rep);
}

void WheelInspectionSteps::checkFilename()
{
    FindingList &F = rep.findings;
    rep.file = path;
    const QFileInfo fi(path);
    rep.fileSize = fi.size();
    rep.filename = WheelFilename::parse(path);
    if (!rep.filename.valid)
        addFinding(F, QStringLiteral("filename.invalid"), S::Error,
                   QStringLiteral("wheel has invalid filename: %1").arg(rep.filename.error));
    else {
        rep.name = rep.filename.distribution;
        rep.version = rep.filename.version;
        rep.buildTag = rep.filename.buildTag;
        rep.tags = rep.filename.expandedTags();
        if (rep.filename.distribution != escapeProjectName(rep.filename.distribution))
            addFinding(F, QStringLiteral("filename.name-not-normalized"), S::Info,
                       QStringLiteral("the name part '%1' is not in normalised form '%2' (accepted, but tools since 2024 write the normalised form)")
                           .arg(rep.filename.distribution, escapeProjectName(rep.filename.distribution)));
    }
}

bool WheelInspectionSteps::readStructure()
{
    FindingList &F = rep.findings;
    // 1. Our own walk of the ZIP structure. It reads the local headers of what is read before any
    // hashing: the .dist-info files and the native files (and, in a full run, whatever the hashing
    // will not read). --quick reads no other header; a full run leaves the others to the hashing
    // workers, whose mapped windows hold them anyway, and checks the members' spans after them.
    std::vector<bool> nativeSeen; // the filter's judgements, entry by entry (it sees each once, in order)
    const bool full = options.verifyHashes;
    const ZipScan::HeaderFilter headers = [&](const ZipEntryRecord &e) {
        const bool isNative = !e.isDirectory && isNativeName(e.name);
        nativeSeen.push_back(isNative);
        const bool read = isNative || topOf(e.name).endsWith(QLatin1String(".dist-info"))
            || (full && (e.isDirectory || e.isSymlink || (e.method != 0 && e.method != 8) || (e.flags & 0x1)));
        headerReadByScan.push_back(read);
        return read;
    };
    scan = ZipScan::scanFile(path, {}, headers, full ? ZipScan::SpanCheck::Later : ZipScan::SpanCheck::Now);
    F += scan.findings;
    scanFindingsEnd = F.size();
    if (!scan.readable) {
        rep.unreadableReason = scan.error;
        addFinding(F, QStringLiteral("zip.unreadable"), S::Error, QStringLiteral("not a readable ZIP archive: %1").arg(scan.error));
        return false;
    }
    // 2. The members our walk located are read straight from the file (MemberReader); KZip reads
    // what it could not locate, and is opened only then (or for the cross-check of a full run).
    QString openError;
    if (!members.open(&openError)) {
        rep.unreadableReason = openError;
        addFinding(F, QStringLiteral("zip.unreadable"), S::Error, QStringLiteral("the archive cannot be opened: %1").arg(openError));
        return false;
    }
    rep.readable = true;
    if (nativeSeen.size() == size_t(scan.entries.size())) {
        native = std::move(nativeSeen);
    } else {
        native.reserve(size_t(scan.entries.size()));
        for (const ZipEntryRecord &e : scan.entries)
            native.push_back(!e.isDirectory && isNativeName(e.name));
    }
    if (full)
        startHashing(); // from here on, the entries are only read until verifyContents()

    // The .dist-info members by name: all that is looked up by name often (findEntry() below).
    rep.files.reserve(scan.entries.size());
    QHash<QString, qint64> folderSizes;
    QStringView lastTop;             // neighbours mostly share their folder: one lookup per run
    qint64 *lastFolder = nullptr;
    bool lastTopIsDistInfo = false;
    for (const ZipEntryRecord &e : scan.entries) {
        rep.files.append({e.name, qint64(e.uncompressedSize), qint64(e.compressedSize), e.isDirectory, e.isSymlink, {}});
        if (e.isDirectory)
            continue;
        const qsizetype slash = e.name.indexOf(QLatin1Char('/'));
        rep.totalSize += qint64(e.uncompressedSize);
        rep.totalCompressedSize += qint64(e.compressedSize);
        const QStringView top = slash >= 0 ? QStringView(e.name).left(slash + 1) : QStringView(e.name);
        if (!lastFolder || top != lastTop) {
            lastFolder = &folderSizes[top.toString()];
            lastTop = top;
            lastTopIsDistInfo = slash >= 0 && top.chopped(1).endsWith(QLatin1String(".dist-info"));
        }
        if (lastTopIsDistInfo)
            byName.insert(e.name, &e);
        *lastFolder += qint64(e.uncompressedSize);
        if (e.name.endsWith(QLatin1String("/py.typed")) || e.name == QLatin1String("py.typed"))
            rep.pyTyped = true;
        if (e.name.endsWith(QLatin1String(".pyi")))
            ++rep.stubFiles;
    }
    for (auto it = folderSizes.constBegin(); it != folderSizes.constEnd(); ++it)
        rep.folderSizes.append({it.key(), it.value()});
    // Largest first; equal sizes by name (a hash's order would differ from run to run).
    std::sort(rep.folderSizes.begin(), rep.folderSizes.end(),
              [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    return true;
}

void WheelInspectionSteps::checkDistInfoFolder()
{
    FindingList &F = rep.findings;
    // 3. The .dist-info folder.
    QSet<QString> distInfos, dataDirs;
    for (const ZipEntryRecord &e : scan.entries) {
        const QStringView top = topOf(e.name);
        if (top.size() == e.name.size())
            continue;
        if (top.endsWith(QLatin1String(".dist-info")))
            distInfos.insert(top.toString());
        if (top.endsWith(QLatin1String(".data")))
            dataDirs.insert(top.toString());
    }
    if (distInfos.isEmpty())
        addFinding(F, QStringLiteral("dist-info.missing"), S::Error, QStringLiteral("the wheel has no .dist-info directory"));
    else if (distInfos.size() > 1)
        addFinding(F, QStringLiteral("dist-info.multiple"), S::Error,
                   QStringLiteral("more than one .dist-info directory: %1").arg(QStringList(distInfos.begin(), distInfos.end()).join(QStringLiteral(", "))));
    if (dataDirs.size() > 1)
        addFinding(F, QStringLiteral("data.multiple"), S::Error, QStringLiteral("more than one .data directory"));
    if (!distInfos.isEmpty()) {
        QStringList sorted(distInfos.begin(), distInfos.end());
        sorted.sort();
        rep.distInfo = sorted.first();
        if (rep.filename.valid) {
            const QString stem = rep.distInfo.chopped(10);
            const qsizetype dash = stem.lastIndexOf(QLatin1Char('-'));
            const QString dn = stem.left(dash), dv = stem.mid(dash + 1);
            if (dash <= 0 || normalizeProjectName(dn) != normalizeProjectName(rep.filename.distribution)
                || versionKey(dv) != versionKey(rep.filename.version))
                addFinding(F, QStringLiteral("dist-info.mismatch"), S::Error,
                           QStringLiteral("Project & version of wheel's .dist-info directory do not match wheel name: '%1'").arg(rep.distInfo),
                           rep.distInfo);
        }
    }
    di = rep.distInfo + QLatin1Char('/');
}

ArchiveReader *WheelInspectionSteps::kzipReader()
{
    if (!kzipTried) {
        kzipTried = true;
        kzip = std::make_unique<ArchiveReader>(path);
        QString error;
        if (!kzip->open(&error)) {
            addFinding(rep.findings, QStringLiteral("zip.kzip-unreadable"), S::Warning,
                       QStringLiteral("KF6 Archive cannot open the archive: %1").arg(error));
            kzip.reset();
        }
    }
    return kzip.get();
}

// A (non-directory) member by name; with duplicates the last copy, as a lookup by name gives.
const ZipEntryRecord *WheelInspectionSteps::findEntry(const QString &name) const
{
    if (topOf(name).endsWith(QLatin1String(".dist-info")) && name.contains(QLatin1Char('/')))
        return byName.value(name);
    for (auto it = scan.entries.crbegin(); it != scan.entries.crend(); ++it)
        if (!it->isDirectory && it->name == name)
            return &*it;
    return nullptr;
}

// Reads a member through our own reader when our walk located it, else through KZip.
QByteArray WheelInspectionSteps::readEntry(const ZipEntryRecord *e, const QString &member, qint64 maxBytes, bool *truncated, QString *err)
{
    if (e && members.canRead(*e))
        return members.read(*e, maxBytes, truncated, err);
    ArchiveReader *k = kzipReader();
    if (!k || !k->contains(member)) {
        *err = QStringLiteral("the member's data cannot be located");
        return {};
    }
    return k->read(member, maxBytes, truncated, err);
}

QByteArray WheelInspectionSteps::readMember(const QString &member, qint64 maxBytes, bool *truncated, QString *err)
{
    return readEntry(findEntry(member), member, maxBytes, truncated, err);
}

QByteArray WheelInspectionSteps::readText(const QString &member)
{
    bool truncated = false;
    QString err;
    const QByteArray d = readMember(member, kMaxTextBytes, &truncated, &err);
    if (truncated)
        addFinding(rep.findings, QStringLiteral("file.too-large"), S::Error, QStringLiteral("larger than %1 bytes; only the start was read").arg(kMaxTextBytes), member);
    if (!err.isEmpty())
        addFinding(rep.findings, QStringLiteral("zip.corrupt-data"), S::Error, err, member);
    return d;
}

void WheelInspectionSteps::checkHygiene()
{
    FindingList &F = rep.findings;
    // 8. Hygiene (check-wheel-contents' W001, W005, W006)
    static const QStringList commonTop = {QStringLiteral(".eggs"), QStringLiteral(".nox"), QStringLiteral(".tox"), QStringLiteral(".venv"),
                                          QStringLiteral("app"), QStringLiteral("build"), QStringLiteral("cli"), QStringLiteral("data"),
                                          QStringLiteral("dist"), QStringLiteral("doc"), QStringLiteral("docs"), QStringLiteral("example"),
                                          QStringLiteral("examples"), QStringLiteral("lib"), QStringLiteral("scripts"), QStringLiteral("src"),
                                          QStringLiteral("test"), QStringLiteral("tests"), QStringLiteral("venv")};
    QSet<QString> reportedTop;
    QStringView lastTop; // neighbours share their top folder: it is judged once per run of them
    for (const ZipEntryRecord &e : scan.entries) {
        if (e.isDirectory)
            continue;
        if (e.name.endsWith(QLatin1String(".pyc")) || e.name.endsWith(QLatin1String(".pyo")))
            addFinding(F, QStringLiteral("content.pyc"), S::Warning, QStringLiteral("Wheel contains .pyc/.pyo files"), e.name);
        const QStringView topView = topOf(e.name);
        if (topView.size() != e.name.size() && topView != lastTop) {
            lastTop = topView;
            if (commonTop.contains(topView) && !reportedTop.contains(topView.toString())) {
                const QString top = topView.toString();
                reportedTop.insert(top);
                addFinding(F, QStringLiteral("content.common-toplevel"), S::Warning,
                           QStringLiteral("Wheel contains common toplevel name in library: %1/").arg(top), top + QLatin1Char('/'));
            }
        }
        if (e.name == QLatin1String("__init__.py"))
            addFinding(F, QStringLiteral("content.toplevel-init"), S::Warning, QStringLiteral("__init__.py at top level of library"), e.name);
    }
}

void WheelInspectionSteps::limitFindings()
{
    FindingList &F = rep.findings;
    if (F.size() > kMaxFindings) {
        const qsizetype dropped = F.size() - kMaxFindings;
        F.resize(kMaxFindings);
        addFinding(F, QStringLiteral("findings.truncated"), S::Warning, QStringLiteral("%1 more findings were left out").arg(dropped));
    }
}

} // namespace wb
