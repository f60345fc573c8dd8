#include "core/wheel/ZipDirectory.h"

#include "core/wheel/CentralDirectory.h"

#include "core/wheel/PathSet.h"
#include "core/wheel/WheelNames.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <unistd.h>

#include <algorithm>
#include <array>

namespace wb {

namespace {

constexpr quint32 kLocalSig = CentralDirectory::kLocalSig;
constexpr quint32 kCentralSig = CentralDirectory::kCentralSig;

quint16 u16(const char *p) { return zipU16(p); }
quint32 u32(const char *p) { return zipU32(p); }

bool readAt(QIODevice &d, quint64 offset, qint64 len, QByteArray &out)
{
    if (!d.seek(qint64(offset)))
        return false;
    out = d.read(len);
    return out.size() == len;
}

// Reads len bytes at offset into buf: one pread() on a file, seek and read otherwise.
bool readInto(QIODevice &d, int fd, quint64 offset, qint64 len, char *buf)
{
    if (fd >= 0) {
        qint64 done = 0;
        while (done < len) {
            const ssize_t got = ::pread(fd, buf + done, size_t(len - done), off_t(offset + quint64(done)));
            if (got <= 0)
                return false;
            done += got;
        }
        return true;
    }
    return d.seek(qint64(offset)) && d.read(buf, len) == len;
}

// `ascii`: wheelnames::isAscii(raw), which the caller knows already.
QString decodeName(const QByteArray &raw, bool ascii, bool *validUtf8)
{
    // Nearly every name is ASCII: no decoder needed.
    if (ascii) {
        *validUtf8 = true;
        return QString::fromLatin1(raw);
    }
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = dec.decode(raw);
    *validUtf8 = !dec.hasError();
    if (!*validUtf8)
        s = QString::fromLatin1(raw);
    return s;
}

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

QString truncatedData()
{
    return QStringLiteral("the entry's data runs past the start of the central directory (truncated or overlapping)");
}

struct Span {
    quint64 begin;
    quint64 end;
    qsizetype index;
};

// Entries whose data begins inside the data of the entry before (in file order).
void addOverlaps(QList<Span> &spans, const QList<ZipEntryRecord> &entries, FindingList &findings)
{
    const auto byBegin = [](const Span &a, const Span &b) { return a.begin < b.begin; };
    if (!std::is_sorted(spans.begin(), spans.end(), byBegin)) // writers store members in order
        std::sort(spans.begin(), spans.end(), byBegin);
    for (qsizetype i = 1; i < spans.size(); ++i) {
        if (spans[i].begin < spans[i - 1].end)
            addFinding(findings, QStringLiteral("zip.overlap"), Finding::Severity::Error,
                       QStringLiteral("the entry overlaps '%1' (a zip-bomb or parser-confusion technique)").arg(entries[spans[i - 1].index].name),
                       entries[spans[i].index].name);
    }
}

} // namespace

QString missingLocalHeader(quint64 offset)
{
    return QStringLiteral("no local header at offset %1 (truncated or corrupt archive)").arg(hex(offset));
}

quint64 compareLocalHeader(const ZipEntryRecord &r, const char *l, qsizetype available, const ReadBytes &readBytes, QList<NameProblem> *problems)
{
    const quint16 lNameLen = u16(l + 26);
    const quint16 lExtraLen = u16(l + 28);
    const bool sameName = lNameLen == r.rawName.size() && available >= 30 + qsizetype(lNameLen)
        && QByteArrayView(l + 30, lNameLen) == QByteArrayView(r.rawName);
    if (!sameName) {
        const QByteArray lName = readBytes(r.localOffset + 30, lNameLen);
        if (lName != r.rawName)
            problems->append({QStringLiteral("zip.header-mismatch"), QStringLiteral("the local header names the entry '%1'").arg(QString::fromUtf8(lName))});
    }
    if (u16(l + 8) != r.method)
        problems->append({QStringLiteral("zip.header-mismatch"), QStringLiteral("local header and central directory disagree on the compression method")});
    const bool descriptor = u16(l + 6) & 0x8;
    if (!descriptor) {
        const quint32 lcrc = u32(l + 14);
        const quint32 lcomp = u32(l + 18);
        const quint32 lsize = u32(l + 22);
        const bool zip64 = lcomp == 0xFFFFFFFF || lsize == 0xFFFFFFFF;
        if (lcrc != r.crc || (!zip64 && (lcomp != r.compressedSize || lsize != r.uncompressedSize)))
            problems->append({QStringLiteral("zip.header-mismatch"), QStringLiteral("local header and central directory disagree on CRC or sizes")});
    }
    return r.localOffset + 30 + lNameLen + lExtraLen;
}

FindingList ZipScan::spanFindings(const QList<ZipEntryRecord> &entries, quint64 centralDirectoryOffset)
{
    FindingList findings;
    QList<Span> spans;
    spans.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ZipEntryRecord &r = entries.at(i);
        if (r.dataOffset == 0)
            continue;
        const quint64 end = r.dataOffset + r.compressedSize;
        if (end > centralDirectoryOffset)
            addFinding(findings, QStringLiteral("zip.truncated"), Finding::Severity::Error, truncatedData(), r.name);
        spans.append({r.localOffset, end, i});
    }
    addOverlaps(spans, entries, findings);
    return findings;
}

QList<NameProblem> checkMemberName(const QByteArray &raw, bool utf8Flag)
{
    Q_UNUSED(utf8Flag);
    QList<NameProblem> out;
    // Nearly every name is fine: one branch-free pass over the bytes says so.
    static constexpr std::array<bool, 256> kOdd = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c)
            t[size_t(c)] = true;
        t[0x7f] = t[size_t('\\')] = true;
        return t;
    }();
    bool odd = false, dots = false;
    char previous = 0;
    for (const char c : raw) {
        odd |= kOdd[quint8(c)];
        dots |= (previous == '.') & (c == '.');
        previous = c;
    }
    const bool suspicious = odd || dots || raw.isEmpty() || raw.startsWith('/') || (raw.size() >= 2 && raw.at(1) == ':');
    if (!suspicious)
        return out;
    if (raw.isEmpty()) {
        out.append({QStringLiteral("zip.empty-name"), QStringLiteral("an entry has an empty name")});
        return out;
    }
    for (char c : raw) {
        const auto u = quint8(c);
        if (u < 0x20 || u == 0x7f) {
            out.append({QStringLiteral("zip.control-byte"),
                        QStringLiteral("the name contains the control byte 0x%1").arg(u, 2, 16, QLatin1Char('0'))});
            break;
        }
    }
    if (raw.contains('\\'))
        out.append({QStringLiteral("zip.backslash"),
                    QStringLiteral("the name contains a backslash (a path separator on Windows)")});
    if (raw.startsWith('/') || raw.startsWith('\\') || (raw.size() >= 2 && raw.at(1) == ':'))
        out.append({QStringLiteral("zip.absolute-path"), QStringLiteral("the name is an absolute path")});
    // A ".." component, with either separator.
    for (qsizetype i = raw.indexOf(".."); i >= 0; i = raw.indexOf("..", i + 1)) {
        const bool startOk = i == 0 || raw.at(i - 1) == '/' || raw.at(i - 1) == '\\';
        const bool endOk = i + 2 == raw.size() || raw.at(i + 2) == '/' || raw.at(i + 2) == '\\';
        if (startOk && endOk) {
            out.append({QStringLiteral("zip.path-traversal"),
                        QStringLiteral("the name has a '..' component and would be written outside the target folder")});
            break;
        }
    }
    return out;
}

ZipScan ZipScan::scanFile(const QString &path, const ZipLimits &limits, const HeaderFilter &readLocalHeader, SpanCheck spanCheck)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        ZipScan s;
        s.error = QStringLiteral("cannot open the file: %1").arg(f.errorString());
        return s;
    }
    return scan(f, limits, readLocalHeader, spanCheck);
}

ZipScan ZipScan::scan(QIODevice &d, const ZipLimits &limits, const HeaderFilter &readLocalHeader, SpanCheck spanCheck)
{
    using S = Finding::Severity;
    ZipScan s;
    s.fileSize = quint64(d.size());
    const CentralDirectory dir = CentralDirectory::read(d, limits);
    s.findings = dir.findings;
    s.centralDirectoryOffset = dir.offset;
    s.centralDirectorySize = dir.size;
    if (!dir.error.isEmpty()) {
        s.error = dir.error;
        return s;
    }
    const QByteArray &cd = dir.bytes;
    const quint64 count = dir.count;
    qsizetype pos = 0;
    quint64 totalDeclared = 0;
    PathSet seenFolded(qsizetype(std::min<quint64>(count, quint64(limits.maxEntries)))); // case-folded names, first entry of each
    QSet<QByteArray> collided;            // names that differed from an earlier one only in case
    s.entries.reserve(qsizetype(std::min<quint64>(count, quint64(limits.maxEntries))));
    while (pos + 46 <= cd.size()) {
        const char *c = cd.constData() + pos;
        if (u32(c) != kCentralSig)
            break;
        ZipEntryRecord r;
        const quint16 nameLen = u16(c + 28);
        const quint16 extraLen = u16(c + 30);
        const quint16 commentLen2 = u16(c + 32);
        if (pos + 46 + nameLen + extraLen + commentLen2 > cd.size()) {
            addFinding(s.findings, QStringLiteral("zip.corrupt-directory"), S::Error,
                       QStringLiteral("a central directory record runs past the end of the directory"));
            break;
        }
        readCentralRecord(c, r);
        r.rawName = cd.mid(pos + 46, nameLen);
        bool utf8 = true;
        const bool ascii = wheelnames::isAscii(r.rawName);
        r.name = decodeName(r.rawName, ascii, &utf8);
        r.isDirectory = r.rawName.endsWith('/');
        const quint32 mode = r.externalAttr >> 16;
        r.isSymlink = (r.madeBy >> 8) == 3 && (mode & 0170000) == 0120000;
        pos += 46 + nameLen + extraLen + commentLen2;

        if (s.entries.size() >= limits.maxEntries)
            break;
        if (!utf8)
            addFinding(s.findings, QStringLiteral("zip.name-not-utf8"), S::Error,
                       QStringLiteral("the member name is not UTF-8 (PEP 427 requires UTF-8 names)"), r.name);
        for (const NameProblem &p : checkMemberName(r.rawName, r.flags & 0x800))
            addFinding(s.findings, p.id, S::Error, p.message, r.name);
        if (r.isSymlink)
            addFinding(s.findings, QStringLiteral("zip.symlink"), S::Error,
                       QStringLiteral("the entry is a symbolic link; installers write it as a regular file holding the target"), r.name);
        if (r.flags & 0x1)
            addFinding(s.findings, QStringLiteral("zip.encrypted"), S::Error, QStringLiteral("the entry is encrypted"), r.name);
        if (r.method != 0 && r.method != 8)
            addFinding(s.findings, QStringLiteral("zip.compression-method"), S::Error,
                       QStringLiteral("compression method %1 (only stored and deflate are allowed in wheels)").arg(r.method), r.name);
        if (commentLen2 > 0)
            addFinding(s.findings, QStringLiteral("zip.entry-comment"), S::Info, QStringLiteral("the entry has a comment"), r.name);
        // Exact duplicates and names equal but for case, with one lookup of the case-folded name: a raw
        // name seen before folds to a key already present, held by that name or by an earlier collider.
        const QString folded = ascii ? QString() : r.name.toCaseFolded(); // ASCII folds in the hash
        const qsizetype earlier = seenFolded.findOrInsert(folded.isNull() ? PathSet::hashFoldedAscii(r.rawName) : PathSet::hash(folded), s.entries.size(), [&](qsizetype k) {
            const QString &other = s.entries.at(k).name;
            return other.size() == r.name.size() && other.toCaseFolded() == r.name.toCaseFolded();
        });
        if (earlier >= 0 && (s.entries.at(earlier).rawName == r.rawName || collided.contains(r.rawName))) {
            addFinding(s.findings, QStringLiteral("zip.duplicate-name"), S::Error,
                       QStringLiteral("the name appears more than once; readers disagree on which copy wins"), r.name);
        } else if (earlier >= 0) {
            collided.insert(r.rawName);
            addFinding(s.findings, QStringLiteral("zip.duplicate-name-case"), S::Error,
                       QStringLiteral("differs from '%1' only in case: they collide on Windows and macOS").arg(s.entries.at(earlier).name), r.name);
        }
        if (r.uncompressedSize > limits.maxEntrySize)
            addFinding(s.findings, QStringLiteral("zip.bomb"), S::Error,
                       QStringLiteral("declares %1 bytes uncompressed, more than the %2 this reader accepts").arg(r.uncompressedSize).arg(limits.maxEntrySize), r.name);
        else if (r.uncompressedSize > (1u << 20) && double(r.uncompressedSize) > limits.maxEntryRatio * double(std::max<quint64>(1, r.compressedSize)))
            addFinding(s.findings, QStringLiteral("zip.bomb"), S::Error,
                       QStringLiteral("compression ratio %1:1 (%2 bytes from %3): a zip bomb?")
                           .arg(qint64(double(r.uncompressedSize) / double(std::max<quint64>(1, r.compressedSize))))
                           .arg(r.uncompressedSize).arg(r.compressedSize), r.name);
        totalDeclared += std::min<quint64>(r.uncompressedSize, limits.maxTotalSize);
        s.entries.append(std::move(r));
    }
    if (quint64(s.entries.size()) != count)
        addFinding(s.findings, QStringLiteral("zip.eocd-mismatch"), S::Error,
                   QStringLiteral("the end record announces %1 entries, the central directory has %2").arg(count).arg(s.entries.size()));
    if (totalDeclared > limits.maxTotalSize)
        addFinding(s.findings, QStringLiteral("zip.bomb"), S::Error,
                   QStringLiteral("the entries declare more than %1 bytes in total").arg(limits.maxTotalSize));
    quint64 totalCompressed = 0;
    for (const ZipEntryRecord &r : std::as_const(s.entries))
        totalCompressed += r.compressedSize;
    if (totalDeclared > 64ull * 1024 * 1024 && double(totalDeclared) > 50.0 * double(std::max<quint64>(1, totalCompressed)))
        addFinding(s.findings, QStringLiteral("zip.compression-ratio"), S::Error,
                   QStringLiteral("more than 64 MiB unpack at a ratio above 50:1 (PyPI rejects such uploads)"));

    // Local headers: present, and agreeing with the central directory.
    QList<Span> spans;
    spans.reserve(s.entries.size());
    auto *file = qobject_cast<QFile *>(&d);
    const int fd = file ? file->handle() : -1;
    QByteArray lh(30 + 65535, Qt::Uninitialized); // the fixed header and the longest name
    const auto readBytes = [&](quint64 offset, qint64 len) {
        QByteArray out;
        return readAt(d, offset, len, out) ? out : QByteArray();
    };
    const bool spansNow = spanCheck == SpanCheck::Now;
    const QString truncated = truncatedData();
    for (qsizetype i = 0; i < s.entries.size(); ++i) {
        ZipEntryRecord &r = s.entries[i];
        if (readLocalHeader && !readLocalHeader(r)) {
            // Not read: the span assumes the local header repeats the name without extra field, so it
            // can only end earlier than the real one (no false overlap or truncation).
            const quint64 end = r.localOffset + 30 + quint64(r.rawName.size()) + r.compressedSize;
            if (spansNow && end > s.centralDirectoryOffset)
                addFinding(s.findings, QStringLiteral("zip.truncated"), S::Error, truncated, r.name);
            spans.append({r.localOffset, end, i});
            continue;
        }
        // The fixed header and (when it has the expected length) the name, in one read.
        const quint64 want = std::min<quint64>(30 + quint64(r.rawName.size()), s.centralDirectoryOffset - std::min(r.localOffset, s.centralDirectoryOffset));
        if (r.localOffset + 30 > s.centralDirectoryOffset || !readInto(d, fd, r.localOffset, qint64(want), lh.data())
            || u32(lh.constData()) != kLocalSig) {
            addFinding(s.findings, QStringLiteral("zip.missing-local-header"), S::Error, missingLocalHeader(r.localOffset), r.name);
            continue;
        }
        QList<NameProblem> problems;
        r.dataOffset = compareLocalHeader(r, lh.constData(), qsizetype(want), readBytes, &problems);
        for (const NameProblem &p : std::as_const(problems))
            addFinding(s.findings, p.id, S::Error, p.message, r.name);
        const quint64 end = r.dataOffset + r.compressedSize;
        if (spansNow && end > s.centralDirectoryOffset)
            addFinding(s.findings, QStringLiteral("zip.truncated"), S::Error, truncated, r.name);
        spans.append({r.localOffset, end, i});
    }
    if (spansNow)
        addOverlaps(spans, s.entries, s.findings);
    s.readable = true;
    return s;
}

} // namespace wb
