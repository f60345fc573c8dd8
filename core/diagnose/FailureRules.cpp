#include "core/diagnose/FailureRules.h"

#include "core/diagnose/FailureRuleTable.h"
#include "core/diagnose/RuleGroups.h"
#include "core/diagnose/TextScanner.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

constexpr qsizetype MaxTextChars = 16 * 1024 * 1024;
constexpr qsizetype MaxLineChars = 4096;
constexpr int MaxHits = 500;

const QList<rules::Rule> &allRules()
{
    static const QList<rules::Rule> all = rules::buildRules() + rules::projectRules() + rules::toolRules() + rules::runtimeRules()
                                                + rules::platformRules();
    return all;
}

// Long texts are scanned with the rules in groups (RuleGroups).
const RuleGroups &ruleGroups()
{
    static const RuleGroups groups(patternsOf(allRules()));
    return groups;
}

QString fill(const char *templ, const QStringList &args)
{
    QString out = QString::fromUtf8(templ);
    QStringList present;
    for (const QString &a : args) {
        if (!a.isEmpty())
            present << a;
    }
    for (int i = 0; i < 3; ++i)
        out.replace(QStringLiteral("%") + QString::number(i + 1), present.value(i, QStringLiteral("?")));
    return out;
}

} // namespace

QList<RuleHit> FailureRules::scan(const QString &input)
{
    QList<RuleHit> out;
    const QString text = TextScanner::stripAnsi(input.left(MaxTextChars));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
        if (l.size() > MaxLineChars)
            l.truncate(MaxLineChars);
    }
    const RuleGroups &groups = lines.size() >= RuleGroups::WorthFromLines ? ruleGroups() : RuleGroups::none();
    const QList<rules::Rule> &rules = allRules();
    for (qsizetype i = 0; i < lines.size() && out.size() < MaxHits; ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty() || TextScanner::isCargoProgress(line))
            continue;
        QString next = i + 1 < lines.size() ? lines.at(i + 1).trimmed() : QString();
        // A line of its own kind (cargo's progress, a new diagnostic) does not continue a wrapped message.
        static const QRegularExpression ownLine(QStringLiteral(
            R"re(^(?:Compiling|Checking|Downloaded|Downloading|Fresh|Running|Finished|Building|Updating|Locking|Adding|warning|error|Error|ERROR|Caused by|note:|help:|-->|=|\||\d+ \|))re"));
        if (next.size() > 300 || ownLine.match(next).hasMatch())
            next.clear();
        const QString joined = next.isEmpty() ? QString() : line + QLatin1Char(' ') + next;
        RuleGroups::Line grouped(groups, line, joined);
        for (qsizetype k = 0; k < rules.size(); ++k) {
            const rules::Rule &r = rules.at(k);
            if (!grouped.mayMatch(k))
                continue;
            QRegularExpressionMatch m = r.re.match(line);
            // A message wrapped onto the next line; not one the next line holds by itself.
            if (!m.hasMatch() && !next.isEmpty()) {
                m = r.re.match(joined);
                if (!m.hasMatch() || r.re.match(next).hasMatch())
                    continue;
            } else if (!m.hasMatch()) {
                continue;
            }
            RuleHit hit;
            hit.id = QString::fromLatin1(r.id);
            hit.tag = QString::fromLatin1(r.tag);
            hit.confidence = r.confidence;
            hit.rank = r.rank;
            for (int g = 1; g <= m.lastCapturedIndex(); ++g)
                hit.args << m.captured(g);
            hit.message = fill(r.message, hit.args);
            hit.line = int(i) + 1;
            hit.text = line.trimmed();
            out << hit;
        }
    }
    return out;
}

} // namespace wb::diagnose
