#include "core/diagnose/WheelEvidence.h"

#include "core/diagnose/ElfFacts.h"

#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KZip>

#include <QFileInfo>

namespace wb::diagnose {

namespace {

constexpr qint64 MaxExtensionBytes = 256LL * 1024 * 1024;
constexpr int MaxEntries = 100000;
constexpr int MaxExtensions = 64;

bool isExtensionName(const QString &name)
{
    return name.endsWith(QLatin1String(".so")) || name.endsWith(QLatin1String(".pyd"))
        || name.contains(QLatin1String(".so."));
}

void walk(const KArchiveDirectory *dir, const QString &prefix, int depth, int *budget, QList<QPair<QString, const KArchiveFile *>> *files)
{
    if (depth > 32)
        return;
    const QStringList names = dir->entries();
    for (const QString &name : names) {
        if (--*budget <= 0)
            return;
        const KArchiveEntry *entry = dir->entry(name);
        if (!entry)
            continue;
        const QString path = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
        if (entry->isDirectory())
            walk(static_cast<const KArchiveDirectory *>(entry), path, depth + 1, budget, files);
        else if (entry->isFile())
            files->append({path, static_cast<const KArchiveFile *>(entry)});
    }
}

} // namespace

WheelFacts WheelEvidence::fromFileName(const QString &fileName)
{
    WheelFacts w;
    w.fileName = fileName;
    QString base = fileName;
    if (base.endsWith(QLatin1String(".whl"), Qt::CaseInsensitive))
        base.chop(4);
    const QStringList parts = base.split(QLatin1Char('-'));
    if (parts.size() >= 5) {
        w.distribution = parts.at(0);
        w.version = parts.at(1);
        w.pythonTag = parts.at(parts.size() - 3);
        w.abiTag = parts.at(parts.size() - 2);
        w.platformTag = parts.at(parts.size() - 1);
    }
    return w;
}

WheelFacts WheelEvidence::read(const QString &path)
{
    WheelFacts w = fromFileName(QFileInfo(path).fileName());
    w.path = path;
    if (w.platformTag.isEmpty()) {
        w.problem = QStringLiteral("%1: not a wheel file name (name-version-python-abi-platform.whl)").arg(w.fileName);
        return w;
    }
    KZip zip(path);
    if (!zip.open(QIODevice::ReadOnly)) {
        w.problem = QStringLiteral("%1: cannot open as a zip archive (%2)").arg(path, zip.errorString());
        return w;
    }
    w.present = true;
    QList<QPair<QString, const KArchiveFile *>> files;
    int budget = MaxEntries;
    walk(zip.directory(), QString(), 0, &budget, &files);
    for (const auto &[inner, file] : std::as_const(files)) {
        const QString name = inner.section(QLatin1Char('/'), -1);
        if (!isExtensionName(name))
            continue;
        const QString top = inner.section(QLatin1Char('/'), 0, 0);
        if (top.endsWith(QLatin1String(".libs"))) {
            w.bundledLibraries << name;
            continue;
        }
        if (w.extensions.size() >= MaxExtensions)
            continue;
        WheelExtension ext;
        ext.path = inner;
        ext.moduleName = name.section(QLatin1Char('.'), 0, 0);
        ext.size = file->size();
        if (file->size() <= MaxExtensionBytes) {
            const ElfFacts elf = ElfFacts::read(file->data());
            ext.isElf = elf.valid;
            ext.initSymbols = elf.exportedInitSymbols;
            ext.neededLibraries = elf.needed;
            ext.symbolVersions = elf.versionsNeeded;
            ext.glibcSymbols = elf.versionedImports;
            ext.hasDebugInfo = elf.hasDebugInfo;
            ext.hasSymtab = elf.hasSymtab;
        }
        w.extensions << ext;
    }
    return w;
}

} // namespace wb::diagnose
