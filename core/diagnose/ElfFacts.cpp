#include "core/diagnose/ElfFacts.h"

#include <QHash>

#include <cstring>

namespace wb::diagnose {

namespace {

constexpr int MaxSections = 4096;
constexpr int MaxSymbols = 1 << 20;
constexpr int MaxVersionEntries = 4096;
constexpr int MaxImports = 20000;

class Reader
{
public:
    Reader(const QByteArray &b, bool big, bool is64) : m_b(b), m_big(big), m_64(is64) {}

    bool has(quint64 off, quint64 len) const
    {
        return off <= quint64(m_b.size()) && len <= quint64(m_b.size()) - off;
    }
    quint64 u(quint64 off, int bytes) const
    {
        if (!has(off, quint64(bytes)))
            return 0;
        quint64 v = 0;
        const auto *p = reinterpret_cast<const unsigned char *>(m_b.constData() + off);
        for (int i = 0; i < bytes; ++i) {
            const int shift = m_big ? (bytes - 1 - i) * 8 : i * 8;
            v |= quint64(p[i]) << shift;
        }
        return v;
    }
    quint64 word(quint64 off) const { return u(off, m_64 ? 8 : 4); }
    // A NUL-terminated string inside [base, base+size).
    QString str(quint64 base, quint64 size, quint64 index) const
    {
        if (index >= size || !has(base, size))
            return {};
        const char *start = m_b.constData() + base + index;
        const quint64 max = std::min<quint64>(size - index, 4096);
        const void *end = std::memchr(start, 0, size_t(max));
        if (!end)
            return {};
        return QString::fromUtf8(start, qsizetype(static_cast<const char *>(end) - start));
    }
    bool is64() const { return m_64; }

private:
    const QByteArray &m_b;
    bool m_big;
    bool m_64;
};

struct Section {
    QString name;
    quint32 type = 0;
    quint64 offset = 0;
    quint64 size = 0;
    quint32 link = 0;
    quint64 entsize = 0;
};

} // namespace

ElfFacts ElfFacts::read(const QByteArray &b)
{
    ElfFacts f;
    if (b.size() < 52 || !b.startsWith("\x7f" "ELF"))
        return f;
    const int cls = static_cast<unsigned char>(b.at(4));
    const int data = static_cast<unsigned char>(b.at(5));
    if ((cls != 1 && cls != 2) || (data != 1 && data != 2))
        return f;
    const Reader r(b, data == 2, cls == 2);
    const quint64 shoff = r.is64() ? r.u(0x28, 8) : r.u(0x20, 4);
    const quint64 shentsize = r.u(r.is64() ? 0x3A : 0x2E, 2);
    const quint64 shnum = r.u(r.is64() ? 0x3C : 0x30, 2);
    const quint64 shstrndx = r.u(r.is64() ? 0x3E : 0x32, 2);
    if (shnum == 0 || shnum > MaxSections || shentsize < (r.is64() ? 64u : 40u) || !r.has(shoff, shnum * shentsize))
        return f;
    QList<Section> sections;
    for (quint64 i = 0; i < shnum; ++i) {
        const quint64 h = shoff + i * shentsize;
        Section s;
        s.type = quint32(r.u(h + 4, 4));
        if (r.is64()) {
            s.offset = r.u(h + 0x18, 8);
            s.size = r.u(h + 0x20, 8);
            s.link = quint32(r.u(h + 0x28, 4));
            s.entsize = r.u(h + 0x38, 8);
        } else {
            s.offset = r.u(h + 0x10, 4);
            s.size = r.u(h + 0x14, 4);
            s.link = quint32(r.u(h + 0x18, 4));
            s.entsize = r.u(h + 0x24, 4);
        }
        if (s.type == 8 /* NOBITS */ || !r.has(s.offset, s.size))
            s.size = 0;
        sections << s;
    }
    if (shstrndx < shnum) {
        const Section &names = sections.at(qsizetype(shstrndx));
        for (quint64 i = 0; i < shnum; ++i)
            sections[qsizetype(i)].name = r.str(names.offset, names.size, r.u(shoff + i * shentsize, 4));
    }
    f.valid = true;
    auto linked = [&](const Section &s) -> const Section * {
        return s.link < sections.size() ? &sections.at(s.link) : nullptr;
    };

    QHash<quint32, QString> versionByIndex;  // vna_other -> "GLIBC_2.34"
    for (const Section &s : std::as_const(sections)) {
        if (s.name == QLatin1String(".debug_info") || s.name == QLatin1String(".zdebug_info"))
            f.hasDebugInfo = true;
        if (s.type == 2 /* SYMTAB */)
            f.hasSymtab = true;
        const Section *strtab = linked(s);
        if (!strtab)
            continue;
        if (s.type == 6 /* DYNAMIC */) {
            const quint64 ent = r.is64() ? 16 : 8;
            for (quint64 off = 0; off + ent <= s.size && off / ent < quint64(MaxSymbols); off += ent) {
                const quint64 tag = r.word(s.offset + off);
                if (tag == 0)
                    break;
                if (tag == 1 /* DT_NEEDED */)
                    f.needed << r.str(strtab->offset, strtab->size, r.word(s.offset + off + ent / 2));
            }
        } else if (s.type == 0x6ffffffe /* GNU verneed */) {
            quint64 off = s.offset;
            for (int n = 0; n < MaxVersionEntries && r.has(off, 16); ++n) {
                const QString file = r.str(strtab->offset, strtab->size, r.u(off + 4, 4));
                const quint64 cnt = r.u(off + 2, 2);
                quint64 aux = off + r.u(off + 8, 4);
                for (quint64 k = 0; k < cnt && k < quint64(MaxVersionEntries) && r.has(aux, 16); ++k) {
                    const quint32 other = quint32(r.u(aux + 6, 2));
                    const QString name = r.str(strtab->offset, strtab->size, r.u(aux + 8, 4));
                    if (!name.isEmpty()) {
                        versionByIndex.insert(other, name);
                        f.versionsNeeded << file + QLatin1Char(':') + name;
                    }
                    const quint64 next = r.u(aux + 12, 4);
                    if (next == 0)
                        break;
                    aux += next;
                }
                const quint64 next = r.u(off + 12, 4);
                if (next == 0)
                    break;
                off += next;
            }
        }
    }
    // Dynamic symbols: exported init functions, versioned imports.
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const Section &s = sections.at(i);
        if (s.type != 11 /* DYNSYM */)
            continue;
        const Section *strtab = linked(s);
        if (!strtab)
            continue;
        const quint64 ent = r.is64() ? 24 : 16;
        const quint64 count = std::min<quint64>(s.size / ent, MaxSymbols);
        const Section *versym = nullptr;
        for (const Section &v : std::as_const(sections)) {
            if (v.type == 0x6fffffff && v.link == quint32(i))
                versym = &v;
        }
        for (quint64 k = 1; k < count; ++k) {
            const quint64 sym = s.offset + k * ent;
            const quint64 nameIndex = r.u(sym, 4);
            const int info = int(r.u(sym + (r.is64() ? 4 : 12), 1));
            const quint64 shndx = r.u(sym + (r.is64() ? 6 : 14), 2);
            const int bind = info >> 4;
            if (shndx != 0 && (bind == 1 || bind == 2)) {
                const QString name = r.str(strtab->offset, strtab->size, nameIndex);
                if (name.startsWith(QLatin1String("PyInit_")) || name.startsWith(QLatin1String("PyModExport_")))
                    f.exportedInitSymbols << name;
            } else if (shndx == 0 && versym && f.versionedImports.size() < MaxImports) {
                const quint32 index = quint32(r.u(versym->offset + k * 2, 2)) & 0x7fff;
                const auto v = versionByIndex.constFind(index);
                if (index >= 2 && v != versionByIndex.constEnd())
                    f.versionedImports << r.str(strtab->offset, strtab->size, nameIndex) + QLatin1Char('@') + *v;
            }
        }
    }
    f.versionsNeeded.removeDuplicates();
    return f;
}

} // namespace wb::diagnose
