// The Troubleshooting view, offscreen: a real ImportError pasted with the example project open gives
// the PyInit finding with its evidence; a real build log from Workspace::buildFinished refreshes it.
#include "support/TestPaths.h"

#include "ui/common/Workspace.h"
#include "ui/troubleshoot/TroubleshootingView.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace wb::ui;

class TestTroubleshootingView : public QObject
{
    Q_OBJECT

    static QString data(const char *name)
    {
        QFile f(wb::test::sourceDir() + QStringLiteral("/tests/core/diagnose/data/") + QString::fromLatin1(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void healthyProjectShowsNothing()
    {
        Workspace workspace;
        TroubleshootingView view(&workspace);
        QSignalSpy spy(&view, &TroubleshootingView::findingsChanged);
        workspace.openProject(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"));
        QTRY_VERIFY(spy.size() >= 1);  // the earlier run (nothing open) is superseded
        QTRY_VERIFY(view.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("No problems")));
        QVERIFY(view.findings().isEmpty());
        QCOMPARE(view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"))->topLevelItemCount(), 0);
    }

    void pastedImportErrorGivesPyInitFinding()
    {
        Workspace workspace;
        workspace.openProject(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"));
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        const QString error = data("python-3.13-pyinit-mismatch-import.txt");
        QVERIFY(!error.isEmpty());
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(error);
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty(), 10000);
        QCOMPARE(view.findings().size(), 1);
        QCOMPARE(view.findings().first().id, QStringLiteral("pyinit-missing"));
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(tree->topLevelItem(0)->text(0).startsWith(QLatin1String("Errors (1)")));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("High"));  // confidence column
        const QString detail = view.findChild<QTextBrowser *>(QStringLiteral("findingDetail"))->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("PyInit__core")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("src/lib.rs")), qPrintable(detail));       // the #[pymodule] it found
        QVERIFY2(detail.contains(QLatin1String("ImportError: dynamic module")), qPrintable(detail));  // the pasted line
        QVERIFY2(detail.contains(QLatin1String("confidence: high")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("Decisive lines")), qPrintable(detail));
        const QString shot = wb::test::binaryDir() + QStringLiteral("/troubleshooting-view.png");
        QVERIFY(view.grab().save(shot));

        // A real build log arriving from the build view refreshes the findings.
        QSignalSpy spy(&view, &TroubleshootingView::findingsChanged);
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->clear();
        workspace.reportBuild(false, data("maturin-1.8.3-manylinux_2_28-too-recent.log"), {});
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty() && view.findings().first().id == QLatin1String("manylinux-too-recent-symbols"), 10000);
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("applyFix"))->isEnabled());  // compatibility edit on the project
    }
};

QTEST_MAIN(TestTroubleshootingView)
#include "tst_troubleshootingview.moc"
