// RuleGroups only speeds up the rule tables: it may answer "maybe" for a rule that then does not match,
// never "no" for one that does. Checked with the real tables (FailureRules' and the line shapes they
// are tried on) over every line of the development reports, alone and joined with the next line; and
// it must pass over the lines of a healthy build's progress, or it speeds nothing up.
#include "DiagnoseTestSupport.h"
#include "support/FailureReport.h"

#include "core/diagnose/FailureRuleTable.h"
#include "core/diagnose/RuleGroups.h"

#include <QDir>
#include <QTest>

using namespace wb::diagnose;

namespace {

QList<QRegularExpression> tablePatterns()
{
    return patternsOf(rules::buildRules() + rules::projectRules() + rules::toolRules() + rules::runtimeRules());
}

QStringList devLines()
{
    QStringList lines;
    const QDir dir(qEnvironmentVariable("WHEELBENCH_SOURCE_DIR") + QStringLiteral("/tests/data/failure-reports/dev"));
    for (const QString &f : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        wb::test::FailureReport r;
        if (wb::test::readFailureReport(dir.filePath(f), &r))
            lines << r.text.split(QLatin1Char('\n'));
    }
    return lines;
}

} // namespace

class TestRuleGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverSaysNoToARuleThatMatches_data()
    {
        QTest::addColumn<int>("groupSize");
        for (int size : {1, 4, 16, 1000})
            QTest::addRow("groups of %d", size) << size;
    }
    void neverSaysNoToARuleThatMatches()
    {
        QFETCH(int, groupSize);
        const QList<QRegularExpression> patterns = tablePatterns();
        const RuleGroups groups(patterns, groupSize);
        const QStringList lines = devLines();
        QVERIFY(lines.size() > 1000);
        int matches = 0, passedOver = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            const QString joined = i + 1 < lines.size() ? line + QLatin1Char(' ') + lines.at(i + 1).trimmed() : QString();
            RuleGroups::Line grouped(groups, line, joined);
            for (qsizetype k = 0; k < patterns.size(); ++k) {
                const bool match = patterns.at(k).match(line).hasMatch() || (!joined.isEmpty() && patterns.at(k).match(joined).hasMatch());
                const bool maybe = grouped.mayMatch(k);
                matches += match;
                passedOver += !maybe;
                if (match && !maybe)
                    QFAIL(qPrintable(QStringLiteral("rule %1 matches line %2 but its group said no: %3").arg(k).arg(i).arg(line)));
            }
        }
        QVERIFY(matches > 300);
        QVERIFY(passedOver > 0);
    }

    // A back-reference means another group there: such a rule is tried on its own, and still found.
    void backReferencesAreTriedAlone()
    {
        const QList<QRegularExpression> patterns = {QRegularExpression(QStringLiteral("(a+)b")),
                                                    QRegularExpression(QStringLiteral(R"(dtype=(\w+), to=\(dtype=\1\))")),
                                                    QRegularExpression(QStringLiteral("zzz"))};
        const RuleGroups groups(patterns, 16);
        const QString line = QStringLiteral("from=(dim=1, dtype=int64, to=(dtype=int64)");
        RuleGroups::Line grouped(groups, line);
        QVERIFY(!grouped.mayMatch(0));
        QVERIFY(grouped.mayMatch(1));
        QVERIFY(patterns.at(1).match(line).hasMatch());
        QVERIFY(!grouped.mayMatch(2));
    }

    void progressLinesArePassedOver()
    {
        const QList<QRegularExpression> patterns = tablePatterns();
        const RuleGroups groups(patterns, 16);
        const QString line = QStringLiteral("   Compiling serde_json v1.0.120");
        RuleGroups::Line grouped(groups, line);
        int tried = 0;
        for (qsizetype k = 0; k < patterns.size(); ++k)
            tried += grouped.mayMatch(k);
        QCOMPARE(tried, 1); // only the rule with a back-reference, tried on its own
    }

    void noGroupsTriesEveryRule()
    {
        const RuleGroups none;
        const QString line = QStringLiteral("anything");
        RuleGroups::Line grouped(none, line);
        QVERIFY(grouped.mayMatch(0));
        QVERIFY(grouped.mayMatch(500));
    }
};

QTEST_GUILESS_MAIN(TestRuleGroups)
#include "tst_rulegroups.moc"
