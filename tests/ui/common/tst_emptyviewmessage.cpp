// EmptyViewMessage: an empty list says what belongs there, and the message goes as soon as the list
// has a row, whoever changes the model (inserts, removals, a reset, a filter). Used by the Project
// view's problems, the Build view's Issues panel and the Wheels view's findings.
#include "ui/common/EmptyViewMessage.h"

#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using wb::ui::EmptyViewMessage;

class TestEmptyViewMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheRows_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("shownAfter");
        QTest::newRow("a row inserted") << QStringLiteral("insert") << false;
        QTest::newRow("the rows removed again") << QStringLiteral("insert+remove") << true;
        QTest::newRow("model reset to rows") << QStringLiteral("reset-rows") << false;
        QTest::newRow("model cleared") << QStringLiteral("insert+clear") << true;
        QTest::newRow("filter hides every row") << QStringLiteral("insert+filter-all") << true;
        QTest::newRow("filter shows a row again") << QStringLiteral("insert+filter-all+filter-none") << false;
        QTest::newRow("no text: nothing shown") << QStringLiteral("no-text") << false;
    }

    void followsTheRows()
    {
        QFETCH(QString, change);
        QFETCH(bool, shownAfter);
        QStandardItemModel model(0, 2);
        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setFilterKeyColumn(0);
        QTreeView view;
        view.setModel(&filter);
        auto *empty = new EmptyViewMessage(&view, QStringLiteral("Nothing here yet."));
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(empty->isShown());
        auto *label = view.viewport()->findChild<QLabel *>(QStringLiteral("emptyViewMessage"));
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(label->width() > 300); // spans the view, centred
        QVERIFY(label->testAttribute(Qt::WA_TransparentForMouseEvents));

        for (const QString &step : change.split(u'+')) {
            if (step == QLatin1String("insert"))
                model.appendRow({new QStandardItem(QStringLiteral("error")), new QStandardItem(QStringLiteral("message"))});
            else if (step == QLatin1String("remove"))
                model.removeRows(0, model.rowCount());
            else if (step == QLatin1String("reset-rows")) {
                auto *other = new QStandardItemModel(3, 2, &view);
                filter.setSourceModel(other); // the proxy resets
            } else if (step == QLatin1String("clear"))
                model.clear();
            else if (step == QLatin1String("filter-all"))
                filter.setFilterFixedString(QStringLiteral("no such text"));
            else if (step == QLatin1String("filter-none"))
                filter.setFilterFixedString(QString());
            else if (step == QLatin1String("no-text"))
                empty->setText(QString());
        }
        QCOMPARE(empty->isShown(), shownAfter);
        QCOMPARE(label->isVisible(), shownAfter);
    }
};

QTEST_MAIN(TestEmptyViewMessage)
#include "tst_emptyviewmessage.moc"
