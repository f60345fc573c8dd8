// Build requests (flags, the copyable command line, override warnings), the minimal pyproject
// reader, the CI workflow, the build history and tool discovery.
#include "core/build/BuildTestSupport.h"

#include "core/build/BuildHistory.h"
#include "core/build/BuildRequest.h"
#include "core/build/CiWorkflow.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/RequiresPython.h"
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

    // Options typed under "more arguments" (or after `--` on the command line) replace settings too.
    void overrideWarningsOfTypedFlags_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QStringList>("mustMention"); // one warning per entry, in order
        const QString features = QStringLiteral("replaces the whole `features` list");
        QTest::newRow("none") << QStringList{} << QStringList{};
        QTest::newRow("-F") << QStringList{QStringLiteral("-F"), QStringLiteral("extra")} << QStringList{features};
        QTest::newRow("-Fvalue") << QStringList{QStringLiteral("-Fextra")} << QStringList{features};
        QTest::newRow("--features=") << QStringList{QStringLiteral("--features=extra,more")} << QStringList{features};
        QTest::newRow("--all-features adds") << QStringList{QStringLiteral("--all-features")} << QStringList{};
        QTest::newRow("--release") << QStringList{QStringLiteral("-r")} << QStringList{QStringLiteral("--release replaces `profile = \"dist\"`")};
        QTest::newRow("--strip=false") << QStringList{QStringLiteral("--strip=false")} << QStringList{QStringLiteral("--strip=false replaces")};
        QTest::newRow("--compatibility") << QStringList{QStringLiteral("--compatibility"), QStringLiteral("pypi")}
                                         << QStringList{QStringLiteral("--compatibility pypi replaces")};
        QTest::newRow("-m") << QStringList{QStringLiteral("-m"), QStringLiteral("rust/Cargo.toml")} << QStringList{};
        QTest::newRow("after --") << QStringList{QStringLiteral("--"), QStringLiteral("-F"), QStringLiteral("x")} << QStringList{};
        QTest::newRow("value missing") << QStringList{QStringLiteral("--features")} << QStringList{};
    }
    void overrideWarningsOfTypedFlags()
    {
        QFETCH(QStringList, extra);
        QFETCH(QStringList, mustMention);
        QTemporaryDir dir;
        writeFile(dir.path() + QStringLiteral("/pyproject.toml"),
                  "[project]\nname = \"x\"\n[tool.maturin]\nfeatures = [\"fast\", { feature = \"old\", python-version = \"<3.10\" }]\n"
                  "profile = \"dist\"\ncompatibility = \"manylinux2014\"\nstrip = true\n");
        writeFile(dir.path() + QStringLiteral("/Cargo.toml"), "[package]\nname = \"x\"\n");
        const PyprojectBuildSettings s = PyprojectBuildSettings::read(dir.path());
        QVERIFY2(s.found, qPrintable(s.error));
        BuildRequest r;
        r.projectDir = dir.path();
        r.profile = BuildRequest::Profile::Named; // the form agrees with the pyproject: no warning of its own
        r.profileName = QStringLiteral("dist");
        r.extraArguments = extra;
        const QStringList warnings = r.overrideWarnings(s);
        QCOMPARE(warnings.size(), mustMention.size());
        for (int i = 0; i < mustMention.size(); ++i)
            QVERIFY2(warnings[i].contains(mustMention[i]), qPrintable(warnings[i]));
        QCOMPARE(r.withExtraFlags().extraArguments, QStringList{});
        QCOMPARE(r.arguments().mid(r.arguments().size() - extra.size()), extra); // still passed as typed
    }

    void badPyprojectSaysWhere()
    {
        QTemporaryDir dir;
        writeFile(dir.path() + QStringLiteral("/pyproject.toml"), "[project]\nname = \"x\"\n[tool.maturin\n");
        const PyprojectBuildSettings s = PyprojectBuildSettings::read(dir.path());
        QVERIFY(!s.found);
        QVERIFY2(s.error.contains(QStringLiteral("pyproject.toml:3:")), qPrintable(s.error));
    }

    void requiresPython_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<int>>("minors"); // allowed of 3.8 .. 3.14
        QTest::addColumn<int>("minimum");      // -1: none
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QString() << QList<int>{8, 9, 10, 11, 12, 13, 14} << -1 << true;
        QTest::newRow(">=3.9") << QStringLiteral(">=3.9") << QList<int>{9, 10, 11, 12, 13, 14} << 9 << true;
        QTest::newRow("range") << QStringLiteral(">=3.10, <3.13") << QList<int>{10, 11, 12} << 10 << true;
        QTest::newRow(">3.9") << QStringLiteral(">3.9") << QList<int>{9, 10, 11, 12, 13, 14} << 9 << true; // 3.9.1 > 3.9
        QTest::newRow("<3.12 only") << QStringLiteral("<3.12") << QList<int>{8, 9, 10, 11} << -1 << true;
        QTest::newRow("exclude") << QStringLiteral(">=3.8,!=3.10.*") << QList<int>{8, 9, 11, 12, 13, 14} << 8 << true;
        QTest::newRow("compatible") << QStringLiteral("~=3.11") << QList<int>{11, 12, 13, 14} << 11 << true;
        QTest::newRow("compatible patch") << QStringLiteral("~=3.11.2") << QList<int>{11} << 11 << true;
        QTest::newRow("wildcard") << QStringLiteral("==3.12.*") << QList<int>{12} << 12 << true;
        QTest::newRow("pre-release") << QStringLiteral(">=3.13.0rc1") << QList<int>{13, 14} << 13 << true;
        QTest::newRow("nothing") << QStringLiteral(">=3.15") << QList<int>{} << 15 << true;
        QTest::newRow("garbage") << QStringLiteral(">= three") << QList<int>{8, 9, 10, 11, 12, 13, 14} << -1 << false;
        QTest::newRow("empty clause") << QStringLiteral(">=3.9,,<4") << QList<int>{8, 9, 10, 11, 12, 13, 14} << -1 << false;
    }
    void requiresPython()
    {
        QFETCH(QString, spec);
        QFETCH(QList<int>, minors);
        QFETCH(int, minimum);
        QFETCH(bool, valid);
        const RequiresPython r(spec);
        QCOMPARE(r.isValid(), valid);
        QCOMPARE(r.allowedMinors(CiWorkflow::FirstMinor, CiWorkflow::LastMinor), minors);
        QCOMPARE(r.minimumMinor().value_or(-1), minimum);
    }

    // The workflow has maturin 1.14's shape: one job per platform with its runners and targets, the
    // action versions it uses, setup-python from requires-python, an sdist job and a release on tags.
    void ciWorkflow_data()
    {
        QTest::addColumn<QString>("requiresPython");
        QTest::addColumn<bool>("abi3");
        QTest::addColumn<QString>("pythonVersion");  // setup-python on Linux and macOS
        QTest::addColumn<QString>("windowsVersion"); // setup-python on Windows
        QTest::addColumn<QString>("versionsLine");   // what the header says about Python versions
        QTest::addColumn<bool>("freeThreaded");
        QTest::newRow("example") << QStringLiteral(">=3.9") << false << QStringLiteral("3.9") << QStringLiteral("3.13")
                                 << QStringLiteral("CPython 3.9, 3.10, 3.11, 3.12, 3.13, 3.14;") << false;
        QTest::newRow("no requires-python") << QString() << false << QStringLiteral("3.x") << QStringLiteral("3.13")
                                            << QStringLiteral("CPython 3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14;") << false;
        QTest::newRow("new") << QStringLiteral(">=3.13") << false << QStringLiteral("3.13") << QStringLiteral("3.13")
                             << QStringLiteral("CPython 3.13, 3.14;") << false;
        QTest::newRow("range") << QStringLiteral(">=3.10,<3.13") << false << QStringLiteral("3.10") << QStringLiteral("3.13")
                               << QStringLiteral("CPython 3.10, 3.11, 3.12;") << false;
        QTest::newRow("abi3") << QStringLiteral(">=3.9") << true << QStringLiteral("3.9") << QStringLiteral("3.13")
                              << QStringLiteral("abi3: one wheel per platform for CPython 3.9 and newer") << true;
        QTest::newRow("abi3 below 3.14") << QStringLiteral(">=3.9,<3.14") << true << QStringLiteral("3.9") << QStringLiteral("3.13")
                                         << QStringLiteral("abi3: one wheel per platform for CPython 3.9 and newer") << false;
        QTest::newRow("future") << QStringLiteral(">=3.15") << false << QStringLiteral("3.15") << QStringLiteral("3.15")
                                << QStringLiteral("allows none of CPython 3.8 to 3.14") << false;
    }
    void ciWorkflow()
    {
        QFETCH(QString, requiresPython);
        QFETCH(bool, abi3);
        QFETCH(QString, pythonVersion);
        QFETCH(QString, windowsVersion);
        QFETCH(QString, versionsLine);
        QFETCH(bool, freeThreaded);
        CiWorkflowOptions o = CiWorkflowOptions::fromSettings(PyprojectBuildSettings::read(test::exampleProject()));
        QCOMPARE(o.projectName, QStringLiteral("hello-pyo3"));
        QVERIFY(o.sdist);
        o.requiresPython = requiresPython;
        o.abi3 = abi3;
        const QString yaml = CiWorkflow::generate(o);
        const QStringList lines = yaml.split(u'\n');

        // Well-formed enough for YAML: spaces only, even indentation, no trailing blanks.
        for (const QString &line : lines) {
            QVERIFY2(!line.contains(u'\t') && !line.endsWith(u' '), qPrintable(line));
            const qsizetype indent = line.size() - QStringView(line).trimmed().size();
            QVERIFY2(line.isEmpty() || indent % 2 == 0, qPrintable(line));
        }
        QVERIFY(yaml.contains(versionsLine));

        // jobs, the runners and targets of each, in maturin's order
        auto jobOf = [&lines](const QString &job) {
            QStringList out;
            const qsizetype start = lines.indexOf(QStringLiteral("  %1:").arg(job));
            for (qsizetype i = start + 1; start >= 0 && i < lines.size() && !(lines[i].startsWith(QLatin1String("  ")) && lines[i].at(2) != u' '); ++i)
                out << lines[i];
            return out;
        };
        auto matrix = [&jobOf](const QString &job) {
            QStringList out;
            QString runner;
            for (const QString &l : jobOf(job)) {
                const QString t = l.trimmed();
                if (t.startsWith(QLatin1String("- runner: ")))
                    runner = t.mid(10);
                else if (l.startsWith(QLatin1String("            target: ")) && !runner.isEmpty()) // in the matrix
                    out << runner + u'/' + t.mid(8);
            }
            return out;
        };
        QCOMPARE(matrix(QStringLiteral("linux")),
                 QStringList({QStringLiteral("ubuntu-22.04/x86_64"), QStringLiteral("ubuntu-22.04/x86"), QStringLiteral("ubuntu-22.04/aarch64"),
                              QStringLiteral("ubuntu-22.04/armv7"), QStringLiteral("ubuntu-22.04/s390x"), QStringLiteral("ubuntu-22.04/ppc64le")}));
        QCOMPARE(matrix(QStringLiteral("musllinux")),
                 QStringList({QStringLiteral("ubuntu-22.04/x86_64"), QStringLiteral("ubuntu-22.04/x86"), QStringLiteral("ubuntu-22.04/aarch64"),
                              QStringLiteral("ubuntu-22.04/armv7")}));
        QCOMPARE(matrix(QStringLiteral("windows")),
                 QStringList({QStringLiteral("windows-latest/x64"), QStringLiteral("windows-latest/x86"), QStringLiteral("windows-11-arm/aarch64")}));
        QCOMPARE(matrix(QStringLiteral("macos")), QStringList({QStringLiteral("macos-15-intel/x86_64"), QStringLiteral("macos-latest/aarch64")}));
        QVERIFY(jobOf(QStringLiteral("windows")).contains(QStringLiteral("            python_arch: arm64")));
        QVERIFY(jobOf(QStringLiteral("linux")).contains(QStringLiteral("          manylinux: auto")));
        QVERIFY(jobOf(QStringLiteral("musllinux")).contains(QStringLiteral("          manylinux: musllinux_1_2")));
        for (const char *old : {"checkout@v4", "setup-python@v5", "upload-artifact@v4", "download-artifact@v4", "setup-uv@v6", "macos-13",
                                "macos-14", "attest-build-provenance"})
            QVERIFY2(!yaml.contains(QLatin1String(old)), old);

        const QString setup = QStringLiteral("          python-version: \"%1\"");
        for (const QString &job : {QStringLiteral("linux"), QStringLiteral("musllinux"), QStringLiteral("macos"), QStringLiteral("windows")}) {
            const QStringList body = jobOf(job);
            QVERIFY2(body.contains(QStringLiteral("      - uses: actions/checkout@v6")), qPrintable(job));
            QVERIFY2(body.contains(QStringLiteral("      - uses: actions/setup-python@v6")), qPrintable(job));
            QVERIFY2(body.contains(setup.arg(job == u"windows" ? windowsVersion : pythonVersion)), qPrintable(job));
            QVERIFY2(body.contains(QStringLiteral("        uses: actions/upload-artifact@v6")), qPrintable(job));
            QVERIFY2(body.contains(QStringLiteral("          name: wheels-%1-${{ matrix.platform.target }}").arg(job)), qPrintable(job));
            QCOMPARE(body.count(QStringLiteral("        uses: PyO3/maturin-action@v1")), freeThreaded ? 2 : 1);
            QCOMPARE(body.contains(QStringLiteral("          args: --release --out dist --find-interpreter")), !abi3);
            QCOMPARE(body.contains(QStringLiteral("          args: --release --out dist")), abi3);
            QCOMPARE(body.contains(QStringLiteral("          args: --release --out dist -i python3.14t")), freeThreaded);
            // free-threaded Python comes from setup-python on Windows and macOS, from the images on Linux
            QCOMPARE(body.contains(setup.arg(QStringLiteral("3.14t"))), freeThreaded && (job == u"windows" || job == u"macos"));
        }

        const QStringList sdist = jobOf(QStringLiteral("sdist"));
        QVERIFY(sdist.contains(QStringLiteral("          command: sdist")));
        QVERIFY(sdist.contains(QStringLiteral("          name: wheels-sdist")));
        const QStringList release = jobOf(QStringLiteral("release"));
        QVERIFY(release.contains(QStringLiteral("    if: ${{ startsWith(github.ref, 'refs/tags/') || github.event_name == 'workflow_dispatch' }}")));
        QVERIFY(release.contains(QStringLiteral("    needs: [linux, musllinux, windows, macos, sdist]")));
        QVERIFY(release.contains(QStringLiteral("      - uses: actions/download-artifact@v7")));
        QVERIFY(release.contains(QStringLiteral("        uses: actions/attest@v4")));
        QVERIFY(release.contains(QStringLiteral("        uses: astral-sh/setup-uv@v7")));
        QVERIFY(release.contains(QStringLiteral("        run: uv publish 'wheels-*/*'")));
        QVERIFY(yaml.contains(QStringLiteral("\non:\n  push:\n    branches:\n      - main\n      - master\n    tags:\n      - '*'\n")));
        QVERIFY(!yaml.contains(QLatin1String("pytest")));
    }

    void ciWorkflowOptions()
    {
        CiWorkflowOptions o = CiWorkflowOptions::fromSettings(PyprojectBuildSettings::read(test::exampleProject()));
        o.pytest = true;
        o.requiresPython = QStringLiteral(">=3.13");
        const QString yaml = CiWorkflow::generate(o);
        QVERIFY(yaml.contains(QLatin1String("uv pip install hello-pyo3 --no-index --no-deps --find-links dist --reinstall")));
        QVERIFY(yaml.contains(QLatin1String("uses: uraimo/run-on-arch-action@v3")));
        QVERIFY(yaml.contains(QLatin1String("source .venv/Scripts/activate")));
        QVERIFY(yaml.contains(QLatin1String("alpine:latest")));
        // Ubuntu 24.04 under QEMU has Python 3.12: newer minimums come from deadsnakes
        QVERIFY(yaml.contains(QLatin1String("apt-get install -y --no-install-recommends python3.13 python3.13-venv")));
        QVERIFY(yaml.contains(QLatin1String("python3.13 -m venv .venv")));
        o.requiresPython = QStringLiteral(">=3.9");
        QVERIFY(CiWorkflow::generate(o).contains(QLatin1String("apt-get install -y --no-install-recommends python3 python3-venv")));

        o.pytest = false;
        o.sdist = false;
        const QString noSdist = CiWorkflow::generate(o);
        QVERIFY(!noSdist.contains(QLatin1String("  sdist:")));
        QVERIFY(noSdist.contains(QLatin1String("needs: [linux, musllinux, windows, macos]\n")));
        o.bin = true;
        QVERIFY(!CiWorkflow::generate(o).contains(QLatin1String("--find-interpreter")));
        o.name = QStringLiteral("Release wheels");
        QVERIFY(CiWorkflow::generate(o).contains(QLatin1String("\nname: Release wheels\n")));
    }

    void ciWorkflowFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("file");
        QTest::newRow("plain") << QStringLiteral("CI") << QStringLiteral("ci.yml");
        QTest::newRow("spaces") << QStringLiteral("Release Wheels") << QStringLiteral("release-wheels.yml");
        QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("ci.yml");
        QTest::newRow("no way out") << QStringLiteral("../../etc/x") << QStringLiteral("etc-x.yml");
        QTest::newRow("hidden") << QStringLiteral(".hidden") << QStringLiteral("hidden.yml");
        QTest::newRow("slashes") << QStringLiteral("a/b\\c") << QStringLiteral("a-b-c.yml");
    }
    void ciWorkflowFile()
    {
        QFETCH(QString, name);
        QFETCH(QString, file);
        QTemporaryDir dir;
        QCOMPARE(CiWorkflow::path(dir.path(), name), dir.path() + QStringLiteral("/.github/workflows/") + file);
    }

    void ciWorkflowNeverReplacesSilently()
    {
        QTemporaryDir dir;
        const QString yaml = CiWorkflow::generate(CiWorkflowOptions{});
        const QString file = CiWorkflow::path(dir.path(), QStringLiteral("Release Wheels"));
        QString error;
        QVERIFY(CiWorkflow::write(file, yaml, false, &error));
        QVERIFY(!CiWorkflow::write(file, QStringLiteral("other"), false, &error));
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), yaml); // not replaced
        f.close();
        QVERIFY(CiWorkflow::write(file, QStringLiteral("other"), true, &error));
        QFile again(file);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray("other"));
    }

    // Existing workflows that build with maturin-action are found whatever their file name.
    void findsExistingMaturinWorkflows_data()
    {
        QTest::addColumn<QStringList>("files");   // name=content
        QTest::addColumn<QStringList>("found");
        QTest::addColumn<QString>("name");        // of the first found
        const QString maturin = QStringLiteral("name: CI\non: [push]\njobs:\n  linux:\n    steps:\n      - uses: PyO3/maturin-action@v1\n");
        QTest::newRow("none") << QStringList{} << QStringList{} << QString();
        QTest::newRow("CI.yml") << QStringList{QStringLiteral("CI.yml=") + maturin} << QStringList{QStringLiteral("CI.yml")} << QStringLiteral("CI");
        QTest::newRow("other name, yaml, quoted") << QStringList{QStringLiteral("release.yaml=name: \"Release\"\n  - uses: PyO3/maturin-action@v1\n"),
                                                                   QStringLiteral("lint.yml=name: Lint\n  - uses: actions/checkout@v6\n")}
                                                  << QStringList{QStringLiteral("release.yaml")} << QStringLiteral("Release");
        QTest::newRow("not a workflow file") << QStringList{QStringLiteral("notes.txt=PyO3/maturin-action")} << QStringList{} << QString();
    }
    void findsExistingMaturinWorkflows()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, found);
        QFETCH(QString, name);
        QTemporaryDir dir;
        for (const QString &f : files)
            writeFile(dir.path() + QStringLiteral("/.github/workflows/") + f.section(u'=', 0, 0), f.section(u'=', 1).toUtf8());
        QStringList names;
        for (const QString &path : CiWorkflow::maturinWorkflows(dir.path()))
            names << QFileInfo(path).fileName();
        QCOMPARE(names, found);
        if (!found.isEmpty())
            QCOMPARE(CiWorkflow::workflowName(CiWorkflow::maturinWorkflows(dir.path()).first()), name);
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
        QCOMPARE(h.records(dir.path())[0].kind, QStringLiteral("build")); // written without a kind: a build

        // Each step keeps what it was, and a test run its counts.
        BuildRecord test;
        test.kind = QStringLiteral("test");
        test.outcome = QStringLiteral("failed");
        test.command = QStringLiteral(".venv/bin/python -m pytest");
        test.testsPassed = 3;
        test.testsFailed = 1;
        QVERIFY(h.add(dir.path(), test));
        const BuildRecord back = h.records(dir.path()).first();
        QCOMPARE(back.kind, QStringLiteral("test"));
        QCOMPARE(back.testsPassed, 3);
        QCOMPARE(back.testsFailed, 1);
        QCOMPARE(h.records(dir.path()).at(1).testsPassed, -1);
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
