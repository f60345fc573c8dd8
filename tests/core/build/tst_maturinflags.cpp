// maturin's command line per version (resources/maturin/flags.json) against the real `--help`
// outputs of maturin's CLI snapshot tests (corpus: maturin/tests/cmd/*.stdout, maturin's main after
// 1.14.1, with develop --pgo, which flags.json places in 1.15.0), and
// the refusals and rewrites `wheelbench build` makes for older versions.
#include "core/build/MaturinFlags.h"

#include "support/TestPaths.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace wb;

class TestMaturinFlags : public QObject
{
    Q_OBJECT

private slots:
    void dataIsThere()
    {
        const MaturinFlags &f = MaturinFlags::builtIn();
        QVERIFY(f.isValid());
        QCOMPARE(f.oldest(), QStringLiteral("1.8.0"));
        QCOMPARE(f.newest(), QStringLiteral("1.15.0"));
        for (const QString &command : {QStringLiteral("build"), QStringLiteral("develop"), QStringLiteral("sdist")})
            QVERIFY2(!f.flags(command).isEmpty(), qPrintable(command));
        for (const char *flag : {"--pgo", "--include-debuginfo", "--sbom-include", "--generate-stubs", "--compression-method",
                                 "--compression-level", "--compatibility"})
            QVERIFY2(f.find(QStringLiteral("build"), QLatin1String(flag)), flag);
        for (const char *flag : {"-E", "-G", "--uv", "--skip-install"})
            QVERIFY2(f.find(QStringLiteral("develop"), QLatin1String(flag)), flag);
        QVERIFY(!f.find(QStringLiteral("develop"), QStringLiteral("--sdist")));
        QVERIFY(MaturinFlags::fromJson("{").flags(QStringLiteral("build")).isEmpty());
    }

    // The newest version's flags are exactly what that maturin's --help lists.
    void helpMatchesData_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("build") << QStringLiteral("build");
        QTest::newRow("develop") << QStringLiteral("develop");
        QTest::newRow("sdist") << QStringLiteral("sdist");
    }
    void helpMatchesData()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, command);
        QFile help(test::corpusDir() + QStringLiteral("/maturin/tests/cmd/%1.stdout").arg(command));
        QVERIFY2(help.open(QIODevice::ReadOnly), qPrintable(help.fileName()));
        const QStringList listed = MaturinFlags::parseHelp(QString::fromUtf8(help.readAll()));
        QVERIFY(listed.size() >= 6);
        const QStringList ours = MaturinFlags::builtIn().available(command, MaturinFlags::builtIn().newest());
        const QSet<QString> a(listed.begin(), listed.end()), b(ours.begin(), ours.end());
        QVERIFY2(a - b == QSet<QString>(), qPrintable(QStringList((a - b).values()).join(u' ') + QStringLiteral(" in --help, not in the data")));
        QVERIFY2(b - a == QSet<QString>(), qPrintable(QStringList((b - a).values()).join(u' ') + QStringLiteral(" in the data, not in --help")));
    }

    void unsupported_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("added"); // empty: accepted
        auto row = [](const char *name, const char *command, QStringList args, const char *version, const char *added) {
            QTest::newRow(name) << QString::fromLatin1(command) << args << QString::fromLatin1(version) << QString::fromLatin1(added);
        };
        row("pgo on 1.12.6", "build", QStringList{QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("--pgo")}, "1.12.6", "1.13.0");
        row("pgo on 1.13.0", "build", QStringList{QStringLiteral("build"), QStringLiteral("--pgo")}, "1.13.0", "");
        row("stubs on 1.8.3", "build", QStringList{QStringLiteral("build"), QStringLiteral("--generate-stubs")}, "1.8.3", "1.13.0");
        row("debuginfo on 1.12.4", "build", QStringList{QStringLiteral("build"), QStringLiteral("--include-debuginfo")}, "1.12.4", "1.12.5");
        row("debuginfo on 1.12.5", "build", QStringList{QStringLiteral("build"), QStringLiteral("--include-debuginfo")}, "1.12.5", "");
        row("sbom on 1.12.0", "build", QStringList{QStringLiteral("build"), QStringLiteral("--sbom-include"), QStringLiteral("extra.cdx.json")}, "1.12.0", "1.12.1");
        row("compression level on 1.8.3", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compression-level=9")}, "1.8.3", "1.8.4");
        row("compression method on 1.8.6", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compression-method"), QStringLiteral("zstd")}, "1.8.6", "1.8.7");
        row("develop compression level on 1.8.4", "develop", QStringList{QStringLiteral("develop"), QStringLiteral("--compression-level"), QStringLiteral("1")}, "1.8.4", "1.8.7");
        row("group on 1.11.5", "develop", QStringList{QStringLiteral("develop"), QStringLiteral("-G"), QStringLiteral("dev")}, "1.11.5", "1.12.0");
        row("group on 1.12.0", "develop", QStringList{QStringLiteral("develop"), QStringLiteral("--group"), QStringLiteral("dev"), QStringLiteral("-E"), QStringLiteral("test"), QStringLiteral("--uv"), QStringLiteral("--skip-install")}, "1.12.0", "");
        row("develop pgo on 1.14.1", "develop", QStringList{QStringLiteral("develop"), QStringLiteral("--pgo")}, "1.14.1", "1.15.0");
        row("develop pgo on 1.15.0", "develop", QStringList{QStringLiteral("develop"), QStringLiteral("--pgo")}, "1.15.0", "");
        row("build pgo on 1.14.1", "build", QStringList{QStringLiteral("build"), QStringLiteral("--pgo")}, "1.14.1", "");
        // Values added later (flags.json "changed").
        row("compatibility pypi on 1.8.3", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compatibility"), QStringLiteral("pypi")}, "1.8.3", "1.9.0");
        row("compatibility pypi on 1.9.0", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compatibility=pypi")}, "1.9.0", "");
        row("pypi beside a tag on 1.10.2", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compatibility"), QStringLiteral("manylinux_2_28"), QStringLiteral("pypi"), QStringLiteral("--release")}, "1.10.2", "1.11.5");
        row("pypi beside a tag on 1.11.5", "build", QStringList{QStringLiteral("build"), QStringLiteral("--compatibility"), QStringLiteral("manylinux_2_28"), QStringLiteral("pypi")}, "1.11.5", "");
        row("auditwheel warn on 1.12.6", "build", QStringList{QStringLiteral("build"), QStringLiteral("--auditwheel"), QStringLiteral("warn")}, "1.12.6", "1.13.0");
        row("auditwheel repair on 1.8.0", "build", QStringList{QStringLiteral("build"), QStringLiteral("--auditwheel"), QStringLiteral("repair"), QStringLiteral("pypi")}, "1.8.0", "");
        row("rustc args are not maturin's", "build", QStringList{QStringLiteral("build"), QStringLiteral("--"), QStringLiteral("--pgo")}, "1.8.3", "");
        row("unknown version checks nothing", "build", QStringList{QStringLiteral("build"), QStringLiteral("--pgo")}, "", "");
        row("newer than the data", "build", QStringList{QStringLiteral("build"), QStringLiteral("--pgo"), QStringLiteral("--generate-stubs")}, "1.16.0", "");
    }
    void unsupported()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, arguments);
        QFETCH(QString, version);
        QFETCH(QString, added);
        const QStringList problems = MaturinFlags::builtIn().unsupported(command, arguments, version);
        if (added.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(QStringLiteral("maturin %1 or newer").arg(added)), qPrintable(problems.first()));
            QVERIFY2(problems.first().contains(version), qPrintable(problems.first()));
        }
    }

    void adapt_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("note"); // a word the note has; empty: no note
        QTest::newRow("strip true before 1.12") << QStringList{QStringLiteral("build"), QStringLiteral("--strip=true")} << QStringLiteral("1.11.5") << QStringList{QStringLiteral("build"), QStringLiteral("--strip")} << QStringLiteral("");
        QTest::newRow("strip false before 1.12") << QStringList{QStringLiteral("build"), QStringLiteral("--strip=false"), QStringLiteral("-r")} << QStringLiteral("1.8.3") << QStringList{QStringLiteral("build"), QStringLiteral("-r")} << QStringLiteral("1.12.0");
        QTest::newRow("strip false from 1.12") << QStringList{QStringLiteral("build"), QStringLiteral("--strip=false")} << QStringLiteral("1.12.0") << QStringList{QStringLiteral("build"), QStringLiteral("--strip=false")} << QStringLiteral("");
        QTest::newRow("sdist before 1.12.3") << QStringList{QStringLiteral("build"), QStringLiteral("--sdist")} << QStringLiteral("1.12.2") << QStringList{QStringLiteral("build"), QStringLiteral("--sdist")} << QStringLiteral("1.12.3");
        QTest::newRow("sdist from 1.12.3") << QStringList{QStringLiteral("build"), QStringLiteral("--sdist")} << QStringLiteral("1.12.3") << QStringList{QStringLiteral("build"), QStringLiteral("--sdist")} << QStringLiteral("");
        QTest::newRow("after --") << QStringList{QStringLiteral("build"), QStringLiteral("--"), QStringLiteral("--strip=false")} << QStringLiteral("1.8.3") << QStringList{QStringLiteral("build"), QStringLiteral("--"), QStringLiteral("--strip=false")} << QStringLiteral("");
    }
    void adapt()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, version);
        QFETCH(QStringList, expected);
        QFETCH(QString, note);
        QStringList notes;
        QCOMPARE(MaturinFlags::builtIn().adapt(QStringLiteral("build"), arguments, version, &notes), expected);
        QCOMPARE(notes.size(), note.isEmpty() ? 0 : 1);
        if (!note.isEmpty())
            QVERIFY2(notes.first().contains(note), qPrintable(notes.first()));
    }

    void versions()
    {
        QCOMPARE(MaturinFlags::compareVersions(QStringLiteral("1.12.3"), QStringLiteral("1.12")), 1);
        QCOMPARE(MaturinFlags::compareVersions(QStringLiteral("1.9.0"), QStringLiteral("1.12.0")), -1);
        QCOMPARE(MaturinFlags::compareVersions(QStringLiteral("1.12.0"), QStringLiteral("1.12")), 0);
    }
};

QTEST_GUILESS_MAIN(TestMaturinFlags)
#include "tst_maturinflags.moc"
