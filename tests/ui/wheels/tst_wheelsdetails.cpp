// The Wheels view's details, offscreen on real corpus wheels: a policy blocker that holds for every
// policy said once; resizable columns, elided text with full (demangled) tooltips; the wheel list's
// whole names; closing wheels; the RECORD tab (every entry, its status, filters, 60,000 rows); one
// size format; a renamed package compared. Screenshots go to <build>/screenshots/.
#include "core/wheel/RenamedWheel.h"
#include "support/TestPaths.h"

#include "core/binary/Demangle.h"
#include "core/common/SizeFormat.h"
#include "ui/common/PlaceholderPage.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/ExtensionsTree.h"
#include "ui/wheels/ItemText.h"
#include "ui/wheels/RecordFilterModel.h"
#include "ui/wheels/RecordModel.h"
#include "ui/wheels/RecordPage.h"
#include "ui/wheels/SizeTreemap.h"
#include "ui/wheels/SummaryHtml.h"
#include "ui/wheels/WheelCompareView.h"
#include "ui/wheels/WheelsView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QToolTip>
#include <QTreeWidget>
#include <QWheelEvent>

#include <functional>

using namespace wb;
using namespace wb::ui;

namespace {

QString wheelPath(const char *relative)
{
    return wb::test::corpusDir() + QStringLiteral("/wheels/") + QString::fromUtf8(relative);
}

QString plain(const QVariant &toolTip)
{
    return QTextDocumentFragment::fromHtml(toolTip.toString()).toPlainText();
}

QString shot(const QString &name)
{
    const QString dir = wb::test::binaryDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Shows TEXT as the tooltip of WIDGET and saves a picture of the tooltip window as the user sees it.
bool grabToolTip(QWidget *widget, const QString &text, const QString &file)
{
    QToolTip::showText(widget->mapToGlobal(QPoint(20, 20)), text, widget);
    QWidget *tip = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->inherits("QTipLabel") && w->isVisible())
            tip = w;
    const bool saved = tip && tip->grab().save(file);
    QToolTip::hideText();
    return saved;
}

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    return nullptr;
}

// Opens WHEEL in a fresh view and waits for its report.
struct OpenedView {
    Workspace ws;
    WheelsView view{&ws};
    bool open(const QString &wheel)
    {
        view.resize(1200, 760);
        view.show();
        QSignalSpy ready(&view, &WheelsView::reportReady);
        view.addWheel(wheel);
        return ready.wait(60000) && view.currentReport().file == QFileInfo(wheel).absoluteFilePath();
    }
    QTabWidget *tabs() { return view.findChild<QTabWidget *>(); }
};

} // namespace

class TestWheelsDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 0. The verdict counts its errors and warnings in English: "1 warning", "2 warnings", "0 errors".
    void verdictCountsInWords_data()
    {
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<QString>("said");
        QTest::newRow("none") << 0 << 0 << QStringLiteral("0 errors, 0 warnings");
        QTest::newRow("one warning") << 0 << 1 << QStringLiteral("0 errors, 1 warning");
        QTest::newRow("one error") << 1 << 2 << QStringLiteral("1 error, 2 warnings");
    }
    void verdictCountsInWords()
    {
        QFETCH(int, errors);
        QFETCH(int, warnings);
        QFETCH(QString, said);
        wb::WheelReport r;
        r.readable = true;
        r.name = QStringLiteral("demo");
        for (int i = 0; i < errors; ++i)
            wb::addFinding(r.findings, QStringLiteral("e%1").arg(i), wb::Finding::Severity::Error, QStringLiteral("an error"));
        for (int i = 0; i < warnings; ++i)
            wb::addFinding(r.findings, QStringLiteral("w%1").arg(i), wb::Finding::Severity::Warning, QStringLiteral("a warning"));
        const QString html = wb::ui::wheelSummaryHtml(r);
        QVERIFY2(html.contains(QRegularExpression(QStringLiteral("— ") + said + QStringLiteral("(?![a-z])"))), qPrintable(html));
    }

    // 1. zcalloc/zcfree block every manylinux policy: one sentence, not one row per policy.
    void blockerOfEveryPolicySaidOnce()
    {
        WB_REQUIRE_CORPUS();
        OpenedView v;
        QVERIFY(v.open(wheelPath("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl")));
        auto *extensions = v.view.findChild<ExtensionsTree *>(QStringLiteral("extensions"));
        const QString text = extensions->plainText();
        const QString sentence = QStringLiteral("blocks every manylinux policy: libz.so.1 symbols zcalloc, zcfree");
        QCOMPARE(text.count(sentence), 1);
        // Not once more per policy (the symbol version row names zcalloc as one of ZLIB_1.2.0's symbols).
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("for manylinux_[^\\n]*black-listed|for manylinux_[^\\n]*symbols zcalloc"))),
                 qPrintable(text));
        QCOMPARE(text.count(QLatin1String("symbols zcalloc, zcfree")), 1);
        // The summary says it too, once.
        QCOMPARE(v.view.summaryText().count(sentence), 1);
        v.tabs()->setCurrentWidget(extensions);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-policy-blocker.png"))));
    }

    // 1b. An empty findings list says that nothing was found wrong; a list with findings does not.
    void emptyFindingsSaySo_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<bool>("empty");
        QTest::newRow("healthy abi3 wheel") << QStringLiteral("delvewheel/h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl") << true;
        QTest::newRow("wheel with findings") << QStringLiteral("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl") << false;
    }

    void emptyFindingsSaySo()
    {
        QFETCH(QString, wheel);
        QFETCH(bool, empty);
        WB_REQUIRE_CORPUS();
        OpenedView v;
        QVERIFY(v.open(wheelPath(qPrintable(wheel))));
        auto *findings = v.view.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QVERIFY(findings);
        v.tabs()->setCurrentWidget(findings);
        auto *message = findings->viewport()->findChild<QLabel *>(QStringLiteral("emptyViewMessage"));
        QVERIFY(message);
        QTRY_COMPARE(findings->topLevelItemCount() == 0, empty);
        QCOMPARE(message->isVisible(), empty);
        QVERIFY(message->text().startsWith(QStringLiteral("No findings")));
    }

    // 2. Every list and table: interactive columns, the last one stretching.
    void columnsResize_data()
    {
        QTest::addColumn<QString>("view");
        for (const char *name : {"files", "metadata", "recordEntries", "extensions", "findings", "compareChanges"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void columnsResize()
    {
        QFETCH(QString, view);
        Workspace ws;
        WheelsView wheels(&ws);
        wheels.resize(1200, 760);
        wheels.show();
        auto *itemView = wheels.findChild<QAbstractItemView *>(view);
        QVERIFY(itemView);
        QHeaderView *header = headerOf(itemView);
        QVERIFY(header);
        QVERIFY(header->stretchLastSection());
        QVERIFY(header->count() >= 2);
        for (int i = 0; i < header->count() - 1; ++i)
            QCOMPARE(header->sectionResizeMode(i), QHeaderView::Interactive);
        const int before = header->sectionSize(0);
        header->resizeSection(0, before + 37);
        QCOMPARE(header->sectionSize(0), before + 37);
    }

    // 2. Paths elide in the middle, other text at the right; tooltips hold the full text.
    void elidesWithToolTips_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("mode");
        QTest::newRow("file names") << QStringLiteral("files") << 0 << int(Qt::ElideMiddle);
        QTest::newRow("RECORD paths") << QStringLiteral("recordEntries") << 0 << int(Qt::ElideMiddle);
        QTest::newRow("RECORD status") << QStringLiteral("recordEntries") << 1 << int(Qt::ElideRight);
        QTest::newRow("finding paths") << QStringLiteral("findings") << 2 << int(Qt::ElideMiddle);
        QTest::newRow("finding messages") << QStringLiteral("findings") << 3 << int(Qt::ElideRight);
        QTest::newRow("extension rows") << QStringLiteral("extensions") << 0 << int(Qt::ElideMiddle);
        QTest::newRow("extension values") << QStringLiteral("extensions") << 1 << int(Qt::ElideRight);
        QTest::newRow("metadata values") << QStringLiteral("metadata") << 1 << int(Qt::ElideRight);
        QTest::newRow("compared paths") << QStringLiteral("compareChanges") << 0 << int(Qt::ElideMiddle);
    }

    void elidesWithToolTips()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, view);
        QFETCH(int, column);
        QFETCH(int, mode);
        OpenedView v;
        QVERIFY(v.open(wheelPath("wheel-inspect/bad-wheels/digest_mismatch-1.0.0-py3-none-any.whl")));
        auto *itemView = v.view.findChild<QAbstractItemView *>(view);
        QVERIFY(itemView);
        QAbstractItemDelegate *any = itemView->itemDelegateForColumn(column);
        auto *delegate = qobject_cast<ElideDelegate *>(any ? any : itemView->itemDelegate());
        QVERIFY2(delegate, "an eliding delegate");
        QCOMPARE(int(delegate->mode()), mode);
        // The first row's text is in its tooltip in full.
        const QModelIndex first = itemView->model()->index(0, column);
        if (first.isValid() && !first.data().toString().isEmpty() && view != QLatin1String("files"))
            QVERIFY2(plain(first.data(Qt::ToolTipRole)).contains(first.data().toString()),
                     qPrintable(first.data().toString() + QStringLiteral(" / ") + plain(first.data(Qt::ToolTipRole))));
    }

    // 2. A narrow Files column: long names elide in the middle, the tooltip has the whole path.
    void filesToolTipHasWholePath()
    {
        WB_REQUIRE_CORPUS();
        OpenedView v;
        QVERIFY(v.open(wheelPath("wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl")));
        auto *files = v.view.findChild<QTreeView *>(QStringLiteral("files"));
        QAbstractItemModel *m = files->model();
        QModelIndex found;
        for (int r = 0; r < m->rowCount() && !found.isValid(); ++r)
            for (int c = 0; c < m->rowCount(m->index(r, 0)); ++c)
                if (m->index(c, 0, m->index(r, 0)).data(Qt::UserRole).toString() == QLatin1String("qypi-0.4.1.dist-info/DESCRIPTION.rst"))
                    found = m->index(c, 0, m->index(r, 0));
        QVERIFY(found.isValid());
        QCOMPARE(plain(found.data(Qt::ToolTipRole)), QStringLiteral("qypi-0.4.1.dist-info/DESCRIPTION.rst"));
        v.tabs()->setCurrentIndex(1);
        files->header()->resizeSection(0, 150);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-files-elided.png"))));
    }

    // 2. C++ symbols: demangled in the cells, demangled and mangled in the tooltips.
    void demangledSymbols()
    {
        WB_REQUIRE_CORPUS();
        OpenedView v;
        QVERIFY(v.open(wheelPath("auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl")));
        auto *tree = v.view.findChild<ExtensionsTree *>(QStringLiteral("extensions"));
        int checked = 0;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QTreeWidgetItem *group = tree->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i) {
                const QTreeWidgetItem *row = group->child(i);
                const QString tip = plain(row->toolTip(1));
                QVERIFY2(tip.count(QLatin1Char('\n')) < 40, qPrintable(row->text(0)));   // fits on a screen
                static const QRegularExpression mangled(QStringLiteral("(?<![A-Za-z0-9_])_Z[A-Za-z0-9_]+"));
                const QRegularExpressionMatch m = mangled.match(tip);
                if (!m.hasMatch() || demangleSymbol(m.captured()) == m.captured())
                    continue;
                ++checked;
                QVERIFY2(tip.contains(demangleSymbol(m.captured())), qPrintable(tip.left(400)));
                QVERIFY2(!row->text(1).contains(m.captured()), qPrintable(row->text(1)));
                if (checked == 1)
                    QVERIFY(grabToolTip(tree->viewport(), row->toolTip(1), shot(QStringLiteral("wheels-tooltip-demangled.png"))));
            }
        }
        QVERIFY2(checked > 0, "python_mscl needs C++ symbols of libstdc++");
        v.tabs()->setCurrentWidget(tree);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-extensions-demangled.png"))));
    }

    // 3. The list keeps whole names and elides in the middle, so the tags at the end stay.
    void wheelListShowsWholeNames()
    {
        WB_REQUIRE_CORPUS();
        const QString wheel = wheelPath("delvewheel/simpleext-0.0.1-graalpy312-graalpy250_312_native-win_amd64.whl");
        OpenedView v;
        QVERIFY(v.open(wheel));
        auto *list = v.view.findChild<QListWidget *>(QStringLiteral("wheelList"));
        QCOMPARE(list->textElideMode(), Qt::ElideMiddle);
        auto *delegate = qobject_cast<ElideDelegate *>(list->itemDelegate());
        QVERIFY(delegate);
        QCOMPARE(delegate->mode(), Qt::ElideMiddle);
        // Items are as wide as the list, not as their text: a long name elides, no scroll bar appears.
        QCOMPARE(list->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QVERIFY(list->visualItemRect(list->item(0)).width() <= list->viewport()->width());
        QCOMPARE(list->item(0)->text(), QFileInfo(wheel).fileName());
        const QString tip = plain(list->item(0)->toolTip());
        QVERIFY(tip.contains(QFileInfo(wheel).fileName()));
        QVERIFY(tip.contains(QDir::toNativeSeparators(QFileInfo(wheel).absoluteFilePath())));
        QVERIFY(list->width() >= 200);   // room for a name by default
        v.view.addWheel(wheelPath("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl"), false);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-list.png"))));
    }

    // 4. Close (action, Delete key, or closeWheel): the neighbour is shown, the workspace forgets it.
    void closesWheels_data()
    {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("closed");
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("shownAfter");   // index into the original list
        QTest::newRow("current in the middle, action") << 1 << 1 << QStringLiteral("action") << 2;
        QTest::newRow("current at the end, Delete key") << 2 << 2 << QStringLiteral("key") << 1;
        QTest::newRow("first, Delete key") << 0 << 0 << QStringLiteral("key") << 1;
        QTest::newRow("another one") << 0 << 2 << QStringLiteral("call") << 0;
    }

    void closesWheels()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(int, current);
        QFETCH(int, closed);
        QFETCH(QString, how);
        QFETCH(int, shownAfter);
        QStringList wheels;
        for (const char *w : {"wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl", "wheel-inspect/bad-wheels/digest_mismatch-1.0.0-py3-none-any.whl",
                              "auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl"})
            wheels.append(QDir::cleanPath(QFileInfo(wheelPath(w)).absoluteFilePath()));
        Workspace ws;
        WheelsView view(&ws);
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const QString &w : wheels)
            ws.openWheel(w);
        auto *list = view.findChild<QListWidget *>(QStringLiteral("wheelList"));
        QCOMPARE(list->count(), 3);
        list->setCurrentRow(current);
        QTRY_COMPARE_WITH_TIMEOUT(view.currentReport().file, wheels.at(current), 20000);
        QVERIFY(view.closeAction()->isEnabled());

        if (how == QLatin1String("action")) {
            view.closeAction()->trigger();
        } else if (how == QLatin1String("key")) {
            view.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&view));
            list->setFocus();
            QTRY_VERIFY(list->hasFocus());
            QTest::keyClick(list, Qt::Key_Delete);
        } else {
            view.closeWheel(wheels.at(closed));
        }
        QStringList left = wheels;
        left.removeAt(closed);
        QCOMPARE(view.wheelPaths(), left);
        QVERIFY(!ws.wheels().contains(wheels.at(closed)));
        QCOMPARE(ws.wheels().size(), 2);
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), wheels.at(shownAfter));
        QTRY_COMPARE_WITH_TIMEOUT(view.currentReport().file, wheels.at(shownAfter), 20000);
        auto *compareWith = view.compareView()->findChild<QComboBox *>(QStringLiteral("compareWith"));
        QCOMPARE(compareWith->findData(wheels.at(closed)), -1);

        // Closing the rest leaves the empty state.
        while (list->count() > 0)
            view.closeWheel(list->item(0)->data(Qt::UserRole).toString());
        QVERIFY(ws.wheels().isEmpty());
        QVERIFY(ws.currentWheel().isEmpty());
        QVERIFY(!view.closeAction()->isEnabled());
        const auto placeholderShown = [&view] {
            auto *pages = qobject_cast<QStackedWidget *>(view.placeholder()->parentWidget());
            return pages && pages->currentWidget() == view.placeholder();
        };
        QVERIFY(placeholderShown());
        QVERIFY(view.summaryText().isEmpty());
        QCOMPARE(view.findChild<QTreeView *>(QStringLiteral("files"))->model()->rowCount(), 0);
        QTest::qWait(100);   // a read still on its way for a closed file is dropped
        QVERIFY(placeholderShown());
        QVERIFY(view.summaryText().isEmpty());
    }

    // 5. RECORD: every entry with its status, filtered by path and by status.
    void recordTab_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("entries");
        QTest::newRow("hash mismatch") << QStringLiteral("wheel-inspect/bad-wheels/digest_mismatch-1.0.0-py3-none-any.whl") << QStringLiteral("module.py")
                                       << QStringLiteral("hash mismatch") << 4;
        QTest::newRow("size mismatch") << QStringLiteral("wheel-inspect/bad-wheels/size_mismatch-1.0.0-py3-none-any.whl") << QStringLiteral("module.py")
                                       << QStringLiteral("size mismatch") << 4;
        QTest::newRow("missing") << QStringLiteral("wheel-inspect/bad-wheels/missing_file-1.0.0-py3-none-any.whl") << QStringLiteral("missing.py")
                                 << QStringLiteral("missing from the archive") << 5;
        QTest::newRow("not listed") << QStringLiteral("wheel-inspect/bad-wheels/extra_file-1.0.0-py3-none-any.whl") << QStringLiteral("extra.py")
                                    << QStringLiteral("not listed in RECORD") << 5;
        QTest::newRow("verified") << QStringLiteral("wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl") << QStringLiteral("qypi/api.py")
                                  << QStringLiteral("verified") << 12;
    }

    void recordTab()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, wheel);
        QFETCH(QString, path);
        QFETCH(QString, status);
        QFETCH(int, entries);
        OpenedView v;
        QVERIFY(v.open(wheelPath(wheel.toUtf8().constData())));
        auto *page = v.view.findChild<RecordPage *>(QStringLiteral("record"));
        auto *table = page->findChild<QTreeView *>(QStringLiteral("recordEntries"));
        auto *filter = page->findChild<QLineEdit *>(QStringLiteral("recordFilter"));
        auto *combo = page->findChild<QComboBox *>(QStringLiteral("recordStatus"));
        QCOMPARE(page->model()->rowCount(), entries);
        const bool problem = status != QLatin1String("verified");
        // With problems the table opens on them; otherwise on everything.
        QCOMPARE(combo->currentData().toInt(), problem ? RecordFilterModel::AnyProblem : RecordFilterModel::AnyStatus);
        combo->setCurrentIndex(combo->findData(RecordFilterModel::AnyStatus));
        QCOMPARE(table->model()->rowCount(), entries);
        filter->setText(path);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, RecordModel::PathColumn).data().toString(), path);
        QCOMPARE(table->model()->index(0, RecordModel::StatusColumn).data().toString(), status);
        if (problem)
            QVERIFY(!table->model()->index(0, RecordModel::ProblemColumn).data().toString().isEmpty());
        // The status filter: this status alone, then one it does not have.
        filter->clear();
        int index = -1;
        for (int i = 0; i < combo->count(); ++i)
            if (combo->itemText(i).startsWith(status + QStringLiteral(" (")))
                index = i;
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        QVERIFY(table->model()->rowCount() >= 1);
        for (int r = 0; r < table->model()->rowCount(); ++r)
            QCOMPARE(table->model()->index(r, RecordModel::StatusColumn).data().toString(), status);
        filter->setText(QStringLiteral("no such path"));
        QCOMPARE(table->model()->rowCount(), 0);
        filter->clear();
        combo->setCurrentIndex(combo->findData(RecordFilterModel::AnyStatus));
        // The wheel over the unfocused status combo does not change the filter.
        QVERIFY(!combo->hasFocus());
        QWheelEvent wheelTurn(QPointF(5, 5), combo->mapToGlobal(QPointF(5, 5)), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(combo, &wheelTurn);
        QCOMPARE(combo->currentData().toInt(), RecordFilterModel::AnyStatus);
        v.tabs()->setCurrentWidget(page);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-record-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))))));
    }

    // 5. 60,000 entries: filled, filtered and sorted without stalls (model/view, no item per row).
    void recordTabIsFastOn60000Entries()
    {
        RecordStatus record;
        record.present = true;
        record.verified = true;
        record.rows = 60000;
        record.entries.reserve(60000);
        for (int i = 0; i < 60000; ++i) {
            RecordEntry e;
            e.path = QStringLiteral("bigpkg/sub%1/module_%2.py").arg(i % 97).arg(i, 5, 10, QLatin1Char('0'));
            e.status = i % 1000 == 7 ? RecordEntry::Status::HashMismatch : RecordEntry::Status::Verified;
            e.problem = e.status == RecordEntry::Status::HashMismatch ? QStringLiteral("digest differs") : QString();
            e.recordDigest = QStringLiteral("sha256=AeOOlP4F6s77YK8wg9sHxzMQKP3Issk9nVy7Z2nTZ0I");
            e.recordSize = e.archiveSize = 1000 + i;
            record.entries.append(e);
        }
        RecordPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTreeView *>(QStringLiteral("recordEntries"));
        auto *filter = page.findChild<QLineEdit *>(QStringLiteral("recordFilter"));
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("recordStatus"));
        QElapsedTimer t;
        t.start();
        page.setRecord(record);
        QCoreApplication::processEvents();
        const qint64 fill = t.restart();
        QCOMPARE(table->model()->rowCount(), 60);   // opens on the problems
        combo->setCurrentIndex(combo->findData(RecordFilterModel::AnyStatus));
        QCOMPARE(table->model()->rowCount(), 60000);
        filter->setText(QStringLiteral("module_4"));
        QCOMPARE(table->model()->rowCount(), 10000);
        filter->setText(QStringLiteral("sub5/module_4"));
        QCOMPARE(table->model()->rowCount(), 103);
        filter->clear();
        QCoreApplication::processEvents();
        const qint64 filtering = t.restart();
        table->sortByColumn(RecordModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, RecordModel::PathColumn).data().toString(), record.entries.last().path);
        table->scrollToBottom();
        QCoreApplication::processEvents();
        const qint64 sorting = t.elapsed();
        qInfo("60,000 entries: fill %lld ms, four filters %lld ms, sort + scroll %lld ms", fill, filtering, sorting);
        // Generous bounds for a loaded 2-core machine; one widget item per row takes seconds here.
        QVERIFY2(fill < 1500, qPrintable(QString::number(fill)));
        QVERIFY2(filtering < 1500, qPrintable(QString::number(filtering)));
        QVERIFY2(sorting < 3000, qPrintable(QString::number(sorting)));
        QVERIFY(page.grab().save(shot(QStringLiteral("wheels-record-60000.png"))));
    }

    // 6. One size format (binary units, one decimal) everywhere; exact bytes on hover.
    void sizesUseOneFormat()
    {
        WB_REQUIRE_CORPUS();
        QCOMPARE(formatSize(1536), QLocale().formattedDataSize(1536, 1, QLocale::DataSizeIecFormat));
        QCOMPARE(formatSize(12633), QLocale().formattedDataSize(12633, 1, QLocale::DataSizeIecFormat));
        QCOMPARE(exactBytes(12633), QStringLiteral("%1 bytes").arg(QLocale().toString(12633)));
        OpenedView v;
        const QString wheel = wheelPath("wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl");
        QVERIFY(v.open(wheel));
        const WheelReport &r = v.view.currentReport();
        QVERIFY(v.view.summaryText().contains(formatSize(r.fileSize)));
        QVERIFY(v.view.summaryText().contains(formatSize(r.totalSize)));
        QVERIFY(plain(v.view.findChild<QLabel *>(QStringLiteral("summary"))->toolTip()).contains(exactBytes(r.fileSize)));
        // Files: every size cell, folders and files.
        QAbstractItemModel *files = v.view.findChild<QTreeView *>(QStringLiteral("files"))->model();
        int cells = 0;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < files->rowCount(parent); ++row) {
                for (int column : {1, 2}) {
                    const QModelIndex i = files->index(row, column, parent);
                    const qint64 bytes = i.data(Qt::UserRole).toLongLong();
                    QCOMPARE(i.data().toString(), formatSize(bytes));
                    QCOMPARE(plain(i.data(Qt::ToolTipRole)), exactBytes(bytes));
                    ++cells;
                }
                walk(files->index(row, 0, parent));
            }
        };
        walk({});
        QVERIFY(cells >= 2 * 12);
        // RECORD: the same format, both byte counts on hover.
        auto *record = v.view.findChild<RecordPage *>(QStringLiteral("record"));
        const QModelIndex size = record->model()->index(0, RecordModel::SizeColumn);
        const RecordEntry &first = record->model()->entries().first();
        QCOMPARE(size.data().toString(), formatSize(first.archiveSize));
        QVERIFY(plain(size.data(Qt::ToolTipRole)).contains(exactBytes(first.archiveSize)));
        // The size map: each block's tooltip.
        auto *map = v.view.findChild<SizeTreemap *>(QStringLiteral("treemap"));
        v.tabs()->setCurrentWidget(map->parentWidget());
        QVERIFY(map->grab().width() > 0);   // painted
        const WheelFileEntry *largest = r.largestFiles(1).first();
        const QString tip = map->toolTipAt(QPoint(5, 5));   // the largest file is laid out first, at the top left
        QVERIFY2(tip.startsWith(largest->path + QLatin1Char('\n') + formatSize(largest->size) + QStringLiteral(" (") + exactBytes(largest->size)),
                 qPrintable(tip));
        // Extensions' debug info row uses it too.
        QVERIFY(v.open(wheelPath("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl")));
        const ExtensionReport &x = v.view.currentReport().extensions.first();
        QVERIFY(v.view.findChild<ExtensionsTree *>(QStringLiteral("extensions"))->plainText().contains(formatSize(x.binary.fileSize)));
    }

    // 7. A renamed package (foo_bar-1.0 → foo_baz-1.1, copies of a real wheel): files pair as changed.
    void comparesRenamedPackage()
    {
        WB_REQUIRE_CORPUS();
        QTemporaryDir tmp;
        const QString source = wheelPath("wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl");
        QString error;
        const QString a = wb::test::writeRenamedCopy(source, tmp.path(), QStringLiteral("foo_bar-1.0-py3-none-any.whl"),
                                                     {{QStringLiteral("qypi/"), QStringLiteral("foo_bar/")},
                                                      {QStringLiteral("qypi-0.4.1.dist-info/"), QStringLiteral("foo_bar-1.0.dist-info/")}},
                                                     {}, &error);
        const QString b = wb::test::writeRenamedCopy(source, tmp.path(), QStringLiteral("foo_baz-1.1-py3-none-any.whl"),
                                                     {{QStringLiteral("qypi/"), QStringLiteral("foo_baz/")},
                                                      {QStringLiteral("qypi-0.4.1.dist-info/"), QStringLiteral("foo_baz-1.1.dist-info/")}},
                                                     {QStringLiteral("foo_baz/api.py")}, &error);
        QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(error));
        OpenedView v;
        v.view.addWheel(b, false);
        QVERIFY(v.open(a));
        WheelCompareView *compare = v.view.compareView();
        QSignalSpy compared(compare, &WheelCompareView::comparisonReady);
        compare->compareWith(b);
        QVERIFY(compared.wait(60000));
        auto *tree = compare->findChild<QTreeWidget *>(QStringLiteral("compareChanges"));
        QStringList groups;
        QTreeWidgetItem *changed = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            groups.append(tree->topLevelItem(i)->text(0));
            if (groups.last().startsWith(QLatin1String("Changed")))
                changed = tree->topLevelItem(i);
        }
        QVERIFY2(changed, qPrintable(groups.join(QLatin1Char(','))));
        QVERIFY2(!groups.join(QLatin1Char(',')).contains(QLatin1String("Added")), qPrintable(groups.join(QLatin1Char(','))));
        QVERIFY(!groups.join(QLatin1Char(',')).contains(QLatin1String("Removed")));
        QStringList rows;
        for (int i = 0; i < changed->childCount(); ++i)
            rows.append(changed->child(i)->text(0) + QLatin1Char('|') + changed->child(i)->text(3));
        QVERIFY2(rows.contains(QStringLiteral("foo_bar/api.py → foo_baz/api.py|") + formatSizeDelta(qint64(qstrlen("\n# changed in the next version\n")))),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY(rows.contains(QStringLiteral("foo_bar/util.py → foo_baz/util.py|moved")));
        QVERIFY(compare->summaryText().contains(QStringLiteral("Renamed: foo_bar/ → foo_baz/")));
        v.tabs()->setCurrentWidget(compare);
        QVERIFY(v.view.grab().save(shot(QStringLiteral("wheels-compare-renamed.png"))));
    }
};

QTEST_MAIN(TestWheelsDetails)
#include "tst_wheelsdetails.moc"
