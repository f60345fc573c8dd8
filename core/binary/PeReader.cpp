#include "core/binary/BinaryInfo.h"
#include "core/binary/ByteReader.h"

namespace wb {

namespace {

QString peMachine(quint16 m)
{
    switch (m) {
    case 0x14c: return QStringLiteral("x86");
    case 0x8664: return QStringLiteral("amd64");
    case 0xaa64: return QStringLiteral("arm64");
    case 0x1c4: return QStringLiteral("arm");
    default: return QStringLiteral("pe-machine-0x%1").arg(m, 0, 16);
    }
}

// Hostile files may claim any number of imports: what is read stays bounded.
constexpr int kMaxImportedLibraries = 4096;
constexpr int kMaxImportsPerLibrary = 8192;
constexpr int kMaxImports = 32768;

struct PeSection {
    QString name;
    quint32 vaddr = 0, vsize = 0, rawSize = 0, rawPtr = 0;
};

} // namespace

BinaryInfo readPe(const QByteArray &data)
{
    BinaryInfo info;
    info.fileSize = data.size();
    ByteReader r(data);
    if (data.size() < 64 || !data.startsWith("MZ")) {
        info.problems.append(QStringLiteral("not a PE file"));
        return info;
    }
    const quint32 pe = r.u32(0x3c);
    if (!r.has(pe, 24) || r.u32(pe) != 0x00004550) {
        info.problems.append(QStringLiteral("no PE signature"));
        return info;
    }
    info.format = BinaryInfo::Format::Pe;
    BinarySlice slice;
    slice.size = data.size();
    const quint64 coff = pe + 4;
    slice.arch = peMachine(r.u16(coff));
    const quint16 nsec = r.u16(coff + 2);
    const quint32 symPtr = r.u32(coff + 8);
    const quint16 optSize = r.u16(coff + 16);
    const quint64 opt = coff + 20;
    const quint16 magic = r.u16(opt);
    info.is64 = magic == 0x20b;
    const quint64 ddBase = opt + (info.is64 ? 112 : 96);
    const quint32 ndd = r.u32(opt + (info.is64 ? 108 : 92));
    QList<PeSection> secs;
    const quint64 secBase = opt + optSize;
    for (quint16 i = 0; i < nsec && i < 256; ++i) {
        const quint64 s = secBase + quint64(i) * 40;
        if (!r.has(s, 40))
            break;
        PeSection ps;
        ps.name = QString::fromUtf8(r.cstr(s, s + 8, 8));
        ps.vsize = r.u32(s + 8);
        ps.vaddr = r.u32(s + 12);
        ps.rawSize = r.u32(s + 16);
        ps.rawPtr = r.u32(s + 20);
        secs.append(ps);
        const bool debug = ps.name.startsWith(QLatin1String(".debug")) || ps.name.startsWith(QLatin1Char('/'));
        info.sections.append({ps.name, ps.rawSize, debug});
        if (debug)
            info.debugBytes += ps.rawSize;
    }
    auto rvaToOffset = [&](quint32 rva) -> qint64 {
        for (const PeSection &s : std::as_const(secs)) {
            const quint32 span = std::max(s.vsize, s.rawSize);
            if (rva >= s.vaddr && rva - s.vaddr < span) {
                const quint64 off = quint64(s.rawPtr) + (rva - s.vaddr);
                return r.has(off, 1) ? qint64(off) : -1;
            }
        }
        return -1;
    };
    auto dataDir = [&](quint32 index, quint32 *size) -> quint32 {
        if (index >= ndd || !r.has(ddBase + index * 8, 8))
            return 0;
        *size = r.u32(ddBase + index * 8 + 4);
        return r.u32(ddBase + index * 8);
    };
    // Exports
    quint32 expSize = 0;
    if (const quint32 expRva = dataDir(0, &expSize)) {
        const qint64 e = rvaToOffset(expRva);
        if (e >= 0) {
            const quint32 nNames = std::min<quint32>(r.u32(e + 24), 100000);
            const qint64 names = rvaToOffset(r.u32(e + 32));
            for (quint32 i = 0; names >= 0 && i < nNames; ++i) {
                const qint64 n = rvaToOffset(r.u32(names + i * 4));
                if (n < 0)
                    break;
                const QString name = QString::fromUtf8(r.cstr(n, UINT64_MAX, 512));
                if (name.startsWith(QLatin1String("PyInit_")) || name.startsWith(QLatin1String("PyModExport_")))
                    slice.exports.append(name);
            }
        }
    }
    // Imports: one descriptor per DLL; its lookup table (OriginalFirstThunk, else the address table)
    // holds per entry an ordinal or the RVA of a hint/name pair.
    quint32 impSize = 0;
    if (const quint32 impRva = dataDir(1, &impSize)) {
        int total = 0;
        const quint64 thunkSize = info.is64 ? 8 : 4;
        const quint64 ordinalFlag = info.is64 ? (quint64(1) << 63) : (quint64(1) << 31);
        qint64 d = rvaToOffset(impRva);
        for (int i = 0; d >= 0 && i < kMaxImportedLibraries && r.has(d, 20); ++i, d += 20) {
            const quint32 nameRva = r.u32(d + 12);
            if (nameRva == 0 && r.u32(d) == 0 && r.u32(d + 16) == 0)
                break;
            const qint64 n = rvaToOffset(nameRva);
            if (n < 0)
                continue;
            const QString dll = QString::fromUtf8(r.cstr(n, UINT64_MAX, 512));
            if (!slice.needed.contains(dll))
                slice.needed.append(dll);
            QStringList &names = slice.importsByLibrary[dll];
            // Without OriginalFirstThunk a bound import's address table holds addresses, not names.
            const bool bound = r.u32(d) == 0 && r.u32(d + 4) != 0;
            const quint32 lookupRva = bound ? 0 : r.u32(d) ? r.u32(d) : r.u32(d + 16);
            qint64 t = lookupRva ? rvaToOffset(lookupRva) : -1;
            for (int k = 0; t >= 0 && k < kMaxImportsPerLibrary && total < kMaxImports; ++k, t += qint64(thunkSize)) {
                if (!r.has(quint64(t), thunkSize)) {
                    info.problems.append(QStringLiteral("the import table of %1 runs past the end of the file").arg(dll));
                    break;
                }
                const quint64 v = info.is64 ? r.u64(quint64(t)) : r.u32(quint64(t));
                if (v == 0)
                    break;
                ++total;
                if (v & ordinalFlag) {
                    names.append(QLatin1Char('#') + QString::number(v & 0xffff));
                    continue;
                }
                const qint64 hint = rvaToOffset(quint32(v & 0x7fffffff));
                if (hint < 0 || !r.has(quint64(hint), 3)) {
                    info.problems.append(QStringLiteral("an import of %1 points outside the file").arg(dll));
                    break;
                }
                const QString name = QString::fromUtf8(r.cstr(quint64(hint) + 2, UINT64_MAX, 512));
                names.append(name);
                slice.undefined.append(name);
            }
        }
    }
    info.hasSymtab = symPtr != 0;
    info.stripped = !info.hasSymtab && info.debugBytes == 0;
    if (!r.ok())
        info.problems.append(QStringLiteral("some PE structures point outside the file"));
    info.slices.append(slice);
    return info;
}

} // namespace wb
