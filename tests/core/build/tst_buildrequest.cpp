// Build requests (flags, the copyable command line, override warnings), the minimal pyproject
// reader, the CI workflow, the build history and tool discovery.
#include "core/build/BuildTestSupport.h"

#include "core/build/BuildHistory.h"
#include "core/build/BuildRequest.h"
#include "core/build/CiWorkflow.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/ShellQuote.h"
#include "core/build/ToolDiscovery.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace wb;

namespace {
void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}
} // namespace

class TestBuildRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void arguments_data()
    {
        QTest::addColumn<BuildRequest>("request");
        QTest::addColumn<QString>("line");
        BuildRequest r;
        r.projectDir = QStringLiteral("/p");
        QTest::newRow("release") << r << QStringLiteral("maturin build --release");
        BuildRequest d = r;
        d.profile = BuildRequest::Profile::Debug;
        QTest::newRow("debug") << d << QStringLiteral("maturin build");
        BuildRequest n = r;
        n.profile = BuildRequest::Profile::Named;
        n.profileName = QStringLiteral("dist");
        QTest::newRow("profile") << n << QStringLiteral("maturin build --profile dist");
        BuildRequest all = r;
        all.interpreters = {QStringLiteral("python3.12"), QStringLiteral("3.13")};
        all.compatibility = QStringLiteral("manylinux2014");
        all.auditwheel = QStringLiteral("repair");
        all.strip = true;
        all.zig = true;
        all.outDir = QStringLiteral("/tmp/my wheels");
        all.features = {QStringLiteral("a"), QStringLiteral("pyo3/abi3-py39")};
        all.noDefaultFeatures = true;
        all.target = QStringLiteral("aarch64-unknown-linux-gnu");
        all.manifestPath = QStringLiteral("rust/Cargo.toml");
        all.locked = true;
        all.offline = true;
        all.sdist = true;
        all.extraArguments = {QStringLiteral("-v")};
        QTest::newRow("everything")
            << all
            << QStringLiteral("maturin build --release --interpreter python3.12 3.13 --compatibility manylinux2014 --auditwheel repair "
                              "--strip --zig --sdist --out '/tmp/my wheels' --features a,pyo3/abi3-py39 --no-default-features "
                              "--target aarch64-unknown-linux-gnu --manifest-path rust/Cargo.toml --locked --offline -v");
        BuildRequest find = r;
        find.findInterpreter = true;
        find.strip = false;
        find.allFeatures = true;
        find.frozen = true;
        QTest::newRow("find") << find << QStringLiteral("maturin build --release --find-interpreter --strip=false --all-features --frozen");
        BuildRequest dev = all;
        dev.command = BuildRequest::Command::Develop;
        QTest::newRow("develop drops wheel-only flags")
            << dev << QStringLiteral("maturin develop --release --features a,pyo3/abi3-py39 --no-default-features --manifest-path rust/Cargo.toml --locked --offline -v");
        BuildRequest sd = all;
        sd.command = BuildRequest::Command::Sdist;
        sd.extraArguments.clear();
        QTest::newRow("sdist") << sd << QStringLiteral("maturin sdist --out '/tmp/my wheels' --manifest-path rust/Cargo.toml");
    }
    void arguments()
    {
        QFETCH(BuildRequest, request);
        QFETCH(QString, line);
        QCOMPARE(request.commandLine(), line);
    }

    void commandLineRoundTrips()
    {
        BuildRequest r;
        r.outDir = QStringLiteral("it's a \"dir\" $HOME");
        r.features = {QStringLiteral("x y")};
        const QString line = r.commandLine({QStringLiteral("/opt/my tools/python"), QStringLiteral("-m"), QStringLiteral("maturin")});
        const QStringList back = QProcess::splitCommand(line);
        // QProcess::splitCommand does not undo POSIX quoting fully; check with a real shell instead.
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("for a in %1; do printf '%s\\n' \"$a\"; done").arg(line)});
        QVERIFY(sh.waitForFinished(10000));
        const QStringList args = QString::fromUtf8(sh.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(args, QStringList({QStringLiteral("/opt/my tools/python"), QStringLiteral("-m"), QStringLiteral("maturin")}) + r.arguments());
        QVERIFY(!back.isEmpty());
        QCOMPARE(shell::quote(QString()), QStringLiteral("''"));
        QCOMPARE(shell::quote(QStringLiteral("a-b_c.d/e:f=g,h@i%j+k")), QStringLiteral("a-b_c.d/e:f=g,h@i%j+k"));
    }

    void problems()
    {
        BuildRequest r;
        r.projectDir = QStringLiteral("/p");
        QVERIFY(r.problems().isEmpty());
        r.profile = BuildRequest::Profile::Named;
        QCOMPARE(r.problems().size(), 1);
        r.profileName = QStringLiteral("dist");
        r.findInterpreter = true;
        r.interpreters = {QStringLiteral("3.12")};
        QCOMPARE(r.problems().size(), 1);
    }

    void readsExampleSettings()
    {
        const PyprojectBuildSettings s = PyprojectBuildSettings::read(test::exampleProject());
        QVERIFY(s.found);
        QCOMPARE(s.projectName, QStringLiteral("hello-pyo3"));
        QCOMPARE(s.requiresPython, QStringLiteral(">=3.9"));
        QCOMPARE(s.features, QStringList{QStringLiteral("pyo3/extension-module")});
        QCOMPARE(s.moduleName, QStringLiteral("hello_pyo3._native"));
        QCOMPARE(s.pythonSource, QStringLiteral("python"));
        QCOMPARE(s.crateName, QStringLiteral("hello-pyo3"));
        QVERIFY(!s.abi3);
    }

    void overrideWarnings()
    {
        QTemporaryDir dir;
        writeFile(dir.path() + QStringLiteral("/pyproject.toml"),
                  "[project]\nname = \"x\"\n[tool.maturin]\nfeatures = [\"fast\", { feature = \"old\", python-version = \"<3.10\" }]\n"
                  "profile = \"dist\"\ncompatibility = \"manylinux2014\"\nstrip = true\n");
        writeFile(dir.path() + QStringLiteral("/Cargo.toml"),
                  "[package]\nname = \"x\"\n[dependencies]\npyo3 = { version = \"0.22\", features = [\"abi3-py39\"] }\n");
        const PyprojectBuildSettings s = PyprojectBuildSettings::read(dir.path());
        QVERIFY2(s.found, qPrintable(s.error));
        QCOMPARE(s.features, (QStringList{QStringLiteral("fast"), QStringLiteral("old (python <3.10)")}));
        QVERIFY(s.abi3);
        BuildRequest r;
        r.projectDir = dir.path();
        QCOMPARE(r.overrideWarnings(s).size(), 1); // --release replaces profile = "dist"
        r.profile = BuildRequest::Profile::Named;
        r.profileName = QStringLiteral("dist");
        QVERIFY(r.overrideWarnings(s).isEmpty());
        r.features = {QStringLiteral("extra")};
        r.compatibility = QStringLiteral("manylinux_2_28");
        r.strip = false;
        const QStringList w = r.overrideWarnings(s);
        QCOMPARE(w.size(), 3);
        QVERIFY(w[0].contains(QStringLiteral("fast, old (python <3.10)")));
        QVERIFY(w[1].contains(QStringLiteral("manylinux2014")));
        QVERIFY(w[2].contains(QStringLiteral("--strip=false")));
    }

    void badPyprojectSaysWhere()
    {
        QTemporaryDir dir;
        writeFile(dir.path() + QStringLiteral("/pyproject.toml"), "[project]\nname = \"x\"\n[tool.maturin\n");
        const PyprojectBuildSettings s = PyprojectBuildSettings::read(dir.path());
        QVERIFY(!s.found);
        QVERIFY2(s.error.contains(QStringLiteral("pyproject.toml:3:")), qPrintable(s.error));
    }

    void ciWorkflow()
    {
        CiWorkflowOptions o = CiWorkflowOptions::fromSettings(PyprojectBuildSettings::read(test::exampleProject()));
        o.pytest = true;
        const QString yaml = CiWorkflow::generate(o);
        for (const char *must : {"PyO3/maturin-action@v1", "--find-interpreter", "manylinux: auto", "manylinux: musllinux_1_2",
                                 "windows-latest", "macos-14", "command: sdist", "uv publish 'wheels-*/*'", "pip install hello-pyo3"}) {
            QVERIFY2(yaml.contains(QLatin1String(must)), must);
        }
        o.abi3 = true;
        QVERIFY(!CiWorkflow::generate(o).contains(QLatin1String("--find-interpreter")));
        QTemporaryDir dir;
        const QString file = CiWorkflow::path(dir.path(), QStringLiteral("Release Wheels"));
        QCOMPARE(file, dir.path() + QStringLiteral("/.github/workflows/release-wheels.yml"));
        QString error;
        QVERIFY(CiWorkflow::write(file, yaml, false, &error));
        QVERIFY(!CiWorkflow::write(file, QStringLiteral("other"), false, &error));
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), yaml); // not replaced
        f.close();
        QVERIFY(CiWorkflow::write(file, QStringLiteral("other"), true, &error));
    }

    void history()
    {
        QTemporaryDir dir;
        const QString file = dir.path() + QStringLiteral("/sub/history.json");
        BuildHistory h(file, 3);
        QVERIFY(h.records(dir.path()).isEmpty());
        for (int i = 0; i < 5; ++i) {
            BuildRecord r;
            r.when = QDateTime(QDate(2025, 1, 1), QTime(10, i), QTimeZone::UTC);
            r.durationMs = 1000 * i;
            r.outcome = QStringLiteral("succeeded");
            r.command = QStringLiteral("maturin build --release");
            r.artifacts = {{QStringLiteral("/w/x-%1.whl").arg(i), 1234 + i}};
            QVERIFY(h.add(dir.path(), r));
        }
        const QList<BuildRecord> records = BuildHistory(file, 3).records(dir.path() + QStringLiteral("/."));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].durationMs, 4000);
        QCOMPARE(records[0].when, QDateTime(QDate(2025, 1, 1), QTime(10, 4), QTimeZone::UTC));
        QCOMPARE(records[0].artifacts.value(0).size, 1238);
        QVERIFY(BuildHistory(file).records(QStringLiteral("/elsewhere")).isEmpty());
        // a damaged file is treated as empty, and is replaced by the next write
        writeFile(file, "{not json");
        QVERIFY(h.records(dir.path()).isEmpty());
        QVERIFY(h.add(dir.path(), records[0]));
        QCOMPARE(h.records(dir.path()).size(), 1);
    }

    void discoversTools()
    {
        const ToolReport report = ToolDiscovery::discover(test::exampleProject());
        QVERIFY2(report.ready(), qPrintable(report.summary()));
        QCOMPARE(report.maturin.version.section(u'.', 0, 0), QStringLiteral("1"));
        QVERIFY(!report.cargo.version.isEmpty());
        QVERIFY(!report.pythons.isEmpty());
        QVERIFY(report.pythons.first().version.startsWith(QStringLiteral("3.")));
        QVERIFY(report.problems().isEmpty());
        QVERIFY(report.summary().contains(QStringLiteral("maturin ") + report.maturin.version));
    }

    void findsRustOutsidePathAndSaysWhatIsMissing()
    {
        // A home with ~/.cargo/bin holding cargo and rustc, and a PATH without them or maturin.
        QTemporaryDir home;
        const QString bin = home.path() + QStringLiteral("/.cargo/bin");
        QDir().mkpath(bin);
        for (const QString &tool : {QStringLiteral("cargo"), QStringLiteral("rustc")}) {
            writeFile(bin + u'/' + tool, QStringLiteral("#!/bin/sh\necho %1 1.99.0\n").arg(tool).toUtf8());
            QFile(bin + u'/' + tool).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::WriteOwner);
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("PATH"), home.path() + QStringLiteral("/nothing-here"));
        const ToolReport report = ToolDiscovery::discover(home.path(), env);
        QVERIFY(report.cargo.found());
        QCOMPARE(report.cargo.origin, QStringLiteral("~/.cargo/bin"));
        QCOMPARE(report.cargo.version, QStringLiteral("1.99.0"));
        QCOMPARE(report.extraPath, QStringList{bin});
        QVERIFY(report.environment(env).value(QStringLiteral("PATH")).startsWith(bin + u':'));
        QVERIFY(!report.maturin.found());
        QVERIFY(!report.ready());
        QVERIFY(report.problems().join(u' ').contains(QStringLiteral("pip install maturin")));
        QVERIFY(report.pythons.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBuildRequest)
#include "tst_buildrequest.moc"
