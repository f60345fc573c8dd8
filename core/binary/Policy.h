#pragma once

#include "core/binary/BinaryInfo.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace wb {

// One manylinux/musllinux policy (facts from auditwheel's policy tables, MIT; see resources/policies).
struct Policy {
    QString name;                                     // manylinux_2_17
    QStringList aliases;                              // manylinux2014
    int priority = 0;                                 // higher = more compatible; linux = 0
    QMap<QString, QMap<QString, QSet<QString>>> versions; // arch -> namespace -> allowed versions
    QSet<QString> libraries;                          // whitelist
    QMap<QString, QSet<QString>> blacklist;           // library -> symbols
};

// What keeps a binary from a policy.
struct PolicyBlocker {
    enum class Kind { Library, SymbolVersion, BlacklistedSymbol, Architecture, PyFpe };
    Kind kind = Kind::Library;
    QString library;
    QString version;      // GLIBC_2.34
    QStringList symbols;  // the symbols behind that version, or the blacklisted ones
    QString file;         // the archive member
    QString describe() const;
    static QString kindName(Kind k);
};

struct PolicyCheck {
    QString policy;                 // manylinux_2_17
    int priority = 0;
    QList<PolicyBlocker> blockers;  // empty: satisfied
};

// Result for one binary or a whole wheel.
struct PolicyVerdict {
    QString family;                 // manylinux or musllinux ("" when not a Linux ELF)
    QString arch;
    QString policy;                 // best satisfied overall ("linux" when none)
    int priority = 0;
    QString symbolPolicy;           // best policy by symbol versions alone
    int symbolPriority = 0;
    QList<PolicyCheck> better;      // each policy better than `policy`, with what stands in the way
};

class PolicyTable
{
public:
    // Loads ":/wheelbench/policies/<family>.json". Returns an empty table (and says why) on failure.
    static const PolicyTable &manylinux();
    static const PolicyTable &musllinux();
    // The musllinux table as auditwheel judges a musl binary on a host whose musl version it cannot
    // determine (a glibc host): only the latest musllinux policy (and linux) is considered.
    static const PolicyTable &musllinuxLatest();
    static PolicyTable fromJson(const QByteArray &json, QString *error = nullptr);

    QString family() const { return m_family; }
    const QList<Policy> &policies() const { return m_policies; } // highest priority first
    const Policy *find(const QString &nameOrAlias) const;
    // The most compatible policy (highest priority) whose versions for `arch` allow `symbolVersion`
    // ("GLIBC_2.34", "GLIBCXX_3.4.30"); nullptr when none does or no policy governs that namespace.
    const Policy *mostCompatibleAllowing(const QString &arch, const QString &symbolVersion) const;
    QString attribution() const { return m_attribution; }
    // The dynamic loader (ld-linux*, ld64.so.*, ld-musl-*): never external.
    static bool isLoader(const QString &library);
    // The policy allows this library (musl's libc.musl-<arch>.so.1 read as the tables' libc.so).
    static bool allows(const Policy &policy, const QString &library);
    // The most compatible policy whose symbol versions for `arch` include all of `versions`
    // ("GLIBC_2.17", "GLIBCXX_3.4.30"; namespaces no policy governs are ignored); nullptr: none (linux).
    const Policy *bestForSymbolVersions(const QString &arch, const QSet<QString> &versions) const;

    // Evaluates one ELF (the first slice) the way auditwheel does: per component (symbol versions,
    // external libraries, blacklist) the best policy, and the overall is their minimum. `inWheel`
    // names libraries shipped inside the wheel (not external). `file` is used in the blockers.
    PolicyVerdict evaluate(const BinaryInfo &elf, const QString &file, const QSet<QString> &inWheel = {}) const;

private:
    QString m_family;
    QString m_attribution;
    QList<Policy> m_policies;
};

// Merges per-binary verdicts into the wheel's: the lowest overall, blockers gathered per policy.
PolicyVerdict mergeVerdicts(const QList<PolicyVerdict> &verdicts);
// The ELF architecture name a platform tag's arch maps to in the policy tables.
QString policyArch(const QString &elfArch);

} // namespace wb
