#include "core/wheel/WheelInspectionSteps.h"

#include "core/wheel/WheelNames.h"
#include "core/binary/LibraryResolver.h"
#include "core/binary/StableAbi.h"
#include "core/wheel/ExternalLibraries.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb {

using namespace wheelnames;

void WheelInspectionSteps::checkNativeFiles()
{
    // 9. Native files
    for (const QString &p : rep.filename.platformTags)
        platforms.append(PlatformTag::parse(p));
    pureTag = !platforms.isEmpty() && std::all_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Any; });
    abi3Tag = rep.filename.abiTags.contains(QStringLiteral("abi3"));
    androidTagged = !platforms.isEmpty()
        && std::all_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Android; });
    for (qsizetype i = 0; i < scan.entries.size(); ++i)
        if (native[size_t(i)])
            inWheelLibs.insert(scan.entries.at(i).name.section(QLatin1Char('/'), -1));
    for (qsizetype i = 0; i < scan.entries.size(); ++i) {
        const ZipEntryRecord &e = scan.entries.at(i);
        if (!native[size_t(i)] || e.isSymlink)
            continue;
        std::optional<ExtensionReport> x = readExtension(e);
        if (!x)
            continue;
        if (x->binary.readable()) {
            checkModule(*x, e);
            checkAbi3Calls(*x, e);
            checkLinkage(*x, e);
            checkPlatformTags(*x, e);
            evaluateLinuxPolicy(*x, e);
        }
        rep.extensions.append(*x);
    }
    FindingList &F = rep.findings;
    {
        QStringList names;
        for (const ZipEntryRecord &e : scan.entries)
            names << e.name;
        checkExternalLibraries(rep.extensions, names, F);
    }
    if (libcs.size() > 1) {
        // One wheel, two C libraries: no single policy family (and no installer) can take it.
        addFinding(F, QStringLiteral("policy.libc-mixed"), S::Error,
                   QStringLiteral("the wheel mixes binaries linked against glibc (%1) and musl (%2): one wheel runs on one C library")
                       .arg(libcs.value(QStringLiteral("glibc")).join(QStringLiteral(", ")), libcs.value(QStringLiteral("musl")).join(QStringLiteral(", "))));
    }
    applyPolicies();
}

// The native file's headers, read from the bytes hashed or read now; nothing when it is not a binary.
std::optional<ExtensionReport> WheelInspectionSteps::readExtension(const ZipEntryRecord &e)
{
    FindingList &F = rep.findings;
    ExtensionReport x;
    x.path = e.name;
    if (qint64(e.uncompressedSize) > options.maxBinaryBytes) {
        addFinding(F, QStringLiteral("extension.too-large"), S::Warning,
                   QStringLiteral("%1 bytes: larger than the %2 analysed").arg(e.uncompressedSize).arg(options.maxBinaryBytes), e.name);
        return std::nullopt;
    }
    const auto done = analysed.constFind(e.name);
    if (done != analysed.constEnd()) {
        if (!done->binaryHead || !done->binary)
            return std::nullopt;
        x.binary = *done->binary;
    } else {
        bool truncated = false;
        QString err;
        const QByteArray data = readEntry(&e, e.name, options.maxBinaryBytes, &truncated, &err);
        if (!looksLikeBinary(data.left(8)))
            return std::nullopt;
        x.binary = readBinary(data);
    }
    for (const QString &p : std::as_const(x.binary.problems))
        addFinding(F, QStringLiteral("extension.unreadable-part"), S::Warning, p, e.name);
    return x;
}

// A member named NAME in the folder of the member PATH. The names are indexed at the first question (asked
// only for cffi candidates, lib*.so), so a wheel of many such files costs one pass, not one per file.
bool WheelInspectionSteps::hasSibling(const QString &path, const QString &name)
{
    if (memberNames.isEmpty()) {
        memberNames.reserve(scan.entries.size());
        for (const ZipEntryRecord &r : scan.entries)
            memberNames.insert(r.name);
    }
    return memberNames.contains(path.left(path.lastIndexOf(QLatin1Char('/')) + 1) + name);
}

namespace {
// The exports that are module init functions of the given PREFIXES (PyInit_, PyModExport_).
QStringList initFunctions(const QStringList &exports, std::initializer_list<QLatin1String> prefixes)
{
    QStringList inits;
    for (const QString &s : exports)
        if (std::any_of(prefixes.begin(), prefixes.end(), [&s](QLatin1String p) { return s.startsWith(p); }))
            inits.append(s);
    return inits;
}
} // namespace

// Module name, PyInit_, the suffix against the python and abi tags.
void WheelInspectionSteps::checkModule(ExtensionReport &x, const ZipEntryRecord &e)
{
    FindingList &F = rep.findings;
    x.sizeAfterStrip = x.binary.fileSize - x.binary.debugBytes;
    const auto [module, suffix] = splitModule(e.name);
    x.moduleName = module;
    x.suffix = suffix;
    const QStringList exports = x.binary.allExports();
    const QString base = e.name.section(QLatin1Char('/'), -1);
    const bool libDir = e.name.contains(QLatin1String(".libs/")) || e.name.contains(QLatin1String(".dylibs/"));
    // maturin's cffi layout: <module>/lib<module>.so beside the ffi.py that dlopens it; not imported by Python.
    const bool cffiLibrary = base.startsWith(QLatin1String("lib")) && suffix == QLatin1String(".so") && hasSibling(e.name, QStringLiteral("ffi.py"));
    if (cffiLibrary) {
        const QStringList inits = initFunctions(exports, {QLatin1String("PyInit_")});
        if (!inits.isEmpty())
            addFinding(rep.findings, QStringLiteral("extension.cffi-exports-pyinit"), S::Error,
                       QStringLiteral("a cffi library (loaded by the ffi.py beside it) that exports %1: a PyO3 crate built with cffi bindings, "
                                      "so Python reaches none of its #[pymodule] functions ([tool.maturin] bindings = \"cffi\"?)")
                           .arg(inits.join(QStringLiteral(", "))),
                       e.name);
    }
    x.pythonModule = !libDir && !cffiLibrary
        && (std::any_of(exports.begin(), exports.end(), [](const QString &s) { return s.startsWith(QLatin1String("Py")); })
            || suffix.startsWith(QLatin1String(".cpython-")) || suffix.startsWith(QLatin1String(".abi3"))
            || suffix.startsWith(QLatin1String(".pypy")) || suffix.startsWith(QLatin1String(".graalpy"))
            || suffix.startsWith(QLatin1String(".cp")) || suffix == QLatin1String(".pyd")
            || (suffix == QLatin1String(".so") && !base.startsWith(QLatin1String("lib"))));
    x.linksLibpython = x.binary.linksLibpython();
    const QStringList needed = x.binary.allNeeded();
    x.abi3 = suffix.startsWith(QLatin1String(".abi3")) || std::any_of(needed.begin(), needed.end(), isStableAbiDll);
    if (x.pythonModule) {
        const bool py2 = rep.filename.pythonTags.size() == 1 && rep.filename.pythonTags.first().startsWith(QLatin1String("cp2"));
        x.pyinitExpected = (py2 ? QStringLiteral("init") : QStringLiteral("PyInit_")) + module;
        x.pyinitFound = exports.contains(x.pyinitExpected) || exports.contains(QStringLiteral("PyModExport_") + module)
            || exports.contains(QStringLiteral("init") + module)
            || (suffix.startsWith(QLatin1String(".pypy")) && exports.contains(QStringLiteral("_cffi_pypyinit_") + module));
        if (!x.pyinitFound) {
            const QStringList inits = initFunctions(exports, {QLatin1String("PyInit_"), QLatin1String("PyModExport_")});
            addFinding(F, QStringLiteral("extension.pyinit-missing"), S::Error,
                       inits.isEmpty() ? QStringLiteral("exports no %1: Python cannot import it as '%2'").arg(x.pyinitExpected, module)
                                       : QStringLiteral("exports %1 but its file name needs %2: importing '%3' fails (module name and #[pymodule] name differ?)")
                                             .arg(inits.join(QStringLiteral(", ")), x.pyinitExpected, module),
                       e.name);
        }
        // The suffix against the python and abi tags.
        static const QRegularExpression cpySuffix(QStringLiteral("^\\.cpython-([0-9]+)(t?)"));
        static const QRegularExpression cpPyd(QStringLiteral("^\\.cp([0-9]+)(t?)-"));
        QRegularExpressionMatch m = cpySuffix.match(suffix);
        if (!m.hasMatch())
            m = cpPyd.match(suffix);
        if (m.hasMatch() && rep.filename.valid) {
            const QString abi = QStringLiteral("cp") + m.captured(1) + m.captured(2);
            if (abi3Tag)
                addFinding(F, QStringLiteral("extension.suffix-mismatch"), S::Error,
                           QStringLiteral("the wheel is tagged abi3 but this module is built for one version (%1)").arg(suffix), e.name);
            else if (!rep.filename.abiTags.contains(abi) && !rep.filename.abiTags.contains(abi + QLatin1Char('m'))
                     && !rep.filename.abiTags.contains(abi + QLatin1Char('u')) && !rep.filename.abiTags.contains(abi + QStringLiteral("mu")))
                addFinding(F, QStringLiteral("extension.suffix-mismatch"), S::Error,
                           QStringLiteral("the module is built for %1 but the wheel's ABI tag is %2").arg(abi, rep.filename.abiTags.join(QLatin1Char('.'))),
                           e.name);
        }
        if (x.abi3 && rep.filename.valid && !abi3Tag && suffix.startsWith(QLatin1String(".abi3")))
            addFinding(F, QStringLiteral("extension.abi3-untagged"), S::Info,
                       QStringLiteral("an abi3 module in a wheel not tagged abi3 (it only installs for the tagged version)"), e.name);
        if (abi3Tag && x.binary.format == BinaryInfo::Format::Pe) {
            for (const QString &n : needed)
                if (isPythonDll(n) && !isStableAbiDll(n))
                    addFinding(F, QStringLiteral("extension.abi3-violation"), S::Error,
                               QStringLiteral("tagged abi3 but imports %1 instead of python3.dll: it loads only with that one Python version").arg(n),
                               e.name);
        }
    }
}

void WheelInspectionSteps::checkAbi3Calls(ExtensionReport &x, const ZipEntryRecord &e)
{
    FindingList &F = rep.findings;
    // abi3 claimed (suffix or tag): calls outside the stable ABI, where the symbol table tells them.
    if (x.abi3 || (abi3Tag && x.pythonModule)) {
        constexpr int kMaxListed = 50;
        x.abi3NonStableCalls = nonStableAbiCalls(x.binary);
        // PE: which CPython DLL each call is imported from (python3.dll exports only the stable ABI).
        QHash<QString, QString> dllOf;
        if (x.binary.format == BinaryInfo::Format::Pe)
            for (auto it = x.binary.slices.value(0).importsByLibrary.constBegin(); it != x.binary.slices.value(0).importsByLibrary.constEnd(); ++it)
                if (isPythonDll(it.key()))
                    for (const QString &name : it.value())
                        dllOf.insert(name, it.key());
        for (const QString &call : x.abi3NonStableCalls.mid(0, kMaxListed)) {
            const QString dll = dllOf.value(call);
            QString message;
            if (dll.isEmpty())
                message = QStringLiteral("claims abi3 but calls %1, which is not in the stable ABI: it may fail to load, or misbehave, "
                                         "on other Python 3 versions").arg(call);
            else if (isStableAbiDll(dll))
                message = QStringLiteral("claims abi3 but imports %1 from %2, which is not in the stable ABI: %2 does not export it, "
                                         "so loading the module fails (\"DLL load failed\")").arg(call, dll);
            else
                message = QStringLiteral("claims abi3 but imports %1 from %2, which is not in the stable ABI: it exists only in that "
                                         "Python version's DLL").arg(call, dll);
            addFinding(F, QStringLiteral("extension.abi3-non-stable-call"), S::Warning, message, e.name);
        }
        if (x.abi3NonStableCalls.size() > kMaxListed)
            addFinding(F, QStringLiteral("extension.abi3-non-stable-call"), S::Warning,
                       QStringLiteral("and %1 more calls outside the stable ABI").arg(x.abi3NonStableCalls.size() - kMaxListed), e.name);
    }
}

void WheelInspectionSteps::checkLinkage(ExtensionReport &x, const ZipEntryRecord &e)
{
    FindingList &F = rep.findings;
    // Windows extensions always import python3X.dll, and Android's (PEP 738) link libpython by design.
    if (x.linksLibpython && x.binary.format != BinaryInfo::Format::Pe && !androidTagged)
        addFinding(F, QStringLiteral("extension.links-libpython"), S::Warning,
                   QStringLiteral("links libpython: it fails with interpreters that link Python statically (most Linux and conda builds)"), e.name);
    if (pureTag)
        addFinding(F, QStringLiteral("wheel.binary-in-pure"), S::Error,
                   QStringLiteral("a native %1 file in a wheel tagged for any platform").arg(x.binary.formatName()), e.name);
}

// Architecture and OS against the platform tags.
void WheelInspectionSteps::checkPlatformTags(ExtensionReport &x, const ZipEntryRecord &e)
{
    FindingList &F = rep.findings;
    // Architecture and OS against the platform tags.
    for (const PlatformTag &pt : std::as_const(platforms)) {
        if (pt.kind == PlatformTag::Kind::Manylinux || pt.kind == PlatformTag::Kind::Musllinux || pt.kind == PlatformTag::Kind::Linux
            || pt.kind == PlatformTag::Kind::Android) {
            if (x.binary.format != BinaryInfo::Format::Elf)
                addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                           QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
            else {
                QString want = policyArch(pt.arch);
                if (want == QLatin1String("arm64_v8a"))
                    want = QStringLiteral("aarch64");
                const QString have = policyArch(x.binary.arch());
                const bool armOk = want.startsWith(QLatin1String("armv")) && have == QLatin1String("armv7l");
                if (want != have && !armOk)
                    addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                               QStringLiteral("built for %1, but the wheel is tagged %2").arg(have, pt.tag), e.name);
            }
        } else if (pt.kind == PlatformTag::Kind::MacOS) {
            if (x.binary.format != BinaryInfo::Format::MachO) {
                addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                           QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                continue;
            }
            QStringList have;
            for (const BinarySlice &s : std::as_const(x.binary.slices)) {
                have.append(s.arch);
                if (!s.platform.isEmpty() && s.platform != QLatin1String("macos")) {
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("the %1 slice is built for %2, but the wheel is tagged %3").arg(s.arch, s.platform, pt.tag), e.name);
                    continue;
                }
                if (!s.minOs.isEmpty()) {
                    const int maj = s.minOs.section(QLatin1Char('.'), 0, 0).toInt(), min = s.minOs.section(QLatin1Char('.'), 1, 1).toInt();
                    // arm64 exists from macOS 11 on, so an arm64 slice meets a 10.x tag with 11.0.
                    const std::pair<int, int> promised = s.arch == QLatin1String("arm64") ? std::max(std::pair(pt.major, pt.minor), std::pair(11, 0))
                                                                                           : std::pair(pt.major, pt.minor);
                    if (std::pair(maj, min) > promised && macosArchitectures(pt.arch).contains(s.arch))
                        addFinding(F, QStringLiteral("extension.macos-version"), S::Error,
                                   QStringLiteral("the %1 slice needs macOS %2, the tag %3 promises %4.%5").arg(s.arch, s.minOs, pt.tag).arg(pt.major).arg(pt.minor),
                                   e.name);
                }
            }
            for (const QString &a : macosArchitectures(pt.arch))
                if (!have.contains(a) && platforms.size() == 1)
                    addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                               QStringLiteral("the tag %1 needs a %2 slice; the file has %3").arg(pt.tag, a, have.join(QLatin1Char('+'))), e.name);
        } else if (pt.kind == PlatformTag::Kind::IOS) {
            if (x.binary.format != BinaryInfo::Format::MachO) {
                addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                           QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
                continue;
            }
            const QString wantPlatform = pt.sdk == QLatin1String("iphonesimulator") ? QStringLiteral("ios-simulator") : QStringLiteral("ios");
            for (const BinarySlice &s : std::as_const(x.binary.slices)) {
                if (s.arch != pt.arch)
                    addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                               QStringLiteral("built for %1, but the wheel is tagged %2").arg(s.arch, pt.tag), e.name);
                if (!s.platform.isEmpty() && s.platform != wantPlatform)
                    addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                               QStringLiteral("the %1 slice is built for %2, but the wheel is tagged %3 (%4)").arg(s.arch, s.platform, pt.tag, wantPlatform),
                               e.name);
                else if (!s.minOs.isEmpty()) {
                    const std::pair<int, int> needs(s.minOs.section(QLatin1Char('.'), 0, 0).toInt(), s.minOs.section(QLatin1Char('.'), 1, 1).toInt());
                    if (needs > std::pair(pt.major, pt.minor))
                        addFinding(F, QStringLiteral("extension.ios-version"), S::Error,
                                   QStringLiteral("the %1 slice needs iOS %2, the tag %3 promises %4.%5").arg(s.arch, s.minOs, pt.tag).arg(pt.major).arg(pt.minor),
                                   e.name);
                }
            }
        } else if (pt.kind == PlatformTag::Kind::Windows) {
            if (x.binary.format != BinaryInfo::Format::Pe)
                addFinding(F, QStringLiteral("extension.format-mismatch"), S::Error,
                           QStringLiteral("a %1 file in a wheel tagged %2").arg(x.binary.formatName(), pt.tag), e.name);
            else if (x.binary.arch() != winArch(pt.arch))
                addFinding(F, QStringLiteral("extension.arch-mismatch"), S::Error,
                           QStringLiteral("built for %1, but the wheel is tagged %2").arg(x.binary.arch(), pt.tag), e.name);
        }
    }
}

void WheelInspectionSteps::evaluateLinuxPolicy(ExtensionReport &x, const ZipEntryRecord &e)
{
    // Linux policies
    const bool linuxTagged = std::any_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) {
        return p.kind == PlatformTag::Kind::Manylinux || p.kind == PlatformTag::Kind::Musllinux || p.kind == PlatformTag::Kind::Linux;
    });
    if (x.binary.format == BinaryInfo::Format::Elf && linuxTagged) {
        const bool muslTag = std::any_of(platforms.begin(), platforms.end(), [](const PlatformTag &p) { return p.kind == PlatformTag::Kind::Musllinux; });
        // No DT_NEEDED and no PT_INTERP tell it: the file name does, as for auditwheel (lddtree).
        const QString libc = x.binary.libc.isEmpty() ? libcFromFileName(e.name) : x.binary.libc;
        const bool musl = libc == QLatin1String("musl") || (libc.isEmpty() && muslTag);
        const PolicyTable &table = musl ? PolicyTable::musllinux() : PolicyTable::manylinux();
        x.policy = table.evaluate(x.binary, e.name, inWheelLibs);
        verdicts.append(x.policy);
        if (!libc.isEmpty())
            libcs[libc].append(e.name);
        verdictFamily = table.family();
    }
}

// The whole wheel's policy, what its tags promise against it, and the repair preview (Linux ELF files).
void WheelInspectionSteps::applyPolicies()
{
    FindingList &F = rep.findings;
    if (!verdicts.isEmpty()) {
        rep.policy = mergeVerdicts(verdicts);
        rep.policy.family = verdictFamily;
        applyRepairPreview(rep, verdictFamily == QLatin1String("musllinux") ? PolicyTable::musllinux() : PolicyTable::manylinux(),
                           LibraryResolver());
        for (const PlatformTag &pt : std::as_const(platforms)) {
            if (pt.kind != PlatformTag::Kind::Manylinux && pt.kind != PlatformTag::Kind::Musllinux)
                continue;
            const PolicyTable &table = pt.kind == PlatformTag::Kind::Musllinux ? PolicyTable::musllinux() : PolicyTable::manylinux();
            const Policy *p = table.find(pt.policyName());
            if (!p) {
                addFinding(F, QStringLiteral("tags.unknown-policy"), S::Warning, QStringLiteral("no policy data for %1").arg(pt.tag));
                continue;
            }
            if (table.family() != rep.policy.family) {
                addFinding(F, QStringLiteral("policy.libc-mismatch"), S::Error,
                           QStringLiteral("tagged %1 but the binaries are built for %2").arg(pt.tag, rep.policy.family == QLatin1String("musllinux") ? QStringLiteral("musl") : QStringLiteral("glibc")));
                continue;
            }
            if (p->priority > rep.policy.priority) {
                QStringList why;
                for (const PolicyCheck &c : std::as_const(rep.policy.better))
                    if (c.policy == p->name)
                        for (const PolicyBlocker &b : c.blockers)
                            if (why.size() < 8)
                                why.append(b.describe());
                addFinding(F, QStringLiteral("policy.tag-not-satisfied"), S::Error,
                           QStringLiteral("tagged %1 but the binaries only satisfy %2: %3").arg(pt.tag, rep.policy.policy, why.join(QStringLiteral("; "))));
            }
        }
        // auditwheel on a glibc host judges musl binaries against the latest musllinux policy only: a
        // binary that meets an older one is reported as that latest one (musllinux_1_2), as it does.
        const PolicyTable &latestMusl = PolicyTable::musllinuxLatest();
        if (rep.policy.family == QLatin1String("musllinux") && !latestMusl.policies().isEmpty()) {
            const Policy &latest = latestMusl.policies().first();
            if (rep.policy.priority > 0) {
                rep.policy.policy = latest.name;
                rep.policy.priority = latest.priority;
            }
            if (rep.policy.symbolPriority > 0) {
                rep.policy.symbolPolicy = latest.name;
                rep.policy.symbolPriority = latest.priority;
            }
        }
        if (rep.policy.policy == QLatin1String("linux"))
            addFinding(F, QStringLiteral("policy.none"), S::Info,
                       QStringLiteral("the native files satisfy no %1 policy (best by symbol versions alone: %2)").arg(rep.policy.family, rep.policy.symbolPolicy));
        for (const ExtensionReport &x : std::as_const(rep.extensions))
            for (const QString &u : x.binary.slices.value(0).undefined)
                if (u == QLatin1String("PyFPE_jbuf"))
                    addFinding(F, QStringLiteral("extension.pyfpe"), S::Warning,
                               QStringLiteral("This wheel uses the PyFPE_jbuf function, which is not compatible with the manylinux policies"), x.path);
    }
}

} // namespace wb
