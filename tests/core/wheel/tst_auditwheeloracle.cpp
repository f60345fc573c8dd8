// The Linux policy of real wheels against auditwheel 6.8.1 itself (../shared/oracles/auditwheel, run with
// this machine's python3): for every corpus wheel with ELF extensions, the overall tag and the symbol tag
// of `inspect` equal auditwheel show's overall_tag and sym_tag. Both take the libraries that
// `auditwheel repair` would copy in from this machine into account, so both run here.
#include "core/binary/LibraryResolver.h"
#include "core/wheel/WheelReport.h"
#include "support/TestPaths.h"

#include "support/AuditwheelOracle.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace wb;

namespace {

QString oracle()
{
    return wb::test::auditwheelOracle();
}

QString oracleMissingReason()
{
    return wb::test::auditwheelMissingReason();
}

// "manylinux_2_17" + "x86_64" as auditwheel spells a tag.
QString tagOf(const QString &policy, const QString &arch)
{
    return policy + u'_' + arch;
}

} // namespace

class AuditwheelOracle : public QObject
{
    Q_OBJECT
private slots:
    void sameTags_data();
    void sameTags();
};

void AuditwheelOracle::sameTags_data()
{
    QTest::addColumn<QString>("wheel");
    WB_REQUIRE_CORPUS();
    const QString why = oracleMissingReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    int rows = 0;
    QDirIterator it(wb::test::corpusDir() + QStringLiteral("/wheels"), {QStringLiteral("*.whl")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QLatin1String("linux_")) && !path.contains(QLatin1String("linux2014")))
            continue;
        InspectOptions options;
        options.verifyHashes = false;
        options.threads = 1;
        const WheelReport r = inspectWheel(path, options);
        const bool elf = std::any_of(r.extensions.cbegin(), r.extensions.cend(),
                                     [](const ExtensionReport &x) { return x.binary.format == BinaryInfo::Format::Elf; });
        if (!elf)
            continue;
        QTest::newRow(qPrintable(QDir(wb::test::corpusDir()).relativeFilePath(path))) << path;
        ++rows;
    }
    QVERIFY2(rows >= 15, qPrintable(QStringLiteral("only %1 Linux wheels with ELF extensions").arg(rows)));
}

void AuditwheelOracle::sameTags()
{
    QFETCH(QString, wheel);
    QProcess p;
    p.start(QStringLiteral("sh"), {oracle(), QStringLiteral("show"), QStringLiteral("--json"), wheel});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitCode() != 0) {
        // auditwheel refuses some wheels itself (a musl extension without DT_NEEDED: "couldn't detect libc").
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed().section(u'\n', -1);
        QSKIP(qPrintable(QStringLiteral("auditwheel cannot judge it: %1").arg(err)));
    }
    const QJsonObject expected = QJsonDocument::fromJson(out).object();
    const WheelReport r = inspectWheel(wheel);
    const QString archTag = expected.value(QStringLiteral("overall_tag")).toString().startsWith(QLatin1String("linux_"))
        ? expected.value(QStringLiteral("overall_tag")).toString().mid(6)
        : expected.value(QStringLiteral("overall_tag")).toString().section(u'_', 3); // manylinux_2_5_x86_64
    QVERIFY2(!archTag.isEmpty(), out.constData());
    const QString details = QStringLiteral("ours: %1 (symbols %2, family %3); auditwheel: %4")
                                .arg(r.policy.policy, r.policy.symbolPolicy, r.policy.family, QString::fromUtf8(out.left(600)));
    QCOMPARE_NE(r.policy.family, QString());
    QVERIFY2(tagOf(r.policy.policy, archTag) == expected.value(QStringLiteral("overall_tag")).toString(), qPrintable(details));
    QVERIFY2(tagOf(r.policy.symbolPolicy, archTag) == expected.value(QStringLiteral("sym_tag")).toString(), qPrintable(details));
}

QTEST_GUILESS_MAIN(AuditwheelOracle)
#include "tst_auditwheeloracle.moc"
