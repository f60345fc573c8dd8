// What the inspector hands the Wheels view besides the report proper: demangled C++ names, policy
// blockers that hold for every policy said once (also in `wheelbench inspect`'s text), and every
// RECORD entry with its status — on real wheels of the corpus, read in place.
#include "support/TestPaths.h"

#include "core/binary/Demangle.h"
#include "core/binary/PolicySummary.h"
#include "core/wheel/WheelReport.h"

#include <QProcess>

#include <algorithm>
#include <QTest>

using namespace wb;

class TestWheelDetails : public QObject
{
    Q_OBJECT

    static QString corpusWheel(const char *relative) { return wb::test::corpusDir() + QStringLiteral("/wheels/") + QString::fromUtf8(relative); }

private Q_SLOTS:
    void demangles_data()
    {
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("shown");
        QTest::newRow("function") << QStringLiteral("_ZN3foo3barEv") << QStringLiteral("foo::bar()");
        QTest::newRow("template") << QStringLiteral("_ZNSt6vectorIiSaIiEE9push_backERKi")
                                  << QStringLiteral("std::vector<int, std::allocator<int> >::push_back(int const&)");
        QTest::newRow("Mach-O underscore") << QStringLiteral("__ZN3foo3barEi") << QStringLiteral("foo::bar(int)");
        QTest::newRow("C name") << QStringLiteral("memcpy") << QStringLiteral("memcpy");
        QTest::newRow("PyInit") << QStringLiteral("PyInit__core") << QStringLiteral("PyInit__core");
        QTest::newRow("not a valid mangling") << QStringLiteral("_Zfoo") << QStringLiteral("_Zfoo");
        QTest::newRow("empty") << QString() << QString();
    }

    void demangles()
    {
        QFETCH(QString, symbol);
        QFETCH(QString, shown);
        QCOMPARE(demangleSymbol(symbol), shown);
        QCOMPARE(isMangledSymbol(symbol), shown != symbol);
    }

    void demanglesWordsInText()
    {
        QCOMPARE(demangleWords(QStringLiteral("lib.so needs _ZN3foo3barEv and memcpy")), QStringLiteral("lib.so needs foo::bar() and memcpy"));
        QCOMPARE(demangleWords(QStringLiteral("x_ZN3foo3barEv stays")), QStringLiteral("x_ZN3foo3barEv stays"));
        QCOMPARE(demangleWords(QStringLiteral("no names here")), QStringLiteral("no names here"));
    }

    // testzlib's extension uses zlib's internal zcalloc/zcfree, black-listed by every manylinux policy.
    void blockerOfEveryPolicySaidOnce()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport r = inspectWheel(corpusWheel("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl"));
        QVERIFY(r.readable);
        QCOMPARE(r.extensions.size(), 1);
        const PolicyVerdict &v = r.extensions.first().policy;
        QCOMPARE(v.policy, QStringLiteral("linux"));
        QVERIFY(v.better.size() > 5);   // every manylinux policy, each with the same blocker
        const PolicyBlockerSummary s = PolicyBlockerSummary::of(v);
        QCOMPARE(s.commonSentence(), QStringLiteral("blocks every manylinux policy: libz.so.1 symbols zcalloc, zcfree"));
        for (const PolicyCheck &c : s.perPolicy)
            for (const PolicyBlocker &b : c.blockers)
                QVERIFY2(b.kind != PolicyBlocker::Kind::BlacklistedSymbol, qPrintable(c.policy + QLatin1Char(' ') + blockerText(b)));
        // The wheel's merged verdict says the same.
        QCOMPARE(PolicyBlockerSummary::of(r.policy).commonSentence(), s.commonSentence());
    }

    // Two extensions that both need the same forbidden library (lxml's etree and objectify need
    // libxml2): the summary names it once.
    void sameBlockerOfTwoFilesSaidOnce()
    {
        PolicyVerdict v;
        v.policy = QStringLiteral("linux");
        for (const char *policy : {"manylinux_2_28", "manylinux_2_17"}) {
            PolicyCheck c;
            c.policy = QString::fromLatin1(policy);
            c.priority = policy[13] == '2' ? 70 : 80;
            for (const char *file : {"lxml/etree.so", "lxml/objectify.so"}) {
                PolicyBlocker b;
                b.library = QStringLiteral("libxml2.so.2");
                b.file = QString::fromLatin1(file);
                c.blockers.append(b);
            }
            v.better.append(c);
        }
        QCOMPARE(PolicyBlockerSummary::of(v).commonSentence().count(QStringLiteral("libxml2.so.2")), 1);
    }

    // python_mscl's extension links libpython (no policy allows it) and needs GLIBC_2.29 (too new for
    // the older policies); manylinux1 and manylinux2010 do not cover aarch64 at all.
    void blockersThatDifferStayPerPolicy()
    {
        WB_REQUIRE_CORPUS();
        const WheelReport r = inspectWheel(corpusWheel("auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"));
        QVERIFY(r.readable);
        QCOMPARE(r.extensions.size(), 1);
        const PolicyVerdict &v = r.extensions.first().policy;
        const PolicyBlockerSummary s = PolicyBlockerSummary::of(v);
        QCOMPARE(s.commonSentence(), QStringLiteral("blocks every manylinux policy: libpython3.13.so.1.0, not allowed as an external library"));
        QVERIFY(s.otherArchitecture.contains(QStringLiteral("manylinux_2_5")));
        bool glibc229 = false;
        for (const PolicyCheck &c : s.perPolicy)
            for (const PolicyBlocker &b : c.blockers)
                glibc229 |= c.policy == QLatin1String("manylinux_2_17") && b.version == QLatin1String("GLIBC_2.29");
        QVERIFY(glibc229);
        // Each blocker is said exactly once: with the common ones, or under its own policy.
        auto has = [](const QList<PolicyBlocker> &list, const PolicyBlocker &b) {
            return std::any_of(list.begin(), list.end(), [&](const PolicyBlocker &o) { return sameBlocker(b, o); });
        };
        for (const PolicyCheck &c : v.better) {
            if (s.otherArchitecture.contains(c.policy))
                continue;
            QList<PolicyBlocker> own;
            for (const PolicyCheck &rest : s.perPolicy)
                if (rest.policy == c.policy)
                    own = rest.blockers;
            for (const PolicyBlocker &b : c.blockers)
                QVERIFY2(has(s.common, b) != has(own, b), qPrintable(c.policy + QStringLiteral(": ") + blockerText(b)));
        }
    }

    // A binary that meets a policy: what blocks all the better ones is "above" it; a single better
    // policy keeps its blockers to itself.
    void scopeAboveAMetPolicy()
    {
        const PolicyBlocker lib{PolicyBlocker::Kind::Library, QStringLiteral("libfoo.so.1"), {}, {}, QStringLiteral("pkg/_x.so")};
        const PolicyBlocker ver{PolicyBlocker::Kind::SymbolVersion, QStringLiteral("libc.so.6"), QStringLiteral("GLIBC_2.34"),
                                {QStringLiteral("_ZN3foo3barEv")}, QStringLiteral("pkg/_x.so")};
        PolicyVerdict v;
        v.family = QStringLiteral("manylinux");
        v.policy = QStringLiteral("manylinux_2_17");
        v.priority = 80;
        v.better = {{QStringLiteral("manylinux_2_12"), 90, {lib, ver}}, {QStringLiteral("manylinux_2_5"), 100, {lib}}};
        PolicyBlockerSummary s = PolicyBlockerSummary::of(v);
        QCOMPARE(s.commonSentence(), QStringLiteral("blocks every policy above manylinux_2_17: libfoo.so.1, not allowed as an external library"));
        QCOMPARE(s.perPolicy.size(), 1);
        QCOMPARE(blockerText(s.perPolicy.first().blockers.first()), QStringLiteral("GLIBC_2.34 of libc.so.6 (foo::bar())"));
        v.better.removeLast();
        s = PolicyBlockerSummary::of(v);
        QVERIFY(s.common.isEmpty());
        QCOMPARE(s.perPolicy.first().blockers.size(), 2);
    }

    void inspectTextSaysItOnce()
    {
        WB_REQUIRE_CORPUS();
        QProcess p;
        p.start(wb::test::executable(), {QStringLiteral("inspect"), corpusWheel("auditwheel/testzlib-0.0.1-cp310-cp310-linux_x86_64.whl")});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(text.count(QLatin1String("blocks every manylinux policy: libz.so.1 symbols zcalloc, zcfree")), 1);
        QCOMPARE(text.count(QLatin1String("zcalloc")), 1);
    }

    void recordEntries_data()
    {
        QTest::addColumn<QString>("wheel");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        using S = RecordEntry::Status;
        const QString bad = QStringLiteral("wheel-inspect/bad-wheels/"), good = QStringLiteral("wheel-inspect/wheels/");
        QTest::newRow("verified") << bad + QStringLiteral("digest_mismatch-1.0.0-py3-none-any.whl")
                                  << QStringLiteral("digest_mismatch-1.0.0.dist-info/WHEEL") << int(S::Verified);
        QTest::newRow("hash mismatch") << bad + QStringLiteral("digest_mismatch-1.0.0-py3-none-any.whl") << QStringLiteral("module.py") << int(S::HashMismatch);
        QTest::newRow("size mismatch") << bad + QStringLiteral("size_mismatch-1.0.0-py3-none-any.whl") << QStringLiteral("module.py") << int(S::SizeMismatch);
        QTest::newRow("missing") << bad + QStringLiteral("missing_file-1.0.0-py3-none-any.whl") << QStringLiteral("missing.py") << int(S::Missing);
        QTest::newRow("not listed") << bad + QStringLiteral("extra_file-1.0.0-py3-none-any.whl") << QStringLiteral("extra.py") << int(S::NotListed);
        QTest::newRow("no hash and no size") << bad + QStringLiteral("null_entry-1.0.0-py3-none-any.whl") << QStringLiteral("module.py") << int(S::Invalid);
        QTest::newRow("no RECORD at all") << bad + QStringLiteral("no_record-1.0.0-py3-none-any.whl") << QStringLiteral("module.py") << int(S::NotListed);
        QTest::newRow("RECORD itself") << bad + QStringLiteral("size_mismatch-1.0.0-py3-none-any.whl")
                                       << QStringLiteral("size_mismatch-1.0.0.dist-info/RECORD") << int(S::NotHashed);
        QTest::newRow("missing folder") << good + QStringLiteral("missing_dir_in_record-1.0.0-py3-none-any.whl") << QStringLiteral("not-found/")
                                        << int(S::Missing);
        QTest::newRow("listed folder") << good + QStringLiteral("dirs_in_record-1.0.0-py3-none-any.whl") << QStringLiteral("empty/") << int(S::NotHashed);
    }

    void recordEntries()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, wheel);
        QFETCH(QString, path);
        QFETCH(int, status);
        const WheelReport r = inspectWheel(corpusWheel(wheel.toUtf8().constData()));
        QVERIFY(r.readable);
        const RecordEntry *found = nullptr;
        QStringList seen;
        for (const RecordEntry &e : r.record.entries) {
            QVERIFY2(!seen.contains(e.path), qPrintable(e.path));   // each path once
            seen.append(e.path);
            if (e.path == path)
                found = &e;
        }
        QVERIFY2(found, qPrintable(seen.join(QLatin1Char(' '))));
        QCOMPARE(RecordEntry::statusName(found->status), RecordEntry::statusName(RecordEntry::Status(status)));
        QCOMPARE(found->problem.isEmpty(), !found->isProblem());
        if (status == int(RecordEntry::Status::Verified))
            QVERIFY2(found->recordDigest.startsWith(QLatin1String("sha256=")), qPrintable(found->recordDigest));
        // Every member of the archive is there.
        for (const WheelFileEntry &f : r.files)
            QVERIFY2(f.isDirectory || seen.contains(f.path), qPrintable(f.path));
        // --quick hashes nothing: nothing is "verified", and problems found without hashing remain.
        InspectOptions quick;
        quick.verifyHashes = false;
        for (const RecordEntry &e : inspectWheel(corpusWheel(wheel.toUtf8().constData()), quick).record.entries)
            QVERIFY(e.status != RecordEntry::Status::Verified && e.status != RecordEntry::Status::HashMismatch);
    }
};

QTEST_GUILESS_MAIN(TestWheelDetails)
#include "tst_wheeldetails.moc"
