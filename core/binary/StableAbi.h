#pragma once

#include "core/binary/BinaryInfo.h"

#include <QString>
#include <QStringList>

namespace wb {

// CPython's Stable ABI (resources/policies/python-stable-abi.json, from Misc/stable_abi.toml): the
// functions and data an abi3 extension may link against.
bool isStableAbiSymbol(const QString &symbol);

// python3.dll, python312.dll, python313t.dll, python3_d.dll, libpython3.12.dll (MinGW): a Windows DLL of
// CPython itself (case-insensitive).
bool isPythonDll(const QString &name);
// python3.dll (or python3_d.dll): the forwarder that exports only the Stable ABI.
bool isStableAbiDll(const QString &name);

// Calls an abi3 extension should not make, sorted, without duplicates. ELF and Mach-O: the undefined
// Py*/_Py* symbols (all slices) that are not in the Stable ABI. PE: the names imported from CPython's
// DLLs (python3.dll or a version-specific python3XY.dll) that are not in the Stable ABI.
QStringList nonStableAbiCalls(const BinaryInfo &binary);

} // namespace wb
