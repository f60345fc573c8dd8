#pragma once

#include "core/binary/Policy.h"

namespace wb {

// What stands in the way of the policies better than a verdict, for people: a blocker that holds for
// every one of them is said once ("blocks every manylinux policy: libz.so.1 symbols zcalloc, zcfree")
// instead of once per policy; each policy keeps the blockers of its own.
struct PolicyBlockerSummary {
    QList<PolicyBlocker> common;   // in the way of every policy of PolicyVerdict::better that covers the
                                   // binary's architecture (empty with fewer than two such policies)
    QString commonScope;           // "every manylinux policy", or "every policy above manylinux_2_17"
    QList<PolicyCheck> perPolicy;  // better, highest first, without the common blockers (policies left with none dropped)
    QStringList otherArchitecture; // better policies that do not cover the architecture at all (manylinux1 on aarch64)

    static PolicyBlockerSummary of(const PolicyVerdict &verdict);
    // "blocks every manylinux policy: libz.so.1 symbols zcalloc, zcfree; …" ("" without common blockers).
    QString commonSentence() const;
};

// One blocker without its file, names demangled: "libz.so.1 symbols zcalloc, zcfree",
// "GLIBC_2.34 of libc.so.6 (memcpy, …)", "libfoo.so.1, not allowed as an external library".
// At most `maxSymbols` symbols are named (then "+N more"); none with 0.
QString blockerText(const PolicyBlocker &b, int maxSymbols = 5);
bool sameBlocker(const PolicyBlocker &a, const PolicyBlocker &b);

} // namespace wb
