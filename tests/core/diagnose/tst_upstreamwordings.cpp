// The wordings other releases of maturin, PyO3, cargo, rustc, pkg-config-rs, openssl-sys, uv, auditwheel and
// CPython print for the messages the diagnosis recognises (data/upstream-wordings.tsv, one row per wording with
// the tool, its releases and the upstream file). Each message alone names its cause first, no more confident
// than the row allows; the catalogue entry lists the wording among what it recognises.
#include "DiagnoseTestSupport.h"

#include "core/diagnose/Catalogue.h"
#include "core/diagnose/Diagnoser.h"

#include <QTest>

using namespace wb::diagnose;

namespace {

struct Row {
    QString id, confidence, tool, releases, file, message;
};

QList<Row> rows()
{
    QList<Row> out;
    const QString all = wb::test::readText(wb::test::diagnoseData(QStringLiteral("upstream-wordings.tsv")));
    for (const QString &line : all.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() != 6)
            qFatal("upstream-wordings.tsv: expected 6 columns: %s", qPrintable(line));
        out << Row{f.at(0), f.at(1), f.at(2), f.at(3), f.at(4), QString(f.at(5)).replace(QLatin1String("\\n"), QLatin1String("\n"))};
    }
    return out;
}

int level(const QString &name)
{
    if (name.compare(QLatin1String("high"), Qt::CaseInsensitive) == 0)
        return int(Confidence::High);
    if (name.compare(QLatin1String("medium"), Qt::CaseInsensitive) == 0)
        return int(Confidence::Medium);
    return int(Confidence::Low);
}

} // namespace

class TestUpstreamWordings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wording_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("confidence");
        QTest::addColumn<QString>("message");
        const QList<Row> all = rows();
        QVERIFY(all.size() >= 30);
        int n = 0;
        for (const Row &r : all) {
            const QString name = QStringLiteral("%1 %2: %3 (%4)").arg(++n, 2, 10, QLatin1Char('0')).arg(r.tool, r.id, r.releases);
            QTest::newRow(qPrintable(name)) << r.id << r.confidence << r.message;
        }
    }
    void wording()
    {
        QFETCH(QString, id);
        QFETCH(QString, confidence);
        QFETCH(QString, message);
        Evidence e;
        e.errorText = message;
        const QList<Finding> findings = Diagnoser::diagnose(e);
        QVERIFY2(!findings.isEmpty(), "no finding");
        QCOMPARE(findings.first().id, id);
        // Lower numbers are more confident: the finding may be as confident as the row allows, not more.
        QVERIFY2(int(findings.first().confidence) >= level(confidence),
                 qPrintable(QStringLiteral("%1, the row allows %2").arg(confidenceName(findings.first().confidence), confidence)));
    }

    // Every row's cause is a catalogue entry (a typo in the data would otherwise test nothing).
    void causesAreCatalogued()
    {
        for (const Row &r : rows())
            QVERIFY2(Catalogue::builtIn().find(r.id) != nullptr, qPrintable(r.id));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamWordings)
#include "tst_upstreamwordings.moc"
