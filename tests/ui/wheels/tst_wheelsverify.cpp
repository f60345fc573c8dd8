// The Wheels view's two passes, offscreen on real corpus wheels: the quick report's summary is shown
// before verification ends (RECORD says "verifying…"), the progress bar rises, Cancel (button or Esc)
// keeps the quick report and says so, Verify Again runs it again, a second wheel opened meanwhile
// never shows the first one's late results, and the full report replaces the quick one without
// moving the user (tab, selection, sort, scroll position). The full pass is held by a gate around
// the real inspector, so the tests see each phase on any machine. Screenshots go to <build>/screenshots/.
#include "support/TestPaths.h"

#include "ui/common/MainWindow.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/RecordFilterModel.h"
#include "ui/wheels/RecordModel.h"
#include "ui/wheels/RecordPage.h"
#include "ui/wheels/VerificationBar.h"
#include "ui/wheels/WheelInspection.h"
#include "ui/wheels/WheelsView.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QMutex>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <QThread>
#include <QToolButton>
#include <QTreeView>
#include <QWaitCondition>

#include <atomic>
#include <memory>

using namespace wb;
using namespace wb::ui;

namespace {

QString corpusWheel(const char *name)
{
    return wb::test::corpusDir() + QStringLiteral("/wheels/auditwheel/") + QString::fromLatin1(name);
}

QString shot(const QString &name)
{
    const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Holds the full pass of the real inspector until released (or cancelled), reporting a rising
// progress meanwhile. The quick pass runs at once.
struct Gate {
    QMutex mutex;
    bool open = false;
    bool ignoreCancel = false;   // a worker that finishes anyway: its late result must be dropped
    std::atomic<int> started{0};
    std::atomic<int> cancelledSeen{0};

    void release()
    {
        QMutexLocker lock(&mutex);
        open = true;
    }
    bool isOpen()
    {
        QMutexLocker lock(&mutex);
        return open;
    }
    WheelInspection::Inspector inspector()
    {
        return [this](const QString &path, const InspectOptions &options) {
            if (!options.verifyHashes)
                return inspectWheel(path, options);
            ++started;
            for (qint64 i = 0; !isOpen(); ++i) {
                if (options.cancel && options.cancel->load() && !ignoreCancel) {
                    ++cancelledSeen;
                    WheelReport r;
                    r.file = path;
                    r.cancelled = true;
                    return r;
                }
                if (options.progress)
                    options.progress(std::min<qint64>(i, 900), 1000);
                QThread::msleep(5);
            }
            return inspectWheel(path, options);
        };
    }
};

struct HeldView {
    Workspace ws;
    WheelsView view{&ws};
    Gate gate;
    HeldView()
    {
        view.inspection()->setInspector(gate.inspector());
        view.inspection()->setProgressInterval(10);
        view.resize(1200, 760);
        view.show();
    }
    QTabWidget *tabs() { return view.findChild<QTabWidget *>(); }
    RecordPage *record() { return view.findChild<RecordPage *>(QStringLiteral("record")); }
    QTreeView *recordTable() { return view.findChild<QTreeView *>(QStringLiteral("recordEntries")); }
    QTreeView *files() { return view.findChild<QTreeView *>(QStringLiteral("files")); }
    QProgressBar *bar() { return view.findChild<QProgressBar *>(QStringLiteral("verificationProgress")); }
    QToolButton *recordVerifyAgain()
    {
        for (QToolButton *b : record()->findChildren<QToolButton *>())
            if (b->defaultAction() == view.verificationBar()->verifyAgainAction())
                return b;
        return nullptr;
    }
    bool openHeld(const QString &wheel)
    {
        QSignalSpy shown(&view, &WheelsView::summaryShown);
        view.addWheel(wheel);
        // The summary first; Files, RECORD and the size map one turn of the event loop later.
        return shown.wait(60000) && view.currentReport().file == QFileInfo(wheel).absoluteFilePath()
            && QTest::qWaitFor([this] { return files()->model()->rowCount() > 0; }, 10000);
    }
};

} // namespace

class TestWheelsVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")))
            QSKIP(qPrintable(wb::test::corpusMissingReason()));
    }

    // 0. The bar says how long verification took in units that fit: a small wheel's few
    //    milliseconds are not "0.0 s".
    void finishedSaysHowLong_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<QString>("took");
        const QLocale l;
        QTest::newRow("instant") << qint64(0) << QStringLiteral("under 1 ms");
        QTest::newRow("7 ms") << qint64(7) << QStringLiteral("7 ms");
        QTest::newRow("999 ms") << qint64(999) << QStringLiteral("999 ms");
        QTest::newRow("1 s") << qint64(1000) << l.toString(1.0, 'f', 1) + QStringLiteral(" s");
        QTest::newRow("2.3 s") << qint64(2345) << l.toString(2.3, 'f', 1) + QStringLiteral(" s");
    }
    void finishedSaysHowLong()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(QString, took);
        wb::ui::VerificationBar bar;
        bar.start(QStringLiteral("demo-1.0-py3-none-any.whl"));
        bar.finish(0, 0, elapsedMs);
        QCOMPARE(bar.text(), QStringLiteral("Every hash and size matches RECORD (verified in %1).").arg(took));
        bar.finish(3, 0, elapsedMs);
        QVERIFY2(bar.text().startsWith(QStringLiteral("Verified in %1: 3 entries").arg(took)), qPrintable(bar.text()));
    }

    // 1. The quick report is on screen while the full pass is held: summary, files, metadata and
    //    extensions; RECORD says "verifying…" (neither ok nor "not verified"). Then the full report.
    void summaryBeforeVerification()
    {
        HeldView v;
        const QString wheel = corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl");
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QVERIFY(v.openHeld(wheel));
        QCOMPARE(v.view.verification(), Verification::Running);
        QVERIFY(ready.isEmpty());
        QVERIFY(!v.view.currentReport().record.verified);
        QVERIFY2(v.view.summaryText().contains(QStringLiteral("verifying…")), qPrintable(v.view.summaryText()));
        QVERIFY(!v.view.summaryText().contains(QStringLiteral("all hashes and sizes verified")));
        QVERIFY(!v.view.summaryText().contains(QStringLiteral("not hashed")));
        QVERIFY2(v.record()->summaryText().contains(QStringLiteral("verifying…")), qPrintable(v.record()->summaryText()));
        QVERIFY(v.files()->model()->rowCount() > 0);
        QVERIFY(!v.view.currentReport().extensions.isEmpty());
        const QModelIndex firstStatus = v.recordTable()->model()->index(0, RecordModel::StatusColumn);
        QTRY_VERIFY(v.view.verificationBar()->isVisible());
        QVERIFY(v.view.verificationBar()->cancelAction()->isEnabled());
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-verifying.png"))));
        bool anyVerifying = false;
        QString ownRow; // RECORD's own row has no digest to check: "not hashed", never "verifying…"
        for (int row = 0; row < v.recordTable()->model()->rowCount(); ++row) {
            const QAbstractItemModel *m = v.recordTable()->model();
            const QString status = m->index(row, RecordModel::StatusColumn).data().toString();
            anyVerifying |= status == QStringLiteral("verifying…");
            if (m->index(row, RecordModel::PathColumn).data().toString().endsWith(QLatin1String(".dist-info/RECORD")))
                ownRow = status;
        }
        QVERIFY2(anyVerifying, qPrintable(firstStatus.data().toString()));
        QCOMPARE(ownRow, QStringLiteral("not hashed"));
        v.tabs()->setCurrentWidget(v.record());
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-record-verifying.png"))));

        v.gate.release();
        QVERIFY(ready.wait(60000));
        QCOMPARE(v.view.verification(), Verification::Finished);
        QVERIFY(v.view.currentReport().record.verified);
        QVERIFY2(v.view.summaryText().contains(QStringLiteral("all hashes and sizes verified")), qPrintable(v.view.summaryText()));
        QVERIFY(!v.view.summaryText().contains(QStringLiteral("verifying")));
        QVERIFY2(v.record()->summaryText().contains(QStringLiteral("every hash and size verified")), qPrintable(v.record()->summaryText()));
        QCOMPARE(v.bar()->value(), v.bar()->maximum());
        QVERIFY2(v.view.verificationBar()->text().contains(QStringLiteral("matches RECORD")), qPrintable(v.view.verificationBar()->text()));
        QVERIFY(!v.view.verificationBar()->cancelAction()->isEnabled());
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-record-verified.png"))));
        v.tabs()->setCurrentIndex(0);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-verified.png"))));
    }

    // 1b. A wheel whose data matches RECORD but whose CRC-32 fields are wrong (a real wheel, one member's
    //     CRC flipped in both headers): the bar does not say "Verified", and says that pip refuses it.
    void archiveChecksFailDespiteRecord()
    {
        QFile in(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray zip = in.readAll();
        const qsizetype central = zip.indexOf(QByteArrayLiteral("PK\x01\x02"));
        QVERIFY(central > 0);
        const qsizetype local = qsizetype(qFromLittleEndian<quint32>(zip.constData() + central + 42));
        zip[central + 16] = char(zip.at(central + 16) ^ 0x01);
        zip[local + 14] = char(zip.at(local + 14) ^ 0x01);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cffi-1.5.0-cp27-none-linux_x86_64.whl"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(zip) == zip.size());
        out.close();

        HeldView v;
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QVERIFY(v.openHeld(path));
        v.gate.release();
        QVERIFY(ready.wait(60000));
        const QString text = v.view.verificationBar()->text();
        QVERIFY2(text.startsWith(QStringLiteral("RECORD matches")), qPrintable(text)); // RECORD itself is fine
        QVERIFY2(text.contains(QStringLiteral("CRC-32")) && text.contains(QStringLiteral("pip refuses")), qPrintable(text));
        QTest::qWait(50); // the bar's layout settles before the picture
        QCOMPARE(v.bar()->format(), QStringLiteral("Problems"));
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-crc-mismatch.png"))));
    }

    // 2. The progress bar is determinate and rises while the full pass reports progress.
    void progressRises()
    {
        HeldView v;
        QVERIFY(v.openHeld(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")));
        QCOMPARE(v.bar()->minimum(), 0);
        QVERIFY(v.bar()->maximum() > 0);
        QTRY_VERIFY(v.bar()->value() > 0);
        const int first = v.bar()->value();
        QTRY_VERIFY(v.bar()->value() > first);
        QVERIFY(v.bar()->value() < v.bar()->maximum());
        v.gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(v.view.verification(), Verification::Finished, 60000);
        QCOMPARE(v.bar()->value(), v.bar()->maximum());
    }

    // 2b. With the real inspector (no gate): progress arrives from its worker threads, in bounds and
    //     never backwards, and ends on the full report.
    void realProgress()
    {
        Workspace ws;
        WheelsView view(&ws);
        view.inspection()->setProgressInterval(1);
        QList<QPair<qint64, qint64>> seen;
        connect(view.inspection(), &WheelInspection::progress, this, [&seen](qint64 done, qint64 total) { seen.append({done, total}); });
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(corpusWheel("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"));
        QVERIFY(ready.wait(60000));
        QVERIFY(view.currentReport().record.verified);
        QVERIFY(!seen.isEmpty());
        for (qsizetype i = 0; i < seen.size(); ++i) {
            QVERIFY(seen.at(i).first >= 0 && seen.at(i).first <= seen.at(i).second);
            if (i > 0)
                QVERIFY(seen.at(i).first >= seen.at(i - 1).first);
        }
    }

    // 3. Cancel keeps the quick report and says so; Verify Again (on the RECORD tab) verifies.
    void cancelThenVerifyAgain()
    {
        HeldView v;
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QVERIFY(v.openHeld(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")));
        const int filesShown = v.files()->model()->rowCount();
        QTRY_VERIFY(v.gate.started.load() == 1);
        v.view.verificationBar()->cancelAction()->trigger();
        QCOMPARE(v.view.verification(), Verification::Cancelled);
        QTRY_COMPARE(v.gate.cancelledSeen.load(), 1);   // the worker was told to stop
        QVERIFY2(v.view.summaryText().contains(QStringLiteral("verification cancelled")), qPrintable(v.view.summaryText()));
        QVERIFY2(v.record()->summaryText().contains(QStringLiteral("verification cancelled")), qPrintable(v.record()->summaryText()));
        QVERIFY(!v.view.currentReport().record.verified);
        QCOMPARE(v.files()->model()->rowCount(), filesShown);   // the quick report stays
        v.tabs()->setCurrentWidget(v.record());
        QToolButton *again = v.recordVerifyAgain();
        QVERIFY(again);
        QTRY_VERIFY(again->isVisible());
        QVERIFY(v.bar()->format().contains(QStringLiteral("Cancelled")));
        // One Verify Again on screen: the bar's own steps aside beside the RECORD page's.
        QToolButton *barAgain = nullptr;
        for (QToolButton *b : v.view.verificationBar()->findChildren<QToolButton *>())
            if (b->defaultAction() == v.view.verificationBar()->verifyAgainAction())
                barAgain = b;
        QVERIFY(barAgain && !barAgain->isVisible());
        v.tabs()->setCurrentIndex(0);
        QVERIFY(barAgain->isVisible());
        v.tabs()->setCurrentWidget(v.record());
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-verification-cancelled.png"))));
        QTest::qWait(50);
        QVERIFY(ready.isEmpty());

        v.gate.release();
        QTest::mouseClick(again, Qt::LeftButton);
        QCOMPARE(v.view.verification(), Verification::Running);
        QVERIFY(ready.wait(60000));
        QCOMPARE(v.gate.started.load(), 2);
        QVERIFY(v.view.currentReport().record.verified);
        QVERIFY(!again->isVisible());
        QVERIFY2(v.record()->summaryText().contains(QStringLiteral("every hash and size verified")), qPrintable(v.record()->summaryText()));
    }

    // 3b. In the window, Esc (the shared Cancel action) stops the verification of the Wheels area.
    void escapeCancelsInTheWindow()
    {
        MainWindow window;
        Gate gate;
        window.wheelsView()->inspection()->setInspector(gate.inspector());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(window.wheelsView(), &WheelsView::summaryShown);
        QVERIFY(window.openPath(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")));
        QVERIFY(shown.wait(60000));
        QCOMPARE(window.currentArea(), MainWindow::WheelsArea);
        auto *cancel = window.findChild<QAction *>(QStringLiteral("action/cancel"));
        QVERIFY(cancel);
        QTRY_VERIFY(cancel->isEnabled());
        auto *bar = window.wheelsView()->findChild<QProgressBar *>(QStringLiteral("verificationProgress"));
        QTRY_VERIFY(bar->value() > 50);   // the window as a user sees it mid-way
        QVERIFY(window.grab().save(shot(QStringLiteral("window-wheels-verifying.png"))));
        window.wheelsView()->findChild<QTreeView *>(QStringLiteral("files"))->setFocus();
        QTest::keyClick(window.wheelsView()->findChild<QTreeView *>(QStringLiteral("files")), Qt::Key_Escape);
        QCOMPARE(window.wheelsView()->verification(), Verification::Cancelled);
        QVERIFY(!cancel->isEnabled());
        QTRY_COMPARE(gate.cancelledSeen.load(), 1);
    }

    // 4. A second wheel opened while the first is verified: the first's late results never show.
    void secondWheelDropsTheFirst()
    {
        HeldView v;
        v.gate.ignoreCancel = true;   // the first worker finishes anyway, after the second wheel is shown
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QSignalSpy shown(&v.view, &WheelsView::summaryShown);
        const QString first = QFileInfo(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")).absoluteFilePath();
        const QString second = QFileInfo(corpusWheel("plumbum-1.6.8-py2.py3-none-any.whl")).absoluteFilePath();
        QVERIFY(v.openHeld(first));
        QTRY_VERIFY(v.gate.started.load() == 1);
        v.view.addWheel(second);
        QCOMPARE(v.view.verification(), Verification::None);   // the first's verification is over
        QTRY_VERIFY_WITH_TIMEOUT(v.view.currentReport().file == second, 60000);
        v.gate.release();   // both full passes now end: the first's result arrives late
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
        QTest::qWait(300);
        for (const QList<QVariant> &signal : std::as_const(ready))
            QCOMPARE(signal.first().toString(), second);
        QCOMPARE(shown.last().first().toString(), second);
        QCOMPARE(v.view.currentReport().file, second);
        QVERIFY(v.view.currentReport().record.verified);
        QVERIFY(v.view.summaryText().contains(QStringLiteral("plumbum")));
        QVERIFY(!v.view.summaryText().contains(QStringLiteral("cffi")));
    }

    // 5. The full report replaces the quick one where the user is: current tab, the selected RECORD
    //    row and Files item, sort orders, scroll position.
    void userPlaceSurvives()
    {
        HeldView v;
        v.view.resize(1200, 400);   // short, so RECORD scrolls
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QVERIFY(v.openHeld(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl")));
        // Files: sorted by name, descending; an item selected.
        v.tabs()->setCurrentWidget(v.files()->parentWidget());
        v.files()->sortByColumn(0, Qt::DescendingOrder);
        v.files()->expandAll();
        const QModelIndex fileItem = v.files()->model()->index(1, 0);
        QVERIFY(fileItem.isValid());
        v.files()->setCurrentIndex(fileItem);
        const QString filePath = fileItem.data(Qt::UserRole).toString();
        // RECORD: sorted by path descending, a row in the middle selected, scrolled.
        v.tabs()->setCurrentWidget(v.record());
        auto *combo = v.record()->findChild<QComboBox *>(QStringLiteral("recordStatus"));
        combo->setCurrentIndex(combo->findData(RecordFilterModel::AnyStatus));
        Q_EMIT combo->activated(combo->currentIndex());   // as a user's pick
        QTreeView *table = v.recordTable();
        table->sortByColumn(RecordModel::PathColumn, Qt::DescendingOrder);
        const int rows = table->model()->rowCount();
        QVERIFY(rows > 20);
        const QModelIndex row = table->model()->index(rows / 2, RecordModel::PathColumn);
        table->setCurrentIndex(row);
        table->scrollTo(row, QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const QString recordPath = row.data().toString();
        const int scroll = table->verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        v.gate.release();
        QVERIFY(ready.wait(60000));
        QVERIFY(v.view.currentReport().record.verified);
        QCOMPARE(v.tabs()->currentWidget(), v.record());
        QCOMPARE(table->currentIndex().data().toString(), recordPath);
        QCOMPARE(table->header()->sortIndicatorSection(), int(RecordModel::PathColumn));
        QCOMPARE(table->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(table->verticalScrollBar()->value(), scroll);
        QCOMPARE(combo->currentData().toInt(), int(RecordFilterModel::AnyStatus));
        QCOMPARE(table->model()->rowCount(), rows);
        QCOMPARE(table->model()->index(rows / 2, RecordModel::StatusColumn).data().toString(), RecordEntry::statusName(RecordEntry::Status::Verified));
        QCOMPARE(v.files()->currentIndex().data(Qt::UserRole).toString(), filePath);
        QCOMPARE(v.files()->header()->sortIndicatorSection(), 0);
        QCOMPARE(v.files()->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(v.files()->isExpanded(v.files()->model()->index(0, 0)));
    }

    // 5b. A wheel rewritten on disk while verified (a rebuild): the full report is shown whole, not
    //     merged into the quick one's tabs.
    void rewrittenWhileVerifying()
    {
        QTemporaryDir dir;
        const QString wheel = dir.filePath(QStringLiteral("cffi-1.5.0-cp27-none-linux_x86_64.whl"));
        QVERIFY(QFile::copy(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl"), wheel));
        HeldView v;
        QSignalSpy ready(&v.view, &WheelsView::reportReady);
        QVERIFY(v.openHeld(wheel));
        const qsizetype quickFiles = v.view.currentReport().files.size();
        QVERIFY(QFile::remove(wheel));
        QVERIFY(QFile::copy(corpusWheel("plumbum-1.6.8-py2.py3-none-any.whl"), wheel));
        v.gate.release();
        QVERIFY(ready.wait(60000));
        QVERIFY(v.view.currentReport().files.size() != quickFiles);
        QVERIFY(v.view.summaryText().contains(QStringLiteral("plumbum")));
        QCOMPARE(v.files()->model()->index(0, 0).data(Qt::UserRole).toString(), QStringLiteral("plumbum"));
        QCOMPARE(v.view.verification(), Verification::Finished);
    }

    // 6. Closing the view while verifying cancels and waits for the worker, without hanging.
    void closingWhileVerifying()
    {
        Gate gate;   // outlives the view and its worker
        Workspace ws;
        auto *view = new WheelsView(&ws);
        view->inspection()->setInspector(gate.inspector());
        view->show();
        QSignalSpy shown(view, &WheelsView::summaryShown);
        view->addWheel(corpusWheel("cffi-1.5.0-cp27-none-linux_x86_64.whl"));
        QVERIFY(shown.wait(60000));
        QTRY_VERIFY(gate.started.load() == 1);
        QElapsedTimer clock;
        clock.start();
        delete view;
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(gate.cancelledSeen.load(), 1);   // told to stop, and waited for
        QCoreApplication::processEvents();          // late deliveries to the deleted view: none
    }
};

QTEST_MAIN(TestWheelsVerify)
#include "tst_wheelsverify.moc"
