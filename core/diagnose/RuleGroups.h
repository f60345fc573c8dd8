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
    // Groups of 16 measured fastest (callgrind, 20,000 lines of cargo's progress: FailureRules' table
    // 15.4 G instructions rule by rule, 8.9 G in groups of 16, more in groups of 8, 32 or all in one;
    // TextScanner's 2.76 G, 1.93 G in groups of 8, 1.77 G of 16).
    static constexpr int DefaultGroupSize = 16;
    // Compiling the groups costs about as much as scanning 150 lines rule by rule, so texts shorter than
    // this (every pasted message) are scanned without them (none()).
    static constexpr qsizetype WorthFromLines = 200;

    RuleGroups() = default; // no groups: every rule is tried
    explicit RuleGroups(const QList<QRegularExpression> &patterns, int groupSize = DefaultGroupSize);
    static const RuleGroups &none();

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

// The patterns of a rule table (entries with a QRegularExpression `re`), in its order.
template <typename Table>
QList<QRegularExpression> patternsOf(const Table &table)
{
    QList<QRegularExpression> patterns;
    patterns.reserve(table.size());
    for (const auto &rule : table)
        patterns << rule.re;
    return patterns;
}

} // namespace wb::diagnose
