// Every project of maturin's own test suite (maturin's repository, test-crates/), read in place: `check`
// finds no error in any crate maturin builds, and names the one maturin refuses (and the file a crate's copy
// here lacks). Crates without a
// pyproject.toml (maturin builds them from Cargo.toml alone) get a warning with a fix that creates one;
// Cargo workspace roots open their Python member.
#include "core/project/CargoOnlyProject.h"
#include "core/project/Project.h"
#include "core/project/ProjectValidator.h"
#include "core/project/SettingsEditor.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {

QString crates()
{
    return wb::test::corpusDir() + QStringLiteral("/maturin/test-crates");
}

// Crates maturin itself refuses, with the reason (maturin's tests expect the refusal).
const QHash<QString, QString> &refused()
{
    static const QHash<QString, QString> r = {
        {QStringLiteral("wrong-python-source"),
         QStringLiteral("python-source = \"python\" holds run_this/, not the crate's package wrong_python_source/: maturin "
                        "stops with \"python-source is set to …\" (its test wrong_python_source expects that)")},
        {QStringLiteral("pyo3-no-extension-module"),
         QStringLiteral("pyo3 0.25 without the extension-module feature links libpython: maturin's audit refuses the wheel "
                        "(the crate's own description: \"thus erroneously linking libpython\")")},
    };
    return r;
}

// Crates whose copy in the corpus lacks a file they name outside their own folder (in maturin's repository
// the file is there): check names exactly that, as maturin would stop on this copy.
const QHash<QString, QString> &incompleteCopies()
{
    static const QHash<QString, QString> r = {
        {QStringLiteral("hello-world"), QStringLiteral("cargo.readme-missing")}, // readme = "../../README.md": maturin's own README
    };
    return r;
}

QString summary(const QList<SettingsDiagnostic> &diags)
{
    QStringList lines;
    for (const SettingsDiagnostic &d : diags)
        lines << QStringLiteral("%1:%2: %3: %4 [%5]").arg(QFileInfo(d.file).fileName()).arg(d.line).arg(settingsSeverityName(d.severity), d.message, d.id);
    return lines.join(u'\n');
}

ProjectOptions options()
{
    ProjectOptions o;
    o.maturinVersion = QVersionNumber(1, 14, 1); // the maturin whose test suite these crates are
    o.maturinFrom = QStringLiteral("the test");
    return o;
}

// The diagnostics of a folder as `check` gives them: a workspace root's Python members each.
QList<SettingsDiagnostic> checkFolder(const QString &dir, QStringList *checked)
{
    const Project project = Project::load(dir, options());
    if (!project.isUsable())
        return {};
    if (!project.needsMember()) {
        *checked << (project.member.isEmpty() ? QStringLiteral(".") : project.member);
        return ProjectValidator::validate(project);
    }
    QList<SettingsDiagnostic> all;
    for (const WorkspaceMember &m : project.pythonMembers) {
        ProjectOptions o = options();
        o.member = m.name;
        *checked << m.name;
        all << ProjectValidator::validate(Project::load(dir, o));
    }
    return all;
}

} // namespace

class TestCrates : public QObject
{
    Q_OBJECT
private slots:
    void everyCrate_data();
    void everyCrate();
    void cargoOnlyFixCreatesPyproject();
    void workspaceRootOpensItsMember();
    void workspaceWithSeveralMembers();
    void wrongPythonSourceAtTheKey();
};

void TestCrates::everyCrate_data()
{
    QTest::addColumn<QString>("dir");
    WB_REQUIRE_CORPUS();
    if (!QFileInfo(crates()).isDir())
        QSKIP("maturin's test-crates are not in the corpus");
    // Each crate folder, and each folder below one that holds its own pyproject.toml (a crate maturin is
    // pointed at directly, e.g. external-python-source/crate, parent_workspace_sdist/crates/pysof).
    const QStringList tops = QDir(crates()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QStringList rows = tops;
    QDirIterator it(crates(), {QStringLiteral("pyproject.toml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(crates()).relativeFilePath(QFileInfo(it.next()).absolutePath());
        if (rel.contains(u'/') && !rel.contains(QLatin1String("/target/")))
            rows << rel;
    }
    rows.removeDuplicates();
    QVERIFY2(tops.size() >= 50, qPrintable(QStringLiteral("only %1 crates").arg(tops.size())));
    for (const QString &r : rows)
        QTest::newRow(qPrintable(r)) << r;
}

void TestCrates::everyCrate()
{
    QFETCH(QString, dir);
    const QString path = crates() + u'/' + dir;
    const Project project = Project::load(path, options());
    if (!project.isUsable()) {
        // Only a folder holding neither file (the crate is below it) may be unusable.
        QVERIFY2(!QFileInfo::exists(path + QStringLiteral("/Cargo.toml")) && !QFileInfo::exists(path + QStringLiteral("/pyproject.toml")),
                 qPrintable(project.readError));
        return;
    }
    QStringList checked;
    const QList<SettingsDiagnostic> diags = checkFolder(path, &checked);
    QVERIFY2(!checked.isEmpty(), "nothing was checked");
    const int errors = ProjectValidator::count(diags, SettingsSeverity::Error);
    if (refused().contains(dir)) {
        QVERIFY2(errors > 0, qPrintable(QStringLiteral("maturin refuses it (%1), check found no error").arg(refused().value(dir))));
        return;
    }
    if (incompleteCopies().contains(dir)) {
        for (const SettingsDiagnostic &d : diags)
            QVERIFY2(d.severity != SettingsSeverity::Error || d.id == incompleteCopies().value(dir), qPrintable(summary(diags)));
        QVERIFY2(errors == 1, qPrintable(summary(diags)));
        return;
    }
    QVERIFY2(errors == 0, qPrintable(QStringLiteral("checked %1:\n%2").arg(checked.join(u','), summary(diags))));
    if (!project.hasPyproject && project.member.isEmpty() && !project.needsMember()) {
        bool warned = false;
        for (const SettingsDiagnostic &d : diags)
            warned |= d.id == QLatin1String("project.no-pyproject") && d.severity == SettingsSeverity::Warning && !d.fix.isEmpty();
        QVERIFY2(warned, qPrintable(summary(diags)));
    }
}

void TestCrates::cargoOnlyFixCreatesPyproject()
{
    WB_REQUIRE_CORPUS();
    QTemporaryDir tmp;
    QVERIFY(wb::test::copyTree(crates() + QStringLiteral("/pyo3-abi3-without-version"), tmp.path()));
    const Project before = Project::load(tmp.path(), options());
    QVERIFY(before.isUsable());
    QVERIFY(!before.hasPyproject);
    const QList<SettingsDiagnostic> diags = ProjectValidator::validate(before);
    auto it = std::find_if(diags.cbegin(), diags.cend(), [](const SettingsDiagnostic &d) { return d.id == QLatin1String("project.no-pyproject"); });
    QVERIFY(it != diags.cend());
    QCOMPARE(it->severity, SettingsSeverity::Warning);
    QCOMPARE(it->file, tmp.path() + QStringLiteral("/pyproject.toml"));
    // Apply the fix as the Project view and `config set` do: edits on an empty document.
    QByteArray bytes;
    for (const SettingsEdit &e : it->fix) {
        QCOMPARE(e.file, ProjectFileKind::Pyproject);
        const TomlEditResult r = applySettingsEdit(TomlDocument::parse(bytes, it->file), e);
        QVERIFY2(r.ok, qPrintable(r.message));
        bytes = r.bytes;
    }
    QVERIFY(bytes.contains("build-backend = \"maturin\""));
    QVERIFY(bytes.contains("maturin>=1.14,<2.0"));
    QVERIFY(bytes.contains("name = \"pyo3-abi3-without-version\""));
    QFile f(it->file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const Project after = Project::load(tmp.path(), options());
    QVERIFY(after.hasPyproject);
    const QList<SettingsDiagnostic> again = ProjectValidator::validate(after);
    QCOMPARE(ProjectValidator::count(again, SettingsSeverity::Error), 0);
    for (const SettingsDiagnostic &d : again)
        QVERIFY2(d.id != QLatin1String("project.no-pyproject") && d.id != QLatin1String("build-system.missing"), qPrintable(summary(again)));
}

void TestCrates::workspaceRootOpensItsMember()
{
    WB_REQUIRE_CORPUS();
    const Project p = Project::load(crates() + QStringLiteral("/workspace"), options());
    QVERIFY2(p.isUsable(), qPrintable(p.readError));
    QCOMPARE(p.pythonMembers.size(), 1);
    QCOMPARE(p.pythonMembers.first().relativeDir, QStringLiteral("py"));
    QCOMPARE(p.pythonMembers.first().relativeManifest(), QStringLiteral("py/Cargo.toml"));
    QCOMPARE(p.member, p.pythonMembers.first().name);
    QVERIFY(p.hasPyproject);
    QCOMPARE(p.pyprojectPath, crates() + QStringLiteral("/workspace/py/pyproject.toml"));
    QCOMPARE(p.workspaceDir, QDir(crates() + QStringLiteral("/workspace")).absolutePath());
    for (const SettingsDiagnostic &d : ProjectValidator::validate(p))
        QVERIFY2(d.id != QLatin1String("project.no-pyproject"), qPrintable(d.message));
    // A workspace whose only Python member is found by its cdylib + pyo3, not a pyproject.toml.
    const Project abi3 = Project::load(crates() + QStringLiteral("/pyo3-workspace-abi3-feature"), options());
    QCOMPARE(abi3.pythonMembers.size(), 1);
    QCOMPARE(abi3.pythonMembers.first().why, QStringLiteral("cdylib with pyo3"));
    QCOMPARE(abi3.pythonMembers.first().relativeDir, QStringLiteral("extension"));
    // exclude = [...] is honoured: parent_workspace_sdist's only member is a plain library.
    const Project excluded = Project::load(crates() + QStringLiteral("/parent_workspace_sdist"), options());
    QVERIFY(excluded.pythonMembers.isEmpty());
}

void TestCrates::workspaceWithSeveralMembers()
{
    WB_REQUIRE_CORPUS();
    // bin-workspace-pyo3-feature: two members, one a Python package (bin/ has a pyproject.toml), the other
    // a plain library crate.
    const Project bin = Project::load(crates() + QStringLiteral("/bin-workspace-pyo3-feature"), options());
    QVERIFY(bin.isUsable());
    QCOMPARE(bin.pythonMembers.size(), 1);
    QCOMPARE(bin.pythonMembers.first().relativeDir, QStringLiteral("bin"));
    // --member by folder or package name; an unknown one is refused, naming the members.
    ProjectOptions o = options();
    o.member = QStringLiteral("readme-py");
    const Project byFolder = Project::load(crates() + QStringLiteral("/readme-duplication"), o);
    QVERIFY2(byFolder.isUsable(), qPrintable(byFolder.readError));
    QCOMPARE(byFolder.chosenMember()->relativeManifest(), QStringLiteral("readme-py/Cargo.toml"));
    o.member = QStringLiteral("nope");
    const Project unknown = Project::load(crates() + QStringLiteral("/readme-duplication"), o);
    QVERIFY(!unknown.isUsable());
    QVERIFY2(unknown.readError.contains(QLatin1String("readme-py")), qPrintable(unknown.readError));
}

void TestCrates::wrongPythonSourceAtTheKey()
{
    WB_REQUIRE_CORPUS();
    const QList<SettingsDiagnostic> diags = ProjectValidator::validate(Project::load(crates() + QStringLiteral("/wrong-python-source"), options()));
    auto it = std::find_if(diags.cbegin(), diags.cend(), [](const SettingsDiagnostic &d) { return d.id == QLatin1String("layout.package-missing"); });
    QVERIFY2(it != diags.cend(), qPrintable(summary(diags)));
    QCOMPARE(it->severity, SettingsSeverity::Error);
    QCOMPARE(it->line, 3); // python-source = "python"
    QVERIFY2(it->message.contains(QLatin1String("python-source is set to `python`")), qPrintable(it->message));
    QVERIFY2(it->message.contains(QLatin1String("python/wrong_python_source")), qPrintable(it->message));
}

QTEST_GUILESS_MAIN(TestCrates)
#include "tst_testcrates.moc"
