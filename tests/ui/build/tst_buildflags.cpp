// The Build view's options per installed maturin version, offscreen: controls for flags the version
// lacks are disabled and say which version added them (tooltip and the line under the form), values
// added later are greyed in their lists, and the command shown is written in that version's form
// (--strip's value from 1.12.0, --sdist's meaning from 1.12.3). The version is set through the view's
// API, as tool discovery sets it; the facts come from resources/maturin/flags.json.
#include "core/build/BuildTestSupport.h"

#include "ui/build/BuildOptionsForm.h"
#include "ui/build/BuildView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using wb::ui::BuildOptionsForm;
using wb::ui::BuildView;

namespace {

QString argumentsShown(const BuildView &view)
{
    // The program may be a full path (a venv's maturin): compare from the command on.
    const QString line = view.findChild<QLineEdit *>(QStringLiteral("commandLine"))->text();
    const qsizetype at = line.indexOf(QStringLiteral(" build"));
    return at < 0 ? line : line.mid(at + 1);
}

QString warningsShown(const BuildView &view)
{
    for (QLabel *l : view.findChildren<QLabel *>()) {
        if (l->text().contains(QStringLiteral("needs maturin")) || l->text().contains(QStringLiteral("--sdist builds")))
            return l->text();
    }
    return {};
}

} // namespace

class TestBuildFlags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each gated control, per version: enabled or not, and the tooltip naming the version that added it.
    void controlsFollowTheVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("since"); // empty: enabled
        auto row = [](const char *version, const char *control, const char *since) {
            QTest::addRow("%s %s", control, version) << QString::fromLatin1(version) << QString::fromLatin1(control) << QString::fromLatin1(since);
        };
        row("1.8.3", "pgo", "1.13.0");
        row("1.8.3", "generate-stubs", "1.13.0");
        row("1.8.3", "include-debuginfo", "1.12.5");
        row("1.8.3", "sbom-include", "1.12.1");
        row("1.8.3", "compressionMethodCombo", "1.8.7");
        row("1.8.3", "compressionLevelSpin", "1.8.4");
        row("1.8.3", "group", "1.12.0");
        row("1.8.3", "extras", "");
        row("1.8.3", "uv", "");
        row("1.8.3", "skip-install", "");
        row("1.12.6", "pgo", "1.13.0");
        row("1.12.6", "include-debuginfo", "");
        row("1.15.0", "pgo", "");
        row("1.15.0", "generate-stubs", "");
        row("1.15.0", "compressionLevelSpin", "");
        row("1.15.0", "group", "");
        row("", "pgo", ""); // unknown version: everything offered
    }
    void controlsFollowTheVersion()
    {
        QFETCH(QString, version);
        QFETCH(QString, control);
        QFETCH(QString, since);
        BuildOptionsForm form;
        form.setMaturinVersion(version);
        QWidget *w = form.findChild<QWidget *>(control);
        QVERIFY2(w, qPrintable(control));
        QCOMPARE(w->isEnabled(), since.isEmpty());
        const QString note = QStringLiteral("Needs maturin %1 (installed: %2)").arg(since, version);
        QCOMPARE(w->toolTip().contains(note), !since.isEmpty());
        QVERIFY(!w->toolTip().isEmpty());
        auto *hint = form.findChild<QLabel *>(QStringLiteral("versionHint"));
        QCOMPARE(hint->isVisibleTo(&form), version == u"1.8.3" || version == u"1.12.6");
        if (!since.isEmpty())
            QVERIFY2(hint->text().contains(QStringLiteral("(%1)").arg(since)) && hint->text().contains(version), qPrintable(hint->text()));
    }

    // Values added later are greyed in their lists; the strip choice says what it writes.
    void valuesFollowTheVersion()
    {
        BuildOptionsForm form;
        auto *compat = form.findChild<QComboBox *>(QStringLiteral("compatibilityCombo"));
        auto *audit = form.findChild<QComboBox *>(QStringLiteral("auditwheelCombo"));
        auto *strip = form.findChild<QComboBox *>(QStringLiteral("stripCombo"));
        auto item = [](QComboBox *c, const QString &text) {
            return qobject_cast<QStandardItemModel *>(c->model())->item(c->findText(text));
        };
        form.setMaturinVersion(QStringLiteral("1.8.3"));
        QVERIFY(!item(compat, QStringLiteral("pypi"))->isEnabled());
        QCOMPARE(item(compat, QStringLiteral("pypi"))->toolTip(), QStringLiteral("Needs maturin 1.9.0 (installed: 1.8.3)"));
        QVERIFY(item(compat, QStringLiteral("manylinux_2_28"))->isEnabled());
        QVERIFY(!item(audit, QStringLiteral("warn"))->isEnabled());
        QCOMPARE(strip->itemText(2), QStringLiteral("Keep symbols (no --strip)"));
        form.setMaturinVersion(QStringLiteral("1.10.2"));
        QVERIFY(item(compat, QStringLiteral("pypi"))->isEnabled());
        QVERIFY(!item(compat, QStringLiteral("manylinux_2_28 pypi"))->isEnabled());
        QCOMPARE(item(compat, QStringLiteral("manylinux_2_28 pypi"))->toolTip(), QStringLiteral("Needs maturin 1.11.5 (installed: 1.10.2)"));
        // build has --pgo from 1.13.0, develop from 1.15.0: Develop leaves it out and says so.
        form.setMaturinVersion(QStringLiteral("1.14.1"));
        auto *pgo = form.findChild<QCheckBox *>(QStringLiteral("pgo"));
        QVERIFY(pgo->isEnabled());
        QVERIFY2(pgo->toolTip().contains(QStringLiteral("develop --pgo needs maturin 1.15.0 (installed: 1.14.1)")), qPrintable(pgo->toolTip()));
        form.setMaturinVersion(QStringLiteral("1.15.0"));
        QVERIFY(!pgo->toolTip().contains(QStringLiteral("develop --pgo")));
        QVERIFY(item(compat, QStringLiteral("manylinux_2_28 pypi"))->isEnabled());
        QVERIFY(item(audit, QStringLiteral("warn"))->isEnabled());
        QCOMPARE(strip->itemText(2), QStringLiteral("Keep symbols (--strip=false)"));
    }

    // The same choices in the form, the command shown for an old and a new maturin.
    void commandFollowsTheVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QStringList>("warnings");
        QTest::addRow("1.8.3") << QStringLiteral("1.8.3")
                               << QStringLiteral("build --release --compatibility manylinux_2_28 pypi --sdist")
                               << QStringList{QStringLiteral("--compatibility pypi needs maturin 1.9.0 or newer (installed: 1.8.3)"),
                                              QStringLiteral("maturin 1.8.3's --sdist builds an sdist beside wheels built from the tree")};
        QTest::addRow("1.12.2") << QStringLiteral("1.12.2")
                                << QStringLiteral("build --release --compatibility manylinux_2_28 pypi --strip=false --sdist "
                                                  "--sbom-include extra.cdx.json --compression-method zstd --compression-level 5")
                                << QStringList{QStringLiteral("from 1.12.3 the wheels are built from the sdist")};
        QTest::addRow("1.15.0") << QStringLiteral("1.15.0")
                                << QStringLiteral("build --release --compatibility manylinux_2_28 pypi --strip=false --sdist "
                                                  "--include-debuginfo --sbom-include extra.cdx.json --pgo --generate-stubs "
                                                  "--compression-method zstd --compression-level 5")
                                << QStringList{};
    }
    void commandFollowsTheVersion()
    {
        QFETCH(QString, version);
        QFETCH(QString, arguments);
        QFETCH(QStringList, warnings);
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        BuildView view(nullptr);
        view.resize(1200, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &BuildView::toolsReady);
        view.setProject(project);
        QVERIFY(ready.wait(60000)); // discovery sets the installed version first; the test's comes after
        view.setMaturinVersion(version);
        QCOMPARE(view.maturinVersion(), version);

        // Every choice made, enabled or not: disabled controls pass nothing.
        view.findChild<QComboBox *>(QStringLiteral("compatibilityCombo"))->setEditText(QStringLiteral("manylinux_2_28, pypi"));
        view.findChild<QComboBox *>(QStringLiteral("stripCombo"))->setCurrentIndex(2);
        for (const char *name : {"sdistCheck", "pgo", "generate-stubs", "include-debuginfo"})
            view.findChild<QCheckBox *>(QLatin1String(name))->setChecked(true);
        view.findChild<QLineEdit *>(QStringLiteral("sbom-include"))->setText(QStringLiteral("extra.cdx.json"));
        view.findChild<QComboBox *>(QStringLiteral("compressionMethodCombo"))->setCurrentText(QStringLiteral("zstd"));
        view.findChild<QSpinBox *>(QStringLiteral("compressionLevelSpin"))->setValue(5);
        // develop's options never reach Build's command.
        view.findChild<QLineEdit *>(QStringLiteral("extras"))->setText(QStringLiteral("test"));
        view.findChild<QCheckBox *>(QStringLiteral("uv"))->setChecked(true);

        QCOMPARE(argumentsShown(view), arguments);
        const QString shown = warningsShown(view);
        for (const QString &w : warnings)
            QVERIFY2(shown.contains(w), qPrintable(shown));
        if (warnings.isEmpty())
            QVERIFY2(shown.isEmpty(), qPrintable(shown));
    }
};

QTEST_MAIN(TestBuildFlags)
#include "tst_buildflags.moc"
