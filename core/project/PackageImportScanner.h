#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// A mixed Rust/Python project's package imports its extension by name (`from ._native import x`,
// `from pkg._native import x` in pkg/__init__.py). maturin puts the extension where the module name says
// (pkg/_core.so for "pkg._core", pkg/sub/_core.so for "pkg.sub._core", pkg/pkg.so for "pkg") and builds
// without a word when the package imports a child module nothing provides, typically after the module was
// renamed: the wheel installs, and the import fails. Reads text only (bounded); runs nothing.
struct UnbuiltImport {
    QString file;    // the package's .py file (absolute)
    int line = 0;
    QString module;  // the dotted module it imports, "pkg._native"
    QString text;    // the statement
};

// The top-level `from .X import`, `from . import X`, `from PACKAGE.X import` and `import PACKAGE.X` statements
// of a .py file's TEXT, outside triple-quoted strings, each with X as its module (file left empty); a name the
// file defines itself (def, class, assignment) is not one.
QList<UnbuiltImport> packageChildImports(const QString &text, const QString &package);

// The top-level imports (not those inside try: blocks or functions, which may expect a missing module) of
// the .py files directly in the package folder PYTHONSOURCE/<first part of MODULENAME> (relative to
// PROJECTDIR; "" is the project folder) whose child module is neither a .py file, a folder nor an
// extension file of the package, nor where the extension is built. Empty when there is no such package
// (with an __init__.py). Each missing module is listed once. CONSULTED, when given, gets the files read.
QList<UnbuiltImport> unbuiltPackageImports(const QString &projectDir, const QString &pythonSource, const QString &moduleName,
                                           QStringList *consulted = nullptr);

} // namespace wb
