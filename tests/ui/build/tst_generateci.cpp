// Generate CI from the Build view, offscreen: the preview, writing the workflow, asking before replacing
// one, replacing an existing maturin-action workflow, and following the project's pyproject settings.
#include "BuildViewProbe.h"
#include "core/common/SizeFormat.h"
#include "core/build/BuildTestSupport.h"
#include "ModalScript.h"

#include "core/build/BuildOutputParser.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/BuildView.h"
#include "core/build/LineSplitter.h"
#include "core/diagnose/Diagnoser.h"
#include "ui/build/CiDialog.h"
#include "ui/common/CodeEditor.h"
#include "ui/build/EditorChoiceDialog.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/HistoryModel.h"
#include "ui/build/IssueOpener.h"
#include "ui/build/IssuesModel.h"
#include "ui/build/SourceViewer.h"
#include "ui/common/MainWindow.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/WheelsView.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QRadioButton>
#include <QToolButton>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QTimer>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QScrollBar>
#include <QFontInfo>
#include <QTreeWidget>


using namespace wb;
using namespace wb::test::buildview;
using wb::ui::BuildView;

class TestGenerateCi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateTestProgram(QStringLiteral("tst_generateci")); }
    void init() { forgetHistoryAndEditor(); }

    void generateCiReplacesTheExistingWorkflow_data()
    {
        QTest::addColumn<QString>("existing"); // file name under .github/workflows, empty: none
        QTest::addColumn<QString>("written");
        QTest::newRow("CI.yml") << QStringLiteral("CI.yml") << QStringLiteral("CI.yml");
        QTest::newRow("other name") << QStringLiteral("release-wheels.yaml") << QStringLiteral("release-wheels.yaml");
        QTest::newRow("none") << QString() << QStringLiteral("ci.yml");
    }
    void generateCiReplacesTheExistingWorkflow()
    {
        QFETCH(QString, existing);
        QFETCH(QString, written);
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        const QString workflows = project + QStringLiteral("/.github/workflows/");
        QVERIFY(writeBytes(workflows + QStringLiteral("lint.yml"), "name: Lint\non: push\njobs:\n  lint:\n    steps:\n      - uses: actions/checkout@v6\n"));
        if (!existing.isEmpty())
            QVERIFY(writeBytes(workflows + existing, "name: CI\non: push\njobs:\n  linux:\n    steps:\n      - uses: PyO3/maturin-action@v1\n"));
        BuildView view(nullptr);
        view.show();
        view.setProject(project);
        QString choice;
        QString note;
        bool pytestChecked = true;
        bool previewHasPytest = true;
        QString question;
        test::ModalScript script;
        script.then<ui::CiDialog>([&](ui::CiDialog *d) {
            choice = d->findChild<QComboBox *>(QStringLiteral("ciFileChoice"))->currentText();
            auto *existingNote = d->findChild<QLabel *>(QStringLiteral("ciExisting"));
            note = existingNote->isVisibleTo(d) ? existingNote->text() : QString();
            pytestChecked = d->findChild<QCheckBox *>(QStringLiteral("ciPytest"))->isChecked();
            previewHasPytest = d->yaml().contains(QStringLiteral("pytest"));
            if (qstrcmp(QTest::currentDataTag(), "CI.yml") == 0)
                d->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-ci.png"));
            test::clickLater(d->findChild<QPushButton *>(QStringLiteral("writeCiButton")));
        });
        if (!existing.isEmpty())
            script.answer(QMessageBox::Yes, &question);
        script.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("ciButton")), Qt::LeftButton);
        QVERIFY2(script.done() && script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY(!pytestChecked);
        QVERIFY(!previewHasPytest);
        QStringList files = QDir(workflows).entryList(QDir::Files, QDir::Name);
        QStringList expected{QStringLiteral("lint.yml"), written};
        expected.sort();
        QCOMPARE(files, expected); // replaced, not a second release workflow
        QVERIFY(test::readAll(workflows + written).contains("command: sdist"));
        if (existing.isEmpty()) {
            QCOMPARE(choice, QStringLiteral("A new file named after the workflow"));
            QVERIFY(note.isEmpty());
        } else {
            QCOMPARE(choice, QString(QStringLiteral("Replace .github/workflows/") + existing));
            QVERIFY2(note.contains(existing) && note.contains(QStringLiteral("maturin-action")), qPrintable(note));
            QVERIFY2(question.contains(QStringLiteral("Replace it?")), qPrintable(question));
            QVERIFY(test::readAll(workflows + written).contains("\nname: CI\n"));
        }
    }

    // Generate CI follows [tool.maturin.generate-ci.github]; its pytest = true shows as a checked, fixed box.
    void generateCiFollowsThePyprojectConfig()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        QByteArray pyproject = test::readAll(project + QStringLiteral("/pyproject.toml"));
        pyproject += "\n[tool.maturin.generate-ci.github]\npytest = true\ntrusted-publishing = true\n"
                     "[tool.maturin.generate-ci.github.linux]\ntargets = [\"x86_64\"]\n";
        QVERIFY(writeBytes(project + QStringLiteral("/pyproject.toml"), pyproject));
        BuildView view(nullptr);
        view.show();
        view.setProject(project);
        bool checked = false, enabled = true;
        QString yaml;
        test::ModalScript script;
        script.then<ui::CiDialog>([&](ui::CiDialog *d) {
            auto *box = d->findChild<QCheckBox *>(QStringLiteral("ciPytest"));
            checked = box->isChecked();
            enabled = box->isEnabled();
            yaml = d->yaml();
            d->grab().save(test::binaryDir() + QStringLiteral("/tst_buildview-ci-config.png"));
            test::clickLater(d->findChild<QPushButton *>(QStringLiteral("writeCiButton")));
        });
        script.start();
        QTest::mouseClick(view.findChild<QAbstractButton *>(QStringLiteral("ciButton")), Qt::LeftButton);
        QVERIFY2(script.done() && script.failure().isEmpty(), qPrintable(script.failure()));
        QVERIFY(checked);
        QVERIFY(!enabled);
        QVERIFY(yaml.contains(QLatin1String("\n  linux:\n")));
        QVERIFY(!yaml.contains(QLatin1String("\n  macos:\n")));
        QVERIFY(yaml.contains(QLatin1String("uv publish --trusted-publishing always")));
        QVERIFY(yaml.contains(QLatin1String("- name: pytest")));
    }

    // Generate CI: a preview, the file written where it says, and never replaced without asking.
    void generateCiPreviewsWritesAndAsks()
    {
        QTemporaryDir work;
        const QString project = work.path() + QStringLiteral("/hello-pyo3");
        QVERIFY(test::copyProject(test::exampleProject(), project));
        ui::Workspace workspace;
        BuildView view(&workspace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        workspace.openProject(project);
        auto *ciButton = view.findChild<QAbstractButton *>(QStringLiteral("ciButton"));
        const QString file = project + QStringLiteral("/.github/workflows/wheels.yml");
        auto nameIt = [](ui::CiDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("workflowName"))->setText(QStringLiteral("Wheels")); };
        auto writeButton = [](ui::CiDialog *d) { return d->findChild<QPushButton *>(QStringLiteral("writeCiButton")); };

        // First time: preview, then Write.
        QString preview;
        QString target;
        test::ModalScript first;
        first.then<ui::CiDialog>([&](ui::CiDialog *d) {
            nameIt(d);
            preview = d->findChild<QPlainTextEdit *>(QStringLiteral("ciPreview"))->toPlainText();
            target = d->findChild<QLabel *>(QStringLiteral("ciTarget"))->text();
            test::clickLater(writeButton(d));
        });
        first.start();
        QTest::mouseClick(ciButton, Qt::LeftButton); // returns when the dialog is closed
        QVERIFY2(first.done() && first.failure().isEmpty(), qPrintable(first.failure()));
        QCOMPARE(target, QStringLiteral(".github/workflows/wheels.yml"));
        for (const char *must : {"\nname: Wheels\n", "CPython 3.9, 3.10, 3.11, 3.12, 3.13, 3.14", "macos-15-intel", "windows-11-arm",
                                 "actions/checkout@v6", "command: sdist", "uv publish", "--find-interpreter"})
            QVERIFY2(preview.contains(QLatin1String(must)), must);
        QCOMPARE(test::readAll(file), preview.toUtf8());
        QVERIFY(statusOf(view).contains(QStringLiteral("Wrote")));

        // The file exists now (and the user changed it): asked, "No" keeps it and the dialog stays open.
        QVERIFY(writeBytes(file, "# mine\n"));
        QString question;
        bool stillOpen = false;
        test::ModalScript keep;
        keep.then<ui::CiDialog>([&](ui::CiDialog *d) {
                nameIt(d);
                target = d->findChild<QLabel *>(QStringLiteral("ciTarget"))->text();
                test::clickLater(writeButton(d));
            })
            .answer(QMessageBox::No, &question)
            .then<ui::CiDialog>([&](ui::CiDialog *d) {
                stillOpen = d->isVisible();
                test::clickLater(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel));
            });
        keep.start();
        QTest::mouseClick(ciButton, Qt::LeftButton);
        QVERIFY2(keep.done() && keep.failure().isEmpty(), qPrintable(keep.failure()));
        QVERIFY2(target.contains(QStringLiteral("exists")), qPrintable(target));
        QVERIFY2(question.contains(QStringLiteral("already exists. Replace it?")), qPrintable(question));
        QVERIFY(stillOpen);
        QCOMPARE(test::readAll(file), QByteArray("# mine\n"));

        // "Yes" replaces it with the preview.
        test::ModalScript replace;
        replace.then<ui::CiDialog>([&](ui::CiDialog *d) {
                   nameIt(d);
                   test::clickLater(writeButton(d));
               })
            .answer(QMessageBox::Yes);
        replace.start();
        QTest::mouseClick(ciButton, Qt::LeftButton);
        QVERIFY2(replace.done() && replace.failure().isEmpty(), qPrintable(replace.failure()));
        QCOMPARE(test::readAll(file), preview.toUtf8());
    }

    // Develop in a project without .venv offers to create one: "No" runs nothing, "Yes" creates it and
    // installs the project there (maturin develop), importable from that venv.
};

QTEST_MAIN(TestGenerateCi)
#include "tst_generateci.moc"
