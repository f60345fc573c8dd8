#include "core/wheel/RepairPreview.h"

#include "core/binary/LibraryResolver.h"
#include "core/binary/Policy.h"
#include "core/wheel/WheelReport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace wb {

namespace {

constexpr qint64 kMaxLibraryBytes = 256ll * 1024 * 1024;
constexpr int kMaxLibraries = 200;

// A library found on this machine, read once.
struct SystemLibrary {
    QString path;
    qint64 size = 0;
    BinaryInfo info;
};

class LibraryCache
{
public:
    LibraryCache(const LibraryResolver &resolver, const QString &arch) : m_resolver(resolver), m_arch(arch) {}

    // Finds and reads `soname` as needed by a file with these run paths (origin: its folder on disk).
    const SystemLibrary *get(const QString &soname, const BinarySlice *requester, const QString &origin)
    {
        const auto it = m_bySoname.constFind(soname);
        if (it != m_bySoname.constEnd())
            return it->path.isEmpty() ? nullptr : &*it;
        SystemLibrary lib;
        if (m_bySoname.size() < kMaxLibraries) {
            LibraryResolver::Request r{soname, requester ? requester->rpaths : QStringList(),
                                       requester ? requester->runpaths : QStringList(), origin, {}};
            lib.path = m_resolver.find(r);
        }
        if (!lib.path.isEmpty()) {
            QFile f(lib.path);
            lib.size = QFileInfo(lib.path).size();
            if (lib.size <= kMaxLibraryBytes && f.open(QIODevice::ReadOnly))
                lib.info = readElf(f.readAll());
            // A library of another architecture (an aarch64 wheel inspected on x86_64) is not the one.
            if (lib.info.slices.isEmpty() || policyArch(lib.info.arch()) != m_arch)
                lib = {};
            // The file itself, as auditwheel names and copies it: lddtree follows the symbolic links of
            // the name only, not of the folders (/lib/x86_64-linux-gnu/libyaml-0.so.2 -> libyaml-0.so.2.0.9).
            for (int hops = 0; hops < 40 && QFileInfo(lib.path).isSymLink(); ++hops) {
                const QString target = QFileInfo(lib.path).readSymLink();
                lib.path = QDir::cleanPath(QDir::isAbsolutePath(target) ? target : QFileInfo(lib.path).path() + u'/' + target);
            }
        }
        auto inserted = m_bySoname.insert(soname, lib);
        return lib.path.isEmpty() ? nullptr : &*inserted;
    }

private:
    const LibraryResolver &m_resolver;
    QString m_arch;
    QHash<QString, SystemLibrary> m_bySoname;
};

// The libraries a policy does not allow, reachable from the wheel's ELF files (auditwheel's
// lddtree_external_references: needed libraries outside the whitelist, then their own needs outside it).
struct External {
    QList<RepairLibrary> libs;
    QStringList missing;
};

External externalFor(const Policy &policy, const WheelReport &report, const QSet<QString> &inWheel, LibraryCache &cache)
{
    External out;
    QSet<QString> seen;
    struct Todo {
        QString soname;
        QString neededBy;
        const BinarySlice *requester;
        QString origin;
    };
    QList<Todo> todo;
    for (const ExtensionReport &x : report.extensions) {
        if (x.binary.format != BinaryInfo::Format::Elf || x.binary.slices.isEmpty())
            continue;
        for (const QString &lib : x.binary.slices.first().needed)
            todo.append({lib, x.path, &x.binary.slices.first(), QString()});
    }
    while (!todo.isEmpty()) {
        const Todo t = todo.takeFirst();
        if (seen.contains(t.soname) || inWheel.contains(t.soname) || PolicyTable::allows(policy, t.soname))
            continue;
        seen.insert(t.soname);
        const SystemLibrary *lib = cache.get(t.soname, t.requester, t.origin);
        RepairLibrary r;
        r.soname = t.soname;
        r.neededBy = t.neededBy;
        if (!lib) {
            out.missing << t.soname;
            out.libs << r;
            continue;
        }
        r.path = lib->path;
        r.size = lib->size;
        if (!lib->info.slices.isEmpty()) {
            const BinarySlice &s = lib->info.slices.first();
            r.needs = s.needed;
            r.versions = s.versionsByLibrary;
            for (const QString &dep : s.needed)
                todo.append({dep, t.soname, &s, QFileInfo(lib->path).absolutePath()});
        }
        out.libs << r;
    }
    return out;
}

} // namespace

RepairPreview previewRepair(const WheelReport &report, const PolicyTable &table, const LibraryResolver &resolver)
{
    RepairPreview out;
    if (report.policy.family.isEmpty() || table.policies().isEmpty())
        return out;
    out.family = table.family();
    out.arch = report.policy.arch;
    QSet<QString> inWheel;
    for (const WheelFileEntry &f : report.files)
        inWheel.insert(f.path.section(u'/', -1));
    // The wheel's own symbol versions.
    QSet<QString> own;
    for (const ExtensionReport &x : report.extensions) {
        if (x.binary.format != BinaryInfo::Format::Elf || x.binary.slices.isEmpty())
            continue;
        for (const QStringList &versions : x.binary.slices.first().versionsByLibrary)
            for (const QString &v : versions)
                own.insert(v);
    }
    LibraryCache cache(resolver, policyArch(out.arch));
    bool anyExternal = false;
    int bestSym = 0;
    for (const Policy &p : table.policies()) { // highest first
        if (p.priority <= 0 || !p.versions.contains(policyArch(out.arch)))
            continue;
        const External ext = externalFor(p, report, inWheel, cache);
        anyExternal |= !ext.libs.isEmpty();
        QSet<QString> symbols = own;
        for (const RepairLibrary &l : ext.libs)
            for (const QStringList &versions : l.versions)
                for (const QString &v : versions)
                    symbols.insert(v);
        const Policy *bySymbols = table.bestForSymbolVersions(out.arch, symbols);
        const int found = std::min(p.priority, bySymbols ? bySymbols->priority : 0);
        if (found > bestSym) {
            bestSym = found;
            out.symbolPolicy = found == p.priority ? p.name : bySymbols->name;
        }
        // The repaired wheel: the most compatible policy whose own rules the copies keep.
        if (out.policy.isEmpty() && found == p.priority && !ext.libs.isEmpty()) {
            out.policy = p.name;
            out.copied = ext.libs;
            out.missing = ext.missing;
            out.repairedPolicy = ext.missing.isEmpty() ? p.name : QString();
        }
    }
    out.symbolPriority = bestSym;
    if (out.symbolPolicy.isEmpty())
        out.symbolPolicy = QStringLiteral("linux");
    out.applicable = anyExternal;
    if (out.applicable && out.policy.isEmpty()) {
        // No policy is reachable even with copies: show what the least demanding one would copy.
        for (auto it = table.policies().crbegin(); it != table.policies().crend(); ++it) {
            if (it->priority <= 0 || !it->versions.contains(policyArch(out.arch)))
                continue;
            const External ext = externalFor(*it, report, inWheel, cache);
            out.policy = it->name;
            out.copied = ext.libs;
            out.missing = ext.missing;
            break;
        }
    }
    return out;
}

void applyRepairPreview(WheelReport &report, const PolicyTable &table, const LibraryResolver &resolver)
{
    report.repair = previewRepair(report, table, resolver);
    const RepairPreview &r = report.repair;
    if (!r.applicable)
        return;
    if (r.symbolPriority < report.policy.symbolPriority) {
        report.policy.symbolPriority = r.symbolPriority;
        report.policy.symbolPolicy = r.symbolPolicy;
    }
    if (r.symbolPriority < report.policy.priority) {
        report.policy.priority = r.symbolPriority;
        report.policy.policy = r.symbolPolicy;
    }
    qint64 bytes = 0;
    QStringList names;
    for (const RepairLibrary &l : r.copied) {
        bytes += l.size;
        if (!l.path.isEmpty())
            names << l.soname;
    }
    if (!r.missing.isEmpty())
        addFinding(report.findings, QStringLiteral("repair.libraries-missing"), Finding::Severity::Warning,
                   QStringLiteral("auditwheel repair would stop on this machine: %1 cannot be found (needed for %2)")
                       .arg(r.missing.join(QStringLiteral(", ")), r.policy));
    else
        addFinding(report.findings, QStringLiteral("repair.would-copy"), Finding::Severity::Info,
                   QStringLiteral("auditwheel repair would copy %1 (%2 bytes) into the wheel and tag it %3")
                       .arg(names.join(QStringLiteral(", "))).arg(bytes).arg(r.repairedPolicy));
}

} // namespace wb
