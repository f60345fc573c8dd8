#include "core/wheel/TarWalk.h"

#include "core/wheel/ZipDirectory.h"

#include <QHash>
#include <QIODevice>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <limits>

namespace wb {

namespace {

using S = Finding::Severity;
constexpr qint64 kMaxExtendedHeader = 1 << 20; // GNU long names and pax headers larger than this are skipped

// Octal (NUL/space terminated) or GNU base-256 numbers; -1 when malformed.
qint64 number(const char *p, int len)
{
    if (quint8(p[0]) & 0x80) {
        qint64 v = 0;
        for (int i = 1; i < len; ++i) {
            if (v > (qint64(1) << 54))
                return -1;
            v = (v << 8) | quint8(p[i]);
        }
        return (quint8(p[0]) & 0x7f) == 0 ? v : -1;
    }
    qint64 v = 0;
    int i = 0;
    while (i < len && p[i] == ' ')
        ++i;
    bool any = false;
    for (; i < len && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (v > (qint64(1) << 60))
            return -1;
        v = v * 8 + (p[i] - '0');
        any = true;
    }
    for (; i < len; ++i)
        if (p[i] != ' ' && p[i] != '\0')
            return -1;
    return any ? v : 0;
}

QByteArray field(const char *p, int len)
{
    return QByteArray(p, qsizetype(strnlen(p, size_t(len))));
}

bool readFull(QIODevice &d, char *buf, qint64 n)
{
    qint64 got = 0;
    while (got < n) {
        const qint64 r = d.read(buf + got, n - got);
        if (r <= 0)
            return false;
        got += r;
    }
    return true;
}

// Reads `size` bytes (plus padding to 512); keeps at most `keep` of them in *out (when given).
bool consume(QIODevice &d, qint64 size, QByteArray *out, qint64 keep)
{
    if (size < 0 || size > std::numeric_limits<qint64>::max() - 511) // a pax "size" can say anything
        return false;
    const qint64 padded = (size + 511) / 512 * 512;
    char buf[65536];
    qint64 left = padded;
    while (left > 0) {
        const qint64 n = d.read(buf, std::min<qint64>(left, qint64(sizeof buf)));
        if (n <= 0)
            return false;
        if (out && out->size() < keep && out->size() < size)
            out->append(buf, qsizetype(std::min<qint64>({n, keep - out->size(), size - out->size()})));
        left -= n;
    }
    return true;
}

// pax records: "LEN key=value\n"
QHash<QByteArray, QByteArray> paxRecords(const QByteArray &data)
{
    QHash<QByteArray, QByteArray> out;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype sp = data.indexOf(' ', pos);
        if (sp < 0)
            break;
        bool ok = false;
        const qsizetype len = data.mid(pos, sp - pos).toLongLong(&ok);
        if (!ok || len <= sp - pos || len > data.size() - pos)
            break;
        const QByteArray rec = data.mid(sp + 1, len - (sp - pos) - 2); // without the trailing newline
        const qsizetype eq = rec.indexOf('=');
        if (eq > 0)
            out.insert(rec.left(eq), rec.mid(eq + 1));
        pos += len;
    }
    return out;
}

// Whether `target`, seen from the folder of `entry`, stays inside the archive's tree.
bool staysInside(const QString &entry, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')) || target.startsWith(QLatin1Char('\\')))
        return false;
    QStringList parts = entry.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty())
        parts.removeLast(); // the link itself
    for (const QString &p : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (p == QLatin1String("..")) {
            if (parts.isEmpty())
                return false;
            parts.removeLast();
        } else if (p != QLatin1String(".")) {
            parts.append(p);
        }
    }
    return true;
}

} // namespace

TarWalk TarWalk::walk(QIODevice &d, qsizetype maxEntries)
{
    TarWalk w;
    char h[512];
    QByteArray longName, longLink;
    QHash<QByteArray, QByteArray> pax;
    QHash<QString, int> seen;
    int zeroBlocks = 0;
    while (true) {
        if (!readFull(d, h, 512)) {
            if (w.entries.isEmpty() && zeroBlocks == 0) {
                w.error = QStringLiteral("not a tar archive, or its compression cannot be read");
                return w;
            }
            if (zeroBlocks == 0)
                addFinding(w.findings, QStringLiteral("sdist.truncated"), S::Error,
                           QStringLiteral("the archive ends without its end-of-archive blocks (truncated?)"));
            break;
        }
        if (std::all_of(h, h + 512, [](char c) { return c == 0; })) {
            if (++zeroBlocks == 2)
                break;
            continue;
        }
        zeroBlocks = 0;
        // Checksum: the header's bytes with the checksum field counted as spaces.
        qint64 sum = 0;
        for (int i = 0; i < 512; ++i)
            sum += (i >= 148 && i < 156) ? ' ' : quint8(h[i]);
        const qint64 stated = number(h + 148, 8);
        if (stated != sum) {
            if (w.entries.isEmpty()) {
                w.error = QStringLiteral("not a tar archive (the first header's checksum is wrong)");
                return w;
            }
            addFinding(w.findings, QStringLiteral("sdist.corrupt-header"), S::Error,
                       QStringLiteral("a header's checksum is wrong after '%1': the rest is not read").arg(w.entries.last().name));
            break;
        }
        const char type = h[156] == 0 ? '0' : h[156];
        const qint64 size = number(h + 124, 12);
        if (size < 0) {
            addFinding(w.findings, QStringLiteral("sdist.corrupt-header"), S::Error, QStringLiteral("a header's size field is malformed"));
            break;
        }
        if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
            QByteArray data;
            if (!consume(d, size, &data, kMaxExtendedHeader)) {
                addFinding(w.findings, QStringLiteral("sdist.truncated"), S::Error, QStringLiteral("the archive ends inside an extended header"));
                break;
            }
            if (size > kMaxExtendedHeader)
                addFinding(w.findings, QStringLiteral("sdist.oversized-header"), S::Error,
                           QStringLiteral("an extended header of %1 bytes (more than this reader accepts)").arg(size));
            else if (type == 'L')
                longName = field(data.constData(), int(data.size()));
            else if (type == 'K')
                longLink = field(data.constData(), int(data.size()));
            else if (type == 'x')
                pax = paxRecords(data);
            continue;
        }
        TarEntryRecord e;
        e.type = type;
        e.size = size;
        QByteArray name = field(h, 100);
        if (std::memcmp(h + 257, "ustar", 5) == 0) {
            const QByteArray prefix = field(h + 345, 155);
            if (!prefix.isEmpty())
                name = prefix + '/' + name;
        }
        QByteArray link = field(h + 157, 100);
        if (!longName.isEmpty())
            name = longName;
        if (!longLink.isEmpty())
            link = longLink;
        if (pax.contains("path"))
            name = pax.value("path");
        if (pax.contains("linkpath"))
            link = pax.value("linkpath");
        if (pax.contains("size")) {
            bool ok = false;
            const qint64 s = pax.value("size").toLongLong(&ok);
            if (ok && s >= 0)
                e.size = s;
        }
        longName.clear();
        longLink.clear();
        pax.clear();
        e.rawName = name;
        e.name = QString::fromUtf8(name);
        e.linkTarget = QString::fromUtf8(link);
        // Data follows files (and, oddly, anything with a size except links and directories).
        const bool hasData = type != '1' && type != '2' && type != '5' && type != '3' && type != '4' && type != '6';
        if (hasData && !consume(d, e.size, nullptr, 0)) {
            addFinding(w.findings, QStringLiteral("sdist.truncated"), S::Error, QStringLiteral("the archive ends inside this member's data"), e.name);
            w.entries.append(e);
            break;
        }
        QByteArray checked = name;
        if (checked.startsWith("./"))
            checked = checked.mid(2);
        for (const NameProblem &p : checkMemberName(checked, true)) {
            QString id = p.id;
            id.replace(QLatin1String("zip."), QLatin1String("sdist."));
            addFinding(w.findings, id, S::Error, p.message, e.name);
        }
        if (type == '2' || type == '1') {
            const bool inside = type == '2' ? staysInside(QString::fromUtf8(checked), e.linkTarget)
                                            : staysInside(QStringLiteral("x"), e.linkTarget);
            if (!inside)
                addFinding(w.findings, type == '2' ? QStringLiteral("sdist.symlink-outside") : QStringLiteral("sdist.hardlink-outside"), S::Error,
                           QStringLiteral("a %1 to '%2', outside the archive's tree: unpacking it can overwrite or expose other files")
                               .arg(type == '2' ? QStringLiteral("symbolic link") : QStringLiteral("hard link"), e.linkTarget),
                           e.name);
            else if (type == '2')
                addFinding(w.findings, QStringLiteral("sdist.symlink"), S::Warning,
                           QStringLiteral("a symbolic link to '%1' (not portable to Windows)").arg(e.linkTarget), e.name);
        } else if (type == '3' || type == '4' || type == '6') {
            addFinding(w.findings, QStringLiteral("sdist.special-file"), S::Error,
                       QStringLiteral("a device or FIFO entry: no place in a source distribution"), e.name);
        }
        QString key = QString::fromUtf8(checked);
        while (key.endsWith(QLatin1Char('/')))
            key.chop(1);
        if (seen.contains(key) && type != '5')
            addFinding(w.findings, QStringLiteral("sdist.duplicate-name"), S::Warning,
                       QStringLiteral("the name appears more than once: the last copy wins when unpacked"), e.name);
        seen.insert(key, 1);
        w.entries.append(e);
        if (w.entries.size() >= maxEntries) {
            addFinding(w.findings, QStringLiteral("sdist.too-many-entries"), S::Error,
                       QStringLiteral("more than %1 entries: the rest is not read").arg(maxEntries));
            break;
        }
    }
    w.readable = true;
    return w;
}

} // namespace wb
