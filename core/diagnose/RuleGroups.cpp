#include "core/diagnose/RuleGroups.h"

#include <QStringList>

namespace wb::diagnose {

RuleGroups::RuleGroups(const QList<QRegularExpression> &patterns, int groupSize)
{
    static const QRegularExpression backReference(QStringLiteral(R"re((?<!\\)\\(?:[1-9]|g|k))re"));
    m_groupOf.fill(-1, patterns.size());
    QStringList alternatives;
    QList<qsizetype> members;
    auto close = [&] {
        if (members.isEmpty())
            return;
        QRegularExpression alternation(alternatives.join(QLatin1Char('|')),
                                       patterns.at(members.first()).patternOptions() | QRegularExpression::DontCaptureOption);
        alternation.optimize();
        if (alternation.isValid()) {
            for (qsizetype k : members)
                m_groupOf[k] = int(m_alternations.size());
            m_alternations << alternation;
        }
        alternatives.clear();
        members.clear();
    };
    for (qsizetype k = 0; k < patterns.size(); ++k) {
        const QRegularExpression &re = patterns.at(k);
        if (!re.isValid() || re.pattern().contains(backReference))
            continue;
        if (!members.isEmpty() && re.patternOptions() != patterns.at(members.first()).patternOptions())
            close(); // one alternation has one set of options
        alternatives << QStringLiteral("(?:%1)").arg(re.pattern());
        members << k;
        if (members.size() >= groupSize)
            close();
    }
    close();
}

const RuleGroups &RuleGroups::none()
{
    static const RuleGroups empty;
    return empty;
}

RuleGroups::Line::Line(const RuleGroups &groups, const QString &line, const QString &joined)
    : m_groups(groups), m_line(line), m_joined(joined), m_answers(groups.m_alternations.size(), -1)
{
}

bool RuleGroups::Line::mayMatch(qsizetype rule)
{
    const int group = m_groups.m_groupOf.value(rule, -1);
    if (group < 0)
        return true;
    if (m_answers.at(group) < 0) {
        const QRegularExpression &alternation = m_groups.m_alternations.at(group);
        m_answers[group] = alternation.match(m_line).hasMatch() || (!m_joined.isEmpty() && alternation.match(m_joined).hasMatch());
    }
    return m_answers.at(group) != 0;
}

} // namespace wb::diagnose
