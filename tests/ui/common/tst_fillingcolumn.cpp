// FillingColumn: every column resizable, the last stretching to its contents' width, one column taking
// the rest, following the view and new rows, until the user sizes it (then it stays). Used by the Issues
// panel (message), the Project view's problems (problem) and Troubleshooting's findings (title).
#include "ui/common/FillingColumn.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using wb::ui::FillingColumn;

class TestFillingColumn : public QObject
{
    Q_OBJECT

    static void addRow(QStandardItemModel &model, const QString &location)
    {
        model.appendRow({new QStandardItem(QStringLiteral("error")), new QStandardItem(QStringLiteral("a message")),
                         new QStandardItem(location)});
    }

private Q_SLOTS:
    void fillsFollowsAndKeepsTheUsersWidth()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("Severity"), QStringLiteral("Message"), QStringLiteral("Location")});
        QTableView view;
        view.setModel(&model);
        view.horizontalHeader()->resizeSection(0, 80);
        view.horizontalHeader()->resizeSection(2, 400); // an earlier, wider last column must not push past the view
        auto *fill = new FillingColumn(&view, view.horizontalHeader(), 1);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.horizontalHeader();
        QVERIFY(header->stretchLastSection());
        for (int c = 0; c < 3; ++c)
            QCOMPARE(header->sectionResizeMode(c), QHeaderView::Interactive);
        const auto filled = [&] { return view.viewport()->width() - header->sectionSize(0) - header->sectionSize(2); };
        // Rows arrive (as a build's issues do): the location column is as wide as its text, no wider.
        addRow(model, QStringLiteral("src/a/rather/long/path/to/some/module/lib.rs:120:5"));
        const int locationText = view.fontMetrics().horizontalAdvance(model.item(0, 2)->text());
        QTRY_VERIFY2(header->sectionSize(2) >= locationText && header->sectionSize(2) < locationText + 40,
                     qPrintable(QString::number(header->sectionSize(2))));
        QTRY_COMPARE(header->sectionSize(1), filled());
        QVERIFY(header->sectionSize(1) > header->sectionSize(2));
        QTRY_COMPARE(header->length(), view.viewport()->width()); // no column past the view's edge
        // The view grows: the message column grows with it.
        const int before = header->sectionSize(1);
        view.resize(1000, 300);
        QTRY_COMPARE(header->sectionSize(1), before + 200);
        // The user sizes it: it stays so, however the view changes.
        header->resizeSection(1, 150);
        view.resize(900, 300);
        addRow(model, QStringLiteral("x.rs:1:1"));
        QTest::qWait(50);
        QCOMPARE(header->sectionSize(1), 150);
        fill->fit();
        QCOMPARE(header->sectionSize(1), 150);
    }
};

QTEST_MAIN(TestFillingColumn)
#include "tst_fillingcolumn.moc"
