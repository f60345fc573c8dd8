// inspectWheel(): the structural scan, KZip streaming, WHEEL/METADATA/RECORD checks, hashing, native
// extensions and policies, put together into one WheelReport.
#include "core/binary/LibraryResolver.h"
#include "core/binary/StableAbi.h"
#include "core/wheel/ArchiveReader.h"
#include "core/wheel/ExternalLibraries.h"
#include "core/wheel/MemberReader.h"
#include "core/wheel/PlatformTag.h"
#include "core/wheel/RecordEntries.h"
#include "core/wheel/RecordFile.h"
#include "core/wheel/RecordMatch.h"
#include "core/wheel/WheelReport.h"
#include "core/wheel/ZipDirectory.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <memory>
#include <vector>

namespace wb {

namespace {

using S = Finding::Severity;
constexpr qint64 kMaxTextBytes = 64ll * 1024 * 1024;
constexpr int kMaxFindings = 2000;

bool isNativeName(const QString &path)
{
    const QChar *d = path.constData();
    const qsizetype n = path.size();
    qsizetype base = n;
    while (base > 0 && d[base - 1] != QLatin1Char('/'))
        --base;
    const auto lower = [d](qsizetype k) {
        const char16_t c = d[k].unicode();
        return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    };
    const auto is = [&](qsizetype at, const char *word) {
        for (qsizetype k = 0; word[k]; ++k)
            if (lower(at + k) != char16_t(word[k]))
                return false;
        return true;
    };
    for (qsizetype i = base; i < n; ++i) {
        if (d[i] != QLatin1Char('.'))
            continue;
        const qsizetype rest = n - i; // ".so" = 3
        if ((rest == 3 && is(i, ".so")) || (rest == 4 && (is(i, ".pyd") || is(i, ".dll"))) || (rest == 6 && is(i, ".dylib")))
            return true;
        if (rest >= 4 && is(i, ".so.")) // "libfoo.so.1"
            return true;
    }
    return false;
}

bool isAscii(QByteArrayView bytes)
{
    quint8 all = 0;
    for (const char c : bytes)
        all |= quint8(c);
    return all < 0x80;
}

// The first path component ("pkg" of "pkg/mod.py"), the whole name when it has none.
QStringView topOf(const QString &name)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    return slash < 0 ? QStringView(name) : QStringView(name).left(slash);
}

// pkg/_core.cpython-312-x86_64-linux-gnu.so -> ("_core", ".cpython-312-x86_64-linux-gnu.so")
QPair<QString, QString> splitModule(const QString &path)
{
    const QString base = path.section(QLatin1Char('/'), -1);
    const qsizetype dot = base.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return {base, {}};
    return {base.left(dot), base.mid(dot)};
}

QString versionKey(QString v)
{
    return v.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
}

// The C library an extension's name implies: "-linux-musl.so" / "-arm-linux-musleabihf.so" is musl;
// "-linux-gnu.so" is glibc for CPython 3.11 and later (before, musl builds used that suffix too).
QString libcFromFileName(const QString &path)
{
    const QString base = path.section(QLatin1Char('/'), -1);
    if (base.endsWith(QLatin1String("-linux-musl.so")) || base.endsWith(QLatin1String("-arm-linux-musleabihf.so")))
        return QStringLiteral("musl");
    static const QRegularExpression gnu(QStringLiteral("\\.cpython-3(\\d+)[^.]*-linux-gnu(eabihf)?\\.so$"));
    const QRegularExpressionMatch m = gnu.match(base);
    if (m.hasMatch() && m.captured(1).toInt() >= 11)
        return QStringLiteral("glibc");
    return {};
}

QString winArch(const QString &tagArch)
{
    if (tagArch == QLatin1String("x86"))
        return QStringLiteral("x86");
    return tagArch; // amd64, arm64
}

} // namespace

int WheelReport::count(Finding::Severity s) const
{
    return int(std::count_if(findings.begin(), findings.end(), [s](const Finding &f) { return f.severity == s; }));
}

QString WheelReport::verdict() const
{
    if (!readable)
        return QStringLiteral("unreadable");
    if (hasErrors())
        return QStringLiteral("errors");
    if (count(Finding::Severity::Warning) > 0)
        return QStringLiteral("warnings");
    return QStringLiteral("ok");
}

QList<const WheelFileEntry *> WheelReport::largestFiles(int n) const
{
    QList<const WheelFileEntry *> out;
    for (const WheelFileEntry &f : files)
        if (!f.isDirectory)
            out.append(&f);
    std::sort(out.begin(), out.end(), [](const WheelFileEntry *a, const WheelFileEntry *b) { return a->size > b->size; });
    return out.mid(0, n);
}

QMap<QString, QStringList> ExtensionReport::symbolVersions() const
{
    if (binary.slices.isEmpty())
        return {};
    return binary.slices.first().versionsByLibrary;
}

WheelReport inspectWheel(const QString &path, const InspectOptions &options)
{
    WheelReport rep;
    rep.file = path;
    const QFileInfo fi(path);
    rep.fileSize = fi.size();
    rep.filename = WheelFilename::parse(path);
    FindingList &F = rep.findings;
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

    // 1. Our own walk of the ZIP structure. --quick reads the local headers of only what it reads:
    // the .dist-info files and the native files.
    ZipScan::HeaderFilter headers;
    if (!options.verifyHashes)
        headers = [](const ZipEntryRecord &e) { return isNativeName(e.name) || topOf(e.name).endsWith(QLatin1String(".dist-info")); };
    const ZipScan scan = ZipScan::scanFile(path, {}, headers);
    F += scan.findings;
    if (!scan.readable) {
        rep.unreadableReason = scan.error;
        addFinding(F, QStringLiteral("zip.unreadable"), S::Error, QStringLiteral("not a readable ZIP archive: %1").arg(scan.error));
        return rep;
    }
    // 2. The members our walk located are read straight from the file (MemberReader); KZip reads
    // what it could not locate, and is opened only then (or for the cross-check of a full run).
    MemberReader members(path);
    QString openError;
    if (!members.open(&openError)) {
        rep.unreadableReason = openError;
        addFinding(F, QStringLiteral("zip.unreadable"), S::Error, QStringLiteral("the archive cannot be opened: %1").arg(openError));
        return rep;
    }
    std::unique_ptr<ArchiveReader> kzip;
    bool kzipTried = false;
    auto kzipReader = [&]() -> ArchiveReader * {
        if (!kzipTried) {
            kzipTried = true;
            kzip = std::make_unique<ArchiveReader>(path);
            QString error;
            if (!kzip->open(&error)) {
                addFinding(F, QStringLiteral("zip.kzip-unreadable"), S::Warning,
                           QStringLiteral("KF6 Archive cannot open the archive: %1").arg(error));
                kzip.reset();
            }
        }
        return kzip.get();
    };
    rep.readable = true;

    // The .dist-info members by name: all that is looked up by name often (findEntry() below).
    QHash<QString, const ZipEntryRecord *> byName;
    rep.files.reserve(scan.entries.size());
    QHash<QString, qint64> folderSizes;
    QStringView lastTop;             // neighbours mostly share their folder: one lookup per run
    qint64 *lastFolder = nullptr;
    for (const ZipEntryRecord &e : scan.entries) {
        rep.files.append({e.name, qint64(e.uncompressedSize), qint64(e.compressedSize), e.isDirectory, e.isSymlink, {}});
        if (e.isDirectory)
            continue;
        if (topOf(e.name).endsWith(QLatin1String(".dist-info")) && e.name.contains(QLatin1Char('/')))
            byName.insert(e.name, &e);
        rep.totalSize += qint64(e.uncompressedSize);
        rep.totalCompressedSize += qint64(e.compressedSize);
        const QStringView top = e.name.contains(QLatin1Char('/')) ? QStringView(e.name).left(topOf(e.name).size() + 1) : QStringView(e.name);
        if (!lastFolder || top != lastTop) {
            lastFolder = &folderSizes[top.toString()];
            lastTop = top;
        }
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
    const QString di = rep.distInfo + QLatin1Char('/');
    // A (non-directory) member by name; with duplicates the last copy, as a lookup by name gives.
    auto findEntry = [&](const QString &name) -> const ZipEntryRecord * {
        if (topOf(name).endsWith(QLatin1String(".dist-info")) && name.contains(QLatin1Char('/')))
            return byName.value(name);
        for (auto it = scan.entries.crbegin(); it != scan.entries.crend(); ++it)
            if (!it->isDirectory && it->name == name)
                return &*it;
        return nullptr;
    };
    // Reads a member through our own reader when our walk located it, else through KZip.
    auto readEntry = [&](const ZipEntryRecord *e, const QString &member, qint64 maxBytes, bool *truncated, QString *err) -> QByteArray {
        if (e && members.canRead(*e))
            return members.read(*e, maxBytes, truncated, err);
        ArchiveReader *k = kzipReader();
        if (!k || !k->contains(member)) {
            *err = QStringLiteral("the member's data cannot be located");
            return {};
        }
        return k->read(member, maxBytes, truncated, err);
    };
    auto readMember = [&](const QString &member, qint64 maxBytes, bool *truncated, QString *err) -> QByteArray {
        return readEntry(findEntry(member), member, maxBytes, truncated, err);
    };
    auto readText = [&](const QString &member) -> QByteArray {
        bool truncated = false;
        QString err;
        const QByteArray d = readMember(member, kMaxTextBytes, &truncated, &err);
        if (truncated)
            addFinding(F, QStringLiteral("file.too-large"), S::Error, QStringLiteral("larger than %1 bytes; only the start was read").arg(kMaxTextBytes), member);
        if (!err.isEmpty())
            addFinding(F, QStringLiteral("zip.corrupt-data"), S::Error, err, member);
        return d;
    };

    // 4. WHEEL
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("WHEEL"))) {
        rep.wheel = HeaderFile::parse(readText(di + QStringLiteral("WHEEL")));
        for (const QString &p : rep.wheel.problems)
            addFinding(F, QStringLiteral("wheel-file.syntax"), S::Warning, p, di + QStringLiteral("WHEEL"));
        const QString wv = rep.wheel.value(QStringLiteral("Wheel-Version"));
        if (wv.isEmpty())
            addFinding(F, QStringLiteral("wheel-file.no-version"), S::Error, QStringLiteral("WHEEL is missing Wheel-Version"), di + QStringLiteral("WHEEL"));
        else if (!wv.startsWith(QLatin1String("1.")))
            addFinding(F, QStringLiteral("wheel-file.unsupported-version"), S::Error,
                       QStringLiteral("Wheel-Version %1 is not supported (installers only accept 1.x)").arg(wv), di + QStringLiteral("WHEEL"));
        if (!rep.wheel.contains(QStringLiteral("Root-Is-Purelib")))
            addFinding(F, QStringLiteral("wheel-file.no-root-is-purelib"), S::Error,
                       QStringLiteral("Root-Is-Purelib header not found in WHEEL file"), di + QStringLiteral("WHEEL"));
        else {
            const QString rip = rep.wheel.value(QStringLiteral("Root-Is-Purelib"));
            if (rip.toLower() != QLatin1String("true") && rip.toLower() != QLatin1String("false"))
                addFinding(F, QStringLiteral("wheel-file.bad-root-is-purelib"), S::Error,
                           QStringLiteral("Invalid Root-Is-Purelib value in WHEEL file: '%1'").arg(rip), di + QStringLiteral("WHEEL"));
        }
        QStringList wheelTags;
        for (const QString &t : rep.wheel.values(QStringLiteral("Tag")))
            wheelTags += expandTagSet(t);
        if (rep.filename.valid && !wheelTags.isEmpty()) {
            QSet<QString> a(rep.tags.begin(), rep.tags.end()), b(wheelTags.begin(), wheelTags.end());
            if (a != b) {
                QStringList onlyName = QStringList((a - b).begin(), (a - b).end()), onlyWheel = QStringList((b - a).begin(), (b - a).end());
                onlyName.sort();
                onlyWheel.sort();
                addFinding(F, QStringLiteral("tags.wheel-mismatch"), S::Error,
                           QStringLiteral("the file name's tags and WHEEL's Tag lines differ (only in the name: %1; only in WHEEL: %2)")
                               .arg(onlyName.isEmpty() ? QStringLiteral("none") : onlyName.join(QStringLiteral(", ")),
                                    onlyWheel.isEmpty() ? QStringLiteral("none") : onlyWheel.join(QStringLiteral(", "))),
                           di + QStringLiteral("WHEEL"));
            }
        } else if (rep.filename.valid && wheelTags.isEmpty())
            addFinding(F, QStringLiteral("wheel-file.no-tags"), S::Warning, QStringLiteral("WHEEL lists no Tag lines"), di + QStringLiteral("WHEEL"));
        const QString build = rep.wheel.value(QStringLiteral("Build"));
        if (build != rep.buildTag && rep.filename.valid && !(build.isEmpty() && rep.buildTag.isEmpty()))
            addFinding(F, QStringLiteral("tags.build-mismatch"), S::Warning,
                       QStringLiteral("the build tag is '%1' in the file name and '%2' in WHEEL").arg(rep.buildTag, build), di + QStringLiteral("WHEEL"));
    } else if (!rep.distInfo.isEmpty())
        addFinding(F, QStringLiteral("wheel-file.missing"), S::Error, QStringLiteral("No WHEEL file in wheel"), di + QStringLiteral("WHEEL"));

    // 5. METADATA
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("METADATA"))) {
        const QString mp = di + QStringLiteral("METADATA");
        rep.metadata = HeaderFile::parse(readText(mp));
        for (const QString &p : rep.metadata.problems)
            addFinding(F, QStringLiteral("metadata.syntax"), S::Warning, p, mp);
        const QString mv = rep.metadata.value(QStringLiteral("Metadata-Version"));
        static const QStringList known = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.0"),
                                          QStringLiteral("2.1"), QStringLiteral("2.2"), QStringLiteral("2.3"), QStringLiteral("2.4"),
                                          QStringLiteral("2.5"), QStringLiteral("2.6")};
        if (mv.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-version"), S::Error, QStringLiteral("METADATA has no Metadata-Version"), mp);
        else if (!known.contains(mv)) {
            const bool newerMajor = mv.section(QLatin1Char('.'), 0, 0).toInt() > 2;
            addFinding(F, QStringLiteral("metadata.unknown-version"), newerMajor ? S::Error : S::Warning,
                       QStringLiteral("Metadata-Version %1 is not one this tool knows (up to 2.6)").arg(mv), mp);
        }
        const QString mname = rep.metadata.value(QStringLiteral("Name"));
        const QString mver = rep.metadata.value(QStringLiteral("Version"));
        if (mname.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-name"), S::Error, QStringLiteral("METADATA has no Name"), mp);
        else {
            if (rep.filename.valid && normalizeProjectName(mname) != normalizeProjectName(rep.filename.distribution))
                addFinding(F, QStringLiteral("metadata.name-mismatch"), S::Error,
                           QStringLiteral("METADATA names the project '%1', the file name '%2'").arg(mname, rep.filename.distribution), mp);
            rep.name = mname;
        }
        if (mver.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-version-field"), S::Error, QStringLiteral("METADATA has no Version"), mp);
        else {
            if (rep.filename.valid && versionKey(mver) != versionKey(rep.filename.version))
                addFinding(F, QStringLiteral("metadata.version-mismatch"), S::Error,
                           QStringLiteral("METADATA says version %1, the file name %2").arg(mver, rep.filename.version), mp);
            rep.version = mver;
        }
        for (const QString &d : rep.metadata.values(QStringLiteral("Dynamic")))
            if (d.compare(QLatin1String("Name"), Qt::CaseInsensitive) == 0 || d.compare(QLatin1String("Version"), Qt::CaseInsensitive) == 0
                || d.compare(QLatin1String("Metadata-Version"), Qt::CaseInsensitive) == 0)
                addFinding(F, QStringLiteral("metadata.bad-dynamic"), S::Error, QStringLiteral("Dynamic may not name %1").arg(d), mp);
        if (rep.metadata.contains(QStringLiteral("License-Expression")) && rep.metadata.contains(QStringLiteral("License")))
            addFinding(F, QStringLiteral("metadata.license-both"), S::Warning,
                       QStringLiteral("both License-Expression and License are set (PyPI rejects this)"), mp);
        for (const QString &lf : rep.metadata.values(QStringLiteral("License-File"))) {
            if (mv >= QLatin1String("2.4") && !byName.contains(di + QStringLiteral("licenses/") + lf))
                addFinding(F, QStringLiteral("metadata.license-file-missing"), S::Error,
                           QStringLiteral("License-File '%1' is not in %2licenses/").arg(lf, di), mp);
        }
    } else if (!rep.distInfo.isEmpty())
        addFinding(F, QStringLiteral("metadata.missing"), S::Error, QStringLiteral("No METADATA file in wheel"), di + QStringLiteral("METADATA"));

    // entry points
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("entry_points.txt"))) {
        const EntryPoints ep = EntryPoints::parse(readText(di + QStringLiteral("entry_points.txt")));
        rep.entryPoints = ep.entries;
        for (const QString &p : ep.problems)
            addFinding(F, QStringLiteral("entry-points.invalid"), S::Warning, p, di + QStringLiteral("entry_points.txt"));
    }

    // 6. RECORD
    RecordFile rf;
    RecordMatch match; // RECORD rows <-> entries
    QSet<QString> badRowPaths;
    const QString recordPath = di + QStringLiteral("RECORD");
    auto recordProblem = [&](const QString &p, const QString &kind, const QString &msg) {
        rep.record.problems.append({p, msg, kind});
    };
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

    // 7. Contents: hash every member (in parallel), compare with RECORD and the ZIP CRC. Native files
    // are analysed from the bytes hashed, so they are not read twice.
    QHash<QString, MemberReader::Result> analysed;
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
                             isNativeName(e.name) && qint64(e.uncompressedSize) <= options.maxBinaryBytes});
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
            return rep;
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
    rep.record.ok = rep.record.present && rep.record.problems.isEmpty();
    if (options.recordRows)
        rep.record.entries = recordEntries(rf, rep.files, rep.record.problems, rep.record.present ? recordPath : QString(), rep.record.verified,
                                       rep.record.present ? &match : nullptr);
    for (const RecordProblem &p : std::as_const(rep.record.problems))
        addFinding(F, QStringLiteral("record.") + p.kind, S::Error, p.problem, p.path);

    // 8. Hygiene (check-wheel-contents' W001, W005, W006)
    static const QStringList commonTop = {QStringLiteral(".eggs"), QStringLiteral(".nox"), QStringLiteral(".tox"), QStringLiteral(".venv"),
                                          QStringLiteral("app"), QStringLiteral("build"), QStringLiteral("cli"), QStringLiteral("data"),
                                          QStringLiteral("dist"), QStringLiteral("doc"), QStringLiteral("docs"), QStringLiteral("example"),
                                          QStringLiteral("examples"), QStringLiteral("lib"), QStringLiteral("scripts"), QStringLiteral("src"),
                                          QStringLiteral("test"), QStringLiteral("tests"), QStringLiteral("venv")};
    QSet<QString> reportedTop;
    for (const ZipEntryRecord &e : scan.entries) {
        if (e.isDirectory)
            continue;
        if (e.name.endsWith(QLatin1String(".pyc")) || e.name.endsWith(QLatin1String(".pyo")))
            addFinding(F, QStringLiteral("content.pyc"), S::Warning, QStringLiteral("Wheel contains .pyc/.pyo files"), e.name);
        const QStringView topView = topOf(e.name);
        if (topView.size() != e.name.size() && commonTop.contains(topView) && !reportedTop.contains(topView.toString())) {
            const QString top = topView.toString();
            reportedTop.insert(top);
            addFinding(F, QStringLiteral("content.common-toplevel"), S::Warning,
                       QStringLiteral("Wheel contains common toplevel name in library: %1/").arg(top), top + QLatin1Char('/'));
        }
        if (e.name == QLatin1String("__init__.py"))
            addFinding(F, QStringLiteral("content.toplevel-init"), S::Warning, QStringLiteral("__init__.py at top level of library"), e.name);
    }

    // 9. Native files
    QList<PlatformTag> platforms;
    for (const QString &p : rep.filename.platformTags)
        platforms.append(PlatformTag::parse(p));
    const bool pureTag = !platforms.isEmpty() && std::all_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Any; });
    const bool abi3Tag = rep.filename.abiTags.contains(QStringLiteral("abi3"));
    const bool androidTagged = !platforms.isEmpty()
        && std::all_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Android; });
    QSet<QString> inWheelLibs;
    for (const ZipEntryRecord &e : scan.entries)
        if (!e.isDirectory && isNativeName(e.name))
            inWheelLibs.insert(e.name.section(QLatin1Char('/'), -1));
    QList<PolicyVerdict> verdicts;
    QString verdictFamily;
    QMap<QString, QStringList> libcs; // glibc / musl -> the members linked against it
    for (const ZipEntryRecord &e : scan.entries) {
        if (e.isDirectory || e.isSymlink || !isNativeName(e.name))
            continue;
        if (qint64(e.uncompressedSize) > options.maxBinaryBytes) {
            addFinding(F, QStringLiteral("extension.too-large"), S::Warning,
                       QStringLiteral("%1 bytes: larger than the %2 analysed").arg(e.uncompressedSize).arg(options.maxBinaryBytes), e.name);
            continue;
        }
        ExtensionReport x;
        x.path = e.name;
        const auto done = analysed.constFind(e.name);
        if (done != analysed.constEnd()) {
            if (!done->binaryHead)
                continue;
            x.binary = done->binary;
        } else {
            bool truncated = false;
            QString err;
            const QByteArray data = readEntry(&e, e.name, options.maxBinaryBytes, &truncated, &err);
            if (!looksLikeBinary(data.left(8)))
                continue;
            x.binary = readBinary(data);
        }
        for (const QString &p : std::as_const(x.binary.problems))
            addFinding(F, QStringLiteral("extension.unreadable-part"), S::Warning, p, e.name);
        if (!x.binary.readable()) {
            rep.extensions.append(x);
            continue;
        }
        x.sizeAfterStrip = x.binary.fileSize - x.binary.debugBytes;
        const auto [module, suffix] = splitModule(e.name);
        x.moduleName = module;
        x.suffix = suffix;
        const QStringList exports = x.binary.allExports();
        const QString base = e.name.section(QLatin1Char('/'), -1);
        const bool libDir = e.name.contains(QLatin1String(".libs/")) || e.name.contains(QLatin1String(".dylibs/"));
        x.pythonModule = !libDir
            && (std::any_of(exports.begin(), exports.end(), [](const QString &s) { return s.startsWith(QLatin1String("Py")); })
                || suffix.startsWith(QLatin1String(".cpython-")) || suffix.startsWith(QLatin1String(".abi3"))
                || suffix.startsWith(QLatin1String(".pypy")) || suffix.startsWith(QLatin1String(".graalpy"))
                || suffix.startsWith(QLatin1String(".cp")) || suffix == QLatin1String(".pyd")
                || (suffix == QLatin1String(".so") && !base.startsWith(QLatin1String("lib"))));
        x.linksLibpython = x.binary.linksLibpython();
        const QStringList needed = x.binary.allNeeded();
        x.abi3 = suffix.startsWith(QLatin1String(".abi3")) || std::any_of(needed.begin(), needed.end(), isStableAbiDll);
        if (x.pythonModule) {
            const bool py2 = rep.filename.pythonTags.size() == 1 && rep.filename.pythonTags.first().startsWith(QLatin1String("cp2"));
            x.pyinitExpected = (py2 ? QStringLiteral("init") : QStringLiteral("PyInit_")) + module;
            x.pyinitFound = exports.contains(x.pyinitExpected) || exports.contains(QStringLiteral("PyModExport_") + module)
                || exports.contains(QStringLiteral("init") + module)
                || (suffix.startsWith(QLatin1String(".pypy")) && exports.contains(QStringLiteral("_cffi_pypyinit_") + module));
            if (!x.pyinitFound) {
                QStringList inits;
                for (const QString &s : exports)
                    if (s.startsWith(QLatin1String("PyInit_")) || s.startsWith(QLatin1String("PyModExport_")))
                        inits.append(s);
                addFinding(F, QStringLiteral("extension.pyinit-missing"), S::Error,
                           inits.isEmpty() ? QStringLiteral("exports no %1: Python cannot import it as '%2'").arg(x.pyinitExpected, module)
                                           : QStringLiteral("exports %1 but its file name needs %2: importing '%3' fails (module name and #[pymodule] name differ?)")
                                                 .arg(inits.join(QStringLiteral(", ")), x.pyinitExpected, module),
                           e.name);
            }
            // The suffix against the python and abi tags.
            static const QRegularExpression cpySuffix(QStringLiteral("^\\.cpython-([0-9]+)(t?)"));
            static const QRegularExpression cpPyd(QStringLiteral("^\\.cp([0-9]+)(t?)-"));
            QRegularExpressionMatch m = cpySuffix.match(suffix);
            if (!m.hasMatch())
                m = cpPyd.match(suffix);
            if (m.hasMatch() && rep.filename.valid) {
                const QString abi = QStringLiteral("cp") + m.captured(1) + m.captured(2);
                if (abi3Tag)
                    addFinding(F, QStringLiteral("extension.suffix-mismatch"), S::Error,
                               QStringLiteral("the wheel is tagged abi3 but this module is built for one version (%1)").arg(suffix), e.name);
                else if (!rep.filename.abiTags.contains(abi) && !rep.filename.abiTags.contains(abi + QLatin1Char('m'))
                         && !rep.filename.abiTags.contains(abi + QLatin1Char('u')) && !rep.filename.abiTags.contains(abi + QStringLiteral("mu")))
                    addFinding(F, QStringLiteral("extension.suffix-mismatch"), S::Error,
                               QStringLiteral("the module is built for %1 but the wheel's ABI tag is %2").arg(abi, rep.filename.abiTags.join(QLatin1Char('.'))),
                               e.name);
            }
            if (x.abi3 && rep.filename.valid && !abi3Tag && suffix.startsWith(QLatin1String(".abi3")))
                addFinding(F, QStringLiteral("extension.abi3-untagged"), S::Info,
                           QStringLiteral("an abi3 module in a wheel not tagged abi3 (it only installs for the tagged version)"), e.name);
            if (abi3Tag && x.binary.format == BinaryInfo::Format::Pe) {
                for (const QString &n : needed)
                    if (isPythonDll(n) && !isStableAbiDll(n))
                        addFinding(F, QStringLiteral("extension.abi3-violation"), S::Error,
                                   QStringLiteral("tagged abi3 but imports %1 instead of python3.dll: it loads only with that one Python version").arg(n),
                                   e.name);
            }
        }
        // abi3 claimed (suffix or tag): calls outside the stable ABI, where the symbol table tells them.
        if (x.abi3 || (abi3Tag && x.pythonModule)) {
            constexpr int kMaxListed = 50;
            x.abi3NonStableCalls = nonStableAbiCalls(x.binary);
            // PE: which CPython DLL each call is imported from (python3.dll exports only the stable ABI).
            QHash<QString, QString> dllOf;
            if (x.binary.format == BinaryInfo::Format::Pe)
                for (auto it = x.binary.slices.value(0).importsByLibrary.constBegin(); it != x.binary.slices.value(0).importsByLibrary.constEnd(); ++it)
                    if (isPythonDll(it.key()))
                        for (const QString &name : it.value())
                            dllOf.insert(name, it.key());
            for (const QString &call : x.abi3NonStableCalls.mid(0, kMaxListed)) {
                const QString dll = dllOf.value(call);
                QString message;
                if (dll.isEmpty())
                    message = QStringLiteral("claims abi3 but calls %1, which is not in the stable ABI: it may fail to load, or misbehave, "
                                             "on other Python 3 versions").arg(call);
                else if (isStableAbiDll(dll))
                    message = QStringLiteral("claims abi3 but imports %1 from %2, which is not in the stable ABI: %2 does not export it, "
                                             "so loading the module fails (\"DLL load failed\")").arg(call, dll);
                else
                    message = QStringLiteral("claims abi3 but imports %1 from %2, which is not in the stable ABI: it exists only in that "
                                             "Python version's DLL").arg(call, dll);
                addFinding(F, QStringLiteral("extension.abi3-non-stable-call"), S::Warning, message, e.name);
            }
            if (x.abi3NonStableCalls.size() > kMaxListed)
                addFinding(F, QStringLiteral("extension.abi3-non-stable-call"), S::Warning,
                           QStringLiteral("and %1 more calls outside the stable ABI").arg(x.abi3NonStableCalls.size() - kMaxListed), e.name);
        }
        // Windows extensions always import python3X.dll, and Android's (PEP 738) link libpython by design.
        if (x.linksLibpython && x.binary.format != BinaryInfo::Format::Pe && !androidTagged)
            addFinding(F, QStringLiteral("extension.links-libpython"), S::Warning,
                       QStringLiteral("links libpython: it fails with interpreters that link Python statically (most Linux and conda builds)"), e.name);
        if (pureTag)
            addFinding(F, QStringLiteral("wheel.binary-in-pure"), S::Error,
                       QStringLiteral("a native %1 file in a wheel tagged for any platform").arg(x.binary.formatName()), e.name);
        // Architecture and OS against the platform tags.
        for (const PlatformTag &pt : std::as_const(platforms)) {
            if (pt.kind == PlatformTag::Kind::Manylinux || pt.kind == PlatformTag::Kind::Musllinux || pt.kind == PlatformTag::Kind::Linux
                || pt.kind == PlatformTag::Kind::Android) {
                if (x.binary.format != BinaryInfo::Format::Elf)
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                else {
                    QString want = policyArch(pt.arch);
                    if (want == QLatin1String("arm64_v8a"))
                        want = QStringLiteral("aarch64");
                    const QString have = policyArch(x.binary.arch());
                    const bool armOk = want.startsWith(QLatin1String("armv")) && have == QLatin1String("armv7l");
                    if (want != have && !armOk)
                        addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                                   QStringLiteral("built for %1, but the wheel is tagged %2").arg(have, pt.tag), e.name);
                }
            } else if (pt.kind == PlatformTag::Kind::MacOS) {
                if (x.binary.format != BinaryInfo::Format::MachO) {
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                    continue;
                }
                QStringList have;
                for (const BinarySlice &s : std::as_const(x.binary.slices)) {
                    have.append(s.arch);
                    if (!s.platform.isEmpty() && s.platform != QLatin1String("macos")) {
                        addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                                   QStringLiteral("the %1 slice is built for %2, but the wheel is tagged %3").arg(s.arch, s.platform, pt.tag), e.name);
                        continue;
                    }
                    if (!s.minOs.isEmpty()) {
                        const int maj = s.minOs.section(QLatin1Char('.'), 0, 0).toInt(), min = s.minOs.section(QLatin1Char('.'), 1, 1).toInt();
                        // arm64 exists from macOS 11 on, so an arm64 slice meets a 10.x tag with 11.0.
                        const std::pair<int, int> promised = s.arch == QLatin1String("arm64") ? std::max(std::pair(pt.major, pt.minor), std::pair(11, 0))
                                                                                               : std::pair(pt.major, pt.minor);
                        if (std::pair(maj, min) > promised && macosArchitectures(pt.arch).contains(s.arch))
                            addFinding(F, QStringLiteral("extension.macos-version"), S::Error,
                                       QStringLiteral("the %1 slice needs macOS %2, the tag %3 promises %4.%5").arg(s.arch, s.minOs, pt.tag).arg(pt.major).arg(pt.minor),
                                       e.name);
                    }
                }
                for (const QString &a : macosArchitectures(pt.arch))
                    if (!have.contains(a) && platforms.size() == 1)
                        addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                                   QStringLiteral("the tag %1 needs a %2 slice; the file has %3").arg(pt.tag, a, have.join(QLatin1Char('+'))), e.name);
            } else if (pt.kind == PlatformTag::Kind::IOS) {
                if (x.binary.format != BinaryInfo::Format::MachO) {
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                    continue;
                }
                const QString wantPlatform = pt.sdk == QLatin1String("iphonesimulator") ? QStringLiteral("ios-simulator") : QStringLiteral("ios");
                for (const BinarySlice &s : std::as_const(x.binary.slices)) {
                    if (s.arch != pt.arch)
                        addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                                   QStringLiteral("built for %1, but the wheel is tagged %2").arg(s.arch, pt.tag), e.name);
                    if (!s.platform.isEmpty() && s.platform != wantPlatform)
                        addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                                   QStringLiteral("the %1 slice is built for %2, but the wheel is tagged %3 (%4)").arg(s.arch, s.platform, pt.tag, wantPlatform),
                                   e.name);
                    else if (!s.minOs.isEmpty()) {
                        const std::pair<int, int> needs(s.minOs.section(QLatin1Char('.'), 0, 0).toInt(), s.minOs.section(QLatin1Char('.'), 1, 1).toInt());
                        if (needs > std::pair(pt.major, pt.minor))
                            addFinding(F, QStringLiteral("extension.ios-version"), S::Error,
                                       QStringLiteral("the %1 slice needs iOS %2, the tag %3 promises %4.%5").arg(s.arch, s.minOs, pt.tag).arg(pt.major).arg(pt.minor),
                                       e.name);
                    }
                }
            } else if (pt.kind == PlatformTag::Kind::Windows) {
                if (x.binary.format != BinaryInfo::Format::Pe)
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                else if (x.binary.arch() != winArch(pt.arch))
                    addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                               QStringLiteral("built for %1, but the wheel is tagged %2").arg(x.binary.arch(), pt.tag), e.name);
            }
        }
        // Linux policies
        const bool linuxTagged = std::any_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) {
            return p.kind == PlatformTag::Kind::Manylinux || p.kind == PlatformTag::Kind::Musllinux || p.kind == PlatformTag::Kind::Linux;
        });
        if (x.binary.format == BinaryInfo::Format::Elf && linuxTagged) {
            const bool muslTag = std::any_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Musllinux; });
            // No DT_NEEDED and no PT_INTERP tell it: the file name does, as for auditwheel (lddtree).
            const QString libc = x.binary.libc.isEmpty() ? libcFromFileName(e.name) : x.binary.libc;
            const bool musl = libc == QLatin1String("musl") || (libc.isEmpty() && muslTag);
            const PolicyTable &table = musl ? PolicyTable::musllinux() : PolicyTable::manylinux();
            x.policy = table.evaluate(x.binary, e.name, inWheelLibs);
            verdicts.append(x.policy);
            if (!libc.isEmpty())
                libcs[libc].append(e.name);
            verdictFamily = table.family();
        }
        rep.extensions.append(x);
    }
    {
        QStringList members;
        for (const ZipEntryRecord &e : scan.entries)
            members << e.name;
        checkExternalLibraries(rep.extensions, members, F);
    }
    if (libcs.size() > 1) {
        // One wheel, two C libraries: no single policy family (and no installer) can take it.
        addFinding(F, QStringLiteral("policy.libc-mixed"), S::Error,
                   QStringLiteral("the wheel mixes binaries linked against glibc (%1) and musl (%2): one wheel runs on one C library")
                       .arg(libcs.value(QStringLiteral("glibc")).join(QStringLiteral(", ")), libcs.value(QStringLiteral("musl")).join(QStringLiteral(", "))));
    }
    if (!verdicts.isEmpty()) {
        rep.policy = mergeVerdicts(verdicts);
        rep.policy.family = verdictFamily;
        applyRepairPreview(rep, verdictFamily == QLatin1String("musllinux") ? PolicyTable::musllinux() : PolicyTable::manylinux(),
                           LibraryResolver());
        for (const PlatformTag &pt : std::as_const(platforms)) {
            if (pt.kind != PlatformTag::Kind::Manylinux && pt.kind != PlatformTag::Kind::Musllinux)
                continue;
            const PolicyTable &table = pt.kind == PlatformTag::Kind::Musllinux ? PolicyTable::musllinux() : PolicyTable::manylinux();
            const Policy *p = table.find(pt.policyName());
            if (!p) {
                addFinding(F, QStringLiteral("tags.unknown-policy"), S::Warning, QStringLiteral("no policy data for %1").arg(pt.tag));
                continue;
            }
            if (table.family() != rep.policy.family) {
                addFinding(F, QStringLiteral("policy.libc-mismatch"), S::Error,
                           QStringLiteral("tagged %1 but the binaries are built for %2").arg(pt.tag, rep.policy.family == QLatin1String("musllinux") ? QStringLiteral("musl") : QStringLiteral("glibc")));
                continue;
            }
            if (p->priority > rep.policy.priority) {
                QStringList why;
                for (const PolicyCheck &c : std::as_const(rep.policy.better))
                    if (c.policy == p->name)
                        for (const PolicyBlocker &b : c.blockers)
                            if (why.size() < 8)
                                why.append(b.describe());
                addFinding(F, QStringLiteral("policy.tag-not-satisfied"), S::Error,
                           QStringLiteral("tagged %1 but the binaries only satisfy %2: %3").arg(pt.tag, rep.policy.policy, why.join(QStringLiteral("; "))));
            }
        }
        // auditwheel on a glibc host judges musl binaries against the latest musllinux policy only: a
        // binary that meets an older one is reported as that latest one (musllinux_1_2), as it does.
        const PolicyTable &latestMusl = PolicyTable::musllinuxLatest();
        if (rep.policy.family == QLatin1String("musllinux") && !latestMusl.policies().isEmpty()) {
            const Policy &latest = latestMusl.policies().first();
            if (rep.policy.priority > 0) {
                rep.policy.policy = latest.name;
                rep.policy.priority = latest.priority;
            }
            if (rep.policy.symbolPriority > 0) {
                rep.policy.symbolPolicy = latest.name;
                rep.policy.symbolPriority = latest.priority;
            }
        }
        if (rep.policy.policy == QLatin1String("linux"))
            addFinding(F, QStringLiteral("policy.none"), S::Info,
                       QStringLiteral("the native files satisfy no %1 policy (best by symbol versions alone: %2)").arg(rep.policy.family, rep.policy.symbolPolicy));
        for (const ExtensionReport &x : std::as_const(rep.extensions))
            for (const QString &u : x.binary.slices.value(0).undefined)
                if (u == QLatin1String("PyFPE_jbuf"))
                    addFinding(F, QStringLiteral("extension.pyfpe"), S::Warning,
                               QStringLiteral("This wheel uses the PyFPE_jbuf function, which is not compatible with the manylinux policies"), x.path);
    }

    if (F.size() > kMaxFindings) {
        const qsizetype dropped = F.size() - kMaxFindings;
        F.resize(kMaxFindings);
        addFinding(F, QStringLiteral("findings.truncated"), S::Warning, QStringLiteral("%1 more findings were left out").arg(dropped));
    }
    return rep;
}

} // namespace wb
