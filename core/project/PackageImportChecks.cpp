// The package's own imports of its child modules, against where the extension is built
// (core/project/PackageImportScanner): maturin builds, and the import fails once installed.
#include "core/project/PackageImportScanner.h"
#include "core/project/SettingsChecker.h"

#include <QDir>

namespace wb::validation {

void SettingsChecker::packageImports()
{
    if (!p.options.checkFilesystem || e.bindings != QLatin1String("pyo3") || e.moduleName.isEmpty())
        return;
    const auto [file, at] = moduleNameSetting();
    for (const UnbuiltImport &imp : unbuiltPackageImports(p.dir, e.pythonSource, e.moduleName, &consulted)) {
        add(QStringLiteral("layout.import-not-built"), SettingsSeverity::Warning, file, at,
            QStringLiteral("%1 line %2 imports %3, but the package has no such module and the extension is built as %4 (from %5): "
                           "maturin builds, and the import fails once installed (\"No module named '%3'\"). Import %4, or change "
                           "the module name")
                .arg(QDir(p.dir).relativeFilePath(imp.file))
                .arg(imp.line)
                .arg(imp.module, e.moduleName, e.moduleNameFrom),
            true);
    }
}

} // namespace wb::validation
