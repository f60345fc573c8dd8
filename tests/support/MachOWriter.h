#pragma once
// A minimal Mach-O writer for tests: a 64-bit dylib with LC_BUILD_VERSION (platform, minimum OS) and a
// symbol table exporting the given names, and a fat (universal) file around several of them.

#include <QByteArray>
#include <QList>

namespace wb::test {

struct MachOImage {
    quint32 cpu = 0x0100000c;        // CPU_TYPE_ARM64; 0x01000007 is x86_64
    quint32 platform = 1;            // LC_BUILD_VERSION platform: 1 macOS, 2 iOS, 7 iOS simulator
    quint32 minOs = 0x000b0000;      // 11.0, as xxxx.yy.zz nibbles
    QList<QByteArray> exports = {"PyInit_fixture"};
};

namespace macho_detail {
inline void le32(QByteArray &b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xff));
}
inline void be32(QByteArray &b, quint32 v)
{
    for (int i = 3; i >= 0; --i)
        b.append(char((v >> (8 * i)) & 0xff));
}
} // namespace macho_detail

inline QByteArray buildMachO(const MachOImage &img)
{
    using macho_detail::le32;
    constexpr quint32 kHeader = 32, kBuildVersion = 24, kSymtab = 24;
    QByteArray strings(1, '\0');
    QByteArray symbols;
    for (const QByteArray &name : img.exports) {
        le32(symbols, quint32(strings.size()));
        symbols.append(char(0x0f)).append(char(1));          // N_SECT | N_EXT, section 1
        symbols.append(2, '\0');                              // n_desc
        symbols.append(8, '\0');                              // n_value
        strings.append('_').append(name).append('\0');
    }
    const quint32 symoff = kHeader + kBuildVersion + kSymtab;
    QByteArray out;
    le32(out, 0xfeedfacf);
    le32(out, img.cpu);
    le32(out, 0);                                            // cpusubtype
    le32(out, 6);                                            // MH_DYLIB
    le32(out, 2);                                            // ncmds
    le32(out, kBuildVersion + kSymtab);
    le32(out, 0);
    le32(out, 0);
    le32(out, 0x32);                                         // LC_BUILD_VERSION
    le32(out, kBuildVersion);
    le32(out, img.platform);
    le32(out, img.minOs);
    le32(out, img.minOs);                                    // sdk
    le32(out, 0);                                            // no tools
    le32(out, 0x2);                                          // LC_SYMTAB
    le32(out, kSymtab);
    le32(out, symoff);
    le32(out, quint32(img.exports.size()));
    le32(out, symoff + quint32(symbols.size()));
    le32(out, quint32(strings.size()));
    return out + symbols + strings;
}

// A universal binary: the slices at 4 KiB boundaries, as lipo lays them out.
inline QByteArray buildFat(const QList<MachOImage> &slices)
{
    using macho_detail::be32;
    QByteArray head;
    be32(head, 0xcafebabe);
    be32(head, quint32(slices.size()));
    QByteArray body;
    quint32 offset = 0x1000;
    for (const MachOImage &s : slices) {
        const QByteArray image = buildMachO(s);
        be32(head, s.cpu);
        be32(head, 0);
        be32(head, offset);
        be32(head, quint32(image.size()));
        be32(head, 12);
        body.append(QByteArray(qsizetype(offset) - 0x1000 - body.size(), '\0'));
        body.append(image);
        offset = (0x1000 + quint32(body.size()) + 0xfff) & ~0xfffu;
    }
    head.append(QByteArray(0x1000 - head.size(), '\0'));
    return head + body;
}

} // namespace wb::test
