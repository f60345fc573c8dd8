#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace wb::diagnose {

// Patterns of a rule table tried in groups: each group of consecutive rules is also compiled as one
// alternation, so a line that no rule of a group matches (most lines of a long log) is passed over with
// one match instead of one per rule. Only a speed-up: a rule whose group says "maybe" is still tried on
// its own, and a rule that cannot join a group (a back-reference such as \1 changes meaning there) or
// whose group does not compile is always tried. Built once per table; read-only, so shareable by threads.
class RuleGroups
{
public:
    RuleGroups() = default; // no groups: every rule is tried
    RuleGroups(const QList<QRegularExpression> &patterns, int groupSize);

    // The answers for one line (and the line it may continue onto), asked lazily, a group at a time.
    class Line
    {
    public:
        Line(const RuleGroups &groups, const QString &line, const QString &joined = {});
        // False only when no rule of rule's group matches the line or the joined line.
        bool mayMatch(qsizetype rule);

    private:
        const RuleGroups &m_groups;
        const QString &m_line;
        const QString &m_joined;
        QList<signed char> m_answers; // per group: -1 not asked yet, 0 no, 1 yes
    };

private:
    QList<QRegularExpression> m_alternations;
    QList<int> m_groupOf; // per rule: its group, or -1 (always tried)
};

} // namespace wb::diagnose
