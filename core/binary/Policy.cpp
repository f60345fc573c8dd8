#include "core/binary/Policy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wb {

namespace {

QSet<QString> words(const QString &s)
{
    const QStringList l = s.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(l.begin(), l.end());
}

PolicyTable load(const QString &family)
{
    QFile f(QStringLiteral(":/wheelbench/policies/%1.json").arg(family));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("policy table %s is missing from the resources", qPrintable(family));
        return {};
    }
    QString error;
    PolicyTable t = PolicyTable::fromJson(f.readAll(), &error);
    if (!error.isEmpty())
        qWarning("policy table %s: %s", qPrintable(family), qPrintable(error));
    return t;
}

bool isLoader(const QString &lib)
{
    return lib.startsWith(QLatin1String("ld-linux")) || lib.startsWith(QLatin1String("ld64.so")) || lib.startsWith(QLatin1String("ld-musl"))
        || lib.startsWith(QLatin1String("ld.so"));
}

// musl's libc is named libc.musl-<arch>.so.1 in binaries, "libc.so" in the tables.
QString tableLibraryName(const QString &lib)
{
    if (lib.startsWith(QLatin1String("libc.musl-")))
        return QStringLiteral("libc.so");
    return lib;
}

} // namespace

QString policyArch(const QString &a)
{
    if (a == QLatin1String("i386") || a == QLatin1String("i586") || a == QLatin1String("x86"))
        return QStringLiteral("i686");
    if (a == QLatin1String("arm64"))
        return QStringLiteral("aarch64");
    if (a == QLatin1String("amd64"))
        return QStringLiteral("x86_64");
    return a;
}

QString PolicyBlocker::kindName(Kind k)
{
    switch (k) {
    case Kind::Library: return QStringLiteral("library");
    case Kind::SymbolVersion: return QStringLiteral("symbol-version");
    case Kind::BlacklistedSymbol: return QStringLiteral("blacklisted-symbol");
    case Kind::Architecture: return QStringLiteral("architecture");
    case Kind::PyFpe: return QStringLiteral("pyfpe");
    }
    return {};
}

QString PolicyBlocker::describe() const
{
    const QString shown = symbols.mid(0, 5).join(QStringLiteral(", ")) + (symbols.size() > 5 ? QStringLiteral(", …") : QString());
    switch (kind) {
    case Kind::Library:
        return QStringLiteral("%1 needs %2, which is not allowed as an external library").arg(file, library);
    case Kind::SymbolVersion:
        return QStringLiteral("%1 needs %2 from %3 (%4)").arg(file, version, library, shown.isEmpty() ? QStringLiteral("symbols not listed") : shown);
    case Kind::BlacklistedSymbol:
        return QStringLiteral("%1 uses black-listed symbols of %2: %3").arg(file, library, shown);
    case Kind::Architecture:
        return QStringLiteral("%1: the policy does not cover this architecture").arg(file);
    case Kind::PyFpe:
        return QStringLiteral("%1 uses the PyFPE_jbuf function, which no manylinux interpreter provides").arg(file);
    }
    return {};
}

PolicyTable PolicyTable::fromJson(const QByteArray &json, QString *error)
{
    PolicyTable t;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = pe.errorString();
        return t;
    }
    const QJsonObject root = doc.object();
    t.m_family = root.value(QLatin1String("family")).toString();
    const QJsonObject attr = root.value(QLatin1String("attribution")).toObject();
    t.m_attribution = QStringLiteral("%1 (%2, %3)").arg(attr.value(QLatin1String("source")).toString(),
                                                         attr.value(QLatin1String("license")).toString(),
                                                         attr.value(QLatin1String("copyright")).toString());
    for (const QJsonValue &v : root.value(QLatin1String("policies")).toArray()) {
        const QJsonObject o = v.toObject();
        Policy p;
        p.name = o.value(QLatin1String("name")).toString();
        for (const QJsonValue &a : o.value(QLatin1String("aliases")).toArray())
            p.aliases.append(a.toString());
        p.priority = o.value(QLatin1String("priority")).toInt();
        const QJsonObject vers = o.value(QLatin1String("versions")).toObject();
        for (auto it = vers.begin(); it != vers.end(); ++it) {
            QMap<QString, QSet<QString>> ns;
            const QJsonObject nso = it.value().toObject();
            for (auto n = nso.begin(); n != nso.end(); ++n)
                ns.insert(n.key(), words(n.value().toString()));
            p.versions.insert(it.key(), ns);
        }
        p.libraries = words(o.value(QLatin1String("libraries")).toString());
        const QJsonObject bl = o.value(QLatin1String("blacklist")).toObject();
        for (auto it = bl.begin(); it != bl.end(); ++it)
            p.blacklist.insert(it.key(), words(it.value().toString()));
        t.m_policies.append(p);
    }
    std::sort(t.m_policies.begin(), t.m_policies.end(), [](const Policy &a, const Policy &b) { return a.priority > b.priority; });
    return t;
}

const PolicyTable &PolicyTable::manylinux()
{
    static const PolicyTable t = load(QStringLiteral("manylinux"));
    return t;
}

const PolicyTable &PolicyTable::musllinux()
{
    static const PolicyTable t = load(QStringLiteral("musllinux"));
    return t;
}

const PolicyTable &PolicyTable::musllinuxLatest()
{
    static const PolicyTable t = [] {
        PolicyTable latest = musllinux();
        // The newest musl is the least compatible policy: the lowest priority above linux's 0.
        QList<Policy> kept;
        const Policy *newest = nullptr;
        for (const Policy &p : std::as_const(latest.m_policies))
            if (p.priority > 0 && (!newest || p.priority < newest->priority))
                newest = &p;
        if (newest)
            kept << *newest;
        for (const Policy &p : std::as_const(latest.m_policies))
            if (p.priority == 0)
                kept << p;
        latest.m_policies = kept;
        return latest;
    }();
    return t;
}

const Policy *PolicyTable::find(const QString &name) const
{
    for (const Policy &p : m_policies)
        if (p.name == name || p.aliases.contains(name))
            return &p;
    return nullptr;
}

const Policy *PolicyTable::mostCompatibleAllowing(const QString &arch, const QString &symbolVersion) const
{
    const qsizetype us = symbolVersion.indexOf(QLatin1Char('_'));
    if (us <= 0)
        return nullptr;
    const QString ns = symbolVersion.left(us);
    const QString version = symbolVersion.mid(us + 1);
    const QString a = policyArch(arch);
    for (const Policy &p : m_policies) { // highest priority first
        const auto archIt = p.versions.constFind(a);
        if (archIt == p.versions.constEnd())
            continue;
        const auto nsIt = archIt->constFind(ns);
        if (nsIt != archIt->constEnd() && nsIt->contains(version))
            return &p;
    }
    return nullptr;
}

bool PolicyTable::isLoader(const QString &library)
{
    return wb::isLoader(library);
}

bool PolicyTable::allows(const Policy &policy, const QString &library)
{
    return wb::isLoader(library) || policy.libraries.contains(tableLibraryName(library));
}

const Policy *PolicyTable::bestForSymbolVersions(const QString &arch, const QSet<QString> &versions) const
{
    const QString a = policyArch(arch);
    for (const Policy &p : m_policies) { // highest priority first
        const auto archIt = p.versions.constFind(a);
        if (archIt == p.versions.constEnd())
            continue;
        bool ok = true;
        for (const QString &ver : versions) {
            const qsizetype us = ver.indexOf(QLatin1Char('_'));
            if (us <= 0)
                continue;
            const auto nsIt = archIt->constFind(ver.left(us));
            if (nsIt != archIt->constEnd() && !nsIt->contains(ver.mid(us + 1))) {
                ok = false;
                break;
            }
        }
        if (ok && p.priority > 0)
            return &p;
    }
    return nullptr;
}

PolicyVerdict PolicyTable::evaluate(const BinaryInfo &elf, const QString &file, const QSet<QString> &inWheel) const
{
    PolicyVerdict v;
    v.family = m_family;
    v.policy = QStringLiteral("linux");
    if (elf.slices.isEmpty())
        return v;
    const BinarySlice &s = elf.slices.first();
    v.arch = policyArch(s.arch);
    QSet<QString> undefined(s.undefined.begin(), s.undefined.end());
    const bool pyfpe = undefined.contains(QStringLiteral("PyFPE_jbuf")) || undefined.contains(QStringLiteral("PyFPE_dummy"))
        || undefined.contains(QStringLiteral("PyFPE_counter"));
    int bestSym = 0, bestRef = 0, bestBlack = 0;
    QString symName = QStringLiteral("linux");
    QList<PolicyCheck> checks;
    for (const Policy &p : m_policies) {
        PolicyCheck c{p.name, p.priority, {}};
        const auto archIt = p.versions.constFind(v.arch);
        if (archIt == p.versions.constEnd()) {
            c.blockers.append({PolicyBlocker::Kind::Architecture, {}, {}, {}, file});
            checks.append(c);
            continue;
        }
        bool symOk = true, refOk = true, blackOk = true;
        for (const QString &lib : s.needed) {
            if (isLoader(lib) || inWheel.contains(lib))
                continue;
            const QString tl = tableLibraryName(lib);
            if (!p.libraries.contains(tl)) {
                refOk = false;
                c.blockers.append({PolicyBlocker::Kind::Library, lib, {}, {}, file});
            }
            const auto bl = p.blacklist.constFind(tl);
            if (bl != p.blacklist.constEnd()) {
                QStringList hits;
                for (const QString &sym : s.undefined)
                    if (bl->contains(sym))
                        hits.append(sym);
                if (!hits.isEmpty()) {
                    blackOk = false;
                    c.blockers.append({PolicyBlocker::Kind::BlacklistedSymbol, lib, {}, hits, file});
                }
            }
        }
        for (auto it = s.versionsByLibrary.constBegin(); it != s.versionsByLibrary.constEnd(); ++it) {
            if (inWheel.contains(it.key()))
                continue;
            for (const QString &ver : it.value()) {
                const qsizetype us = ver.indexOf(QLatin1Char('_'));
                if (us <= 0)
                    continue;
                const QString ns = ver.left(us);
                const auto nsIt = archIt->constFind(ns);
                if (nsIt == archIt->constEnd())
                    continue; // namespaces the policy does not govern
                if (!nsIt->contains(ver.mid(us + 1))) {
                    symOk = false;
                    c.blockers.append({PolicyBlocker::Kind::SymbolVersion, it.key(), ver,
                                       s.symbolsByVersion.value(it.key() + QLatin1Char(' ') + ver), file});
                }
            }
        }
        if (pyfpe)
            c.blockers.append({PolicyBlocker::Kind::PyFpe, {}, {}, {QStringLiteral("PyFPE_jbuf")}, file});
        if (symOk && p.priority > bestSym) {
            bestSym = p.priority;
            symName = p.name;
        }
        if (refOk && p.priority > bestRef)
            bestRef = p.priority;
        if (blackOk && p.priority > bestBlack)
            bestBlack = p.priority;
        checks.append(c);
    }
    v.symbolPolicy = symName;
    v.symbolPriority = bestSym;
    const int overall = pyfpe ? 0 : std::min({bestSym, bestRef, bestBlack});
    v.priority = overall;
    for (const Policy &p : m_policies)
        if (p.priority == overall)
            v.policy = p.name;
    for (const PolicyCheck &c : std::as_const(checks))
        if (c.priority > overall)
            v.better.append(c);
    return v;
}

PolicyVerdict mergeVerdicts(const QList<PolicyVerdict> &verdicts)
{
    PolicyVerdict out;
    if (verdicts.isEmpty())
        return out;
    out = verdicts.first();
    out.better.clear();
    for (const PolicyVerdict &v : verdicts) {
        if (v.priority < out.priority) {
            out.priority = v.priority;
            out.policy = v.policy;
        }
        if (v.symbolPriority < out.symbolPriority) {
            out.symbolPriority = v.symbolPriority;
            out.symbolPolicy = v.symbolPolicy;
        }
    }
    QMap<int, PolicyCheck> byPriority;
    for (const PolicyVerdict &v : verdicts)
        for (const PolicyCheck &c : v.better) {
            if (c.priority <= out.priority)
                continue;
            PolicyCheck &m = byPriority[c.priority];
            m.policy = c.policy;
            m.priority = c.priority;
            m.blockers += c.blockers;
        }
    for (auto it = byPriority.constEnd(); it != byPriority.constBegin();) {
        --it;
        out.better.append(it.value());
    }
    return out;
}

} // namespace wb
