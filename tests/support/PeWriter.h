#pragma once
// A minimal PE (Windows DLL) writer for tests: one section holding an import table and an export
// table, laid out as the PE/COFF specification says (what a linker would write, without code).

#include <QByteArray>
#include <QList>
#include <QPair>

namespace wb::test {

struct PeImage {
    quint16 machine = 0x8664;     // 0x8664 amd64, 0x14c x86, 0xaa64 arm64
    bool pe32plus = true;         // PE32+ (64-bit thunks) or PE32 (32-bit thunks)
    // DLL -> imported names; "#7" imports ordinal 7.
    QList<QPair<QByteArray, QList<QByteArray>>> imports;
    QList<QByteArray> exports;    // sorted, as linkers write them
    QByteArray dllName = "module.pyd";
};

namespace pe_detail {
inline void patch(QByteArray &b, qsizetype at, quint64 v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        b[at + i] = char((v >> (8 * i)) & 0xff);
}
inline void alignTo(QByteArray &b, int a)
{
    while (b.size() % a)
        b.append('\0');
}
} // namespace pe_detail

inline QByteArray buildPe(const PeImage &spec)
{
    using pe_detail::patch;
    constexpr quint32 kSectionRva = 0x1000, kHeaders = 0x200;
    const int thunk = spec.pe32plus ? 8 : 4;
    auto rva = [](qsizetype off) { return quint64(kSectionRva + quint32(off)); };

    QByteArray sec((spec.imports.size() + 1) * 20, '\0');   // import descriptors, zero-terminated
    QList<qsizetype> ilt, iat;
    for (const auto &imp : spec.imports) {
        ilt.append(sec.size());
        sec.append(QByteArray((imp.second.size() + 1) * thunk, '\0'));
        iat.append(sec.size());
        sec.append(QByteArray((imp.second.size() + 1) * thunk, '\0'));
    }
    for (qsizetype i = 0; i < spec.imports.size(); ++i) {
        const auto &[dll, names] = spec.imports.at(i);
        for (qsizetype k = 0; k < names.size(); ++k) {
            quint64 v;
            if (names.at(k).startsWith('#')) {
                v = (spec.pe32plus ? (quint64(1) << 63) : (quint64(1) << 31)) | names.at(k).mid(1).toUInt();
            } else {
                pe_detail::alignTo(sec, 2);
                v = rva(sec.size());
                sec.append(QByteArray(2, '\0')).append(names.at(k)).append('\0');   // hint, name
            }
            patch(sec, ilt.at(i) + k * thunk, v, thunk);
            patch(sec, iat.at(i) + k * thunk, v, thunk);
        }
        patch(sec, i * 20 + 12, rva(sec.size()), 4);
        sec.append(dll).append('\0');
        patch(sec, i * 20 + 0, rva(ilt.at(i)), 4);    // OriginalFirstThunk
        patch(sec, i * 20 + 16, rva(iat.at(i)), 4);   // FirstThunk
    }
    quint64 exportRva = 0, exportSize = 0;
    if (!spec.exports.isEmpty()) {
        pe_detail::alignTo(sec, 4);
        const qsizetype e = sec.size();
        const qsizetype n = spec.exports.size();
        sec.append(QByteArray(40, '\0'));
        const qsizetype functions = sec.size();
        sec.append(QByteArray(n * 4, '\0'));
        const qsizetype names = sec.size();
        sec.append(QByteArray(n * 4, '\0'));
        const qsizetype ordinals = sec.size();
        sec.append(QByteArray(n * 2, '\0'));
        patch(sec, e + 12, rva(sec.size()), 4);
        sec.append(spec.dllName).append('\0');
        for (qsizetype k = 0; k < n; ++k) {
            patch(sec, functions + k * 4, rva(0), 4);
            patch(sec, names + k * 4, rva(sec.size()), 4);
            patch(sec, ordinals + k * 2, quint64(k), 2);
            sec.append(spec.exports.at(k)).append('\0');
        }
        patch(sec, e + 16, 1, 4);                 // ordinal base
        patch(sec, e + 20, quint64(n), 4);
        patch(sec, e + 24, quint64(n), 4);
        patch(sec, e + 28, rva(functions), 4);
        patch(sec, e + 32, rva(names), 4);
        patch(sec, e + 36, rva(ordinals), 4);
        exportRva = rva(e);
        exportSize = quint64(sec.size() - e);
    }
    const quint64 virtualSize = quint64(sec.size());
    pe_detail::alignTo(sec, 0x200);

    const quint16 optSize = spec.pe32plus ? 240 : 224;
    QByteArray img(kHeaders, '\0');
    img[0] = 'M';
    img[1] = 'Z';
    patch(img, 0x3c, 0x40, 4);
    img.replace(0x40, 4, QByteArray("PE\0\0", 4));
    const qsizetype coff = 0x44;
    patch(img, coff, spec.machine, 2);
    patch(img, coff + 2, 1, 2);                                       // one section
    patch(img, coff + 16, optSize, 2);
    patch(img, coff + 18, spec.pe32plus ? 0x2022 : 0x2102, 2);        // DLL, executable image
    const qsizetype opt = coff + 20;
    patch(img, opt, spec.pe32plus ? 0x20b : 0x10b, 2);
    patch(img, opt + 4, quint64(sec.size()), 4);                      // size of initialised data
    patch(img, opt + 20, kSectionRva, 4);                             // base of code
    if (spec.pe32plus)
        patch(img, opt + 24, 0x180000000ull, 8);
    else
        patch(img, opt + 28, 0x10000000, 4);
    patch(img, opt + 32, 0x1000, 4);                                  // section alignment
    patch(img, opt + 36, 0x200, 4);                                   // file alignment
    patch(img, opt + 40, 6, 2);
    patch(img, opt + 48, 6, 2);
    patch(img, opt + 56, kSectionRva + ((virtualSize + 0xfff) & ~quint64(0xfff)), 4);   // size of image
    patch(img, opt + 60, kHeaders, 4);
    patch(img, opt + 68, 3, 2);                                       // console subsystem
    const qsizetype dirs = opt + (spec.pe32plus ? 112 : 96);
    patch(img, opt + (spec.pe32plus ? 108 : 92), 16, 4);
    patch(img, dirs + 0, exportRva, 4);
    patch(img, dirs + 4, exportSize, 4);
    if (!spec.imports.isEmpty()) {
        patch(img, dirs + 8, kSectionRva, 4);
        patch(img, dirs + 12, quint64(spec.imports.size() + 1) * 20, 4);
    }
    const qsizetype sh = opt + optSize;
    img.replace(sh, 6, QByteArray(".rdata"));
    patch(img, sh + 8, virtualSize, 4);
    patch(img, sh + 12, kSectionRva, 4);
    patch(img, sh + 16, quint64(sec.size()), 4);
    patch(img, sh + 20, kHeaders, 4);
    patch(img, sh + 36, 0x40000040, 4);                               // initialised data, readable
    return img + sec;
}

} // namespace wb::test
