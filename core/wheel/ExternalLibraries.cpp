#include "core/wheel/ExternalLibraries.h"

#include "core/binary/StableAbi.h"
#include "core/binary/SystemLibraries.h"
#include "core/wheel/WheelReport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace wb {

namespace {

using S = Finding::Severity;

QString folderOf(const QString &member)
{
    const qsizetype slash = member.lastIndexOf(u'/');
    return slash < 0 ? QString() : member.left(slash);
}

QString inWheel(const QString &folder, const QString &relative)
{
    const QString path = QDir::cleanPath(folder.isEmpty() ? relative : folder + u'/' + relative);
    return path.startsWith(QLatin1String("../")) ? QString() : path;
}

bool comesWithPython(const QString &dll)
{
    static const QRegularExpression pypy(QStringLiteral("^libpypy([0-9]+\\.)*[0-9]+-c\\.dll$"), QRegularExpression::CaseInsensitiveOption);
    return isPythonDll(dll) || pypy.match(dll).hasMatch();
}

void checkPe(const ExtensionReport &x, const QSet<QString> &baseNames, FindingList &findings)
{
    QStringList runtime;
    for (const QString &dll : x.binary.allNeeded()) {
        const QString lower = dll.toLower();
        if (comesWithPython(dll) || baseNames.contains(lower) || isWindowsApiSet(dll) || isWindowsSystemDll(dll))
            continue;
        if (isMsvcRuntime(dll)) {
            runtime << dll;
            continue;
        }
        addFinding(findings, QStringLiteral("extension.missing-library"), S::Warning,
                   QStringLiteral("needs %1, which is neither in the wheel nor part of Windows: importing fails with \"DLL load failed\" "
                                  "unless it is on the DLL search path (delvewheel repair would bundle it)").arg(dll),
                   x.path);
    }
    if (runtime.isEmpty())
        return;
    // python.org's CPython installs vcruntime140.dll and vcruntime140_1.dll beside python.exe; the rest
    // of the runtime (msvcp140, concrt140, vcomp140 ...) comes only with the VC++ redistributable.
    const bool onlyWhatPythonShips = std::all_of(runtime.begin(), runtime.end(), [](const QString &d) {
        return d.compare(QLatin1String("vcruntime140.dll"), Qt::CaseInsensitive) == 0
            || d.compare(QLatin1String("vcruntime140_1.dll"), Qt::CaseInsensitive) == 0;
    });
    addFinding(findings, QStringLiteral("extension.msvc-runtime"), onlyWhatPythonShips ? S::Info : S::Warning,
               onlyWhatPythonShips
                   ? QStringLiteral("needs the Microsoft Visual C++ runtime (%1): CPython from python.org brings it; other Pythons "
                                    "need the VC++ redistributable").arg(runtime.join(QStringLiteral(", ")))
                   : QStringLiteral("needs the Microsoft Visual C++ runtime (%1), which Windows does not ship: users need the VC++ "
                                    "redistributable; delvewheel repair would bundle it unless excluded (--exclude)")
                         .arg(runtime.join(QStringLiteral(", "))),
               x.path);
}

void checkMachO(const ExtensionReport &x, const QSet<QString> &members, const QSet<QString> &baseNames, FindingList &findings)
{
    const QString folder = folderOf(x.path);
    QStringList rpaths;
    QStringList needed;
    for (const BinarySlice &s : x.binary.slices) {
        for (const QString &r : s.rpaths)
            if (!rpaths.contains(r))
                rpaths << r;
        for (const QString &n : s.needed)
            if (!needed.contains(n))
                needed << n;
    }
    auto missing = [&](const QString &name, const QString &why) {
        addFinding(findings, QStringLiteral("extension.missing-library"), S::Warning,
                   QStringLiteral("needs %1, which is neither in the wheel nor part of macOS (/usr/lib, /System): %2").arg(name, why), x.path);
    };
    for (const QString &name : needed) {
        if (isMacSystemLibrary(name))
            continue;
        if (name.startsWith(QLatin1String("@loader_path/"))) {
            if (!members.contains(inWheel(folder, name.mid(13))))
                missing(name, QStringLiteral("no such file beside the binary in the wheel"));
        } else if (name.startsWith(QLatin1String("@rpath/"))) {
            const QString rest = name.mid(7);
            bool found = false;
            for (const QString &r : std::as_const(rpaths)) {
                if (r.startsWith(QLatin1String("@loader_path"))) {
                    QString base = r.mid(12);
                    if (base.startsWith(u'/'))
                        base.remove(0, 1);
                    found = members.contains(inWheel(folder, base.isEmpty() ? rest : base + u'/' + rest));
                } else if (isMacSystemLibrary(r + u'/'))
                    found = true; // the OS's own folders
                if (found)
                    break;
            }
            if (!found)
                missing(name, rpaths.isEmpty() ? QStringLiteral("the binary has no LC_RPATH to find it by")
                                               : QStringLiteral("none of its LC_RPATH entries (%1) leads to it in the wheel").arg(rpaths.join(QStringLiteral(", "))));
        } else if (name.startsWith(QLatin1String("@executable_path/"))) {
            missing(name, QStringLiteral("@executable_path is the Python interpreter's folder, outside the wheel"));
        } else if (!name.contains(u'/')) {
            if (!baseNames.contains(name.toLower()))
                missing(name, QStringLiteral("a bare name, found only where the build machine had it (delocate-wheel would bundle it)"));
        } else {
            missing(name, QStringLiteral("an absolute path on the build machine (delocate-wheel would bundle it)"));
        }
    }
}

} // namespace

void checkExternalLibraries(const QList<ExtensionReport> &binaries, const QStringList &memberList, FindingList &findings)
{
    // Only Windows and macOS binaries name libraries the wheel must bring: without one, no index.
    const bool any = std::any_of(binaries.begin(), binaries.end(), [](const ExtensionReport &x) {
        return x.binary.readable() && (x.binary.format == BinaryInfo::Format::Pe || x.binary.format == BinaryInfo::Format::MachO);
    });
    if (!any)
        return;
    QSet<QString> members;
    QSet<QString> baseNames;
    for (const QString &m : memberList) {
        members.insert(QDir::cleanPath(m));
        baseNames.insert(m.section(u'/', -1).toLower());
    }
    for (const ExtensionReport &x : binaries) {
        if (!x.binary.readable())
            continue;
        if (x.binary.format == BinaryInfo::Format::Pe)
            checkPe(x, baseNames, findings);
        else if (x.binary.format == BinaryInfo::Format::MachO)
            checkMachO(x, members, baseNames, findings);
    }
}

} // namespace wb
