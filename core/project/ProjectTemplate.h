#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace wb {

// A new maturin project in the layout the maturin documentation recommends ("Project layout"):
//  - mixed (default): Cargo.toml with a cdylib and pyo3, pyproject.toml with the maturin backend,
//    python/<pkg>/__init__.py, python/<pkg>/_native.pyi, python/<pkg>/py.typed, src/lib.rs and tests/;
//    the extension is <pkg>._native (module-name), so the checkout's package never shadows it.
//  - pure: the extension module is the package itself (src/lib.rs, no python/ folder).
// Planned first (what would be written), then written only when nothing would be overwritten.
class ProjectTemplate
{
public:
    enum class Layout { Mixed, Pure };
    struct File {
        QString relativePath;
        QByteArray bytes;
    };
    struct Plan {
        QString dir;
        QString distributionName; // [project] name, e.g. "my-tool"
        QString packageName;      // import name, e.g. "my_tool"
        Layout layout = Layout::Mixed;
        QList<File> files;
        QStringList conflicts;    // files that exist already (nothing is written then)
        QString error;            // unusable name or folder
        bool isWritable() const { return error.isEmpty() && conflicts.isEmpty(); }
    };

    // name: the distribution name; empty takes the folder's name.
    static Plan plan(const QString &dir, const QString &name = {}, Layout layout = Layout::Mixed);
    // Creates the folders and files of a writable plan (each file atomically). False with a message.
    static bool write(const Plan &plan, QString *error);

    // "My Tool" / "my.tool" -> "my-tool" (PEP 503 normalisation); empty when nothing usable is left.
    static QString distributionNameFor(const QString &name);
    // "my-tool" -> "my_tool"; empty when it cannot be a Python identifier.
    static QString importNameFor(const QString &distributionName);
};

} // namespace wb
