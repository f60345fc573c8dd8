// Packaging problems: manylinux audit, platform tags, abi3 (debug information: DebugBuildDetectors.cpp).
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/WheelEvidence.h"
#include "core/wheel/PlatformTag.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

const QStringList ContainerCommands = {
    QStringLiteral("docker run --rm -v \"$PWD\":/io ghcr.io/pyo3/maturin build --release --compatibility manylinux2014"),
    QStringLiteral("maturin build --release --zig --compatibility manylinux2014")};

ConfigEdit compatibilityEdit(const QString &tag)
{
    return {QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("compatibility"),
            DetectorContext::tomlString(tag), ConfigEdit::Action::Set};
}

// "libc.so.6 offending versions: GLIBC_2.33, GLIBC_2.34" / "... offending symbols: memcpy@GLIBC_2.14"
QStringList offenders(const QString &list)
{
    QStringList out;
    static const QRegularExpression group(QStringLiteral(R"(([\w.+-]+) offending (?:symbols|versions): ([^"\]]*))"));
    auto it = group.globalMatch(list);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringList items = m.captured(2).split(QStringLiteral(", "), Qt::SkipEmptyParts);
        for (const QString &item : items)
            out << m.captured(1) + QStringLiteral(": ") + item.trimmed();
    }
    return out;
}

QString versionOf(const QString &offender)
{
    const QString item = offender.section(QStringLiteral(": "), -1);
    return item.contains(QLatin1Char('@')) ? item.section(QLatin1Char('@'), -1) : item;
}

// The glibc minor version a manylinux tag or policy name promises (17 for manylinux2014_x86_64 and
// manylinux_2_17); -1 when it is not a manylinux tag. Compressed tag sets count by their first tag.
int glibcMinor(const QString &tagIn)
{
    const QString tag = tagIn.section(QLatin1Char('.'), 0, 0);
    QString name = tag;
    if (const Policy *p = PolicyTable::manylinux().find(tag)) {
        name = p->name;
    } else {
        const PlatformTag parsed = PlatformTag::parse(tag);
        if (parsed.kind == PlatformTag::Kind::Manylinux)
            return parsed.major == 2 ? parsed.minor : -1;
    }
    static const QRegularExpression re(QStringLiteral(R"(^manylinux_2_(\d+)$)"));
    const QRegularExpressionMatch m = re.match(name);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString archOf(const WheelFacts &w)
{
    const QString arch = PlatformTag::parse(w.platformTag.section(QLatin1Char('.'), 0, 0)).arch;
    return arch.isEmpty() ? QStringLiteral("x86_64") : arch;
}

// The most compatible manylinux policy that allows a symbol version (GLIBC_2.34, GLIBCXX_3.4.30).
QString lowestTagFor(const QString &symbolVersion, const QString &arch)
{
    const Policy *p = PolicyTable::manylinux().mostCompatibleAllowing(arch, symbolVersion);
    return p ? p->name : QString();
}

QString highest(const QStringList &tags)
{
    QString best;
    for (const QString &t : tags) {
        if (glibcMinor(t) > glibcMinor(best))
            best = t;
    }
    return best;
}

// What keeps an extension from `policy` (by name), as the inspector's policy check says.
QList<PolicyBlocker> blockersFor(const ExtensionReport &ext, const QString &policy, PolicyBlocker::Kind kind)
{
    QList<PolicyBlocker> out;
    for (const PolicyCheck &check : ext.policy.better) {
        if (check.policy != policy)
            continue;
        for (const PolicyBlocker &b : check.blockers) {
            if (b.kind == kind)
                out << b;
        }
    }
    return out;
}

// The policy an extension's symbol versions allow at best (manylinux_2_31), or empty (not a Linux ELF).
QString symbolPolicyOf(const ExtensionReport &ext)
{
    return ext.policy.family == QLatin1String("manylinux") ? ext.policy.symbolPolicy : QString();
}

QString policyNameOfTag(const QString &tag)
{
    const QString first = tag.section(QLatin1Char('.'), 0, 0);
    if (const Policy *p = PolicyTable::manylinux().find(first))
        return p->name;
    return PlatformTag::parse(first).policyName();
}

void detectTooRecent(DetectorContext &ctx)
{
    const QString arch = archOf(ctx.wheel());
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("too-recent-symbols"))) {
        const QString policy = m.match.args.value(0);
        const QStringList bad = offenders(m.match.args.value(1));
        QStringList tags;
        for (const QString &o : bad)
            tags << lowestTagFor(versionOf(o), arch);
        const QString passing = highest(tags);
        QString message = QStringLiteral("%1 does not allow %2.").arg(policy, bad.isEmpty() ? m.match.args.value(1) : bad.join(QStringLiteral("; ")));
        if (!passing.isEmpty())
            message += QStringLiteral(" The lowest tag that accepts them is %1.").arg(passing);
        message += QStringLiteral(" Ways out: build in a manylinux container, link with --zig, or declare %1.")
                       .arg(passing.isEmpty() ? QStringLiteral("a newer tag") : passing);
        Finding &f = ctx.add(QStringLiteral("manylinux-too-recent-symbols"), message, {DetectorContext::ref(m)});
        f.fix.commands = ContainerCommands;
        f.fix.edits = passing.isEmpty() ? QList<ConfigEdit>() : QList<ConfigEdit>{compatibilityEdit(passing)};
        if (ctx.project().compatibility.present())
            f.evidence << ctx.pyprojectRef(ctx.project().compatibility);
        f.fix.summary = QStringLiteral("Build in a manylinux container or with --zig for %1, or accept %2.")
                            .arg(policy, passing.isEmpty() ? QStringLiteral("a newer tag") : passing);
    }
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("external-newer-symbols"))) {
        Finding &f = ctx.add(QStringLiteral("manylinux-too-recent-symbols"),
                             QStringLiteral("The bundled libraries %1 need newer symbol versions than %2 allows.")
                                 .arg(m.match.args.value(0), m.match.args.value(1)),
                             {DetectorContext::ref(m)});
        f.fix.commands = ContainerCommands;
    }
    // A wheel whose tag promises less than its extensions need.
    const WheelFacts &w = ctx.wheel();
    const int promised = glibcMinor(w.platformTag);
    if (promised < 0)
        return;
    const QString promisedPolicy = policyNameOfTag(w.platformTag);
    for (const ExtensionReport &ext : w.report.extensions) {
        const QString needed = symbolPolicyOf(ext);
        if (needed.isEmpty() || glibcMinor(needed) <= promised)
            continue;
        QStringList symbols;
        for (const PolicyBlocker &b : blockersFor(ext, promisedPolicy, PolicyBlocker::Kind::SymbolVersion)) {
            if (b.symbols.isEmpty())
                symbols << QStringLiteral("%1 (%2)").arg(b.version, b.library);
            for (const QString &sym : b.symbols.mid(0, 4))
                symbols << sym + QLatin1Char('@') + b.version;
        }
        Finding &f = ctx.add(QStringLiteral("manylinux-too-recent-symbols"),
                             QStringLiteral("The wheel is tagged %1, but %2 needs %3.").arg(w.platformTag, ext.path, needed),
                             {DetectorContext::wheelRef(w.fileName, QStringLiteral("platform tag ") + w.platformTag),
                              DetectorContext::wheelRef(ext.path, symbols.mid(0, 8).join(QStringLiteral(", ")))});
        f.fix.commands = ContainerCommands;
        f.fix.edits = {compatibilityEdit(needed)};
    }
}

void detectForbiddenLibraries(DetectorContext &ctx)
{
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("forbidden-libraries")))
        ctx.add(QStringLiteral("manylinux-forbidden-library"),
                QStringLiteral("%1 does not allow linking %2.").arg(m.match.args.value(0), m.match.args.value(1)),
                {DetectorContext::ref(m)});
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("blacklisted-symbols")))
        ctx.add(QStringLiteral("blacklisted-symbols"), QStringLiteral("The library uses symbols the policy forbids."),
                {DetectorContext::ref(m)});
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("copy-needed")))
        ctx.add(QStringLiteral("auditwheel-copy-needed"), QStringLiteral("maturin found external libraries but was told not to copy them."),
                {DetectorContext::ref(m)});
    // Libraries the tag's policy does not allow and the wheel does not carry (libpython: see detectLibpython).
    const WheelFacts &w = ctx.wheel();
    if (glibcMinor(w.platformTag) < 0)
        return;
    const QString promisedPolicy = policyNameOfTag(w.platformTag);
    for (const ExtensionReport &ext : w.report.extensions) {
        for (const PolicyBlocker &b : blockersFor(ext, promisedPolicy, PolicyBlocker::Kind::Library)) {
            if (b.library.startsWith(QLatin1String("libpython")))
                continue;
            ctx.add(QStringLiteral("manylinux-forbidden-library"),
                    QStringLiteral("%1 needs %2, which %3 does not allow and the wheel does not carry.").arg(ext.path, b.library, w.platformTag),
                    {DetectorContext::wheelRef(ext.path, QStringLiteral("NEEDED ") + b.library)});
        }
    }
}

void detectLibpython(DetectorContext &ctx)
{
    QList<EvidenceRef> evidence;
    QString lib;
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("links-libpython"))) {
        evidence << DetectorContext::ref(m);
        lib = m.match.args.value(0);
    }
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("extension-module-warning")))
        evidence << DetectorContext::ref(m);
    if (lib.isEmpty())
        lib = QStringLiteral("libpython");
    // PyO3 always links libpython on Windows, Android, iOS, AIX and Cygwin: only Linux and macOS wheels count.
    const QString platform = ctx.wheel().platformTag;
    const bool mustNotLink = platform.contains(QLatin1String("linux")) || platform.startsWith(QLatin1String("macosx"));
    for (const ExtensionReport &ext : ctx.wheel().report.extensions) {
        if (!mustNotLink || !ext.linksLibpython)
            continue;
        for (const QString &needed : ext.binary.allNeeded()) {
            if (needed.startsWith(QLatin1String("libpython"))) {
                evidence << DetectorContext::wheelRef(ext.path, QStringLiteral("NEEDED ") + needed);
                lib = needed;
            }
        }
    }
    if (evidence.isEmpty())
        return;
    ctx.add(QStringLiteral("missing-extension-module"),
            QStringLiteral("The extension links %1; extension modules must take the Python symbols from the interpreter that loads them.")
                .arg(lib),
            evidence);
    // The configuration side (PyO3 version, features, the edit) is added by the config detector.
}

void detectLinuxTag(DetectorContext &ctx)
{
    QList<EvidenceRef> evidence;
    for (const char *kind : {"linux-tag-fallback", "pypi-linux-tag"}) {
        for (const SourcedMatch &m : ctx.matches(QString::fromLatin1(kind)))
            evidence << DetectorContext::ref(m);
    }
    // maturin develop always builds a linux-tagged wheel for the local venv: that is expected.
    const bool develop = !ctx.matches(QStringLiteral("develop-install")).isEmpty();
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("built-wheel"))) {
        if (develop)
            break;
        const WheelFacts built = WheelEvidence::fromFileName(m.match.args.value(0).section(QLatin1Char('/'), -1));
        if (built.platformTag.startsWith(QLatin1String("linux_")))
            evidence << DetectorContext::ref(m);
    }
    const WheelFacts &w = ctx.wheel();
    if (w.platformTag.startsWith(QLatin1String("linux_")))
        evidence << DetectorContext::wheelRef(w.fileName, QStringLiteral("platform tag ") + w.platformTag);
    const Setting &compat = ctx.project().compatibility;
    const bool configured = compat.value == QLatin1String("linux") || compat.value == QLatin1String("off");
    if (configured)
        evidence << ctx.pyprojectRef(compat);
    if (evidence.isEmpty())
        return;
    Finding &f = ctx.add(QStringLiteral("linux-tag-not-uploadable"),
                         configured ? QStringLiteral("compatibility = \"%1\" makes maturin tag the wheel linux_<arch>, which PyPI rejects.").arg(compat.value)
                                    : QStringLiteral("The wheel is tagged linux_<arch>; PyPI accepts only manylinux/musllinux tags for Linux."),
                         evidence);
    if (!configured) {
        f.fix.edits.clear();
        f.fix.summary = QStringLiteral("Build a manylinux wheel (do not pass --compatibility linux/off) and check it with --compatibility pypi.");
    }
}

void detectUnsupportedWheel(DetectorContext &ctx)
{
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("unsupported-wheel"))) {
        const WheelFacts named = WheelEvidence::fromFileName(m.match.args.value(0).section(QLatin1Char('/'), -1));
        QStringList reasons;
        const int glibc = glibcMinor(named.platformTag);
        if (glibc > 17)
            reasons << QStringLiteral("its tag %1 needs glibc 2.%2 or newer on the installing machine").arg(named.platformTag).arg(glibc);
        if (named.pythonTag.startsWith(QLatin1String("cp")) && named.abiTag != QLatin1String("abi3"))
            reasons << QStringLiteral("it is only for CPython %1.%2 (%3-%4)")
                           .arg(named.pythonTag.mid(2, 1), named.pythonTag.mid(3), named.pythonTag, named.abiTag);
        QString message = QStringLiteral("pip refuses %1").arg(named.fileName.isEmpty() ? m.match.args.value(0) : named.fileName);
        message += reasons.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + reasons.join(QStringLiteral("; ")) + QLatin1Char('.');
        Finding &f = ctx.add(QStringLiteral("unsupported-wheel-platform"), message, {DetectorContext::ref(m)});
        // pip does not say which tag it refused, and a pip older than the tag (musllinux: 21.2, manylinux_x_y: 20.3) says the same.
        if (ctx.wheel().report.extensions.isEmpty())
            f.confidence = Confidence::Low;
        if (glibc <= 17) {
            f.fix.edits.clear();
            f.fix.summary = QStringLiteral("Build the wheel with the interpreter (and on the architecture) that installs it.");
            f.fix.commands = {QStringLiteral("maturin build --release -i python3")};
        }
        // Would the binary allow an older tag? Check the wheel's real requirements when we have it.
        for (const ExtensionReport &ext : ctx.wheel().report.extensions) {
            const QString needed = symbolPolicyOf(ext);
            if (glibcMinor(needed) > 17)
                f.evidence << DetectorContext::wheelRef(ext.path, QStringLiteral("needs %1 at least: only a build against an older glibc "
                                                                                  "(manylinux container or --zig) can lower the tag")
                                                                       .arg(needed));
        }
    }
}

void detectRuntimeGlibc(DetectorContext &ctx)
{
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("glibc-not-found"))) {
        const QString version = m.match.args.value(0);
        const QString tag = lowestTagFor(version, archOf(ctx.wheel()));
        QString message = QStringLiteral("%1 needs %2, which this machine's C library does not have.")
                              .arg(m.match.args.value(1).isEmpty() ? QStringLiteral("The extension") : m.match.args.value(1), version);
        if (!tag.isEmpty())
            message += QStringLiteral(" A correct wheel for it would be tagged %1 or newer, and pip would not have installed it here.").arg(tag);
        Finding &f = ctx.add(QStringLiteral("glibc-too-old-at-runtime"), message, {DetectorContext::ref(m)});
        const WheelFacts &w = ctx.wheel();
        if (!w.platformTag.isEmpty())
            f.evidence << DetectorContext::wheelRef(w.fileName, QStringLiteral("platform tag ") + w.platformTag);
        // The loader's line alone reads the same for a wheel copied to an older machine (or picked for another one)
        // and for a wheel whose manylinux tag promises less than its symbols need: only the wheel's tag tells them apart.
        else
            f.confidence = Confidence::Low;
    }
}

void detectAbi3(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    QString abi3;
    Setting where;
    bool inCargo = false;
    for (const QString &feature : p.pyo3Features.items) {
        if (feature.startsWith(QLatin1String("abi3"))) {
            abi3 = feature;
            where = p.pyo3Features;
            inCargo = true;
        }
    }
    for (const QString &feature : p.maturinFeatures.items) {
        if (feature.startsWith(QLatin1String("pyo3/abi3"))) {
            abi3 = feature.mid(5);
            where = p.maturinFeatures;
            inCargo = false;
        }
    }
    if (abi3.isEmpty())
        return;
    QList<EvidenceRef> evidence;
    const WheelFacts &w = ctx.wheel();
    if (!w.abiTag.isEmpty() && w.abiTag != QLatin1String("abi3") && w.pythonTag.startsWith(QLatin1String("cp"))
        && !w.abiTag.endsWith(QLatin1Char('t')))
        evidence << DetectorContext::wheelRef(w.fileName, QStringLiteral("tags %1-%2").arg(w.pythonTag, w.abiTag));
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("found-bindings"))) {
        if (m.match.args.value(0).isEmpty())
            evidence << DetectorContext::ref(m);
    }
    if (evidence.isEmpty())
        return;
    evidence.prepend(inCargo ? ctx.cargoRef(where) : ctx.pyprojectRef(where));
    ctx.add(QStringLiteral("abi3-not-applied"),
            QStringLiteral("The project enables %1, but the build was version-specific.").arg(abi3), evidence);
}

} // namespace

void detectPackagingProblems(DetectorContext &ctx)
{
    detectTooRecent(ctx);
    detectForbiddenLibraries(ctx);
    detectLibpython(ctx);
    detectLinuxTag(ctx);
    detectUnsupportedWheel(ctx);
    detectRuntimeGlibc(ctx);
    detectAbi3(ctx);
    detectDebugBuild(ctx);
}

} // namespace wb::diagnose
