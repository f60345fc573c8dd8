#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// The Python module names a crate's Rust sources declare: #[pymodule] fn/mod NAME, or the name given by
// #[pyo3(name = "...")] / #[pymodule(name = "...")]; also spelled #[pyo3::pymodule]. Reads text only (bounded);
// runs nothing.
struct PyModuleDecl {
    QString name;
    QString file;
    int line = 0;     // the #[pymodule] attribute
    int itemLine = 0; // the fn/mod it is on
};

QList<PyModuleDecl> scanPyModules(const QString &sourceDir);
QList<PyModuleDecl> scanPyModulesInText(const QString &text, const QString &file);

} // namespace wb
