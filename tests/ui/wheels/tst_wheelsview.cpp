// The Wheels view, offscreen: open a real wheel through the workspace, wait for the background read,
// check the summary and the tabs, save a screenshot.
#include "support/TestPaths.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/WheelsView.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;
using namespace wb::ui;

class TestWheelsView : public QObject
{
    Q_OBJECT

    static QString sampleWheel()
    {
        const QString corpus = wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");
        if (QFile::exists(corpus))
            return corpus;
        const QStringList debian = QDir(QStringLiteral("/usr/share/python-wheels")).entryList({QStringLiteral("*.whl")});
        return debian.isEmpty() ? QString() : QStringLiteral("/usr/share/python-wheels/") + debian.first();
    }

private Q_SLOTS:
    void opensWheelAndShowsSummary()
    {
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("neither the corpus nor Debian's wheels are available");
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1200, 760);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openWheel(wheel);
        QVERIFY(ready.wait(60000));
        QCOMPARE(view.wheelPaths().size(), 1);
        const WheelReport &r = view.currentReport();
        QVERIFY(r.readable);
        QVERIFY(view.summaryText().contains(r.name.toHtmlEscaped()));
        QVERIFY(view.summaryText().contains(r.version));
        QVERIFY(view.summaryText().contains(r.tags.first()));
        QVERIFY(view.summaryText().contains(QLatin1String("Verdict")));
        if (wheel.contains(QLatin1String("python_mscl"))) {
            QVERIFY(view.summaryText().contains(QLatin1String("errors")));
            QVERIFY(view.summaryText().contains(QLatin1String("manylinux_2_31")));
        }
        auto *tabs = view.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QVERIFY(tabs->count() >= 7);
        const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-summary.png")));
        tabs->setCurrentIndex(1);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-files.png")));
        tabs->setCurrentIndex(5);
        QVERIFY(view.grab().save(dir + QStringLiteral("/wheels-sizemap.png")));
    }

    void projectWheelsAreListed()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("target/wheels")));
        const QString wheel = sampleWheel();
        if (wheel.isEmpty())
            QSKIP("no wheel to copy");
        QVERIFY(QFile::copy(wheel, dir.filePath(QStringLiteral("target/wheels/")) + QFileInfo(wheel).fileName()));
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        ws.openProject(dir.path());
        QCOMPARE(view.wheelPaths().size(), 1);
        QVERIFY(ready.wait(60000));
    }

    // Switching quickly: only the last selection's report is shown.
    void staleResultsAreDropped()
    {
        const QStringList debian = QDir(QStringLiteral("/usr/share/python-wheels")).entryList({QStringLiteral("*.whl")});
        if (debian.size() < 2)
            QSKIP("needs two wheels in /usr/share/python-wheels");
        Workspace ws;
        WheelsView view(&ws);
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(QStringLiteral("/usr/share/python-wheels/") + debian.at(0));
        view.addWheel(QStringLiteral("/usr/share/python-wheels/") + debian.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
        QTest::qWait(200);
        QVERIFY(view.currentReport().file.endsWith(debian.at(1)));
    }
};

QTEST_MAIN(TestWheelsView)
#include "tst_wheelsview.moc"
