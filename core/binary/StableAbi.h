#pragma once

#include "core/binary/BinaryInfo.h"

#include <QString>
#include <QStringList>

namespace wb {

// CPython's Stable ABI (resources/policies/python-stable-abi.json, from Misc/stable_abi.toml): the
// functions and data an abi3 extension may link against.
bool isStableAbiSymbol(const QString &symbol);

// The undefined Py*/_Py* symbols of a binary (all slices) that are not in the Stable ABI, sorted,
// without duplicates: calls an abi3 extension should not make.
QStringList nonStableAbiCalls(const BinaryInfo &binary);

} // namespace wb
