// `wheelbench check` and `wheelbench config`, run as a user runs them, on temporary copies.
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using wb::test::copyTree;
using wb::test::readAll;

namespace {
struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(wb::test::executable(), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

bool writeFile(const QString &path, const QByteArray &bytes, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return !executable || f.setPermissions(f.permissions() | QFile::ExeOwner);
}

// The environment with PATH replaced and no active venv.
QProcessEnvironment pathOnly(const QString &path)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), path);
    env.remove(QStringLiteral("VIRTUAL_ENV"));
    return env;
}

QStringList idsOf(const QJsonObject &report)
{
    QStringList ids;
    for (const QJsonValue &v : report.value(QStringLiteral("diagnostics")).toArray())
        ids << v.toObject().value(QStringLiteral("id")).toString() + u' ' + v.toObject().value(QStringLiteral("key")).toString();
    return ids;
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
        QVERIFY2(r.out.contains(QLatin1String("0 errors, 0 warnings")), qPrintable(r.out));
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

    // The maturin version keys are judged against is found automatically, without running anything
    // from the project; check says which one it used.
    void checkUsesTheInstalledMaturin_data()
    {
        QTest::addColumn<QString>("setup");   // venv: the project's .venv; path: a maturin on PATH; none
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<QJsonValue>("version");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("flagged"); // keys reported as too new
        const QStringList none;
        QTest::newRow("project .venv, read from dist-info")
            << "venv" << none << QJsonValue(QStringLiteral("1.8.3")) << "project .venv"
            << QStringList{QStringLiteral("tool.maturin.editable-profile"), QStringLiteral("tool.maturin.pgo-command"), QStringLiteral("tool.maturin.sbom")};
        QTest::newRow("PATH, asked for its version")
            << "path" << none << QJsonValue(QStringLiteral("1.12.0")) << "PATH" << QStringList{QStringLiteral("tool.maturin.pgo-command")};
        QTest::newRow("none found: nothing flagged") << "none" << none << QJsonValue() << "none found" << none;
        QTest::newRow("project .venv without dist-info: version unknown")
            << "venv-no-dist-info" << none << QJsonValue() << "project .venv" << none;
        QTest::newRow("--maturin-version overrides")
            << "venv" << QStringList{QStringLiteral("--maturin-version"), QStringLiteral("1.13.0")} << QJsonValue(QStringLiteral("1.13.0"))
            << "--maturin-version" << none;
        QTest::newRow("--maturin-version none") << "path" << QStringList{QStringLiteral("--maturin-version"), QStringLiteral("none")}
                                                << QJsonValue() << "--maturin-version none" << none;
    }
    void checkUsesTheInstalledMaturin()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, extraArgs);
        QFETCH(QJsonValue, version);
        QFETCH(QString, from);
        QFETCH(QStringList, flagged);
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        QVERIFY(copyTree(example(), project));
        const QString py = project + QStringLiteral("/pyproject.toml");
        QByteArray text = readAll(py);
        text.replace("features = [\"pyo3/extension-module\"]",
                     "features = [\"pyo3/extension-module\"]\npgo-command = \"python bench.py\"\neditable-profile = \"dev\"\nsbom = { rust = true }");
        QVERIFY(writeFile(py, text));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QByteArray runs = "#!/bin/sh\ntouch '" + mark.toUtf8() + "'\necho 'maturin 9.9.9'\n";
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        if (setup.startsWith(QLatin1String("venv"))) {
            const QString venv = project + QStringLiteral("/.venv");
            QVERIFY(writeFile(venv + QStringLiteral("/pyvenv.cfg"), "home = /usr/bin\n"));
            QVERIFY(writeFile(venv + QStringLiteral("/bin/maturin"), runs, true));
            QVERIFY(writeFile(venv + QStringLiteral("/bin/python"), runs, true));
            if (setup == QLatin1String("venv"))
                QVERIFY(writeFile(venv + QStringLiteral("/lib/python3.13/site-packages/maturin-1.8.3.dist-info/METADATA"),
                                  "Name: maturin\nVersion: 1.8.3\n"));
        } else if (setup == QLatin1String("path")) {
            QVERIFY(writeFile(bin + QStringLiteral("/maturin"), "#!/bin/sh\necho 'maturin 1.12.0'\n", true));
        }
        const QProcessEnvironment env = pathOnly(bin);
        const Result r = run(QStringList{QStringLiteral("check"), project} + extraArgs, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        if (version.isString())
            QVERIFY2(r.out.contains(QStringLiteral("Keys checked against maturin %1").arg(version.toString())), qPrintable(r.out));
        else
            QVERIFY2(r.out.contains(QLatin1String("not checked against a maturin version")), qPrintable(r.out));
        const Result j = run(QStringList{QStringLiteral("check"), project, QStringLiteral("--json")} + extraArgs, env);
        QVERIFY2(j.exitCode == 0, qPrintable(j.out + j.err));
        const QJsonObject report = QJsonDocument::fromJson(j.out.toUtf8()).object();
        const QJsonObject maturin = report.value(QStringLiteral("maturin")).toObject();
        QCOMPARE(maturin.value(QStringLiteral("version")), version);
        QCOMPARE(maturin.value(QStringLiteral("from")).toString(), from);
        if (setup == QLatin1String("venv") && extraArgs.isEmpty())
            QCOMPARE(maturin.value(QStringLiteral("read-by")).toString(), QStringLiteral("dist-info"));
        QStringList tooNew;
        for (const QString &id : idsOf(report)) {
            if (id.startsWith(QLatin1String("maturin.key-too-new ")))
                tooNew << id.section(u' ', 1);
        }
        tooNew.sort();
        QCOMPARE(tooNew, flagged);
        QVERIFY2(!QFile::exists(mark), "check started a program of the project");
    }

    // With the maturin of this machine (1.8.3 in the development stack): keys it does not know yet are
    // reported as such, with where that maturin was found.
    void checkAgainstTheRealMaturin()
    {
        QTemporaryDir tmp;
        QVERIFY(copyTree(example(), tmp.path()));
        const QString py = tmp.filePath(QStringLiteral("pyproject.toml"));
        QByteArray text = readAll(py);
        text.replace("features = [\"pyo3/extension-module\"]", "features = [\"pyo3/extension-module\"]\npgo-command = \"python bench.py\"");
        QVERIFY(writeFile(py, text));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("VIRTUAL_ENV"));
        const Result j = run({QStringLiteral("check"), tmp.path(), QStringLiteral("--json")}, env);
        const QJsonObject maturin = QJsonDocument::fromJson(j.out.toUtf8()).object().value(QStringLiteral("maturin")).toObject();
        if (maturin.value(QStringLiteral("version")).isNull())
            QSKIP("no maturin installed here");
        const QVersionNumber installed = QVersionNumber::fromString(maturin.value(QStringLiteral("version")).toString());
        QVERIFY(!maturin.value(QStringLiteral("program")).toString().isEmpty());
        const bool flagged = idsOf(QJsonDocument::fromJson(j.out.toUtf8()).object()).contains(QStringLiteral("maturin.key-too-new tool.maturin.pgo-command"));
        QCOMPARE(flagged, installed < QVersionNumber(1, 13));
        const Result r = run({QStringLiteral("check"), tmp.path()}, env);
        if (flagged)
            QVERIFY2(r.out.contains(QStringLiteral("needs maturin 1.13.0 or newer; the installed maturin %1 (%2) ignores it")
                                        .arg(installed.toString(), maturin.value(QStringLiteral("from")).toString())),
                     qPrintable(r.out));
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
