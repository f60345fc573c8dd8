// `wheelbench new` and the New Project dialog's plan: the layout maturin recommends, never
// overwriting, names checked; then the real maturin builds the new project and Python imports it.
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include "core/project/Project.h"
#include "core/project/ProjectTemplate.h"
#include "core/project/ProjectValidator.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace Qt::StringLiterals;

namespace {
QStringList paths(const ProjectTemplate::Plan &p)
{
    QStringList out;
    for (const ProjectTemplate::File &f : p.files)
        out << f.relativePath;
    return out;
}

int runWheelbench(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(wb::test::executable(), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}
} // namespace

class TestProjectTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("distribution");
        QTest::addColumn<QString>("package");
        QTest::newRow("plain") << u"mytool"_s << u"mytool"_s << u"mytool"_s;
        QTest::newRow("dash") << u"my-tool"_s << u"my-tool"_s << u"my_tool"_s;
        QTest::newRow("spaces and case") << u"My Fast Tool"_s << u"my-fast-tool"_s << u"my_fast_tool"_s;
        QTest::newRow("dots") << u"my.tool_x"_s << u"my-tool-x"_s << u"my_tool_x"_s;
        QTest::newRow("digit first") << u"3d-tools"_s << u"3d-tools"_s << u""_s;
        QTest::newRow("nothing usable") << u"---"_s << u""_s << u""_s;
    }
    void names()
    {
        QFETCH(QString, given);
        QFETCH(QString, distribution);
        QFETCH(QString, package);
        QCOMPARE(ProjectTemplate::distributionNameFor(given), distribution);
        QCOMPARE(ProjectTemplate::importNameFor(distribution), package);
        QTemporaryDir tmp;
        const ProjectTemplate::Plan plan = ProjectTemplate::plan(tmp.filePath(QStringLiteral("x")), given);
        QCOMPARE(plan.error.isEmpty(), !package.isEmpty());
    }

    void layouts_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("mixed") << int(ProjectTemplate::Layout::Mixed)
                               << QStringList{u"Cargo.toml"_s, u"pyproject.toml"_s, u"src/lib.rs"_s, u"python/my_tool/__init__.py"_s,
                                              u"python/my_tool/_native.pyi"_s, u"python/my_tool/py.typed"_s, u"tests/test_my_tool.py"_s};
        QTest::newRow("pure") << int(ProjectTemplate::Layout::Pure) << QStringList{u"Cargo.toml"_s, u"pyproject.toml"_s, u"src/lib.rs"_s, u"tests/test_my_tool.py"_s};
    }
    void layouts()
    {
        QFETCH(int, layout);
        QFETCH(QStringList, files);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("my-tool"));
        const ProjectTemplate::Plan plan = ProjectTemplate::plan(dir, {}, ProjectTemplate::Layout(layout));
        QVERIFY(plan.isWritable());
        QCOMPARE(paths(plan), files);
        QString error;
        QVERIFY2(ProjectTemplate::write(plan, &error), qPrintable(error));
        // What Wheelbench's own checks say of it: no error, no warning.
        const Project project = Project::load(dir);
        QVERIFY(project.isUsable());
        for (const SettingsDiagnostic &d : ProjectValidator::validate(project))
            QVERIFY2(d.severity == SettingsSeverity::Info, qPrintable(d.id + QStringLiteral(": ") + d.message));
        // A second plan finds every file and would write nothing.
        const ProjectTemplate::Plan again = ProjectTemplate::plan(dir, {}, ProjectTemplate::Layout(layout));
        QCOMPARE(again.conflicts, files);
        QVERIFY(!ProjectTemplate::write(again, &error));
    }

    void neverOverwrites()
    {
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("Cargo.toml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine\n");
        f.close();
        QByteArray out;
        QCOMPARE(runWheelbench({QStringLiteral("new"), tmp.path(), QStringLiteral("--name"), QStringLiteral("x")}, &out), 1);
        QVERIFY2(out.contains("Cargo.toml") && out.contains("nothing was written"), out.constData());
        QCOMPARE(wb::test::readAll(f.fileName()), QByteArray("mine\n"));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("pyproject.toml"))));
        QCOMPARE(runWheelbench({QStringLiteral("new"), tmp.path(), QStringLiteral("--name"), QStringLiteral("9")}, &out), 2);
        QCOMPARE(runWheelbench({QStringLiteral("new")}, &out), 2);
    }

    // The new project is real: maturin builds it offline and Python imports the result.
    void buildsAndImports()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        const QString maturin = QStandardPaths::findExecutable(QStringLiteral("maturin"));
        if (python.isEmpty() || maturin.isEmpty())
            QSKIP("needs python3 and maturin");
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("fresh-tool"));
        QByteArray out;
        QCOMPARE(runWheelbench({QStringLiteral("new"), dir}, &out), 0);
        QVERIFY2(out.contains("fresh_tool"), out.constData());
        QCOMPARE(runWheelbench({QStringLiteral("check"), dir}, &out), 0);

        QProcess build;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CARGO_TARGET_DIR"), wb::test::binaryDir() + QStringLiteral("/cargo-target"));
        env.remove(QStringLiteral("VIRTUAL_ENV"));
        build.setProcessEnvironment(env);
        build.setWorkingDirectory(dir);
        build.setProcessChannelMode(QProcess::MergedChannels);
        build.start(maturin, {QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-o"), tmp.filePath(QStringLiteral("dist"))});
        QVERIFY(build.waitForFinished(900000));
        const QByteArray log = build.readAll();
        QVERIFY2(build.exitCode() == 0, log.right(3000).constData());
        QDirIterator wheels(tmp.filePath(QStringLiteral("dist")), {QStringLiteral("*.whl")});
        QVERIFY2(wheels.hasNext(), log.right(2000).constData());
        const QString wheel = wheels.next();
        // Import from the wheel's contents: the package and its _native extension.
        QProcess run;
        run.setProcessEnvironment(env);
        run.setProcessChannelMode(QProcess::MergedChannels);
        const QString site = tmp.filePath(QStringLiteral("site"));
        run.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2]); sys.path.insert(0, sys.argv[2]);"
                                          "import fresh_tool; print(fresh_tool.sum(2, 3), fresh_tool._native.__name__)"),
                           wheel, site});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(run.readAll()).trimmed(), QStringLiteral("5 fresh_tool._native"));
    }
};

QTEST_GUILESS_MAIN(TestProjectTemplate)
#include "tst_projecttemplate.moc"
