// The Troubleshooting view, offscreen: a real ImportError pasted with the example project open gives
// the PyInit finding with its evidence; a real build log from Workspace::buildFinished refreshes it;
// the inputs are chips that can be removed, a foreign wheel is diagnosed alone (as on the command line),
// a fix already in place is not offered, changes on disk refresh, and Undo follows a real edit only.
#include "support/TestPaths.h"

#include "core/diagnose/FindingJson.h"
#include "core/diagnose/FixApplier.h"
#include "support/ExampleWindow.h"
#include "support/TestFiles.h"
#include "ui/common/MainWindow.h"
#include "ui/common/Workspace.h"
#include "ui/project/ProjectView.h"
#include "ui/troubleshoot/FindingDetailHtml.h"
#include "ui/troubleshoot/TroubleshootingView.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace wb::ui;

class TestTroubleshootingView : public QObject
{
    Q_OBJECT

    static QString data(const char *name)
    {
        QFile f(wb::test::sourceDir() + QStringLiteral("/tests/core/diagnose/data/") + QString::fromLatin1(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    static QString example() { return wb::test::examplesDir() + QStringLiteral("/hello-pyo3"); }

    // A copy of the example project's settings and sources (no build output).
    static bool copyExample(const QString &to)
    {
        QDirIterator it(example(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString rel = QDir(example()).relativeFilePath(from);
            if (rel.startsWith(QLatin1String("target/")) || rel.startsWith(QLatin1String("dist/")) || rel == QLatin1String("Cargo.lock"))
                continue;
            QDir().mkpath(QFileInfo(to + QLatin1Char('/') + rel).absolutePath());
            if (!QFile::copy(from, to + QLatin1Char('/') + rel))
                return false;
        }
        return true;
    }

    static QByteArray readBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static bool hasEvidenceFrom(const wb::diagnose::Finding &f, const QString &source)
    {
        for (const auto &e : f.evidence) {
            if (e.source == source)
                return true;
        }
        return false;
    }

    static const wb::diagnose::Finding *first(const TroubleshootingView &view, const char *id)
    {
        for (const auto &f : view.findings()) {
            if (f.id == QLatin1String(id))
                return &f;
        }
        return nullptr;
    }

private Q_SLOTS:
    void healthyProjectShowsNothing()
    {
        Workspace workspace;
        TroubleshootingView view(&workspace);
        view.show(); // a hidden view diagnoses when shown (hiddenViewDiagnosesWhenShown)
        QSignalSpy spy(&view, &TroubleshootingView::findingsChanged);
        workspace.openProject(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"));
        QTRY_VERIFY(spy.size() >= 1);  // the earlier run (nothing open) is superseded
        QTRY_VERIFY(view.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("No problems")));
        QVERIFY(view.findings().isEmpty());
        QCOMPARE(view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"))->topLevelItemCount(), 0);
        // The empty detail pane says what shows there instead of being a blank box.
        auto *detail = view.findChild<QTextBrowser *>(QStringLiteral("findingDetail"));
        QVERIFY(detail->toPlainText().isEmpty());
        QVERIFY2(detail->placeholderText().contains(QLatin1String("show here")), qPrintable(detail->placeholderText()));
    }

    // Columns can be resized and the last stretches; the title takes the width the confidence and id
    // leave (it was cut to a few letters), and keeps the width a user gives it when the view is resized.
    void findingColumnsFitAndCanBeResized()
    {
        Workspace workspace;
        workspace.openProject(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"));
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(data("python-3.13-pyinit-mismatch-import.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty(), 10000);
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"));
        QHeaderView *header = tree->header();
        QVERIFY(header->stretchLastSection());
        for (int c = 0; c < tree->columnCount(); ++c)
            QCOMPARE(header->sectionResizeMode(c), QHeaderView::Interactive);
        // The id column (last, stretching) is only as wide as its text: the rest went to the title.
        int idWanted = header->sectionSizeHint(2);
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            idWanted = qMax(idWanted, tree->fontMetrics().horizontalAdvance((*it)->text(2)) + 24); // the cell's margins
        QVERIFY2(tree->columnWidth(2) <= idWanted + 2, qPrintable(QStringLiteral("%1 > %2").arg(tree->columnWidth(2)).arg(idWanted)));
        QVERIFY(tree->columnWidth(0) > tree->columnWidth(2));
        header->resizeSection(0, 120); // as a user's drag does
        view.resize(1300, 700);
        QTRY_COMPARE(tree->columnWidth(0), 120);
        QTest::qWait(50);
        QCOMPARE(tree->columnWidth(0), 120);
    }

    // A diagnosis that takes a while (a real report after 100,000 lines of cargo's progress, as a
    // whole build log) shows a busy bar, gone when the findings arrive.
    void longDiagnosisShowsBusy()
    {
        Workspace workspace;
        workspace.openProject(example());
        TroubleshootingView view(&workspace);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("No problems")), 10000);
        auto *busy = view.findChild<QWidget *>(QStringLiteral("busy"));
        QVERIFY(busy && !busy->isVisible());
        QString log;
        for (int i = 0; i < 100000; ++i)
            log += QStringLiteral("   Compiling dependency-%1 v0.1.%2\n").arg(i % 400).arg(i % 7);
        log += data("maturin-1.8.3-manylinux_2_28-too-recent.log");
        workspace.reportBuild(false, log, {});
        QTRY_VERIFY_WITH_TIMEOUT(busy->isVisible(), 10000);
        QDir().mkpath(wb::test::binaryDir() + QStringLiteral("/screenshots"));
        QVERIFY(view.grab().save(wb::test::binaryDir() + QStringLiteral("/screenshots/troubleshooting-busy.png")));
        QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 120000);
        QVERIFY(!view.findings().isEmpty());
        QCOMPARE(view.findings().first().id, QStringLiteral("manylinux-too-recent-symbols"));
    }

    // Evidence in a file of the project is a link that shows its place: pyproject.toml's line in the
    // Project view's text tab, from the window's Troubleshooting area.
    void evidenceLinksShowTheirPlace()
    {
        wb::test::ExampleWindow example;
        QVERIFY(example.open());
        MainWindow &w = example.window;
        w.showArea(MainWindow::TroubleshootingArea);
        TroubleshootingView *view = w.troubleshootingView();
        view->findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(data("python-3.13-pyinit-mismatch-import.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->findings().isEmpty(), 10000);
        int line = 0;
        for (const wb::diagnose::EvidenceRef &e : view->findings().first().evidence)
            if (e.source == QLatin1String("pyproject.toml"))
                line = evidenceLine(e);
        QVERIFY2(line > 0, "the PyInit finding cites the module name's line in pyproject.toml");
        auto *detail = view->findChild<QTextBrowser *>(QStringLiteral("findingDetail"));
        const QUrl link = evidenceLink(QStringLiteral("pyproject.toml"), line);
        QVERIFY2(detail->toHtml().contains(link.toString()), qPrintable(detail->toHtml()));
        Q_EMIT detail->anchorClicked(link);
        QCOMPARE(w.currentArea(), MainWindow::ProjectArea);
        auto *raw = w.projectView()->findChild<QPlainTextEdit *>(QStringLiteral("raw/pyproject.toml"));
        QVERIFY(raw && raw->isVisible());
        QCOMPARE(raw->textCursor().blockNumber() + 1, line);
        QVERIFY(raw->textCursor().block().text().contains(QLatin1String("module-name")));
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

    // Real error texts users posted (development reports of the corpus), pasted without a project: the panel
    // names the cause the thread established, with the confidence the text allows, its title and its fix.
    void pastedRealReportsShowTheirCause_data()
    {
        QTest::addColumn<QString>("report");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("confidence");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("chipStart");
        QTest::newRow("readme, newer wording") << QStringLiteral("m-readme-missing-2.txt") << QStringLiteral("readme-missing") << QStringLiteral("High")
                                               << QStringLiteral("readme file named by Cargo.toml or pyproject.toml does not exist")
                                               << QStringLiteral("Caused by: Failed to build source");
        QTest::newRow("PyPI 403") << QStringLiteral("m-pypi-upload-forbidden-2.txt") << QStringLiteral("pypi-upload-forbidden") << QStringLiteral("High")
                                  << QStringLiteral("may not upload to that project") << QString();
        QTest::newRow("maturin's older 403 wording") << QStringLiteral("m-pypi-upload-forbidden-1.txt") << QStringLiteral("pypi-upload-forbidden")
                                                     << QStringLiteral("Low") << QStringLiteral("may not upload to that project") << QString();
        QTest::newRow("GIL enabled for a module") << QStringLiteral("n-gil-not-declared-free-threaded-1.txt") << QStringLiteral("gil-not-declared-free-threaded")
                                                  << QStringLiteral("High") << QStringLiteral("runs without the GIL") << QString();
        QTest::newRow("a Lambda bundle made elsewhere") << QStringLiteral("z7k-packaged-for-other-platform-1.txt") << QStringLiteral("packaged-for-other-platform")
                                                        << QStringLiteral("Medium") << QStringLiteral("packaged on another platform") << QString();
        QTest::newRow("maturin before 1.12 on Android") << QStringLiteral("zbf-maturin-bug-1.txt") << QStringLiteral("maturin-bug")
                                                        << QStringLiteral("Medium") << QStringLiteral("A bug in maturin")
                                                        << QStringLiteral("Caused by: Failed to get information");
    }
    void pastedRealReportsShowTheirCause()
    {
        QFETCH(QString, report);
        QFETCH(QString, id);
        QFETCH(QString, confidence);
        QFETCH(QString, title);
        QFETCH(QString, chipStart);
        QFile f(wb::test::sourceDir() + QStringLiteral("/tests/data/failure-reports/dev/") + report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString all = QString::fromUtf8(f.readAll());
        const QString text = all.mid(all.indexOf(QLatin1String("\n---\n")) + 5);
        Workspace workspace;
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(text);
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty(), 10000);
        QCOMPARE(view.findings().first().id, id);
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"));
        const QTreeWidgetItem *top = tree->topLevelItem(0)->child(0);
        QVERIFY(top);
        QCOMPARE(top->text(1), confidence);
        tree->setCurrentItem(const_cast<QTreeWidgetItem *>(top));
        const QString detail = view.findChild<QTextBrowser *>(QStringLiteral("findingDetail"))->toPlainText();
        QVERIFY2(detail.contains(title), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("confidence: ") + confidence.toLower()), qPrintable(detail));
        QVERIFY(view.grab().save(wb::test::binaryDir() + QStringLiteral("/troubleshooting-") + id + QStringLiteral(".png")));
        // The pasted text's chip is named by its first error: maturin's first "Caused by", not its last.
        const QLabel *chip = view.findChild<QWidget *>(QStringLiteral("input_pasted"))->findChild<QLabel *>();
        QVERIFY(chip);
        QVERIFY2(chip->text().startsWith(QStringLiteral("Pasted text: ") + chipStart), qPrintable(chip->text()));
    }

    // A failure no rule names stays "no known cause", Low, and points to the reported failure most like it:
    // the detail names that report's cause and links its thread.
    void unrecognisedFailurePointsToTheMostAlikeReport()
    {
        QFile f(wb::test::sourceDir() + QStringLiteral("/tests/data/failure-reports/dev/a-rust-nightly-required-1.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString all = QString::fromUtf8(f.readAll());
        Workspace workspace;
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(all.mid(all.indexOf(QLatin1String("\n---\n")) + 5));
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty(), 10000);
        QCOMPARE(view.findings().first().id, QStringLiteral("unrecognised-failure"));
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("findingsTree"));
        QTreeWidgetItem *top = tree->topLevelItem(0)->child(0);
        QVERIFY(top);
        QCOMPARE(top->text(1), QStringLiteral("Low"));
        tree->setCurrentItem(top);
        auto *detail = view.findChild<QTextBrowser *>(QStringLiteral("findingDetail"));
        const QString url = QStringLiteral("https://github.com/ijl/orjson/issues/46");
        QVERIFY2(detail->toPlainText().contains(QLatin1String("its cause there was: The crate needs nightly Rust")), qPrintable(detail->toPlainText()));
        QVERIFY2(detail->toHtml().count(QStringLiteral("href=\"") + url) >= 2, qPrintable(detail->toHtml()));  // the evidence and the links
        QVERIFY(view.grab().save(wb::test::binaryDir() + QStringLiteral("/troubleshooting-reported-failure-alike.png")));
    }

    // The inputs are listed as chips, and each can be left out of the diagnosis.
    void inputsAreListedAndRemovable()
    {
        Workspace workspace;
        workspace.openProject(example());
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->setPlainText(data("python-3.13-pyinit-mismatch-import.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(first(view, "pyinit-missing") && hasEvidenceFrom(*first(view, "pyinit-missing"), QStringLiteral("pyproject.toml")), 10000);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_project")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_pasted")));
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("input_wheel")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_project"))->isVisible());
        QVERIFY(view.grab().save(wb::test::binaryDir() + QStringLiteral("/troubleshooting-inputs.png")));

        // Without the project, the pasted line alone: no project evidence is cited.
        view.findChild<QToolButton *>(QStringLiteral("remove_project"))->click();
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("input_project")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty() && !hasEvidenceFrom(view.findings().first(), QStringLiteral("pyproject.toml")), 10000);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("applyFix"))->isEnabled());

        // Without the pasted text either: nothing is diagnosed.
        view.findChild<QToolButton *>(QStringLiteral("remove_pasted"))->click();
        QVERIFY(view.findChild<QPlainTextEdit *>(QStringLiteral("errorInput"))->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(view.findChild<QLabel *>(QStringLiteral("status"))->text().startsWith(QLatin1String("Open a project")), 10000);
        QVERIFY(view.findings().isEmpty());

        // Opening a project again brings it back.
        workspace.openProject(example());
        QTRY_VERIFY(view.findChild<QWidget *>(QStringLiteral("input_project")));
    }

    // Hidden (another tab shown), the view does not read a wheel the Wheels view is opening: it
    // diagnoses when it is shown, then with that wheel.
    void hiddenViewDiagnosesWhenShown()
    {
        WB_REQUIRE_CORPUS();
        const QString wheel = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
        Workspace workspace;
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        workspace.openWheel(wheel);
        QTest::qWait(500);
        QVERIFY(view.findings().isEmpty());
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("input_wheel")));
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(!view.findings().isEmpty(), 10000);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_wheel")));
    }

    // A wheel of another distribution is never combined with the project's settings; the view says so,
    // and `wheelbench diagnose` gives the same findings for the same inputs.
    void foreignWheelIsDiagnosedAloneLikeTheCommandLine()
    {
        WB_REQUIRE_CORPUS();
        const QString wheel = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl");
        QVERIFY(QFileInfo::exists(wheel));
        Workspace workspace;
        workspace.openProject(example());
        workspace.openWheel(wheel);
        TroubleshootingView view(&workspace);
        view.resize(1100, 700);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(!view.notes().isEmpty(), 10000);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_wheel")));
        auto *note = view.findChild<QLabel *>(QStringLiteral("contextNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("'cffi'")) && note->text().contains(QLatin1String("'hello-pyo3'"))
                     && note->text().contains(QLatin1String("on its own")), qPrintable(note->text()));
        QVERIFY(!view.findings().isEmpty());
        for (const auto &f : view.findings()) {
            if (hasEvidenceFrom(f, QStringLiteral("wheel"))) {
                QVERIFY2(!hasEvidenceFrom(f, QStringLiteral("pyproject.toml")) && !hasEvidenceFrom(f, QStringLiteral("Cargo.toml")), qPrintable(f.id));
                QVERIFY2(f.fix.edits.isEmpty(), qPrintable(f.id));  // no edit of this project for another project's wheel
            }
        }
        QVERIFY(view.grab().save(wb::test::binaryDir() + QStringLiteral("/troubleshooting-foreign-wheel.png")));

        QProcess cli;
        cli.start(wb::test::executable(), {QStringLiteral("diagnose"), QStringLiteral("--project"), example(), QStringLiteral("--wheel"), wheel, QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        const QJsonObject fromCli = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonObject fromView = wb::diagnose::diagnosisToJson(view.findings(), view.notes());
        QCOMPARE(fromCli.value(QStringLiteral("findings")).toArray().size(), fromView.value(QStringLiteral("findings")).toArray().size());
        QCOMPARE(fromCli, fromView);
    }

    // A fix already in place is not offered; a change on disk (an editor's atomic save) refreshes the findings.
    void fixAlreadyInPlaceIsNotOfferedAndDiskChangesRefresh()
    {
        QTemporaryDir dir;
        QVERIFY(copyExample(dir.path()));
        Workspace workspace;
        workspace.openProject(dir.path());
        TroubleshootingView view(&workspace);
        view.show();
        workspace.reportBuild(false, data("maturin-1.8.3-manylinux_2_28-too-recent.log"), {});
        QTRY_VERIFY_WITH_TIMEOUT(first(view, "manylinux-too-recent-symbols") && !first(view, "manylinux-too-recent-symbols")->fix.edits.isEmpty(), 10000);
        auto *apply = view.findChild<QPushButton *>(QStringLiteral("applyFix"));
        QVERIFY(apply->isEnabled());
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("input_log")));
        const QString pyproject = dir.filePath(QStringLiteral("pyproject.toml"));
        QTRY_VERIFY(view.watchedFiles().contains(QFileInfo(pyproject).absoluteFilePath()));
        const QByteArray original = readBytes(pyproject);

        // Another program writes the fix (atomically: the watched file is replaced).
        const wb::diagnose::PreparedFix fix = wb::diagnose::FixApplier::prepare(dir.path(), first(view, "manylinux-too-recent-symbols")->fix.edits);
        QVERIFY2(fix.ok, qPrintable(fix.error));
        QString error;
        QVERIFY2(wb::diagnose::FixApplier::write(fix, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(first(view, "manylinux-too-recent-symbols") && first(view, "manylinux-too-recent-symbols")->fix.edits.isEmpty(), 10000);
        QVERIFY(first(view, "manylinux-too-recent-symbols")->fix.steps.first().contains(QLatin1String("would change nothing")));
        QVERIFY(!apply->isEnabled());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("undoFix"))->isEnabled());  // the view edited nothing
        QTRY_VERIFY(view.watchedFiles().contains(QFileInfo(pyproject).absoluteFilePath()));  // watched again after the replace

        // And back: the fix is offered again.
        QFile f(pyproject);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(original);
        f.close();
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
    }

    // Undo fix is enabled only after the view really edited a file.
    void undoOnlyAfterARealEdit()
    {
        QTemporaryDir dir;
        QVERIFY(copyExample(dir.path()));
        Workspace workspace;
        workspace.openProject(dir.path());
        TroubleshootingView view(&workspace);
        view.show();
        workspace.reportBuild(false, data("maturin-1.8.3-manylinux_2_28-too-recent.log"), {});
        auto *apply = view.findChild<QPushButton *>(QStringLiteral("applyFix"));
        auto *undo = view.findChild<QPushButton *>(QStringLiteral("undoFix"));
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
        QVERIFY(!undo->isEnabled());
        const QString pyproject = dir.filePath(QStringLiteral("pyproject.toml"));
        const QByteArray original = readBytes(pyproject);
        bool accepted = false;
        std::function<void()> acceptPreview = [&] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                accepted = true;
                dialog->accept();
            } else {
                QTimer::singleShot(50, &view, acceptPreview);
            }
        };
        QTimer::singleShot(50, &view, acceptPreview);
        apply->click();
        QTRY_VERIFY_WITH_TIMEOUT(accepted && undo->isEnabled(), 10000);
        QVERIFY(readBytes(pyproject) != original);
        QTRY_VERIFY_WITH_TIMEOUT(!apply->isEnabled(), 10000);  // the fix is in place now: not offered again
        undo->click();
        QCOMPARE(readBytes(pyproject), original);
        QVERIFY(!undo->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
    }
};

QTEST_MAIN(TestTroubleshootingView)
#include "tst_troubleshootingview.moc"
