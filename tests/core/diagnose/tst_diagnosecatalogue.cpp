// The troubleshooting catalogue: the built-in data loads and validates; broken catalogues are refused.
#include "core/binary/Policy.h"
#include "core/diagnose/Catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wb::diagnose;

class TestDiagnoseCatalogue : public QObject
{
    Q_OBJECT

    static QByteArray builtInJson()
    {
        QFile f(QStringLiteral(":/wheelbench/catalogue/catalogue.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void builtInLoads()
    {
        QString error;
        const Catalogue c = Catalogue::fromJson(builtInJson(), &error);
        QVERIFY2(!c.isEmpty(), qPrintable(error));
        QVERIFY(c.entries().size() >= 25);
        QCOMPARE(Catalogue::builtIn().entries().size(), c.entries().size());
    }

    void requiredIds_data()
    {
        QTest::addColumn<QString>("id");
        for (const char *id : {"missing-extension-module", "pyinit-missing", "module-not-found", "wrong-interpreter",
                               "manylinux-too-recent-symbols", "manylinux-forbidden-library", "linux-tag-not-uploadable",
                               "debug-symbols", "debug-profile", "cargo-not-found", "rustc-not-found", "maturin-not-found",
                               "no-virtualenv", "no-python-interpreter", "crate-type-not-cdylib", "module-name-has-dash",
                               "abi3-not-applied", "rust-compile-error", "patchelf-missing", "version-missing",
                               "unsupported-wheel-platform", "glibc-too-old-at-runtime", "python-source-missing",
                               "stale-develop-artifact", "external-symbol-undefined"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void requiredIds()
    {
        QFETCH(QString, id);
        const CatalogueEntry *e = Catalogue::builtIn().find(id);
        QVERIFY2(e, qPrintable(id));
        QVERIFY(!e->title.isEmpty());
        QVERIFY(!e->why.isEmpty());
        QVERIFY(!e->recognised.isEmpty());
        QVERIFY(!e->fix.summary.isEmpty());
        QVERIFY(!e->fix.edits.isEmpty() || !e->fix.commands.isEmpty() || !e->fix.steps.isEmpty() || !e->fix.summary.isEmpty());
        QVERIFY(!e->links.isEmpty());
    }

    void everyEditIsWellFormed()
    {
        for (const CatalogueEntry &e : Catalogue::builtIn().entries()) {
            for (const ConfigEdit &edit : e.fix.edits) {
                QVERIFY2(edit.file == QLatin1String("pyproject.toml") || edit.file == QLatin1String("Cargo.toml"), qPrintable(e.id));
                QVERIFY2(!edit.table.isEmpty() && !edit.key.isEmpty(), qPrintable(e.id));
            }
        }
    }

    void manylinuxLibraries()
    {
        // The detectors judge libraries by the manylinux policy tables (resources/policies).
        const wb::Policy *policy = wb::PolicyTable::manylinux().find(QStringLiteral("manylinux2014"));
        QVERIFY(policy);
        QVERIFY(policy->libraries.contains(QStringLiteral("libc.so.6")));
        QVERIFY(!policy->libraries.contains(QStringLiteral("libpython3.13.so.1.0")));
        QVERIFY(!policy->libraries.contains(QStringLiteral("libffi.so.5")));
    }

    void brokenCataloguesAreRefused_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate id") << QStringLiteral("duplicate") << QStringLiteral("duplicate id");
        QTest::newRow("missing title") << QStringLiteral("no-title") << QStringLiteral("title, why");
        QTest::newRow("bad severity") << QStringLiteral("severity") << QStringLiteral("severity");
        QTest::newRow("no fix summary") << QStringLiteral("no-fix") << QStringLiteral("fix.summary");
        QTest::newRow("edit without key") << QStringLiteral("edit") << QStringLiteral("fix.edits");
        QTest::newRow("bad id") << QStringLiteral("id") << QStringLiteral("lower-case");
        QTest::newRow("not json") << QStringLiteral("garbage") << QStringLiteral("not JSON");
    }
    void brokenCataloguesAreRefused()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, expected);
        QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
        QJsonArray entries = root.value(u"entries").toArray();
        QJsonObject first = entries.at(0).toObject();
        if (mutation == QLatin1String("duplicate"))
            entries.append(first);
        else if (mutation == QLatin1String("no-title"))
            first.remove(QStringLiteral("title"));
        else if (mutation == QLatin1String("severity"))
            first.insert(QStringLiteral("severity"), QStringLiteral("fatal"));
        else if (mutation == QLatin1String("no-fix"))
            first.remove(QStringLiteral("fix"));
        else if (mutation == QLatin1String("edit")) {
            QJsonObject fix = first.value(u"fix").toObject();
            fix.insert(QStringLiteral("edits"), QJsonArray{QJsonObject{{QStringLiteral("file"), QStringLiteral("pyproject.toml")}}});
            first.insert(QStringLiteral("fix"), fix);
        } else if (mutation == QLatin1String("id"))
            first.insert(QStringLiteral("id"), QStringLiteral("Bad Id"));
        if (mutation != QLatin1String("duplicate"))
            entries.replace(0, first);
        root.insert(QStringLiteral("entries"), entries);
        const QByteArray json = mutation == QLatin1String("garbage") ? QByteArray("{\"format\": 1, ") : QJsonDocument(root).toJson();
        QString error;
        const Catalogue c = Catalogue::fromJson(json, &error);
        QVERIFY(c.isEmpty());
        QVERIFY2(error.contains(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseCatalogue)
#include "tst_diagnosecatalogue.moc"
