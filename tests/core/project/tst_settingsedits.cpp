// Edits of a project's two settings files applied all or nothing (what a fix with several edits needs),
// and whether a folder is a maturin project, on maturin's own test crates read in place.
#include "core/project/Project.h"
#include "core/project/SettingsEditor.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace wb;

namespace {

QString crate(const QString &name)
{
    return wb::test::corpusDir() + QStringLiteral("/maturin/test-crates/") + name;
}

SettingsEdit set(ProjectFileKind file, const QString &key, const QString &value)
{
    SettingsEdit e;
    e.file = file;
    e.op = SettingsEdit::Op::Set;
    e.key = key;
    e.value = value;
    return e;
}

} // namespace

class TestSettingsEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allOrNothing_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QList<SettingsEdit>>("edits");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("added");  // text each file gains (pyproject, Cargo), when ok
        const auto py = ProjectFileKind::Pyproject;
        const auto cargo = ProjectFileKind::Cargo;
        QTest::newRow("both files") << QStringLiteral("pyo3-mixed")
                                    << QList<SettingsEdit>{set(py, QStringLiteral("tool.maturin.strip"), QStringLiteral("true")),
                                                           set(cargo, QStringLiteral("profile.release.lto"), QStringLiteral("true"))}
                                    << true << QStringList{QStringLiteral("strip = true"), QStringLiteral("lto = true")};
        // The second edit is refused (a key path that does not parse): the first is not kept either.
        QTest::newRow("second refused") << QStringLiteral("pyo3-pure")
                                        << QList<SettingsEdit>{set(py, QStringLiteral("tool.maturin.strip"), QStringLiteral("true")),
                                                               set(cargo, QStringLiteral("profile..lto"), QStringLiteral("true"))}
                                        << false << QStringList();
        // A crate without a pyproject.toml: an edit of it is refused, nothing else changes.
        QTest::newRow("file missing") << QStringLiteral("pyo3-feature")
                                      << QList<SettingsEdit>{set(cargo, QStringLiteral("profile.release.lto"), QStringLiteral("true")),
                                                             set(py, QStringLiteral("tool.maturin.strip"), QStringLiteral("true"))}
                                      << false << QStringList();
    }

    void allOrNothing()
    {
        QFETCH(QString, crate);
        QFETCH(QList<SettingsEdit>, edits);
        QFETCH(bool, ok);
        QFETCH(QStringList, added);
        WB_REQUIRE_CORPUS();
        const QString dir = ::crate(crate);
        const Project project = Project::load(dir);
        const SettingsPaths paths{project.hasPyproject ? project.pyprojectPath : QString(), project.cargoPath};
        SettingsTexts texts;
        for (int i = 0; i < 2; ++i) {
            QFile f(paths[i]);
            if (!paths[i].isEmpty() && f.open(QIODevice::ReadOnly))
                texts[i] = f.readAll();
        }
        const SettingsTexts before = texts;
        QString error;
        QCOMPARE(applySettingsEdits(texts, paths, edits, &error), ok);
        if (!ok) {
            QCOMPARE(texts, before);
            QVERIFY(!error.isEmpty());
            return;
        }
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(texts[i].contains(added.at(i).toUtf8()), texts[i].constData());
            QVERIFY(texts[i].startsWith(before[i].left(before[i].indexOf('\n') + 1))); // the first line untouched
            QVERIFY(texts[i].size() > before[i].size());
        }
    }

    void whyNotMaturin_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<bool>("maturin");
        QTest::newRow("pyproject with the maturin backend") << QStringLiteral("pyo3-pure") << true;
        QTest::newRow("Cargo.toml alone") << QStringLiteral("pyo3-feature") << true;
        QTest::newRow("no project files") << QStringLiteral("no-such-crate") << false;
    }

    void whyNotMaturin()
    {
        QFETCH(QString, crate);
        QFETCH(bool, maturin);
        WB_REQUIRE_CORPUS();
        const QString why = Project::load(::crate(crate)).whyNotMaturin();
        QCOMPARE(why.isEmpty(), maturin);
    }
};

QTEST_GUILESS_MAIN(TestSettingsEdits)
#include "tst_settingsedits.moc"
