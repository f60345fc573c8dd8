#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// C++ symbol names as people read them: "_ZNSt6vectorIiSaIiEE9push_backERKi" becomes
// "std::vector<int, std::allocator<int> >::push_back(int const&)" (the Itanium C++ ABI, as GCC and
// Clang write it on Linux and macOS; a leading '_' of Mach-O names is allowed). Anything else,
// C names and names that do not demangle, comes back unchanged.
QString demangleSymbol(const QString &symbol);
// Whether demangleSymbol changes the name.
bool isMangledSymbol(const QString &symbol);
QStringList demangleSymbols(const QStringList &symbols);
// Free text with every mangled name in it demangled ("… uses _ZN3foo3barEv" -> "… uses foo::bar()").
QString demangleWords(const QString &text);

} // namespace wb
