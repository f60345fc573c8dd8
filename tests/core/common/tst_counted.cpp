// Counts read as English, in every summary that uses them (check, release, inspect, the Issues panel,
// Troubleshooting, the Release view): "1 wheel", "0 wheels", "14 wheels", never "14 wheel(s)".
#include "core/common/Counted.h"

#include <QTest>

class TestCounted : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counted_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<QString>("said");
        QTest::newRow("none") << qint64(0) << QStringLiteral("0 wheels");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 wheel");
        QTest::newRow("two") << qint64(2) << QStringLiteral("2 wheels");
        QTest::newRow("many") << qint64(20003) << QStringLiteral("20003 wheels");
        QTest::newRow("minus one") << qint64(-1) << QStringLiteral("-1 wheels");
    }
    void counted()
    {
        QFETCH(qint64, n);
        QFETCH(QString, said);
        QCOMPARE(wb::counted(n, "wheel", "wheels"), said);
    }
};

QTEST_GUILESS_MAIN(TestCounted)
#include "tst_counted.moc"
