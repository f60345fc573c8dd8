#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wb {

// A section (ELF/PE) or segment section (Mach-O) with its file size, for the size map.
struct BinarySection {
    QString name;
    qint64 size = 0;
    bool debug = false;   // .debug_*, .zdebug_*, __DWARF, and the symbol tables strip removes
};

// One architecture inside a binary (a fat Mach-O has several; ELF and PE have one).
struct BinarySlice {
    QString arch;              // policy spelling: x86_64, i686, aarch64, arm64, amd64, ...
    QString platform;          // Mach-O: "macos", "ios", "ios-simulator", "maccatalyst", ... (empty: not said)
    QString minOs;             // Mach-O: minimum version of that platform ("10.9"), empty otherwise
    QStringList needed;        // DT_NEEDED / imported DLLs / LC_LOAD_DYLIB
    QStringList rpaths;        // DT_RPATH / LC_RPATH
    QStringList runpaths;      // DT_RUNPATH
    QStringList exports;       // PyInit_* / PyModExport_* / init* found exported
    QStringList undefined;     // undefined, non-weak dynamic symbols (ELF/Mach-O), imported names (PE, capped)
    QMap<QString, QStringList> importsByLibrary;    // PE: DLL -> imported names ("#7" for ordinal 7), capped
    QMap<QString, QStringList> versionsByLibrary;   // libc.so.6 -> [GLIBC_2.2.5, GLIBC_2.17]
    QMap<QString, QStringList> symbolsByVersion;    // "libc.so.6 GLIBC_2.17" -> [symbols] (capped)
    qint64 fileOffset = 0;
    qint64 size = 0;
};

// What we know about one native file, read by hand from untrusted bytes (bounds-checked).
struct BinaryInfo {
    enum class Format { Unknown, Elf, Pe, MachO };
    Format format = Format::Unknown;
    QString formatName() const;
    bool is64 = false;
    QString soname;
    QString interpreter;       // ELF PT_INTERP
    QString libc;              // "glibc", "musl" or empty when it cannot be told (ELF)
    bool stripped = false;     // no symbol table and no debug information
    bool hasSymtab = false;
    qint64 debugBytes = 0;     // bytes strip would remove (.debug_*, .symtab, .strtab, __DWARF ...)
    qint64 fileSize = 0;
    QList<BinarySection> sections;
    QList<BinarySlice> slices; // at least one when readable
    QStringList problems;      // what could not be read (truncated tables, bad offsets)

    bool readable() const { return format != Format::Unknown && !slices.isEmpty(); }
    QString arch() const;                  // slices' archs joined by '+'
    QStringList allNeeded() const;
    QStringList allExports() const;
    bool linksLibpython() const;
};

// Entry points of the readers; each never reads outside `data`.
BinaryInfo readBinary(const QByteArray &data);  // sniffs the format
BinaryInfo readElf(const QByteArray &data);
BinaryInfo readPe(const QByteArray &data);
BinaryInfo readMachO(const QByteArray &data);
bool looksLikeBinary(const QByteArray &head);   // first bytes: ELF, MZ, Mach-O or fat magic

} // namespace wb
