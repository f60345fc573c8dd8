// `wheelbench inspect` and `wheelbench compare` as users run them: exit codes and the JSON schema.
#include "ZipWriter.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace wb::test;

class TestInspectCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    struct Result {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QStringList &args)
    {
        QProcess p;
        p.start(wb::test::executable(), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QString write(const QByteArray &zip, const QString &name)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(zip);
        return p;
    }

private Q_SLOTS:
    void help_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("inspect") << QStringLiteral("inspect");
        QTest::newRow("compare") << QStringLiteral("compare");
    }
    void help()
    {
        QFETCH(QString, command);
        const Result r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QByteArray(QByteArray("wheelbench ") + command.toUtf8())));
    }

    void exitCodes()
    {
        const QString good = write(buildZip(demoWheel()), QStringLiteral("demo-1.0-py3-none-any.whl"));
        QList<ZipMember> bad = demoWheel();
        bad[0].data = "print('ho')\n"; // same size: only hashing notices
        const QString tampered = write(buildZip(bad), QStringLiteral("demo-1.0-1tampered-py3-none-any.whl"));
        const QString junk = write("not a zip", QStringLiteral("junk-1.0-py3-none-any.whl"));
        QCOMPARE(run({QStringLiteral("inspect"), good}).code, 0);
        QCOMPARE(run({QStringLiteral("inspect"), good, QStringLiteral("--quick")}).code, 0);
        QCOMPARE(run({QStringLiteral("inspect"), tampered}).code, 1);
        QCOMPARE(run({QStringLiteral("inspect"), tampered, QStringLiteral("--quick")}).code, 0); // hashing skipped
        QCOMPARE(run({QStringLiteral("inspect"), junk}).code, 2);
        QCOMPARE(run({QStringLiteral("inspect"), m_dir.filePath(QStringLiteral("absent.whl"))}).code, 2);
        QCOMPARE(run({QStringLiteral("inspect")}).code, 2);
        QCOMPARE(run({QStringLiteral("inspect"), good, QStringLiteral("--bogus")}).code, 2);
    }

    // pip refuses a wheel whose script names no function ("A callable suffix is required"); the rows that
    // pass are the forms real wheels of the corpus use (an attribute path, extras).
    void scriptsWithoutAFunction_data()
    {
        QTest::addColumn<QByteArray>("entryPoints");
        QTest::addColumn<bool>("refused");
        QTest::newRow("module only") << QByteArray("[console_scripts]\ndemo = demo\n") << true;
        QTest::newRow("gui script, module only") << QByteArray("[gui_scripts]\ndemo-gui = demo.gui\n") << true;
        QTest::newRow("a file path") << QByteArray("[console_scripts]\ndemo = demo/cli.py:main\n") << true;
        QTest::newRow("module:function") << QByteArray("[console_scripts]\ndemo = demo.cli:main\n") << false;
        QTest::newRow("attribute path and extras") << QByteArray("[console_scripts]\ndemo = demo.cli:App.run [cli]\n") << false;
        QTest::newRow("another group") << QByteArray("[demo.plugins]\nx = demo\n") << false;
    }
    void scriptsWithoutAFunction()
    {
        QFETCH(QByteArray, entryPoints);
        QFETCH(bool, refused);
        const QString wheel = write(buildZip(demoWheel({ZipMember{"demo-1.0.dist-info/entry_points.txt", entryPoints}})),
                                    QStringLiteral("demo-1.0-py3-none-any.whl"));
        const Result r = run({QStringLiteral("inspect"), wheel});
        QCOMPARE(r.code, refused ? 1 : 0);
        QCOMPARE(r.out.contains("[entry-points.script-no-callable]"), refused);
    }

    void jsonSchema()
    {
        const QString good = write(buildZip(demoWheel()), QStringLiteral("demo-1.0-py3-none-any.whl"));
        const Result r = run({QStringLiteral("inspect"), good, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("schema_version")).toInt(), 1);
        for (const char *key : {"file", "name", "version", "build_tag", "tags", "wheel", "metadata", "record", "files", "extensions", "findings"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(o.value(QLatin1String("tags")).toArray().first().toString(), QStringLiteral("py3-none-any"));
        const QJsonObject rec = o.value(QLatin1String("record")).toObject();
        QVERIFY(rec.value(QLatin1String("verified")).toBool());
        QVERIFY(rec.value(QLatin1String("ok")).toBool());
        QVERIFY(rec.value(QLatin1String("problems")).toArray().isEmpty());
        const QJsonObject f0 = o.value(QLatin1String("files")).toArray().first().toObject();
        QVERIFY(f0.contains(QLatin1String("path")) && f0.contains(QLatin1String("size")) && f0.contains(QLatin1String("compressed_size")));
        QCOMPARE(o.value(QLatin1String("metadata")).toObject().value(QLatin1String("Name")).toString(), QStringLiteral("demo"));
    }

    void jsonExtensionsOnRealWheel()
    {
        WB_REQUIRE_CORPUS();
        const Result r = run({QStringLiteral("inspect"), QStringLiteral("--json"),
                              wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl")});
        QCOMPARE(r.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject x = o.value(QLatin1String("extensions")).toArray().first().toObject();
        for (const char *key : {"path", "format", "arch", "stripped", "debug_bytes", "needed", "symbol_versions", "policy", "pyinit_expected",
                                "pyinit_found", "links_libpython", "abi3"})
            QVERIFY2(x.contains(QLatin1String(key)), key);
        QCOMPARE(x.value(QLatin1String("format")).toString(), QStringLiteral("ELF"));
        QVERIFY(x.value(QLatin1String("symbol_versions")).toObject().value(QLatin1String("libstdc++.so.6")).toArray().contains(QStringLiteral("GLIBCXX_3.4.22")));
        bool error = false;
        for (const QJsonValue &f : o.value(QLatin1String("findings")).toArray())
            error = error || (f.toObject().value(QLatin1String("id")).toString() == QLatin1String("policy.tag-not-satisfied")
                              && f.toObject().value(QLatin1String("severity")).toString() == QLatin1String("error"));
        QVERIFY(error);
    }

    void compare()
    {
        const QString a = write(buildZip(demoWheel()), QStringLiteral("a-demo-1.0-py3-none-any.whl"));
        const QString b = write(buildZip(demoWheel({{"demo/new.py", "x = 1\n"}})), QStringLiteral("b-demo-1.0-py3-none-any.whl"));
        const Result r = run({QStringLiteral("compare"), a, b, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("schema_version")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("added")).toArray().size(), 1);
        QCOMPARE(o.value(QLatin1String("added")).toArray().first().toObject().value(QLatin1String("path")).toString(), QStringLiteral("demo/new.py"));
        QVERIFY(o.value(QLatin1String("removed")).toArray().isEmpty());
        QCOMPARE(o.value(QLatin1String("size_delta")).toInteger(), 6 + recordLine("demo/new.py", "x = 1\n").size()); // the file and its RECORD row
        QCOMPARE(run({QStringLiteral("compare"), a}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestInspectCli)
#include "tst_inspectcli.moc"
