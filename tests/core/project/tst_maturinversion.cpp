// Which maturin version a check judges keys against: found like the build finds maturin, but nothing
// inside the project is started (a maturin in its venv is known by its dist-info folder).
#include "core/build/ToolDiscovery.h"
#include "core/project/MaturinVersion.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {
bool write(const QString &path, const QByteArray &bytes, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return !executable || f.setPermissions(f.permissions() | QFile::ExeOwner | QFile::ExeUser);
}

// A program that leaves a mark when it runs, and prints `output`.
bool script(const QString &path, const QString &mark, const QByteArray &output)
{
    return write(path, "#!/bin/sh\npwd > '" + mark.toUtf8() + "'\necho '" + output + "'\n", true);
}

// A venv with maturin `version` installed (dist-info folder), whose programs leave `mark` when run.
bool makeVenv(const QString &venv, const QString &version, const QString &mark, bool withMaturinProgram = true)
{
    bool ok = write(venv + QStringLiteral("/pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\n")
        && script(venv + QStringLiteral("/bin/python"), mark, "Python 3.13.5");
    if (withMaturinProgram)
        ok = ok && script(venv + QStringLiteral("/bin/maturin"), mark, "maturin 9.9.9");
    if (!version.isEmpty())
        ok = ok && write(venv + QStringLiteral("/lib/python3.13/site-packages/maturin-%1.dist-info/METADATA").arg(version),
                         "Metadata-Version: 2.4\nName: maturin\nVersion: " + version.toUtf8() + "\n\nBuild and publish crates\n");
    return ok;
}

QProcessEnvironment envWith(const QString &path, const QString &virtualEnv = {})
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), path);
    env.insert(QStringLiteral("HOME"), QDir::tempPath());
    if (!virtualEnv.isEmpty())
        env.insert(QStringLiteral("VIRTUAL_ENV"), virtualEnv);
    return env;
}
} // namespace

class TestMaturinVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectVenvIsReadNotRun()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY(makeVenv(project + QStringLiteral("/.venv"), QStringLiteral("1.8.3"), mark));
        const MaturinVersion m = MaturinVersion::detect(project, envWith(empty));
        QVERIFY(m.isKnown());
        QCOMPARE(m.text, QStringLiteral("1.8.3"));
        QCOMPARE(m.from, QStringLiteral("project .venv"));
        QCOMPARE(m.readBy, QStringLiteral("dist-info"));
        QVERIFY2(m.describe().contains(QLatin1String("not run")), qPrintable(m.describe()));
        QVERIFY2(!QFile::exists(mark), "a program of the project was started");
    }

    // An activated venv inside the project ($VIRTUAL_ENV and PATH point into it) is not run either.
    void activatedVenvInsideTheProject()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QString venv = project + QStringLiteral("/env");
        QVERIFY(makeVenv(venv, QStringLiteral("1.12.6"), mark));
        const MaturinVersion viaVirtualEnv = MaturinVersion::detect(project, envWith(venv + QStringLiteral("/bin"), venv));
        QCOMPARE(viaVirtualEnv.text, QStringLiteral("1.12.6"));
        QCOMPARE(viaVirtualEnv.from, QStringLiteral("VIRTUAL_ENV"));
        const MaturinVersion viaPath = MaturinVersion::detect(project, envWith(venv + QStringLiteral("/bin")));
        QCOMPARE(viaPath.text, QStringLiteral("1.12.6"));
        QCOMPARE(viaPath.from, QStringLiteral("PATH"));
        QCOMPARE(viaPath.readBy, QStringLiteral("dist-info"));
        // Through a link to the project too.
        const QString link = tmp.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(project, link));
        const MaturinVersion viaLink = MaturinVersion::detect(link, envWith(venv + QStringLiteral("/bin")));
        QCOMPARE(viaLink.readBy, QStringLiteral("dist-info"));
        QVERIFY2(!QFile::exists(mark), "a program of the project was started");
    }

    // Only python inside the venv (maturin as a module): still read from the files.
    void projectPythonModuleIsReadNotRun()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY(makeVenv(project + QStringLiteral("/.venv"), QStringLiteral("1.9.6"), mark, false));
        const MaturinVersion m = MaturinVersion::detect(project, envWith(empty));
        QCOMPARE(m.text, QStringLiteral("1.9.6"));
        QCOMPARE(m.from, QStringLiteral("python -m maturin"));
        QVERIFY(!QFile::exists(mark));
    }

    // Outside the project: asked for its version, from a folder that is not the project.
    void maturinOnPathIsAsked()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(project));
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        QVERIFY(script(bin + QStringLiteral("/maturin"), mark, "maturin 1.11.0"));
        const MaturinVersion m = MaturinVersion::detect(project, envWith(bin));
        QCOMPARE(m.text, QStringLiteral("1.11.0"));
        QCOMPARE(m.from, QStringLiteral("PATH"));
        QCOMPARE(m.readBy, QStringLiteral("--version"));
        QCOMPARE(m.program, bin + QStringLiteral("/maturin"));
        QVERIFY(QFile::exists(mark));
        QFile f(mark);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().trimmed().startsWith(project.toUtf8()), "maturin ran inside the project folder");
    }

    // A Python outside the project answers `-m maturin --version` (not from the project folder, where
    // a maturin/ package of the project would be imported first).
    void pythonModuleOutsideIsAsked()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        QVERIFY(QDir().mkpath(project));
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        QVERIFY(write(bin + QStringLiteral("/python3"),
                      "#!/bin/sh\npwd > '" + mark.toUtf8() + "'\n[ \"$1 $2 $3\" = \"-m maturin --version\" ] && echo 'maturin 1.10.2'\n", true));
        const MaturinVersion m = MaturinVersion::detect(project, envWith(bin));
        QCOMPARE(m.text, QStringLiteral("1.10.2"));
        QCOMPARE(m.from, QStringLiteral("python3 -m maturin"));
        QFile f(mark);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed(), QDir::rootPath().toUtf8());
    }

    // The project's venv comes first, as for the build; a venv maturin without dist-info is still the one
    // the build uses, so its version is unknown (nothing falls back to another maturin).
    void orderAndFallbacks()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        const QString outsideMark = tmp.filePath(QStringLiteral("outside-ran"));
        QVERIFY(script(bin + QStringLiteral("/maturin"), outsideMark, "maturin 1.14.1"));
        QVERIFY(makeVenv(project + QStringLiteral("/.venv"), QStringLiteral("1.8.3"), mark));
        QCOMPARE(MaturinVersion::detect(project, envWith(bin)).text, QStringLiteral("1.8.3"));
        QVERIFY(!QFile::exists(outsideMark));
        QVERIFY(QDir(project + QStringLiteral("/.venv/lib")).removeRecursively());
        const MaturinVersion m = MaturinVersion::detect(project, envWith(bin));
        QVERIFY(!m.isKnown());
        QCOMPARE(m.from, QStringLiteral("project .venv"));
        QVERIFY2(m.describe().startsWith(QLatin1String("a maturin of unknown version")), qPrintable(m.describe()));
        QVERIFY(!QFile::exists(mark));
        QVERIFY(!QFile::exists(outsideMark));
        // Without a maturin program in the venv, its python's maturin module needs a dist-info too.
        QVERIFY(QFile::remove(project + QStringLiteral("/.venv/bin/maturin")));
        const MaturinVersion fallback = MaturinVersion::detect(project, envWith(bin));
        QCOMPARE(fallback.text, QStringLiteral("1.14.1"));
        QCOMPARE(fallback.from, QStringLiteral("PATH"));
        QVERIFY(!QFile::exists(mark));
    }

    // The build's own discovery (ToolDiscovery::discover, which the Build view runs when a project opens)
    // starts nothing inside the project either.
    void discoverRunsNothingFromTheProject()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString mark = tmp.filePath(QStringLiteral("ran"));
        const QString venv = project + QStringLiteral("/.venv");
        QVERIFY(makeVenv(venv, QStringLiteral("1.8.3"), mark));
        QVERIFY(write(venv + QStringLiteral("/pyvenv.cfg"), "home = /usr/bin\nversion_info = 3.13.5\n"));
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        ToolReport report = ToolDiscovery::discover(project, envWith(empty));
        QCOMPARE(report.maturin.version, QStringLiteral("1.8.3"));
        QCOMPARE(report.maturin.origin, QStringLiteral("project .venv"));
        QVERIFY(report.maturin.versionFromFiles);
        QVERIFY(!report.pythons.isEmpty());
        QCOMPARE(report.pythons.first().origin, QStringLiteral("project .venv"));
        QCOMPARE(report.pythons.first().version, QStringLiteral("3.13.5"));
        QVERIFY2(!QFile::exists(mark), "discover started a program of the project");
        // A venv python that links to an interpreter outside: that interpreter is asked, outside the venv.
        const QString outsideMark = tmp.filePath(QStringLiteral("outside-ran"));
        const QString interpreter = tmp.filePath(QStringLiteral("interp/python3.12"));
        QVERIFY(script(interpreter, outsideMark, "Python 3.12.1"));
        QVERIFY(QFile::remove(venv + QStringLiteral("/bin/python")));
        QVERIFY(QFile::link(interpreter, venv + QStringLiteral("/bin/python")));
        report = ToolDiscovery::discover(project, envWith(empty));
        QCOMPARE(report.pythons.first().version, QStringLiteral("3.12.1"));
        QVERIFY(QFile::exists(outsideMark));
        QVERIFY(!QFile::exists(mark));
    }

    void noneFound()
    {
        QTemporaryDir tmp;
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const MaturinVersion m = MaturinVersion::detect(tmp.path(), envWith(empty));
        QVERIFY(!m.isKnown());
        QCOMPARE(m.describe(), QStringLiteral("no maturin found"));
        QVERIFY(!ToolDiscovery::findMaturinWithoutRunningProject(tmp.path(), envWith(empty)).found());
    }

    void given()
    {
        QCOMPARE(MaturinVersion::given(QStringLiteral("1.13.0")).version, QVersionNumber(1, 13, 0));
        QVERIFY(!MaturinVersion::given(QStringLiteral("x")).isKnown());
        QCOMPARE(MaturinVersion::given(QStringLiteral("1.13.0")).describe(), QStringLiteral("maturin 1.13.0 (given with --maturin-version)"));
    }

    void installedVersion_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("expected");
        QTest::newRow("posix") << QStringList{QStringLiteral("lib/python3.13/site-packages/maturin-1.8.3.dist-info/RECORD")} << "1.8.3";
        QTest::newRow("windows") << QStringList{QStringLiteral("Lib/site-packages/maturin-1.12.0.dist-info/RECORD")} << "1.12.0";
        QTest::newRow("pypy") << QStringList{QStringLiteral("lib/pypy3.10/site-packages/maturin-1.7.4.dist-info/RECORD")} << "1.7.4";
        QTest::newRow("other packages only")
            << QStringList{QStringLiteral("lib/python3.13/site-packages/maturin_import_hook-0.3.0.dist-info/RECORD"),
                           QStringLiteral("lib/python3.13/site-packages/pip-25.1.dist-info/RECORD")}
            << "";
        QTest::newRow("stale folder: the highest")
            << QStringList{QStringLiteral("lib/python3.13/site-packages/maturin-1.9.0.dist-info/RECORD"),
                           QStringLiteral("lib/python3.13/site-packages/maturin-1.10.1.dist-info/RECORD")}
            << "1.10.1";
        QTest::newRow("name without version: METADATA")
            << QStringList{QStringLiteral("lib/python3.13/site-packages/Maturin.dist-info/METADATA=Metadata-Version: 2.1\nName: maturin\nVersion: 1.13.1\n\nx")}
            << "1.13.1";
        QTest::newRow("nothing installed") << QStringList{} << "";
    }
    void installedVersion()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, expected);
        QTemporaryDir venv;
        for (const QString &f : files) {
            const QString path = f.section(u'=', 0, 0);
            QVERIFY(write(venv.filePath(path), f.section(u'=', 1).toUtf8()));
        }
        QCOMPARE(ToolDiscovery::installedVersion(venv.path(), QStringLiteral("maturin")), expected);
    }
};

QTEST_GUILESS_MAIN(TestMaturinVersion)
#include "tst_maturinversion.moc"
