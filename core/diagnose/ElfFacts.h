#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// The few facts of an ELF shared object the troubleshooting detectors use. A small bounded reader
// of untrusted bytes (ELF32/ELF64, either byte order); anything malformed is skipped, never trusted.
// Adapter: to be replaced by core/binary's ELF reader once it exists.
struct ElfFacts {
    bool valid = false;
    QStringList exportedInitSymbols;  // defined PyInit_* / PyModExport_*
    QStringList needed;               // DT_NEEDED
    QStringList versionsNeeded;       // "libc.so.6:GLIBC_2.34"
    QStringList versionedImports;     // "memcpy@GLIBC_2.14" (undefined symbols with a version)
    bool hasDebugInfo = false;        // .debug_info / .zdebug_info
    bool hasSymtab = false;

    static ElfFacts read(const QByteArray &bytes);
};

} // namespace wb::diagnose
