#pragma once

#include "core/wheel/Finding.h"

#include <QStringList>

namespace wb {

struct ExtensionReport;

// Windows and macOS: a DLL or dylib that a binary in the wheel needs and that is in neither the wheel
// nor the operating system (extension.missing-library), and the Microsoft Visual C++ runtime, which
// Windows does not ship (extension.msvc-runtime). Linux ELF files are the policy's business.
//  - Windows: the Python DLLs (python3.dll, python3X.dll, libpypy*-c.dll) come with the interpreter;
//    API sets, System32's DLLs and ucrtbase are the OS (core/binary/SystemLibraries).
//  - macOS: /usr/lib and /System are the OS; @loader_path and @rpath names are resolved inside the
//    wheel against the binary's folder and its LC_RPATH entries; @executable_path is the
//    interpreter's folder, outside the wheel; a bare name or another absolute path is the build
//    machine's.
// members: every file name in the wheel.
void checkExternalLibraries(const QList<ExtensionReport> &binaries, const QStringList &members, FindingList &findings);

} // namespace wb
