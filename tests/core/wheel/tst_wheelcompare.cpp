// Comparing two wheels whose package was renamed (foo_bar-1.0 and foo_baz-1.1): files pair by their
// path below the renamed top-level folders and show as changed, not as all removed and all added.
// The wheels are copies of a real corpus wheel with renamed folders, written to a temporary folder.
#include "RenamedWheel.h"
#include "support/TestPaths.h"

#include "core/wheel/WheelComparison.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

using Pairs = QList<QPair<QString, QString>>;

namespace {

QStringList sl(std::initializer_list<const char *> l)
{
    QStringList out;
    for (const char *s : l)
        out.append(QString::fromUtf8(s));
    return out;
}

Pairs pairs(std::initializer_list<std::pair<const char *, const char *>> l)
{
    Pairs out;
    for (const auto &[a, b] : l)
        out.append({QString::fromUtf8(a), QString::fromUtf8(b)});
    return out;
}

} // namespace

class TestWheelCompare : public QObject
{
    Q_OBJECT

    static QString qypi() { return wb::test::corpusDir() + QStringLiteral("/wheels/wheel-inspect/wheels/qypi-0.4.1-py3-none-any.whl"); }

    static QStringList paths(const QList<WheelComparison::Change> &l)
    {
        QStringList out;
        for (const auto &c : l)
            out.append(c.path);
        return out;
    }

    // foo_bar-1.0 and foo_baz-1.1, both made from qypi's members; foo_baz/api.py has a line more.
    void writePair(const QString &dir, QString *a, QString *b)
    {
        QString error;
        *a = wb::test::writeRenamedCopy(qypi(), dir, QStringLiteral("foo_bar-1.0-py3-none-any.whl"),
                                        {{QStringLiteral("qypi/"), QStringLiteral("foo_bar/")},
                                         {QStringLiteral("qypi-0.4.1.dist-info/"), QStringLiteral("foo_bar-1.0.dist-info/")}},
                                        {}, &error);
        QVERIFY2(!a->isEmpty(), qPrintable(error));
        *b = wb::test::writeRenamedCopy(qypi(), dir, QStringLiteral("foo_baz-1.1-py3-none-any.whl"),
                                        {{QStringLiteral("qypi/"), QStringLiteral("foo_baz/")},
                                         {QStringLiteral("qypi-0.4.1.dist-info/"), QStringLiteral("foo_baz-1.1.dist-info/")}},
                                        {QStringLiteral("foo_baz/api.py")}, &error);
        QVERIFY2(!b->isEmpty(), qPrintable(error));
    }

private Q_SLOTS:
    void pairsRenamedFolders_data()
    {
        QTest::addColumn<QStringList>("onlyA");
        QTest::addColumn<QStringList>("onlyB");
        QTest::addColumn<Pairs>("expected");
        QTest::newRow("package and dist-info renamed")
            << sl({"foo_bar/__init__.py", "foo_bar/core.py", "foo_bar-1.0.dist-info/METADATA", "foo_bar-1.0.dist-info/WHEEL"})
            << sl({"foo_baz/__init__.py", "foo_baz/core.py", "foo_baz/new.py", "foo_baz-1.1.dist-info/METADATA", "foo_baz-1.1.dist-info/WHEEL"})
            << pairs({{"foo_bar-1.0.dist-info/", "foo_baz-1.1.dist-info/"}, {"foo_bar/", "foo_baz/"}});
        QTest::newRow("only the version changed")
            << sl({"foo-1.0.dist-info/METADATA", "foo-1.0.data/scripts/foo"})
            << sl({"foo-1.1.dist-info/METADATA", "foo-1.1.data/scripts/foo"})
            << pairs({{"foo-1.0.data/", "foo-1.1.data/"}, {"foo-1.0.dist-info/", "foo-1.1.dist-info/"}});
        QTest::newRow("unrelated packages stay apart")
            << sl({"alpha/a.py", "alpha/b.py"}) << sl({"beta/x.py", "beta/y.py"}) << Pairs{};
        QTest::newRow("too little in common")
            << sl({"alpha/__init__.py", "alpha/a.py", "alpha/b.py", "alpha/c.py", "alpha/d.py"})
            << sl({"beta/__init__.py", "beta/x.py", "beta/y.py", "beta/z.py"}) << Pairs{};
        QTest::newRow("a dist-info never pairs with a package")
            << sl({"foo-1.0.dist-info/METADATA"}) << sl({"foo/METADATA"}) << Pairs{};
        QTest::newRow("the closest of two candidates")
            << sl({"old/__init__.py", "old/a.py", "old/b.py"})
            << sl({"new/__init__.py", "new/a.py", "new/b.py", "other/__init__.py"})
            << pairs({{"old/", "new/"}});
        QTest::newRow("files at the top are not folders") << sl({"a.py"}) << sl({"b.py"}) << Pairs{};
    }

    void pairsRenamedFolders()
    {
        QFETCH(QStringList, onlyA);
        QFETCH(QStringList, onlyB);
        QFETCH(Pairs, expected);
        QCOMPARE(WheelComparison::pairRenamedFolders(onlyA, onlyB), expected);
    }

    void renamedPackagePairsFiles()
    {
        WB_REQUIRE_CORPUS();
        QTemporaryDir tmp;
        QString a, b;
        writePair(tmp.path(), &a, &b);
        if (QTest::currentTestFailed())
            return;
        const WheelReport ra = inspectWheel(a), rb = inspectWheel(b);
        QVERIFY2(ra.readable && rb.readable, qPrintable(ra.unreadableReason + rb.unreadableReason));
        QVERIFY2(ra.record.ok && rb.record.ok, "the copies have a sound RECORD");
        const WheelComparison c = WheelComparison::compare(ra, rb);
        QCOMPARE(c.renamedFolders, (pairs({{"foo_bar-1.0.dist-info/", "foo_baz-1.1.dist-info/"}, {"foo_bar/", "foo_baz/"}})));
        QVERIFY2(c.added.isEmpty(), qPrintable(paths(c.added).join(QLatin1Char(' '))));
        QVERIFY2(c.removed.isEmpty(), qPrintable(paths(c.removed).join(QLatin1Char(' '))));
        // Every member but RECORD, each paired with its renamed path.
        QCOMPARE(c.changed.size(), ra.files.size() - 1);
        for (const WheelComparison::Change &ch : c.changed) {
            QVERIFY(!ch.pathB.isEmpty());
            QCOMPARE(ch.pathB.section(QLatin1Char('/'), 1), ch.path.section(QLatin1Char('/'), 1));
            const bool api = ch.path == QLatin1String("foo_bar/api.py");
            QCOMPARE(ch.contentChanged, api);
            QCOMPARE(ch.sizeB - ch.sizeA, api ? qint64(qstrlen("\n# changed in the next version\n")) : 0);
        }
        QVERIFY(paths(c.changed).contains(QStringLiteral("foo_bar-1.0.dist-info/METADATA")));
    }

    // The same wheel against itself, and two real wheels whose folders keep their names: no pairing.
    void unrenamedWheelsAreUnchanged()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport q = inspectWheel(qypi());
        const WheelComparison same = WheelComparison::compare(q, q);
        QVERIFY(same.identicalContents());
        QVERIFY(same.renamedFolders.isEmpty());
        const QString dir = wb::test::corpusDir() + QStringLiteral("/wheels/delvewheel/");
        const WheelComparison c = WheelComparison::compare(inspectWheel(dir + QStringLiteral("simpleext-0.0.1-cp312-cp312-win_amd64.whl")),
                                                           inspectWheel(dir + QStringLiteral("simpleext-0.0.1-cp312-cp312-win32.whl")));
        QVERIFY(c.renamedFolders.isEmpty());
        QVERIFY(paths(c.added).contains(QStringLiteral("simpleext.cp312-win32.pyd")));
        for (const auto &ch : c.changed)
            QVERIFY(ch.pathB.isEmpty());
    }

    // `wheelbench compare`: the text names the pairs, --json adds path_b and renamed_folders.
    void compareCommandPairsRenames()
    {
        WB_REQUIRE_CORPUS();
        QTemporaryDir tmp;
        QString a, b;
        writePair(tmp.path(), &a, &b);
        if (QTest::currentTestFailed())
            return;
        QProcess p;
        p.start(wb::test::executable(), {QStringLiteral("compare"), a, b, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), 1);
        QVERIFY(o.value(QStringLiteral("added")).toArray().isEmpty());
        QVERIFY(o.value(QStringLiteral("removed")).toArray().isEmpty());
        const QJsonArray renamed = o.value(QStringLiteral("renamed_folders")).toArray();
        QCOMPARE(renamed.size(), 2);
        QCOMPARE(renamed.at(1).toObject().value(QStringLiteral("a")).toString(), QStringLiteral("foo_bar/"));
        QCOMPARE(renamed.at(1).toObject().value(QStringLiteral("b")).toString(), QStringLiteral("foo_baz/"));
        bool sawApi = false;
        for (const QJsonValue &v : o.value(QStringLiteral("changed")).toArray()) {
            const QJsonObject ch = v.toObject();
            if (ch.value(QStringLiteral("path")).toString() == QLatin1String("foo_bar/api.py")) {
                sawApi = true;
                QCOMPARE(ch.value(QStringLiteral("path_b")).toString(), QStringLiteral("foo_baz/api.py"));
                QVERIFY(ch.value(QStringLiteral("content_changed")).toBool());
            }
        }
        QVERIFY(sawApi);

        p.start(wb::test::executable(), {QStringLiteral("compare"), a, b});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(QLatin1String("renamed: foo_bar/ -> foo_baz/")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("~ foo_bar/api.py -> foo_baz/api.py")));
        QVERIFY(!text.contains(QLatin1String("  + ")));
        QVERIFY(!text.contains(QLatin1String("  - ")));
    }
};

QTEST_GUILESS_MAIN(TestWheelCompare)
#include "tst_wheelcompare.moc"
