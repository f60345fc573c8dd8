#pragma once

#include <QString>

namespace wb {

// What the operating system provides to a Windows DLL or a macOS dylib, so that a library an
// extension needs is either in the wheel, in the OS, or missing.

// A DLL every Windows installation has (System32), by lower-case name. The list is the commonly
// imported subset of the DLLs present on vanilla Windows 7 SP1 to 11 (x64 and arm64), as delvewheel
// (adang1345/delvewheel, delvewheel/_dll_list.py, ignore_names_x64) lists them.
bool isWindowsSystemDll(const QString &name);
// An API set (api-ms-win-*, ext-ms-win-*): a virtual name Windows maps to its own DLLs.
bool isWindowsApiSet(const QString &name);
// The Microsoft Visual C++ runtime (redistributable, not part of Windows): vcruntime140*.dll,
// msvcp140*.dll, concrt140, vcomp140, vccorlib140, vcamp140, mfc140*, msvcr1x0 — the names
// delvewheel's vc_redist pattern matches, less ucrtbase and msvcrt, which Windows 10+ ships.
bool isMsvcRuntime(const QString &name);

// A macOS install name the system provides: under /usr/lib/ or /System/ (the dyld shared cache).
bool isMacSystemLibrary(const QString &installName);

} // namespace wb
