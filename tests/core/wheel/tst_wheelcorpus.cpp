// Every wheel of the shared corpus, with the verdicts their own projects' tests expect, plus Debian's
// own wheels of pip, setuptools and wheel as healthy pure wheels.
#include "core/wheel/WheelReport.h"
#include "core/wheel/WheelReportJson.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wb;

namespace {

QString corpus(const QString &rel)
{
    return wb::test::corpusDir() + QStringLiteral("/wheels/") + rel;
}

bool hasFinding(const WheelReport &r, const QString &id, const QString &path = {})
{
    for (const Finding &f : r.findings)
        if (f.id == id && (path.isEmpty() || f.path == path))
            return true;
    return false;
}

QString dump(const WheelReport &r)
{
    QString s = QStringLiteral("verdict %1;").arg(r.verdict());
    for (const Finding &f : r.findings)
        s += QStringLiteral(" [%1 %2 %3]").arg(Finding::severityName(f.severity), f.id, f.message.left(120));
    return s;
}

const ExtensionReport *extension(const WheelReport &r, const QString &suffix)
{
    for (const ExtensionReport &x : r.extensions)
        if (x.path.endsWith(suffix))
            return &x;
    return nullptr;
}

} // namespace

class TestWheelCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyWheelNoCrash_data()
    {
        QTest::addColumn<QString>("path");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no-corpus") << QString();
            return;
        }
        QDirIterator it(corpus({}), {QStringLiteral("*.whl")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QTest::newRow(qPrintable(QDir(corpus({})).relativeFilePath(p))) << p;
        }
    }
    void everyWheelNoCrash()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        const WheelReport full = inspectWheel(path);
        InspectOptions quickOptions;
        quickOptions.verifyHashes = false;
        quickOptions.maxBinaryBytes = 256ll * 1024 * 1024;
        const WheelReport quick = inspectWheel(path, quickOptions);
        QCOMPARE(quick.readable, full.readable);
        QCOMPARE(quick.files.size(), full.files.size());
        if (full.readable) {
            QVERIFY(!full.files.isEmpty());
            QVERIFY(full.totalSize >= 0);
            QCOMPARE(full.record.verified, full.record.present);
            QVERIFY(!quick.record.verified);
        }
        // The CLI's direct JSON text is exactly what QJsonDocument makes of the report.
        QCOMPARE(toJsonText(full), QJsonDocument(toJson(full)).toJson(QJsonDocument::Indented));
        QCOMPARE(toJsonText(quick), QJsonDocument(toJson(quick)).toJson(QJsonDocument::Indented));
    }

    // wheel-inspect: "valid" in the sibling JSON is exactly "RECORD and dist-info are fine" for us.
    void wheelInspectValidity_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("errorType");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no-corpus") << QString() << true << QString();
            return;
        }
        for (const QString &dir : {QStringLiteral("wheel-inspect/wheels"), QStringLiteral("wheel-inspect/bad-wheels")}) {
            const QDir d(corpus(dir));
            for (const QString &f : d.entryList({QStringLiteral("*.whl")})) {
                QFile j(d.filePath(f.chopped(4) + QStringLiteral(".json")));
                QVERIFY(j.open(QIODevice::ReadOnly));
                const QJsonObject o = QJsonDocument::fromJson(j.readAll()).object();
                const bool valid = o.contains(QLatin1String("valid")) ? o.value(QLatin1String("valid")).toBool() : false;
                const QString type = o.contains(QLatin1String("type")) ? o.value(QLatin1String("type")).toString()
                                                                       : o.value(QLatin1String("validation_error")).toObject().value(QLatin1String("type")).toString();
                QTest::newRow(qPrintable(dir + QLatin1Char('/') + f)) << d.filePath(f) << valid << type;
            }
        }
    }
    void wheelInspectValidity()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QFETCH(QString, errorType);
        const WheelReport r = inspectWheel(path);
        QVERIFY(r.readable);
        const bool distInfoOk = !hasFinding(r, QStringLiteral("dist-info.mismatch"));
        QVERIFY2((r.record.ok && distInfoOk) == valid, qPrintable(dump(r)));
        if (!valid) {
            if (errorType == QLatin1String("DistInfoError"))
                QVERIFY(!distInfoOk);
            else {
                bool seen = false;
                for (const RecordProblem &p : r.record.problems)
                    seen = seen || p.kind == errorType;
                QVERIFY2(seen, qPrintable(errorType + QStringLiteral(": ") + dump(r)));
            }
            QVERIFY(r.hasErrors());
        }
    }

    // check-wheel-contents: invalid wheels are errors; OK wheels have no errors; W001/W002/W005 are warnings.
    void checkWheelContents_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expectedId");  // empty: no error findings
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no-corpus") << QString() << QString();
            return;
        }
        auto row = [](const char *file, const char *id) {
            QTest::newRow(file) << corpus(QStringLiteral("check-wheel-contents/") + QLatin1String(file)) << QString::fromLatin1(id);
        };
        row("bcrypt-3.1.7-cp38-cp38-win_amd64.whl", "");
        row("NLPTriples-0.1.7-py3-none-any.whl", "");
        row("ttyrec2video-0.1.0.dev1-py3-none-any.whl", "");
        row("mxnet_coreml_converter-0.1.0a7-cp27-cp27m-macosx_10_7_x86_64.whl", "");
        row("no_record-1.0.0-py3-none-any.whl", "record.MissingRecordError");
        row("no_wheel_file-1.0.0-py3-none-any.whl", "wheel-file.missing");
        row("bad_purelib_line-1.0.0-py3-none-any.whl", "wheel-file.bad-root-is-purelib");
        row("empty_purelib_line-1.0.0-py3-none-any.whl", "wheel-file.bad-root-is-purelib");
        row("no_purelib_line-1.0.0-py3-none-any.whl", "wheel-file.no-root-is-purelib");
        row("badname-1.0.whl", "filename.invalid");
        row("MPC2860-0.3-py3-none-any.whl", "content.duplicate-files");
        row("physlearn-1.2.2-py3-none-any.whl", "content.duplicate-files");
        row("whatodo-0.1.0a4-py3-none-any.whl", "content.pyc");
    }
    void checkWheelContents()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        QFETCH(QString, expectedId);
        QFile j(path.chopped(4) + QStringLiteral(".json"));
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(j.readAll()).object();
        const WheelReport r = inspectWheel(path);
        const bool tooldOk = o.value(QLatin1String("rc")).toInt() == 0;
        if (expectedId.isEmpty()) {
            QVERIFY(tooldOk);
            QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        } else {
            QVERIFY(!tooldOk);
            QVERIFY2(hasFinding(r, expectedId), qPrintable(dump(r)));
            // "invalid wheel" cases are errors; W-codes are warnings.
            const bool invalid = o.value(QLatin1String("stderr")).toString().contains(QLatin1String("invalid"));
            if (invalid)
                QVERIFY(r.hasErrors());
        }
    }

    void auditwheelPolicies_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("symbolPolicy");
        QTest::addColumn<QStringList>("external");
        QTest::addColumn<bool>("errors");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no-corpus") << QString() << QString() << QString() << QStringList() << false;
            return;
        }
        QTest::newRow("cffi") << corpus(QStringLiteral("auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl")) << QStringLiteral("linux")
                              << QStringLiteral("manylinux_2_5") << QStringList{QStringLiteral("libffi.so.5"), QStringLiteral("libpython2.7.so.1.0")} << false;
        QTest::newRow("snappy") << corpus(QStringLiteral("auditwheel/python_snappy-0.5.2-pp260-pypy_41-linux_x86_64.whl")) << QStringLiteral("linux")
                                << QStringLiteral("manylinux_2_5") << QStringList{QStringLiteral("libsnappy.so.1")} << false;
        QTest::newRow("fpewheel") << corpus(QStringLiteral("auditwheel/fpewheel-0.0.0-cp35-cp35m-linux_x86_64.whl")) << QStringLiteral("linux")
                                  << QStringLiteral("manylinux_2_5") << QStringList() << false;
        QTest::newRow("testzlib") << corpus(QStringLiteral("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl")) << QStringLiteral("linux")
                                  << QStringLiteral("manylinux_2_12") << QStringList() << false;
        QTest::newRow("mscl") << corpus(QStringLiteral("auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl")) << QStringLiteral("linux")
                              << QStringLiteral("manylinux_2_31") << QStringList{QStringLiteral("libpython3.13.so.1.0")} << true;
        QTest::newRow("testsimple-x86_64") << corpus(QStringLiteral("auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_x86_64.whl"))
                                           << QStringLiteral("manylinux_2_5") << QStringLiteral("manylinux_2_5") << QStringList() << false;
        QTest::newRow("testsimple-aarch64") << corpus(QStringLiteral("auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_aarch64.whl"))
                                            << QStringLiteral("manylinux_2_17") << QStringLiteral("manylinux_2_17") << QStringList() << false;
        // Built against musl but with no DT_NEEDED at all: like auditwheel ("libc is None"), the libc cannot be
        // told, so a linux_* tagged file is held against the glibc tables.
        QTest::newRow("musl-no-needed") << corpus(QStringLiteral("auditwheel/musllinux_1_2/testsimple-0.0.1-cp310-cp310-linux_x86_64.whl"))
                                        << QStringLiteral("manylinux_2_5") << QStringLiteral("manylinux_2_5") << QStringList() << false;
    }
    void auditwheelPolicies()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        QFETCH(QString, policy);
        QFETCH(QString, symbolPolicy);
        QFETCH(QStringList, external);
        QFETCH(bool, errors);
        const WheelReport r = inspectWheel(path);
        QCOMPARE(r.policy.policy, policy);
        QCOMPARE(r.policy.symbolPolicy, symbolPolicy);
        QStringList libs;
        for (const PolicyCheck &c : r.policy.better)
            if (c.policy == QLatin1String("manylinux_2_5") || c.policy == QLatin1String("manylinux_2_17"))
                for (const PolicyBlocker &b : c.blockers)
                    if (b.kind == PolicyBlocker::Kind::Library && !libs.contains(b.library))
                        libs.append(b.library);
        libs.sort();
        external.sort();
        QCOMPARE(libs, external);
        QVERIFY2(r.hasErrors() == errors, qPrintable(dump(r)));
        for (const ExtensionReport &x : r.extensions) {
            QCOMPARE(x.binary.formatName(), QStringLiteral("ELF"));
            QVERIFY2(!x.binary.stripped, qPrintable(x.path)); // every auditwheel fixture keeps its symbols
            if (path.contains(QLatin1String("musllinux")))
                QVERIFY(x.binary.libc.isEmpty());
            else if (!x.binary.allNeeded().isEmpty())
                QCOMPARE(x.binary.libc, QStringLiteral("glibc"));
        }
    }

    void mislabelledWheelNamesTheSymbols()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport r = inspectWheel(corpus(QStringLiteral("auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl")));
        QVERIFY(hasFinding(r, QStringLiteral("policy.tag-not-satisfied")));
        const ExtensionReport *x = extension(r, QStringLiteral("_mscl.so"));
        QVERIFY(x);
        QCOMPARE(x->binary.arch(), QStringLiteral("aarch64"));
        QVERIFY(x->symbolVersions().value(QStringLiteral("libc.so.6")).contains(QStringLiteral("GLIBC_2.29"))
                || x->symbolVersions().value(QStringLiteral("libm.so.6")).contains(QStringLiteral("GLIBC_2.29")));
        QVERIFY(x->symbolVersions().value(QStringLiteral("libstdc++.so.6")).contains(QStringLiteral("GLIBCXX_3.4.22")));
        QVERIFY(x->linksLibpython);
        // For manylinux_2_17: GLIBC_2.29 is in the way, with the symbols behind it and the file.
        bool found = false;
        for (const PolicyCheck &c : r.policy.better)
            if (c.policy == QLatin1String("manylinux_2_17"))
                for (const PolicyBlocker &b : c.blockers)
                    if (b.kind == PolicyBlocker::Kind::SymbolVersion && b.version == QLatin1String("GLIBC_2.29")) {
                        found = true;
                        QVERIFY(!b.symbols.isEmpty());
                        QCOMPARE(b.file, x->path);
                    }
        QVERIFY(found);
    }

    void tagMismatches()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport mips = inspectWheel(corpus(QStringLiteral("auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_mips64.whl")));
        QVERIFY(hasFinding(mips, QStringLiteral("tags.wheel-mismatch")));
        const WheelReport simple = inspectWheel(corpus(QStringLiteral("delvewheel/simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl")));
        QCOMPARE(simple.tags.size(), 4);
        QVERIFY(hasFinding(simple, QStringLiteral("tags.wheel-mismatch")));
        const WheelReport plumbum = inspectWheel(corpus(QStringLiteral("auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")));
        QCOMPARE(plumbum.tags, (QStringList{QStringLiteral("py2-none-any"), QStringLiteral("py3-none-any")}));
        QVERIFY2(!plumbum.hasErrors(), qPrintable(dump(plumbum)));
        QVERIFY(plumbum.extensions.isEmpty());
    }

    // cibuildwheel's Android wheel: an aarch64 ELF for arm64_v8a that needs the NDK's libc++_shared.so
    // and links libpython, as Android extension modules do (PEP 738), so that is no warning there.
    void androidWheel()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport r = inspectWheel(corpus(QStringLiteral("auditwheel/android/spam-0.1.0-cp313-cp313-android_24_arm64_v8a.whl")));
        QVERIFY2(r.verdict() == QLatin1String("ok"), qPrintable(dump(r)));
        QCOMPARE(r.extensions.size(), 1);
        const ExtensionReport &x = r.extensions.first();
        QCOMPARE(x.binary.arch(), QStringLiteral("aarch64"));
        QVERIFY(x.binary.allNeeded().contains(QStringLiteral("libc++_shared.so")));
        QVERIFY(x.linksLibpython);
        QVERIFY(x.pyinitFound);
        QVERIFY(x.policy.family.isEmpty());   // no manylinux/musllinux policy applies
        QVERIFY(!hasFinding(r, QStringLiteral("extension.links-libpython")));
        // On Linux, linking libpython breaks with statically linked interpreters: a warning there.
        const WheelReport cffi = inspectWheel(corpus(QStringLiteral("auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl")));
        QVERIFY(hasFinding(cffi, QStringLiteral("extension.links-libpython")));
    }

    void windowsAndMac()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport h = inspectWheel(corpus(QStringLiteral("delvewheel/h3ronpy-0.16.0-cp38-abi3-win_amd64.whl")));
        QVERIFY2(!h.hasErrors(), qPrintable(dump(h)));
        const ExtensionReport *pyd = extension(h, QStringLiteral(".pyd"));
        QVERIFY(pyd);
        QCOMPARE(pyd->binary.formatName(), QStringLiteral("PE"));
        QCOMPARE(pyd->binary.arch(), QStringLiteral("amd64"));
        QVERIFY(pyd->pyinitFound);
        QVERIFY(pyd->abi3);
        QVERIFY(pyd->binary.allNeeded().contains(QStringLiteral("python3.dll"), Qt::CaseInsensitive));

        const WheelReport win32 = inspectWheel(corpus(QStringLiteral("delvewheel/simpleext-0.0.1-cp312-cp312-win32.whl")));
        QVERIFY(!win32.extensions.isEmpty());
        QCOMPARE(win32.extensions.first().binary.arch(), QStringLiteral("x86"));

        const WheelReport mac = inspectWheel(corpus(QStringLiteral("delvewheel/h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl")));
        const ExtensionReport *so = extension(mac, QStringLiteral(".abi3.so"));
        QVERIFY(so);
        QCOMPARE(so->binary.formatName(), QStringLiteral("Mach-O"));
        QCOMPARE(so->binary.arch(), QStringLiteral("x86_64"));
        QVERIFY(so->pyinitFound);
        QVERIFY(!so->binary.slices.first().minOs.isEmpty());

        const WheelReport fat = inspectWheel(corpus(QStringLiteral("delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl")));
        const ExtensionReport *m2 = extension(fat, QStringLiteral("module2.abi3.so"));
        QVERIFY(m2);
        QCOMPARE(m2->binary.slices.size(), 2);
        QVERIFY(m2->binary.arch().contains(QLatin1String("arm64")));
        QVERIFY(m2->binary.arch().contains(QLatin1String("x86_64")));
        QVERIFY(m2->binary.allNeeded().join(QLatin1Char(' ')).contains(QLatin1String("libextfunc.dylib")));
        QVERIFY2(!fat.hasErrors(), qPrintable(dump(fat)));
    }

    void debianWheelsAreHealthy_data()
    {
        QTest::addColumn<QString>("path");
        const QDir d(QStringLiteral("/usr/share/python-wheels"));
        const QStringList wheels = d.entryList({QStringLiteral("*.whl")});
        if (wheels.isEmpty())
            QTest::newRow("none") << QString();
        for (const QString &w : wheels)
            QTest::newRow(qPrintable(w)) << d.filePath(w);
    }
    void debianWheelsAreHealthy()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP("no wheels in /usr/share/python-wheels (packages python3-pip-whl, python3-setuptools-whl, python3-wheel-whl)");
        const WheelReport r = inspectWheel(path);
        QVERIFY(r.readable);
        QVERIFY2(r.record.ok && r.record.verified, qPrintable(dump(r)));
        QVERIFY2(!r.hasErrors(), qPrintable(dump(r)));
        QVERIFY(r.extensions.isEmpty());
        QVERIFY(!r.name.isEmpty());
        QVERIFY(r.tags.contains(QStringLiteral("py3-none-any")));
    }
};

QTEST_GUILESS_MAIN(TestWheelCorpus)
#include "tst_wheelcorpus.moc"
