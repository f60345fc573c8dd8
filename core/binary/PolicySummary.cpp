#include "core/binary/PolicySummary.h"

#include "core/binary/Demangle.h"

#include <algorithm>

namespace wb {

bool sameBlocker(const PolicyBlocker &a, const PolicyBlocker &b)
{
    return a.kind == b.kind && a.library == b.library && a.version == b.version && a.symbols == b.symbols && a.file == b.file;
}

QString blockerText(const PolicyBlocker &b, int maxSymbols)
{
    QStringList names = demangleSymbols(b.symbols.mid(0, std::max(0, maxSymbols)));
    if (maxSymbols > 0 && b.symbols.size() > maxSymbols)
        names.append(QStringLiteral("+%1 more").arg(b.symbols.size() - maxSymbols));
    const QString shown = names.join(QStringLiteral(", "));
    switch (b.kind) {
    case PolicyBlocker::Kind::Library:
        return QStringLiteral("%1, not allowed as an external library").arg(b.library);
    case PolicyBlocker::Kind::SymbolVersion:
        return shown.isEmpty() ? QStringLiteral("%1 of %2").arg(b.version, b.library) : QStringLiteral("%1 of %2 (%3)").arg(b.version, b.library, shown);
    case PolicyBlocker::Kind::BlacklistedSymbol:
        if (shown.isEmpty())
            return QStringLiteral("black-listed symbols of %1").arg(b.library);
        return QStringLiteral("%1 symbol%2 %3").arg(b.library, b.symbols.size() == 1 ? QString() : QStringLiteral("s"), shown);
    case PolicyBlocker::Kind::Architecture:
        return QStringLiteral("an architecture the policy does not cover");
    case PolicyBlocker::Kind::PyFpe:
        return QStringLiteral("PyFPE_jbuf, which no manylinux interpreter provides");
    }
    return {};
}

PolicyBlockerSummary PolicyBlockerSummary::of(const PolicyVerdict &v)
{
    PolicyBlockerSummary s;
    auto contains = [](const QList<PolicyBlocker> &list, const PolicyBlocker &b) {
        return std::any_of(list.begin(), list.end(), [&](const PolicyBlocker &o) { return sameBlocker(b, o); });
    };
    // A policy that does not cover the architecture says nothing about the rest: it stays apart.
    QList<const PolicyCheck *> covering;
    for (const PolicyCheck &c : v.better) {
        const bool otherArch = std::any_of(c.blockers.begin(), c.blockers.end(),
                                           [](const PolicyBlocker &b) { return b.kind == PolicyBlocker::Kind::Architecture; });
        if (otherArch)
            s.otherArchitecture.append(c.policy);
        else
            covering.append(&c);
    }
    if (covering.size() >= 2) {
        for (const PolicyBlocker &b : covering.first()->blockers) {
            const bool everywhere = std::all_of(covering.begin(), covering.end(), [&](const PolicyCheck *c) { return contains(c->blockers, b); });
            if (everywhere && !contains(s.common, b))
                s.common.append(b);
        }
    }
    const QString family = v.family.isEmpty() ? QStringLiteral("manylinux") : v.family;
    s.commonScope = v.priority <= 0 || v.policy == QLatin1String("linux") ? QStringLiteral("every %1 policy").arg(family)
                                                                          : QStringLiteral("every policy above %1").arg(v.policy);
    for (const PolicyCheck *c : std::as_const(covering)) {
        PolicyCheck rest{c->policy, c->priority, {}};
        for (const PolicyBlocker &b : c->blockers)
            if (!contains(s.common, b))
                rest.blockers.append(b);
        if (!rest.blockers.isEmpty())
            s.perPolicy.append(rest);
    }
    return s;
}

QString PolicyBlockerSummary::commonSentence() const
{
    if (common.isEmpty())
        return {};
    QStringList parts;
    for (const PolicyBlocker &b : common) {
        // Two extensions needing the same library give one blocker each: said once.
        const QString text = blockerText(b);
        if (!parts.contains(text))
            parts.append(text);
    }
    return QStringLiteral("blocks %1: %2").arg(commonScope, parts.join(QStringLiteral("; ")));
}

} // namespace wb
