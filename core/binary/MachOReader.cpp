#include "core/binary/BinaryInfo.h"
#include "core/binary/ByteReader.h"

namespace wb {

namespace {

QString cpuName(quint32 cpu)
{
    switch (cpu) {
    case 7: return QStringLiteral("i386");
    case 0x01000007: return QStringLiteral("x86_64");
    case 12: return QStringLiteral("arm");
    case 0x0100000c: return QStringLiteral("arm64");
    case 0x0200000c: return QStringLiteral("arm64_32");
    case 18: return QStringLiteral("ppc");
    case 0x01000012: return QStringLiteral("ppc64");
    default: return QStringLiteral("cpu-0x%1").arg(cpu, 0, 16);
    }
}

// LC_BUILD_VERSION's platform numbers (mach-o/loader.h).
QString platformName(quint32 p)
{
    switch (p) {
    case 1: return QStringLiteral("macos");
    case 2: return QStringLiteral("ios");
    case 3: return QStringLiteral("tvos");
    case 4: return QStringLiteral("watchos");
    case 6: return QStringLiteral("maccatalyst");
    case 7: return QStringLiteral("ios-simulator");
    case 8: return QStringLiteral("tvos-simulator");
    case 9: return QStringLiteral("watchos-simulator");
    case 11: return QStringLiteral("visionos");
    case 12: return QStringLiteral("visionos-simulator");
    default: return QStringLiteral("platform-%1").arg(p);
    }
}

QString version(quint32 v)
{
    return QStringLiteral("%1.%2").arg(v >> 16).arg((v >> 8) & 0xff) + ((v & 0xff) ? QStringLiteral(".%1").arg(v & 0xff) : QString());
}

// One thin Mach-O image at [base, base+size) of data.
void readSlice(const QByteArray &data, quint64 base, quint64 size, BinaryInfo &info)
{
    const QByteArray image = data.mid(qsizetype(base), qsizetype(size));
    ByteReader r(image);
    const quint32 magic = r.u32(0);
    bool is64 = false;
    if (magic == 0xfeedfacf)
        is64 = true;
    else if (magic == 0xfeedface)
        is64 = false;
    else if (magic == 0xcffaedfe || magic == 0xcefaedfe) {
        r.setBigEndian(true);
        is64 = magic == 0xcffaedfe;
    } else {
        info.problems.append(QStringLiteral("slice at %1 is not a Mach-O image").arg(base));
        return;
    }
    info.is64 = info.is64 || is64;
    BinarySlice slice;
    slice.fileOffset = qint64(base);
    slice.size = image.size();
    slice.arch = cpuName(r.u32(4));
    const quint32 ncmds = std::min<quint32>(r.u32(16), 100000);
    const quint32 sizeofcmds = r.u32(20);
    quint64 off = is64 ? 32 : 28;
    const quint64 end = off + sizeofcmds;
    quint32 symoff = 0, nsyms = 0, stroff = 0, strsize = 0;
    for (quint32 i = 0; i < ncmds && off + 8 <= end && r.has(off, 8); ++i) {
        const quint32 cmd = r.u32(off);
        const quint32 cmdsize = r.u32(off + 4);
        if (cmdsize < 8 || !r.has(off, cmdsize)) {
            info.problems.append(QStringLiteral("a load command runs outside the file"));
            break;
        }
        auto lcStr = [&](quint64 field) { return QString::fromUtf8(r.cstr(off + r.u32(off + field), off + cmdsize, 1024)); };
        switch (cmd) {
        case 0xc: case 0x80000018: case 0x8000001f: case 0x80000023:
            slice.needed.append(lcStr(8));
            break;
        case 0x8000001c:
            slice.rpaths.append(lcStr(8));
            break;
        case 0x24: // LC_VERSION_MIN_MACOSX
        case 0x25: // LC_VERSION_MIN_IPHONEOS
            slice.platform = cmd == 0x24 ? QStringLiteral("macos") : QStringLiteral("ios");
            slice.minOs = version(r.u32(off + 8));
            break;
        case 0x32: // LC_BUILD_VERSION
            slice.platform = platformName(r.u32(off + 8));
            slice.minOs = version(r.u32(off + 12));
            break;
        case 0x2:
            symoff = r.u32(off + 8);
            nsyms = r.u32(off + 12);
            stroff = r.u32(off + 16);
            strsize = r.u32(off + 20);
            info.sections.append({slice.arch + QStringLiteral(" symbol table"),
                                  std::min<qint64>(qint64(nsyms) * (is64 ? 16 : 12) + strsize, image.size()), true});
            break;
        case 0x1: case 0x19: {
            const QString seg = QString::fromUtf8(r.cstr(off + 8, off + 24, 16));
            const quint32 nsects = r.u32(off + (is64 ? 64 : 48));
            quint64 s = off + (is64 ? 72 : 56);
            const quint64 secSize = is64 ? 80 : 68;
            for (quint32 k = 0; k < nsects && k < 4096 && s + secSize <= off + cmdsize; ++k, s += secSize) {
                const QString sect = QString::fromUtf8(r.cstr(s, s + 16, 16));
                const quint64 sz = is64 ? r.u64(s + 40) : r.u32(s + 36);
                const quint32 flags = r.u32(s + (is64 ? 64 : 56));
                const bool zerofill = (flags & 0xff) == 1 || (flags & 0xff) == 0xc;
                const bool debug = seg == QLatin1String("__DWARF");
                const qint64 bytes = zerofill || sz > quint64(image.size()) ? 0 : qint64(sz);
                info.sections.append({slice.arch + QLatin1Char(' ') + seg + QLatin1Char(',') + sect, bytes, debug});
                if (debug)
                    info.debugBytes += bytes;
            }
            break;
        }
        default:
            break;
        }
        off += cmdsize;
    }
    bool stabs = false;
    if (nsyms && r.has(symoff, quint64(nsyms) * (is64 ? 16 : 12)) && r.has(stroff, strsize)) {
        const quint64 ent = is64 ? 16 : 12;
        for (quint32 i = 0; i < nsyms && i < 2000000; ++i) {
            const quint64 s = symoff + i * ent;
            const quint32 strx = r.u32(s);
            const quint8 type = r.u8(s + 4);
            const quint16 desc = r.u16(s + 6);
            if (type & 0xe0) {
                stabs = true;
                continue;
            }
            if (strx >= strsize)
                continue;
            QString name = QString::fromUtf8(r.cstr(stroff + strx, quint64(stroff) + strsize, 1024));
            if (name.startsWith(QLatin1Char('_')))
                name.remove(0, 1);
            const bool ext = type & 0x01;
            const quint8 kind = type & 0x0e;
            if (ext && kind == 0 && !(desc & 0x40)) // undefined, not weak
                slice.undefined.append(name);
            else if (ext && kind != 0 && (name.startsWith(QLatin1String("PyInit_")) || name.startsWith(QLatin1String("PyModExport_"))))
                slice.exports.append(name);
        }
    }
    if (stabs)
        info.hasSymtab = true;
    if (!r.ok())
        info.problems.append(QStringLiteral("some Mach-O structures point outside the file"));
    info.slices.append(slice);
}

} // namespace

BinaryInfo readMachO(const QByteArray &data)
{
    BinaryInfo info;
    info.fileSize = data.size();
    ByteReader be(data, true);
    const quint32 magic = be.u32(0);
    if (magic == 0xcafebabe || magic == 0xcafebabf) {
        const bool fat64 = magic == 0xcafebabf;
        const quint32 n = be.u32(4);
        if (n == 0 || n > 64) {
            info.problems.append(QStringLiteral("not a fat Mach-O (bad architecture count %1)").arg(n));
            return info;
        }
        info.format = BinaryInfo::Format::MachO;
        for (quint32 i = 0; i < n; ++i) {
            const quint64 a = 8 + quint64(i) * (fat64 ? 32 : 20);
            const quint64 off = fat64 ? be.u64(a + 8) : be.u32(a + 8);
            const quint64 size = fat64 ? be.u64(a + 16) : be.u32(a + 12);
            if (!be.ok() || !be.has(off, size)) {
                info.problems.append(QStringLiteral("fat slice %1 lies outside the file").arg(i));
                continue;
            }
            readSlice(data, off, size, info);
        }
    } else {
        info.format = BinaryInfo::Format::MachO;
        readSlice(data, 0, quint64(data.size()), info);
    }
    if (info.slices.isEmpty())
        info.format = BinaryInfo::Format::Unknown;
    info.stripped = !info.hasSymtab && info.debugBytes == 0;
    return info;
}

bool looksLikeBinary(const QByteArray &h)
{
    if (h.startsWith("\x7f" "ELF") || h.startsWith("MZ"))
        return true;
    if (h.size() < 4)
        return false;
    const quint32 m = (quint32(quint8(h[0])) << 24) | (quint32(quint8(h[1])) << 16) | (quint32(quint8(h[2])) << 8) | quint8(h[3]);
    return m == 0xcafebabe || m == 0xcafebabf || m == 0xfeedface || m == 0xfeedfacf || m == 0xcefaedfe || m == 0xcffaedfe;
}

BinaryInfo readBinary(const QByteArray &data)
{
    if (data.startsWith("\x7f" "ELF"))
        return readElf(data);
    if (data.startsWith("MZ"))
        return readPe(data);
    if (looksLikeBinary(data))
        return readMachO(data);
    BinaryInfo info;
    info.fileSize = data.size();
    info.problems.append(QStringLiteral("not an ELF, PE or Mach-O file"));
    return info;
}

QString BinaryInfo::formatName() const
{
    switch (format) {
    case Format::Elf: return QStringLiteral("ELF");
    case Format::Pe: return QStringLiteral("PE");
    case Format::MachO: return QStringLiteral("Mach-O");
    case Format::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString BinaryInfo::arch() const
{
    QStringList a;
    for (const BinarySlice &s : slices)
        a.append(s.arch);
    return a.join(QLatin1Char('+'));
}

QStringList BinaryInfo::allNeeded() const
{
    QStringList out;
    for (const BinarySlice &s : slices)
        for (const QString &n : s.needed)
            if (!out.contains(n))
                out.append(n);
    return out;
}

QStringList BinaryInfo::allExports() const
{
    QStringList out;
    for (const BinarySlice &s : slices)
        for (const QString &n : s.exports)
            if (!out.contains(n))
                out.append(n);
    return out;
}

bool BinaryInfo::linksLibpython() const
{
    // Every Windows extension imports python3.dll or python3X.dll: that is how a .pyd reaches the
    // interpreter, not "linking libpython" in the Linux/macOS sense (which static-Python interpreters break).
    if (format == Format::Pe)
        return false;
    for (const QString &n : allNeeded()) {
        const QString l = n.toLower();
        const QString base = l.section(QLatin1Char('/'), -1);
        if (base.startsWith(QLatin1String("libpython")) || base == QLatin1String("python") /* framework */)
            return true;
    }
    return false;
}

} // namespace wb
