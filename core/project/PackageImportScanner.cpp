#include "core/project/PackageImportScanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {

// The file's text (at most 256 KiB of it), its statements with the file named.
QList<UnbuiltImport> childImports(const QString &path, const QString &package)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<UnbuiltImport> out = packageChildImports(QString::fromUtf8(f.read(256 * 1024)), package);
    for (UnbuiltImport &imp : out)
        imp.file = path;
    return out;
}

// Whether the package folder has a module or subpackage NAME of its own (a .py file, a folder, or an
// extension already built there by maturin develop).
bool packageHas(const QDir &pkg, const QString &name)
{
    if (QFileInfo(pkg.filePath(name + QStringLiteral(".py"))).isFile() || QFileInfo(pkg.filePath(name)).isDir())
        return true;
    return !pkg.entryList({name + QStringLiteral(".*.so"), name + QStringLiteral(".*.pyd"), name + QStringLiteral(".so"),
                           name + QStringLiteral(".pyd")},
                          QDir::Files)
                .isEmpty();
}

} // namespace

QList<UnbuiltImport> packageChildImports(const QString &text, const QString &package)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QString pkg = QRegularExpression::escape(package);
    const QRegularExpression statement(
        QStringLiteral(R"re(^from\s+\.(\w+)(?:\.\w+)*\s+import\b|^from\s+%1\.(\w+)(?:\.\w+)*\s+import\b|^import\s+%1\.(\w+)\b)re").arg(pkg));
    static const QRegularExpression relativeNames(QStringLiteral(R"re(^from\s+\.\s+import\s+\(?\s*([\w\s,]+?)\s*\)?\s*(?:#.*)?$)re"));
    QList<UnbuiltImport> out;
    bool inString = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const qsizetype quotes = line.count(QLatin1String("\"\"\"")) + line.count(QLatin1String("'''"));
        const bool wasInString = inString;
        if (quotes % 2 == 1)
            inString = !inString;
        if (wasInString || quotes > 0)
            continue;
        // `from . import a, b as c`: the package's child modules a and b (unless the file defines them itself).
        if (const QRegularExpressionMatch names = relativeNames.match(line); names.hasMatch()) {
            for (QString name : names.captured(1).split(u',', Qt::SkipEmptyParts)) {
                name = name.trimmed().section(u' ', 0, 0);
                const QRegularExpression defined(QStringLiteral(R"re(^(?:def|class)\s+%1\b|^%1\s*[:=])re").arg(QRegularExpression::escape(name)),
                                                 QRegularExpression::MultilineOption);
                if (!name.isEmpty() && !defined.match(text).hasMatch())
                    out << UnbuiltImport{QString(), int(i) + 1, name, line.trimmed()};
            }
            continue;
        }
        const QRegularExpressionMatch m = statement.match(line);
        if (!m.hasMatch())
            continue;
        QString name;
        for (int c = 1; c <= m.lastCapturedIndex() && name.isEmpty(); ++c)
            name = m.captured(c);
        out << UnbuiltImport{QString(), int(i) + 1, name, line.trimmed()};
    }
    return out;
}

QList<UnbuiltImport> unbuiltPackageImports(const QString &projectDir, const QString &pythonSource, const QString &moduleName,
                                           QStringList *consulted)
{
    const QStringList parts = moduleName.split(u'.');
    const QString top = parts.first();
    if (top.isEmpty())
        return {};
    // Where maturin puts the extension inside the package: its next component ("pkg" alone: pkg/pkg.so).
    const QString builtChild = parts.size() >= 2 ? parts.at(1) : top;
    const QDir pkg(QDir::cleanPath(QDir(projectDir).filePath((pythonSource.isEmpty() ? QStringLiteral(".") : pythonSource) + u'/' + top)));
    if (consulted)
        *consulted << pkg.path();
    if (!QFileInfo(pkg.filePath(QStringLiteral("__init__.py"))).isFile())
        return {};  // not a mixed project
    QList<UnbuiltImport> out;
    QStringList reported;
    for (const QString &name : pkg.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name)) {
        const QString path = pkg.filePath(name);
        if (consulted)
            *consulted << path;
        for (UnbuiltImport imp : childImports(path, top)) {
            if (imp.module == builtChild || reported.contains(imp.module) || packageHas(pkg, imp.module))
                continue;
            reported << imp.module;
            imp.module = top + u'.' + imp.module;
            out << imp;
        }
    }
    return out;
}

} // namespace wb
