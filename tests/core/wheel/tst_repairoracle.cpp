// The repair preview against auditwheel 6.8.1's own `show` and `repair` (../shared/oracles/auditwheel,
// run with this machine's python3) on real extensions that need system libraries which exist here:
// Python packages Debian built (python3-yaml: libyaml; python3-lxml: libxml2, libxslt, libexslt and in
// turn libgcrypt, libgpg-error, liblzma), repacked as linux_x86_64 wheels in a temporary folder, and
// one of them made to need a library that is on no machine (patchelf --add-needed). For each: the
// overall tag and the symbol tag equal show's overall_tag and sym_tag; the libraries we would copy are
// the ones repair grafts (by soname and by the file found here); the ones we cannot find are show's
// unresolved ones, and then repair fails as we say it would; else the repaired wheel's platform tag is
// the one we predict.
#include "ZipWriter.h"

#include "core/wheel/WheelReport.h"
#include "support/TestPaths.h"

#include "support/AuditwheelOracle.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {

const QString kSitePackages = QStringLiteral("/usr/lib/python3/dist-packages");

QString oracle()
{
    return wb::test::auditwheelOracle();
}

QString oracleMissingReason()
{
    return wb::test::auditwheelMissingReason();
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The installed files of `folders` (under dist-packages, no __pycache__) as a wheel
// "<dist>-<version>-cp313-cp313-linux_x86_64.whl" in `dir`, with a sound RECORD. `addNeeded`: a soname
// that the first extension module is made to need (patchelf on a copy). Empty on failure (*why says).
QString repack(const QString &dir, const QStringList &folders, const QString &dist, const QString &version, const QString &addNeeded, QString *why)
{
    QList<test::ZipMember> members;
    bool patched = addNeeded.isEmpty();
    for (const QString &folder : folders) {
        QDirIterator it(kSitePackages + u'/' + folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/__pycache__/")))
                continue;
            QString source = path;
            if (!patched && path.endsWith(QLatin1String(".so"))) {
                source = dir + QStringLiteral("/patched.so");
                QFile::remove(source);
                QFile::copy(path, source);
                const Run p = run(QStringLiteral("patchelf"), {QStringLiteral("--add-needed"), addNeeded, source});
                if (p.exitCode != 0) {
                    *why = QStringLiteral("patchelf (tools/lib/packages.txt) failed: %1").arg(QString::fromUtf8(p.err));
                    return {};
                }
                patched = true;
            }
            QFile f(source);
            if (!f.open(QIODevice::ReadOnly)) {
                *why = QStringLiteral("cannot read %1").arg(source);
                return {};
            }
            members.append(test::ZipMember(QDir(kSitePackages).relativeFilePath(path).toUtf8(), f.readAll()));
        }
    }
    if (members.isEmpty()) {
        *why = QStringLiteral("%1 is not installed here (%2/%3; tools/lib/packages.txt installs it)").arg(dist, kSitePackages, folders.first());
        return {};
    }
    const QByteArray info = QStringLiteral("%1-%2.dist-info/").arg(dist, version).toUtf8();
    members.append(test::ZipMember(info + "METADATA", "Metadata-Version: 2.1\nName: " + dist.toUtf8() + "\nVersion: " + version.toUtf8() + '\n'));
    members.append(test::ZipMember(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: repack\nRoot-Is-Purelib: false\nTag: cp313-cp313-linux_x86_64\n"));
    QByteArray record;
    for (const test::ZipMember &m : std::as_const(members))
        record += test::recordLine(m.name, m.data);
    members.append(test::ZipMember(info + "RECORD", record + info + "RECORD,,\n"));
    const QString wheel = dir + QStringLiteral("/%1-%2-cp313-cp313-linux_x86_64.whl").arg(dist, version);
    QFile out(wheel);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(test::buildZip(members)) < 0) {
        *why = QStringLiteral("cannot write %1").arg(wheel);
        return {};
    }
    return wheel;
}

QString archOf(const QString &tag) // "manylinux_2_17_x86_64" or "linux_x86_64" -> "x86_64"
{
    static const QRegularExpression re(QStringLiteral("^(?:linux|many|musl)[a-z]*(?:_\\d+_\\d+|2014|2010|1)?_(.+)$"));
    return re.match(tag).captured(1);
}

template <typename T>
QStringList sorted(const T &values)
{
    QStringList out(values.begin(), values.end());
    out.sort();
    return out;
}

} // namespace

class RepairOracle : public QObject
{
    Q_OBJECT
private slots:
    void sameRepair_data();
    void sameRepair();
};

void RepairOracle::sameRepair_data()
{
    QTest::addColumn<QStringList>("folders");
    QTest::addColumn<QString>("dist");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("addNeeded");
    WB_REQUIRE_CORPUS();
    const QString why = oracleMissingReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    QTest::newRow("python3-yaml (libyaml)") << QStringList{QStringLiteral("yaml"), QStringLiteral("_yaml")} << QStringLiteral("PyYAML")
                                            << QStringLiteral("6.0.2") << QString();
    QTest::newRow("python3-lxml (libxslt, libxml2 and what they need)") << QStringList{QStringLiteral("lxml")} << QStringLiteral("lxml")
                                                                         << QStringLiteral("5.4.0") << QString();
    QTest::newRow("python3-yaml needing a library that is nowhere") << QStringList{QStringLiteral("yaml"), QStringLiteral("_yaml")}
                                                                    << QStringLiteral("PyYAML") << QStringLiteral("6.0.2")
                                                                    << QStringLiteral("libwheelbench-absent.so.1");
}

void RepairOracle::sameRepair()
{
    QFETCH(QStringList, folders);
    QFETCH(QString, dist);
    QFETCH(QString, version);
    QFETCH(QString, addNeeded);
    QTemporaryDir work;
    QString why;
    const QString wheel = repack(work.path(), folders, dist, version, addNeeded, &why);
    QVERIFY2(!wheel.isEmpty(), qPrintable(why));

    // auditwheel show: the tags, and every external library with where it was found (null: nowhere).
    const Run show = run(QStringLiteral("sh"), {oracle(), QStringLiteral("show"), QStringLiteral("--json"), wheel});
    QVERIFY2(show.exitCode == 0, show.err.right(600).constData());
    const QJsonObject shown = QJsonDocument::fromJson(show.out).object();
    const QString arch = archOf(shown.value(QStringLiteral("overall_tag")).toString());
    QVERIFY2(!arch.isEmpty(), show.out.left(300).constData());
    QHash<QString, QString> sonameOfFile; // "libyaml-0.so.2.0.9" -> "libyaml-0.so.2"
    QSet<QString> unresolved;
    const QJsonObject external = shown.value(QStringLiteral("external_libs")).toObject();
    for (auto it = external.begin(); it != external.end(); ++it) {
        if (it.value().isNull())
            unresolved << it.key();
        else
            sonameOfFile.insert(QFileInfo(it.value().toString()).fileName(), it.key());
    }

    // auditwheel repair: the grafted files (<pkg>.libs/<name>-<hash8>.<ext>) and the repaired wheel's tags.
    const QString out = work.path() + QStringLiteral("/repaired");
    const Run repair = run(QStringLiteral("sh"), {oracle(), QStringLiteral("repair"), QStringLiteral("-w"), out, wheel});
    QSet<QString> grafted, graftedFiles;
    QStringList repairedTags;
    if (repair.exitCode == 0) {
        const QStringList written = QDir(out).entryList({QStringLiteral("*.whl")}, QDir::Files);
        QCOMPARE(written.size(), 1);
        repairedTags = written.first().chopped(4).section(u'-', -1).split(u'.');
        static const QRegularExpression hashed(QStringLiteral("^([^.]+)-[0-9a-f]{8}\\.(.+)$"));
        for (const WheelFileEntry &f : inspectWheel(out + u'/' + written.first()).files) {
            if (!f.path.section(u'/', 0, 0).endsWith(QLatin1String(".libs")) || f.isDirectory)
                continue;
            const QRegularExpressionMatch m = hashed.match(f.path.section(u'/', -1));
            QVERIFY2(m.hasMatch(), qPrintable(f.path));
            const QString original = m.captured(1) + u'.' + m.captured(2);
            graftedFiles << original;
            QVERIFY2(sonameOfFile.contains(original), qPrintable(original + QStringLiteral(" grafted, not in show's external_libs")));
            grafted << sonameOfFile.value(original);
        }
    }

    const WheelReport r = inspectWheel(wheel);
    const RepairPreview &p = r.repair;
    QSet<QString> copied, copiedFiles;
    for (const RepairLibrary &lib : p.copied) {
        if (lib.path.isEmpty())
            continue; // not found: in missing
        copied << lib.soname;
        copiedFiles << QFileInfo(lib.path).fileName();
        // The file auditwheel show names for it, as it names it (/lib/x86_64-linux-gnu/libyaml-0.so.2.0.9).
        QVERIFY2(external.value(lib.soname).toString() == lib.path, qPrintable(lib.soname + QStringLiteral(": ") + lib.path));
    }
    const QString details = QStringLiteral("ours: %1 (symbols %2), would copy %3, missing %4, repaired %5; auditwheel: %6 (symbols %7), "
                                           "grafted %8, unresolved %9, repaired %10: %11")
                                .arg(r.policy.policy, r.policy.symbolPolicy, sorted(copied).join(u' '), p.missing.join(u' '), p.repairedPolicy,
                                     shown.value(QStringLiteral("overall_tag")).toString(), shown.value(QStringLiteral("sym_tag")).toString(),
                                     sorted(grafted).join(u' '), sorted(unresolved).join(u' '), repairedTags.join(u'.'),
                                     QString::fromUtf8(repair.err.trimmed().split('\n').last()));
    QVERIFY2(p.applicable, qPrintable(details));
    QVERIFY2(r.policy.policy + u'_' + arch == shown.value(QStringLiteral("overall_tag")).toString(), qPrintable(details));
    QVERIFY2(r.policy.symbolPolicy + u'_' + arch == shown.value(QStringLiteral("sym_tag")).toString(), qPrintable(details));
    QVERIFY2(p.symbolPolicy == r.policy.symbolPolicy, qPrintable(details));
    QVERIFY2(sorted(p.missing) == sorted(unresolved), qPrintable(details));
    if (unresolved.isEmpty()) {
        QVERIFY2(repair.exitCode == 0, repair.err.right(600).constData());
        QVERIFY2(!grafted.isEmpty(), qPrintable(details));
        QVERIFY2(copied == grafted, qPrintable(details));
        QVERIFY2(copiedFiles == graftedFiles, qPrintable(details));
        QVERIFY2(repairedTags.contains(p.repairedPolicy + u'_' + arch), qPrintable(details));
    } else {
        // auditwheel: 'Cannot repair wheel, because required library "libwheelbench-absent.so.1" could not be located'.
        QVERIFY2(repair.exitCode != 0 && repair.err.contains(unresolved.values().first().toUtf8()), repair.err.right(600).constData());
        QVERIFY2(p.repairedPolicy.isEmpty(), qPrintable(details));
    }
}

QTEST_GUILESS_MAIN(RepairOracle)
#include "tst_repairoracle.moc"
