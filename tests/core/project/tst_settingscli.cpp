// `wheelbench check` and `wheelbench config`, run as a user runs them, on temporary copies.
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using wb::test::copyTree;
using wb::test::readAll;

namespace {
struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QStringList &args)
{
    QProcess p;
    p.start(wb::test::executable(), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList diffLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    QStringList out;
    // Lines only in one of the two (the edits here never move lines).
    for (const QByteArray &l : la)
        if (!lb.contains(l))
            out << u'-' + QString::fromUtf8(l);
    for (const QByteArray &l : lb)
        if (!la.contains(l))
            out << u'+' + QString::fromUtf8(l);
    return out;
}
} // namespace

class TestSettingsCli : public QObject
{
    Q_OBJECT
    QString example() const { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }

private Q_SLOTS:
    void help_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("check") << QStringLiteral("check");
        QTest::newRow("config") << QStringLiteral("config");
    }
    void help()
    {
        QFETCH(QString, command);
        const Result r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("wheelbench ") + command));
    }

    void exampleChecksClean()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const Result r = run({QStringLiteral("check"), tmp.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("0 error(s), 0 warning(s)")), qPrintable(r.out));
        const Result j = run({QStringLiteral("check"), tmp.path(), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("effective")).toObject().value(QStringLiteral("module-name")).toString(),
                 QStringLiteral("hello_pyo3._native"));
    }

    void checkFindsErrorsWithPositions()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        QByteArray text = readAll(py);
        text.replace("module-name = \"hello_pyo3._native\"", "module-name = \"hello_pyo3._nativ\"\nauditwheel = \"fix\"");
        QFile f(py);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const Result r = run({QStringLiteral("check"), tmp.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("pyproject.toml:20:14: error: .*\\[maturin.invalid-value\\]"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("[module.pymodule-mismatch]")), qPrintable(r.out));
        const Result j = run({QStringLiteral("check"), tmp.path(), QStringLiteral("--json")});
        const QJsonArray diags = QJsonDocument::fromJson(j.out.toUtf8()).object().value(QStringLiteral("diagnostics")).toArray();
        bool fixFound = false;
        for (const QJsonValue &v : diags) {
            const QJsonObject d = v.toObject();
            QVERIFY(d.contains(QStringLiteral("line")) && d.contains(QStringLiteral("column")) && d.contains(QStringLiteral("id")));
            fixFound = fixFound || d.value(QStringLiteral("fix")).toObject().value(QStringLiteral("edits")).toArray().size() > 0;
        }
        QVERIFY(fixFound);
    }

    void unusableInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no dir") << QStringList{QStringLiteral("check")};
        QTest::newRow("missing dir") << QStringList{QStringLiteral("check"), QStringLiteral("/nonexistent/x")};
        QTest::newRow("config bad action") << QStringList{QStringLiteral("config"), QStringLiteral("frob"), QStringLiteral(".")};
        QTest::newRow("config unroutable key")
            << QStringList{QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("."), QStringLiteral("nothing.here")};
    }
    void unusableInput()
    {
        QFETCH(QStringList, args);
        QCOMPARE(run(args).exitCode, 2);
    }

    void configEdits_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("changed");
        QTest::newRow("set new key") << QStringList{QStringLiteral("set"), QStringLiteral("tool.maturin.strip"), QStringLiteral("true")}
                                     << "pyproject.toml" << QStringList{QStringLiteral("+strip = true")};
        QTest::newRow("set existing") << QStringList{QStringLiteral("set"), QStringLiteral("project.requires-python"), QStringLiteral("\">=3.10\"")}
                                      << "pyproject.toml"
                                      << QStringList{QStringLiteral("-requires-python = \">=3.9\""), QStringLiteral("+requires-python = \">=3.10\"")};
        QTest::newRow("unset") << QStringList{QStringLiteral("unset"), QStringLiteral("profile.release.lto")} << "Cargo.toml"
                               << QStringList{QStringLiteral("-lto = true")};
        QTest::newRow("Cargo set") << QStringList{QStringLiteral("set"), QStringLiteral("profile.release.opt-level"), QStringLiteral("3")}
                                   << "Cargo.toml" << QStringList{QStringLiteral("+opt-level = 3")};
        QTest::newRow("append") << QStringList{QStringLiteral("append"), QStringLiteral("project.classifiers"), QStringLiteral("\"Typing :: Typed\"")}
                                << "pyproject.toml" << QStringList{QStringLiteral("+    \"Typing :: Typed\",")};
    }
    void configEdits()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(QStringList, changed);
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString path = tmp.filePath(file);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        const QByteArray before = readAll(path);
        QStringList full{QStringLiteral("config"), args.at(0), tmp.path()};
        full += args.mid(1);
        const Result r = run(full);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("+++ b/") + file), qPrintable(r.out));
        const QByteArray after = readAll(path);
        QCOMPARE(diffLines(before, after), changed);
        QCOMPARE(QFile::permissions(path) & 0x7077, (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup) & 0x7077);
        // get reads it back
        if (args.at(0) == QLatin1String("set")) {
            const Result g = run({QStringLiteral("config"), QStringLiteral("get"), tmp.path(), args.at(1)});
            QCOMPARE(g.exitCode, 0);
            QCOMPARE(g.out.trimmed(), args.at(2));
        }
    }

    void configFollowsSymlinks()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.filePath(QStringLiteral("real"))));
        QDir().mkpath(tmp.filePath(QStringLiteral("link")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("real/pyproject.toml")), tmp.filePath(QStringLiteral("link/pyproject.toml"))));
        QVERIFY(QFile::copy(tmp.filePath(QStringLiteral("real/Cargo.toml")), tmp.filePath(QStringLiteral("link/Cargo.toml"))));
        const Result r = run({QStringLiteral("config"), QStringLiteral("set"), tmp.filePath(QStringLiteral("link")),
                              QStringLiteral("tool.maturin.strip"), QStringLiteral("true")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(tmp.filePath(QStringLiteral("link/pyproject.toml"))).isSymLink());
        QVERIFY(readAll(tmp.filePath(QStringLiteral("real/pyproject.toml"))).contains("strip = true"));
    }

    void configRefusesAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed file") << QByteArray("[project]\nname = \"x\"\n[\n") << QStringList{QStringLiteral("set"), QStringLiteral("project.name"), QStringLiteral("\"y\"")}
                                        << 2 << QStringLiteral("pyproject.toml:3:2");
        QTest::newRow("bad literal") << QByteArray("[project]\nname = \"x\"\n") << QStringList{QStringLiteral("set"), QStringLiteral("project.name"), QStringLiteral("y")}
                                     << 1 << QStringLiteral("not a TOML value");
    }
    void configRefusesAndWritesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("pyproject.toml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QStringList full{QStringLiteral("config"), args.at(0), tmp.path()};
        full += args.mid(1);
        const Result r = run(full);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(readAll(tmp.filePath(QStringLiteral("pyproject.toml"))), content);
    }

    void corpusCopies_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"rpds", "orjson", "granian", "tiktoken", "blake3-py"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void corpusCopies()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, name);
        QTemporaryDir tmp;
        QVERIFY(copyTree(wb::test::corpusDir() + QStringLiteral("/projects/") + name, tmp.path()));
        const Result r = run({QStringLiteral("check"), tmp.path(), QStringLiteral("--files-only"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        const QByteArray before = readAll(py);
        const Result s = run({QStringLiteral("config"), QStringLiteral("set"), tmp.path(), QStringLiteral("tool.maturin.strip"), QStringLiteral("true")});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        const QStringList changed = diffLines(before, readAll(py));
        QVERIFY2(changed.contains(QStringLiteral("+strip = true")) && changed.size() <= 3, qPrintable(changed.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSettingsCli)
#include "tst_settingscli.moc"
