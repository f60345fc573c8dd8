// The release rules that read text, not files: SPDX license expressions, description content types
// and reStructuredText underlines, PyPI's platform tags, and the targets of maturin-action workflows
// (the one this project generates, and the classic hand-written shape).
#include "core/build/CiWorkflow.h"
#include "core/project/PackagingSpecs.h"
#include "core/release/DescriptionRules.h"
#include "core/release/SpdxExpression.h"
#include "core/release/UploadRules.h"
#include "core/release/WorkflowTargets.h"

#include <QTest>

using namespace wb;

class TestReleaseRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Author-email values PyPI refused in real uploads (the failure reports' texts) and ones it takes.
    void emailAddresses_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("invalid");
        QTest::newRow("a URL") << "https://github.com/tropxy" << QStringList{QStringLiteral("https://github.com/tropxy")};
        QTest::newRow("two joined with ;") << "esr@tamu.edu; anton.khodak@ukr.net"
                                           << QStringList{QStringLiteral("esr@tamu.edu; anton.khodak@ukr.net")};
        QTest::newRow("a placeholder") << "YOUR_EMAIL_ADDRESS_HERE" << QStringList{QStringLiteral("YOUR_EMAIL_ADDRESS_HERE")};
        QTest::newRow("an unexpanded attr:") << "attr: waybackpy.__author_email__" << QStringList{QStringLiteral("attr: waybackpy.__author_email__")};
        QTest::newRow("obfuscated") << "mkuranowski [at] gmail.com" << QStringList{QStringLiteral("mkuranowski [at] gmail.com")};
        QTest::newRow("maturin's form, two people") << "\"Samuel Colvin\" <s@muelcolvin.com>, Adrian <1755071+adriangb@users.noreply.github.com>"
                                                    << QStringList();
        QTest::newRow("plain") << "open@wlan-si.net" << QStringList();
    }
    void emailAddresses()
    {
        QFETCH(QString, field);
        QFETCH(QStringList, invalid);
        QStringList found;
        for (const QString &address : PackagingSpecs::emailAddresses(field))
            if (!PackagingSpecs::isValidEmail(address))
                found << address;
        QCOMPARE(found, invalid);
    }

    void spdx_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QStringList>("unknown");
        QTest::newRow("one") << "MIT" << true << "MIT" << QStringList();
        QTest::newRow("dual") << "MIT OR Apache-2.0" << true << "MIT OR Apache-2.0" << QStringList();
        QTest::newRow("lower case") << "mit or apache-2.0" << true << "MIT OR Apache-2.0" << QStringList();
        QTest::newRow("with") << "Apache-2.0 WITH LLVM-exception" << true << "Apache-2.0 WITH LLVM-exception" << QStringList();
        QTest::newRow("parens") << "(MIT OR Apache-2.0) AND BSD-3-Clause" << true << "(MIT OR Apache-2.0) AND BSD-3-Clause" << QStringList();
        QTest::newRow("ref") << "LicenseRef-Proprietary" << true << "LicenseRef-Proprietary" << QStringList();
        QTest::newRow("unknown id") << "MIT OR Foo-1.0" << true << "MIT OR Foo-1.0" << QStringList{QStringLiteral("Foo-1.0")};
        QTest::newRow("empty") << "" << false << "" << QStringList();
        QTest::newRow("dangling or") << "MIT OR" << false << "" << QStringList();
        QTest::newRow("two ids") << "MIT Apache-2.0" << false << "" << QStringList();
        QTest::newRow("unbalanced") << "(MIT OR Apache-2.0" << false << "" << QStringList();
        QTest::newRow("slash") << "MIT/Apache-2.0" << false << "" << QStringList();
        QTest::newRow("with nothing") << "GPL-2.0-only WITH" << false << "" << QStringList();
    }
    void spdx()
    {
        QFETCH(QString, expression);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        QFETCH(QStringList, unknown);
        const SpdxExpression e = SpdxExpression::parse(expression);
        QCOMPARE(e.valid, valid);
        QCOMPARE(e.canonical, canonical);
        QCOMPARE(e.unknown, unknown);
        QCOMPARE(e.error.isEmpty(), valid);
    }

    void contentType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("markdown") << "text/markdown" << true;
        QTest::newRow("markdown gfm") << "text/markdown; charset=UTF-8; variant=GFM" << true;
        QTest::newRow("rst") << "text/x-rst" << true;
        QTest::newRow("plain") << "text/plain; charset=utf-8" << true;
        QTest::newRow("html") << "text/html" << false;
        QTest::newRow("latin1") << "text/markdown; charset=latin-1" << false;
        QTest::newRow("variant") << "text/markdown; variant=Pandoc" << false;
    }
    void contentType()
    {
        QFETCH(QString, type);
        QFETCH(bool, allowed);
        QCOMPARE(DescriptionRules::contentTypeProblem(type).isEmpty(), allowed);
    }

    void rstUnderlines()
    {
        QCOMPARE(DescriptionRules::shortUnderlines(QStringLiteral("Title\n=====\n\ntext\n")), QList<int>());
        QCOMPARE(DescriptionRules::shortUnderlines(QStringLiteral("A longer title\n=====\n\ntext\n")), QList<int>{2});
        QCOMPARE(DescriptionRules::shortUnderlines(QStringLiteral("=====\nTitle\n=====\n")), QList<int>());
        QCOMPARE(DescriptionRules::shortUnderlines(QStringLiteral("text\n\n----\n\nmore\n")), QList<int>());
    }

    void platformTags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("allowed");
        for (const char *t : {"manylinux_2_17_x86_64", "manylinux2014_aarch64", "manylinux_2_28_ppc64le", "musllinux_1_2_armv7l",
                              "macosx_10_12_x86_64", "macosx_11_0_arm64", "macosx_10_9_universal2", "win_amd64", "win32", "win_arm64",
                              "ios_13_0_arm64_iphoneos", "android_24_arm64_v8a", "linux_armv7l", "any"})
            QTest::newRow(t) << QString::fromLatin1(t) << true;
        for (const char *t : {"linux_x86_64", "linux_aarch64", "manylinux_2_17_mips64", "macosx_11_0_sparc", "freebsd_14_amd64"})
            QTest::newRow(t) << QString::fromLatin1(t) << false;
    }
    void platformTags()
    {
        QFETCH(QString, tag);
        QFETCH(bool, allowed);
        QString why;
        QCOMPARE(UploadRules::platformAllowed(tag, &why), allowed);
        QCOMPARE(why.isEmpty(), allowed);
    }

    // The workflow `maturin generate-ci github` writes (through this project's generator).
    void generatedWorkflow()
    {
        CiWorkflowOptions o;
        o.requiresPython = QStringLiteral(">=3.9");
        const QList<CiPlatform> ps = WorkflowTargets::parse(CiWorkflow::generate(o), QStringLiteral("CI.yml"));
        QStringList keys;
        for (const CiPlatform &p : ps)
            keys.append(PlatformTag::kindName(p.kind) + QLatin1Char('/') + p.arch);
        for (const char *k : {"manylinux/x86_64", "manylinux/i686", "manylinux/aarch64", "manylinux/armv7l", "manylinux/s390x",
                              "manylinux/ppc64le", "musllinux/x86_64", "musllinux/aarch64", "windows/amd64", "windows/x86", "macos/x86_64",
                              "macos/arm64"})
            QVERIFY2(keys.contains(QString::fromLatin1(k)), qPrintable(keys.join(u' ') + QStringLiteral(" lacks ") + QString::fromLatin1(k)));
        for (const CiPlatform &p : ps)
            QVERIFY(p.line > 0);
    }

    void classicWorkflow()
    {
        const QString yaml = QStringLiteral(
            "on: push\n"
            "jobs:\n"
            "  linux:\n"
            "    runs-on: ubuntu-latest\n"
            "    strategy:\n"
            "      matrix:\n"
            "        target: [x86_64, aarch64]\n"
            "    steps:\n"
            "      - uses: PyO3/maturin-action@v1\n"
            "        with:\n"
            "          target: ${{ matrix.target }}\n"
            "          manylinux: 2_28\n"
            "  mac:\n"
            "    runs-on: macos-14\n"
            "    steps:\n"
            "      - uses: PyO3/maturin-action@v1\n"
            "        with:\n"
            "          args: --release --target universal2-apple-darwin\n"
            "  docs:\n"
            "    runs-on: ubuntu-latest\n"
            "    strategy:\n"
            "      matrix:\n"
            "        target: [riscv64]\n"
            "    steps:\n"
            "      - run: make docs\n");
        const QList<CiPlatform> ps = WorkflowTargets::parse(yaml, QStringLiteral("release.yml"));
        QCOMPARE(ps.size(), 3);
        QCOMPARE(ps.at(0).kind, PlatformTag::Kind::Manylinux);
        QCOMPARE(ps.at(0).arch, QStringLiteral("x86_64"));
        QCOMPARE(ps.at(0).level, QStringLiteral("2_28"));
        QCOMPARE(ps.at(0).line, 7);
        QCOMPARE(ps.at(1).arch, QStringLiteral("aarch64"));
        QCOMPARE(ps.at(2).kind, PlatformTag::Kind::MacOS);
        QCOMPARE(ps.at(2).arch, QStringLiteral("universal2"));
    }
};

QTEST_GUILESS_MAIN(TestReleaseRules)
#include "tst_releaserules.moc"
