#include "core/binary/BinaryInfo.h"
#include "core/binary/ByteReader.h"

#include <QHash>

namespace wb {

namespace {

constexpr int kMaxSymbolsPerVersion = 200;
constexpr quint32 SHT_SYMTAB = 2, SHT_DYNAMIC = 6, SHT_DYNSYM = 11, SHT_GNU_verneed = 0x6ffffffe,
                  SHT_GNU_versym = 0x6fffffff, SHT_NOBITS = 8;

struct Section {
    QString name;
    quint32 type = 0;
    quint64 offset = 0;
    quint64 size = 0;
    quint32 link = 0;
    quint64 entsize = 0;
};

QString machineName(quint16 m, bool is64, bool big)
{
    switch (m) {
    case 3: return QStringLiteral("i686");
    case 62: return QStringLiteral("x86_64");
    case 183: return QStringLiteral("aarch64");
    case 40: return QStringLiteral("armv7l");
    case 8: return is64 ? QStringLiteral("mips64") : QStringLiteral("mips");
    case 20: return QStringLiteral("ppc");
    case 21: return big ? QStringLiteral("ppc64") : QStringLiteral("ppc64le");
    case 22: return QStringLiteral("s390x");
    case 243: return is64 ? QStringLiteral("riscv64") : QStringLiteral("riscv32");
    case 258: return QStringLiteral("loongarch64");
    default: return QStringLiteral("elf-machine-%1").arg(m);
    }
}

bool isDebugSection(const QString &n)
{
    return n.startsWith(QLatin1String(".debug")) || n.startsWith(QLatin1String(".zdebug")) || n == QLatin1String(".symtab")
        || n == QLatin1String(".strtab");
}

} // namespace

BinaryInfo readElf(const QByteArray &data)
{
    BinaryInfo info;
    info.fileSize = data.size();
    if (data.size() < 52 || !data.startsWith("\x7f" "ELF")) {
        info.problems.append(QStringLiteral("not an ELF file"));
        return info;
    }
    const quint8 cls = quint8(data.at(4));
    const quint8 enc = quint8(data.at(5));
    if ((cls != 1 && cls != 2) || (enc != 1 && enc != 2)) {
        info.problems.append(QStringLiteral("invalid ELF class or data encoding"));
        return info;
    }
    const bool is64 = cls == 2;
    const bool big = enc == 2;
    ByteReader r(data, big);
    info.is64 = is64;
    info.format = BinaryInfo::Format::Elf;
    BinarySlice slice;
    slice.size = data.size();
    slice.arch = machineName(r.u16(18), is64, big);

    const quint64 shoff = is64 ? r.u64(0x28) : r.u32(0x20);
    const quint16 shentsize = r.u16(is64 ? 0x3A : 0x2E);
    quint64 shnum = r.u16(is64 ? 0x3C : 0x30);
    quint32 shstrndx = r.u16(is64 ? 0x3E : 0x32);
    const quint64 phoff = is64 ? r.u64(0x20) : r.u32(0x1C);
    const quint16 phentsize = r.u16(is64 ? 0x36 : 0x2A);
    const quint16 phnum = r.u16(is64 ? 0x38 : 0x2C);

    // PT_INTERP
    for (quint16 i = 0; i < phnum && phentsize >= (is64 ? 56 : 32); ++i) {
        const quint64 p = phoff + quint64(i) * phentsize;
        if (!r.has(p, phentsize))
            break;
        if (r.u32(p) == 3) {
            const quint64 off = is64 ? r.u64(p + 8) : r.u32(p + 4);
            info.interpreter = QString::fromUtf8(r.cstr(off));
        }
    }

    QList<Section> sections;
    if (shoff != 0 && shentsize >= (is64 ? 64 : 40)) {
        if (shnum == 0 && r.has(shoff, shentsize))
            shnum = is64 ? r.u64(shoff + 0x20) : r.u32(shoff + 0x14); // extended numbering
        if (shstrndx == 0xffff && r.has(shoff, shentsize))
            shstrndx = r.u32(shoff + (is64 ? 0x28 : 0x18));
        if (shnum > 65536 || !r.has(shoff, shnum * shentsize)) {
            info.problems.append(QStringLiteral("section header table lies outside the file"));
            shnum = 0;
        }
        for (quint64 i = 0; i < shnum; ++i) {
            const quint64 s = shoff + i * shentsize;
            Section sec;
            sec.type = r.u32(s + 4);
            sec.offset = is64 ? r.u64(s + 0x18) : r.u32(s + 0x10);
            sec.size = is64 ? r.u64(s + 0x20) : r.u32(s + 0x14);
            sec.link = r.u32(s + (is64 ? 0x28 : 0x18));
            sec.entsize = is64 ? r.u64(s + 0x38) : r.u32(s + 0x24);
            sec.name = QString::number(r.u32(s)); // resolved below
            sections.append(sec);
        }
        if (shstrndx < sections.size()) {
            const Section &strs = sections.at(shstrndx);
            for (Section &sec : sections) {
                const quint64 nameOff = sec.name.toULongLong();
                sec.name = r.has(strs.offset, strs.size) ? QString::fromUtf8(r.cstr(strs.offset + nameOff, strs.offset + strs.size, 256))
                                                         : QString();
            }
        } else {
            for (Section &sec : sections)
                sec.name.clear();
        }
    } else {
        info.problems.append(QStringLiteral("no section headers"));
    }

    const Section *dynsym = nullptr, *dynamic = nullptr, *versym = nullptr, *verneed = nullptr;
    for (const Section &sec : std::as_const(sections)) {
        const bool inFile = sec.type != SHT_NOBITS && r.has(sec.offset, sec.size);
        if (!sec.name.isEmpty() && sec.type != 0)
            info.sections.append({sec.name, sec.type == SHT_NOBITS ? 0 : qint64(sec.size), isDebugSection(sec.name)});
        if (isDebugSection(sec.name) && inFile)
            info.debugBytes += qint64(sec.size);
        if (sec.type == SHT_SYMTAB)
            info.hasSymtab = true;
        if (!inFile)
            continue;
        if (sec.type == SHT_DYNSYM)
            dynsym = &sec;
        else if (sec.type == SHT_DYNAMIC)
            dynamic = &sec;
        else if (sec.type == SHT_GNU_versym)
            versym = &sec;
        else if (sec.type == SHT_GNU_verneed)
            verneed = &sec;
    }
    bool hasDwarf = false;
    for (const BinarySection &s : std::as_const(info.sections))
        if (s.name.startsWith(QLatin1String(".debug_info")) || s.name.startsWith(QLatin1String(".zdebug_info")))
            hasDwarf = true;
    info.stripped = !info.hasSymtab && !hasDwarf;

    auto strAt = [&](quint32 strIndex, quint64 off) -> QByteArray {
        if (strIndex >= sections.size())
            return {};
        const Section &st = sections.at(strIndex);
        if (!r.has(st.offset, st.size) || off >= st.size)
            return {};
        return r.cstr(st.offset + off, st.offset + st.size, 1024);
    };

    // Dynamic section: DT_NEEDED 1, DT_SONAME 14, DT_RPATH 15, DT_RUNPATH 29
    if (dynamic) {
        const quint64 ent = is64 ? 16 : 8;
        for (quint64 o = 0; o + ent <= dynamic->size; o += ent) {
            const quint64 tag = is64 ? r.u64(dynamic->offset + o) : r.u32(dynamic->offset + o);
            const quint64 val = is64 ? r.u64(dynamic->offset + o + 8) : r.u32(dynamic->offset + o + 4);
            if (tag == 0)
                break;
            const QString s = QString::fromUtf8(strAt(dynamic->link, val));
            if (tag == 1)
                slice.needed.append(s);
            else if (tag == 14)
                info.soname = s;
            else if (tag == 15)
                slice.rpaths += s.split(QLatin1Char(':'), Qt::SkipEmptyParts);
            else if (tag == 29)
                slice.runpaths += s.split(QLatin1Char(':'), Qt::SkipEmptyParts);
        }
    }

    // Version needs: index -> (library, version name)
    QHash<quint16, QPair<QString, QString>> versionIndex;
    if (verneed) {
        quint64 off = 0;
        for (int guard = 0; guard < 4096 && off + 16 <= verneed->size; ++guard) {
            const quint64 base = verneed->offset + off;
            const quint16 cnt = r.u16(base + 2);
            const QString file = QString::fromUtf8(strAt(verneed->link, r.u32(base + 4)));
            quint64 aux = off + r.u32(base + 8);
            for (quint16 a = 0; a < cnt && aux + 16 <= verneed->size; ++a) {
                const quint64 ab = verneed->offset + aux;
                const quint16 other = r.u16(ab + 6);
                const QString ver = QString::fromUtf8(strAt(verneed->link, r.u32(ab + 8)));
                versionIndex.insert(other, {file, ver});
                if (!slice.versionsByLibrary[file].contains(ver))
                    slice.versionsByLibrary[file].append(ver);
                const quint32 next = r.u32(ab + 12);
                if (next == 0)
                    break;
                aux += next;
            }
            const quint32 next = r.u32(base + 12);
            if (next == 0)
                break;
            off += next;
        }
    }

    // Dynamic symbols
    if (dynsym) {
        const quint64 ent = is64 ? 24 : 16;
        const quint64 count = std::min<quint64>(dynsym->size / ent, 2000000);
        for (quint64 i = 1; i < count; ++i) {
            const quint64 s = dynsym->offset + i * ent;
            const quint32 nameOff = r.u32(s);
            quint8 infoByte;
            quint16 shndx;
            if (is64) {
                infoByte = r.u8(s + 4);
                shndx = r.u16(s + 6);
            } else {
                infoByte = r.u8(s + 12);
                shndx = r.u16(s + 14);
            }
            const quint8 bind = infoByte >> 4;
            const QString name = QString::fromUtf8(strAt(dynsym->link, nameOff));
            if (name.isEmpty())
                continue;
            if (shndx == 0) {
                if (bind != 2)
                    slice.undefined.append(name);
                if (versym && r.has(versym->offset + i * 2, 2)) {
                    const quint16 vi = r.u16(versym->offset + i * 2) & 0x7fff;
                    const auto it = versionIndex.constFind(vi);
                    if (it != versionIndex.constEnd()) {
                        QStringList &list = slice.symbolsByVersion[it->first + QLatin1Char(' ') + it->second];
                        if (list.size() < kMaxSymbolsPerVersion)
                            list.append(name);
                    }
                }
            } else if ((bind == 1 || bind == 2)
                       && (name.startsWith(QLatin1String("PyInit_")) || name.startsWith(QLatin1String("PyModExport_"))
                           || name.startsWith(QLatin1String("_cffi_pypyinit_")) || (name.startsWith(QLatin1String("init")) && name.size() > 4))) {
                slice.exports.append(name);
            }
        }
    }
    if (!r.ok())
        info.problems.append(QStringLiteral("some ELF structures point outside the file"));
    for (const QString &n : std::as_const(slice.needed)) {
        if (n.startsWith(QLatin1String("libc.musl-")) || n.startsWith(QLatin1String("ld-musl-")))
            info.libc = QStringLiteral("musl");
        else if (n == QLatin1String("libc.so.6"))
            info.libc = QStringLiteral("glibc");
    }
    if (info.libc.isEmpty() && info.interpreter.contains(QLatin1String("ld-musl")))
        info.libc = QStringLiteral("musl");
    info.slices.append(slice);
    return info;
}

} // namespace wb
