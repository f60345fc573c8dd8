// Release sets made of real files: wheels built here by the real maturin from a copy of
// examples/hello-pyo3 (a version-specific wheel for the root's CPython, an abi3 wheel) and its sdist
// (`maturin sdist`), real macOS and Windows wheels of one release from the corpus (read in place), and
// broken sets made from these in a temporary folder: a renamed version, a plain linux tag, a duplicate,
// a dropped platform, a lowered size limit. Builds run once, in initTestCase.
#include "core/build/CiWorkflow.h"
#include "core/release/ConsistencyRules.h"
#include "core/release/ReleaseReport.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

class TestRelease : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_project;    // the copy of examples/hello-pyo3 (rust-version added)
    QString m_python;     // python3.X used for the builds
    QString m_versioned;  // cpXY-cpXY wheel
    QString m_abi3;       // cp38-abi3 wheel
    QString m_sdist;
    QString m_skip;       // why the built sets are not there

    QString path(const QString &rel) const { return m_tmp.filePath(rel); }

    static bool replaceIn(const QString &file, const QByteArray &from, const QByteArray &to)
    {
        QByteArray d = wb::test::readAll(file);
        if (!d.contains(from))
            return false;
        d.replace(from, to);
        QSaveFile f(file);
        return f.open(QIODevice::WriteOnly) && f.write(d) == d.size() && f.commit();
    }
    QString maturin(const QStringList &args, const QString &out)
    {
        QProcess p;
        p.setWorkingDirectory(m_project);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CARGO_TARGET_DIR"), wb::test::binaryDir() + QStringLiteral("/cargo-target-tests"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QDir().mkpath(out);
        p.start(QStringLiteral("maturin"), args + QStringList{QStringLiteral("--out"), out});
        if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("%s", p.readAll().constData());
            return {};
        }
        const QStringList made = QDir(out).entryList({QStringLiteral("*.whl"), QStringLiteral("*.tar.gz")}, QDir::Files);
        return made.size() == 1 ? out + QLatin1Char('/') + made.first() : QString();
    }
    static bool copy(const QString &from, const QString &to)
    {
        QDir().mkpath(QFileInfo(to).path());
        return QFile::copy(from, to);
    }
    QString corpus(const QString &rel) const { return wb::test::corpusDir() + QStringLiteral("/wheels/") + rel; }

    static int run(const QStringList &args, QByteArray *out)
    {
        QProcess p;
        p.start(wb::test::executable(), args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        return p.exitCode();
    }
    static QStringList ids(const ReleaseReport &r, Finding::Severity s)
    {
        QStringList out;
        for (const ReleaseFinding &f : r.findings)
            if (f.severity == s)
                out.append(f.id);
        return out;
    }
    static const ReleaseFinding *find(const ReleaseReport &r, const QString &id)
    {
        for (const ReleaseFinding &f : r.findings)
            if (f.id == id)
                return &f;
        return nullptr;
    }
#define REQUIRE_BUILT()                                                                                                                    \
    do {                                                                                                                                   \
        if (!m_skip.isEmpty())                                                                                                             \
            QSKIP(qPrintable(m_skip));                                                                                                     \
    } while (false)

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("maturin")).isEmpty()) {
            m_skip = QStringLiteral("maturin is not installed");
            return;
        }
        for (int minor = 14; minor >= 9 && m_python.isEmpty(); --minor)
            if (!QStandardPaths::findExecutable(QStringLiteral("python3.%1").arg(minor)).isEmpty())
                m_python = QStringLiteral("python3.%1").arg(minor);
        if (m_python.isEmpty()) {
            m_skip = QStringLiteral("no python3.X interpreter");
            return;
        }
        m_project = path(QStringLiteral("hello-pyo3"));
        QVERIFY(wb::test::copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), m_project));
        QDir(m_project + QStringLiteral("/target")).removeRecursively();
        QVERIFY(replaceIn(m_project + QStringLiteral("/Cargo.toml"), "edition = \"2021\"", "edition = \"2021\"\nrust-version = \"1.70\""));
        m_sdist = maturin({QStringLiteral("sdist")}, path(QStringLiteral("out/sdist")));
        QVERIFY2(!m_sdist.isEmpty(), "maturin sdist failed");
        m_versioned = maturin({QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-i"), m_python}, path(QStringLiteral("out/versioned")));
        QVERIFY2(!m_versioned.isEmpty(), "maturin build failed");
        QVERIFY(replaceIn(m_project + QStringLiteral("/Cargo.toml"), "features = [\"extension-module\"]", "features = [\"extension-module\", \"abi3-py38\"]"));
        m_abi3 = maturin({QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-i"), m_python}, path(QStringLiteral("out/abi3")));
        QVERIFY2(!m_abi3.isEmpty(), "maturin build (abi3) failed");
        QVERIFY(m_abi3.contains(QLatin1String("-cp38-abi3-")));
    }

    // abi3 wheel + sdist: every CPython the project declares (Requires-Python >=3.9) is covered.
    void abi3ReleaseIsReady()
    {
        REQUIRE_BUILT();
        QVERIFY(copy(m_abi3, path(QStringLiteral("ready/dist/") + QFileInfo(m_abi3).fileName())));
        QVERIFY(copy(m_sdist, path(QStringLiteral("ready/dist/") + QFileInfo(m_sdist).fileName())));
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({path(QStringLiteral("ready/dist"))}), {});
        QCOMPARE(r.set.wheels().size(), 1);
        QCOMPARE(r.set.sdists().size(), 1);
        QVERIFY2(!r.refusedOrMissing(), qPrintable(ids(r, Finding::Severity::Error).join(u' ')));
        QCOMPARE(r.name, QStringLiteral("hello-pyo3"));
        QCOMPARE(r.matrix.rows.size(), 1);
        QCOMPARE(r.matrix.rows.first().kind, PlatformTag::Kind::Manylinux);
        QStringList labels;
        for (const MatrixColumn &c : r.matrix.columns)
            labels.append(c.label);
        QCOMPARE(labels, (QStringList{QStringLiteral("3.9"), QStringLiteral("3.10"), QStringLiteral("3.11"), QStringLiteral("3.12"),
                                      QStringLiteral("3.13"), QStringLiteral("3.14")}));
        for (int c = 0; c < r.matrix.columns.size(); ++c) {
            QCOMPARE(r.matrix.cell(0, c).state, MatrixCell::State::Covered);
            QCOMPARE(r.matrix.cell(0, c).text, QStringLiteral("abi3 ≥3.8"));
        }
        QCOMPARE(r.project.rustVersion, QStringLiteral("1.70"));
        QVERIFY(r.sdistFatal.isEmpty());
    }

    // One version-specific wheel: the other declared versions are missing, and users there build from
    // the sdist with Rust >= rust-version; without the sdist they cannot install at all.
    void versionedReleaseMissesVersions()
    {
        REQUIRE_BUILT();
        QVERIFY(copy(m_versioned, path(QStringLiteral("versioned/") + QFileInfo(m_versioned).fileName())));
        QVERIFY(copy(m_sdist, path(QStringLiteral("versioned/") + QFileInfo(m_sdist).fileName())));
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({path(QStringLiteral("versioned"))}), {});
        QVERIFY(r.refusedOrMissing());
        const ReleaseFinding *missing = find(r, QStringLiteral("coverage.version-missing"));
        QVERIFY(missing);
        QVERIFY2(missing->message.contains(QStringLiteral("needs Rust ≥ 1.70")), qPrintable(missing->message));
        const QString own = QStringLiteral("3.") + m_python.mid(8); // python3.X -> 3.X
        QVERIFY2(!missing->message.contains(own + QLatin1Char(',')) && !missing->message.contains(own + QLatin1Char(':')), qPrintable(missing->message));
        int present = 0, absent = 0;
        for (int c = 0; c < r.matrix.columns.size(); ++c) {
            const MatrixCell &cell = r.matrix.cell(0, c);
            if (cell.state == MatrixCell::State::Present) {
                ++present;
                QCOMPARE(r.matrix.columns.at(c).label, own);
                QCOMPARE(cell.wheels, QStringList{path(QStringLiteral("versioned/") + QFileInfo(m_versioned).fileName())});
            } else {
                ++absent;
                QCOMPARE(cell.state, MatrixCell::State::Missing);
                QVERIFY(cell.detail.startsWith(QLatin1String("pip builds from the sdist")));
            }
        }
        QCOMPARE(present, 1);
        QVERIFY(absent >= 4);

        // The same wheel alone: no sdist.
        const ReleaseReport alone = ReleaseReport::check(ReleaseSet::read({m_versioned}), {});
        QCOMPARE(alone.matrix.consequence, QStringLiteral("no sdist: pip cannot install"));
    }

    // Both wheels: the same pure-Python files, the same metadata; both stripped; no suffix problems.
    void wheelsOfOneBuildAgree()
    {
        REQUIRE_BUILT();
        const ReleaseSet set = ReleaseSet::read({m_versioned, m_abi3, m_sdist});
        QCOMPARE(set.files.size(), 3);
        QVERIFY(ConsistencyRules::pureFiles(set).isEmpty());
        QVERIFY(ConsistencyRules::stripping(set).isEmpty());
        QVERIFY(ConsistencyRules::suffixes(set).isEmpty());
        const ReleaseFindingList meta = ConsistencyRules::metadata(set);
        QVERIFY2(meta.isEmpty(), qPrintable(meta.value(0).message));
        QVERIFY(ConsistencyRules::sdistContents(set, ProjectDeclaration::gather(set, m_project)).isEmpty());
    }

    // Renamed copies: a version in the file name that the metadata does not have, a plain linux tag,
    // a version-specific module under an abi3 name, an abi3 module under a cp312 name.
    void brokenNames()
    {
        REQUIRE_BUILT();
        const QString base = QFileInfo(m_versioned).fileName();
        const QString abi3 = QFileInfo(m_abi3).fileName();
        const QString dir = path(QStringLiteral("broken-names"));
        QString renamedVersion = base;
        renamedVersion.replace(QLatin1String("-0.1.0-"), QLatin1String("-0.1.1-"));
        QVERIFY(copy(m_versioned, dir + QLatin1Char('/') + renamedVersion));
        const QString plat = base.section(u'-', 4).chopped(4); // manylinux_2_17_x86_64.manylinux2014_x86_64
        QString plain = abi3;
        plain.replace(plat, QStringLiteral("linux_x86_64"));
        QVERIFY(plain != abi3);
        QVERIFY(copy(m_abi3, dir + QLatin1Char('/') + plain));
        QString asAbi3 = base;
        asAbi3.replace(QRegularExpression(QStringLiteral("-cp3\\d+-cp3\\d+-")), QStringLiteral("-cp38-abi3-"));
        QVERIFY(copy(m_versioned, dir + QStringLiteral("/abi3/") + asAbi3));
        QString asCp312 = abi3;
        asCp312.replace(QLatin1String("-cp38-abi3-"), QLatin1String("-cp312-cp312-"));
        QVERIFY(copy(m_abi3, dir + QLatin1Char('/') + asCp312));
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({dir}), {});
        QCOMPARE(r.set.files.size(), 4);
        const ReleaseFinding *version = find(r, QStringLiteral("upload.filename-version"));
        QVERIFY(version);
        QCOMPARE(version->file, renamedVersion);
        QVERIFY(version->source.contains(QLatin1String("forklift/legacy.py")));
        const ReleaseFinding *tag = find(r, QStringLiteral("upload.platform-tag"));
        QVERIFY(tag);
        QCOMPARE(tag->file, plain);
        QCOMPARE(tag->severity, Finding::Severity::Error);
        QStringList abiFiles;
        for (const ReleaseFinding &f : r.findings)
            if (f.id == QLatin1String("consistency.abi-tags"))
                abiFiles.append(f.file);
        QVERIFY2(abiFiles.contains(asAbi3), qPrintable(abiFiles.join(u' ')));
        QVERIFY2(abiFiles.contains(asCp312), qPrintable(abiFiles.join(u' ')));
    }

    // The same wheel twice (two CI artifacts), and a limit of 0.1 MB.
    void duplicatesAndSize()
    {
        REQUIRE_BUILT();
        const QString name = QFileInfo(m_abi3).fileName();
        QVERIFY(copy(m_abi3, path(QStringLiteral("dupes/wheels-linux/") + name)));
        QVERIFY(copy(m_abi3, path(QStringLiteral("dupes/wheels-linux-2/") + name)));
        ReleaseOptions options;
        options.upload.maxFileSize = 100 * 1000;
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({path(QStringLiteral("dupes"))}), options);
        QVERIFY(find(r, QStringLiteral("upload.duplicate-file")));
        QVERIFY(find(r, QStringLiteral("upload.duplicate-file"))->message.contains(QLatin1String("same contents")));
        QVERIFY(QFileInfo(m_abi3).size() > 100 * 1000);
        QVERIFY(find(r, QStringLiteral("upload.file-too-large")));
        ReleaseOptions roomy;
        const ReleaseReport ok = ReleaseReport::check(ReleaseSet::read({m_abi3}), roomy);
        QVERIFY(!find(ok, QStringLiteral("upload.file-too-large")));
    }

    // The project's CI workflow builds for more platforms than the set has.
    void declaredPlatformsFromTheWorkflow()
    {
        REQUIRE_BUILT();
        CiWorkflowOptions o;
        o.abi3 = true;
        o.requiresPython = QStringLiteral(">=3.9");
        QString error;
        QVERIFY2(CiWorkflow::write(CiWorkflow::path(m_project, QStringLiteral("CI")), CiWorkflow::generate(o), true, &error), qPrintable(error));
        ReleaseOptions options;
        options.projectDir = m_project;
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({m_abi3, m_sdist}), options);
        QCOMPARE(r.project.workflowFiles.size(), 1);
        QVERIFY(r.matrix.rows.size() >= 10);
        QVERIFY(r.refusedOrMissing());
        int missingPlatforms = 0;
        for (const ReleaseFinding &f : r.findings)
            missingPlatforms += f.id == QLatin1String("coverage.platform-missing");
        QCOMPARE(missingPlatforms, int(r.matrix.rows.size()) - 1);
        bool windows = false;
        for (const MatrixRow &row : r.matrix.rows)
            windows = windows || (row.kind == PlatformTag::Kind::Windows && row.arch == QLatin1String("amd64") && row.inCi && !row.present);
        QVERIFY(windows);
        QFile::remove(CiWorkflow::path(m_project, QStringLiteral("CI")));
    }

    // Against the previous release: 0.1.0 had only the version-specific wheel; now abi3.
    void previousRelease()
    {
        REQUIRE_BUILT();
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({m_abi3, m_sdist}), {}, ReleaseSet::read({m_versioned, m_sdist}));
        QVERIFY(r.comparison.has_value());
        QVERIFY(r.comparison->newPlatforms.isEmpty());
        QVERIFY(r.comparison->droppedPlatforms.isEmpty());
        QVERIFY(r.comparison->newVersions.contains(QStringLiteral("3.9")));
        QVERIFY(r.comparison->droppedVersions.isEmpty());
        QCOMPARE(r.comparison->sizes.size(), 1);
        QCOMPARE(r.comparison->sizes.first().before, QFileInfo(m_versioned).size());
        QCOMPARE(r.comparison->sizes.first().after, QFileInfo(m_abi3).size());
    }

    // A real wheel on PyPI whose Author-email is old setuptools' UNKNOWN (PyPI reads it as no value) is no refusal
    // (the addresses PyPI refused are rows of tst_releaserules).
    void authorEmail()
    {
        WB_REQUIRE_CORPUS();
        const QString unknown = corpus(QStringLiteral("check-wheel-contents/whatodo-0.1.0a4-py3-none-any.whl"));
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({unknown}), {});
        QVERIFY(!find(r, QStringLiteral("upload.email-invalid")));
    }

    // Real macOS and Windows wheels of one release (h3ronpy 0.16.0, abi3), read in place.
    void corpusMacAndWindows()
    {
        WB_REQUIRE_CORPUS();
        const QString mac = corpus(QStringLiteral("delvewheel/h3ronpy-0.16.0-cp38-abi3-macosx_10_7_x86_64.whl"));
        const QString win = corpus(QStringLiteral("delvewheel/h3ronpy-0.16.0-cp38-abi3-win_amd64.whl"));
        const ReleaseReport r = ReleaseReport::check(ReleaseSet::read({mac, win}), {});
        QCOMPARE(r.version, QStringLiteral("0.16.0"));
        QCOMPARE(r.matrix.rows.size(), 2);
        QCOMPARE(r.matrix.rows.at(0).kind, PlatformTag::Kind::MacOS);
        QCOMPARE(r.matrix.rows.at(0).levels, QStringList{QStringLiteral("macOS 10.7")});
        QCOMPARE(r.matrix.rows.at(1).kind, PlatformTag::Kind::Windows);
        for (int row = 0; row < 2; ++row)
            for (int c = 0; c < r.matrix.columns.size(); ++c)
                QVERIFY(r.matrix.cell(row, c).state != MatrixCell::State::Missing);
        // The Windows job checked the sources out with CRLF line endings (git core.autocrlf): its Python
        // files and description differ from the macOS wheel's.
        const ReleaseFindingList pure = ConsistencyRules::pureFiles(r.set);
        QStringList changed;
        for (const ReleaseFinding &f : pure)
            changed.append(f.message);
        QVERIFY2(changed.join(u' ').contains(QLatin1String("h3ronpy/op.py")), qPrintable(changed.join(u' ')));
        const ReleaseFinding *description = find(r, QStringLiteral("consistency.metadata"));
        QVERIFY(description);
        QVERIFY2(description->message.contains(QLatin1String("only in line endings")), qPrintable(description->message));
        QVERIFY(!find(r, QStringLiteral("upload.platform-tag")));
        QVERIFY(!r.refusedOrMissing());

        // Dropped platform: the next release forgot the macOS job.
        const ReleaseReport next = ReleaseReport::check(ReleaseSet::read({win}), {}, ReleaseSet::read({mac, win}));
        QCOMPARE(next.comparison->droppedPlatforms, QStringList{QStringLiteral("macOS x86_64")});
        QVERIFY(find(next, QStringLiteral("previous.platform-dropped")));

        // A set mixing two projects: one name per release.
        const ReleaseReport mixed = ReleaseReport::check(ReleaseSet::read({mac, win, corpus(QStringLiteral("delvewheel/iknowpy-1.5.3-cp312-cp312-win_amd64.whl"))}), {});
        QVERIFY(find(mixed, QStringLiteral("upload.mixed-names")));
        QCOMPARE(find(mixed, QStringLiteral("upload.mixed-names"))->file, QStringLiteral("iknowpy-1.5.3-cp312-cp312-win_amd64.whl"));
        const ReleaseFinding *diff = find(mixed, QStringLiteral("consistency.metadata"));
        QVERIFY(diff);
        QCOMPARE(diff->file, QStringLiteral("iknowpy-1.5.3-cp312-cp312-win_amd64.whl"));
    }

    // Unstripped real extensions beside stripped ones.
    void strippingDiffers()
    {
        REQUIRE_BUILT();
        WB_REQUIRE_CORPUS();
        const QString debug = corpus(QStringLiteral("auditwheel/glibc/testsimple-0.0.1-cp313-cp313-linux_x86_64.whl"));
        const ReleaseFindingList f = ConsistencyRules::stripping(ReleaseSet::read({m_versioned, debug}));
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().file, QFileInfo(debug).fileName());
    }

    // `wheelbench release` as users run it: exit codes and the JSON.
    void commandLine()
    {
        REQUIRE_BUILT();
        QByteArray out;
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("ready/dist")), QStringLiteral("--json")}, &out), 0);
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o.value(QLatin1String("schema_version")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("ready"));
        QCOMPARE(o.value(QLatin1String("files")).toArray().size(), 2);
        const QJsonObject row = o.value(QLatin1String("matrix")).toObject().value(QLatin1String("rows")).toArray().first().toObject();
        QCOMPARE(row.value(QLatin1String("cells")).toObject().value(QLatin1String("cp313")).toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("covered"));
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("versioned"))}, &out), 1);
        QVERIFY(out.contains("coverage.version-missing"));
        QVERIFY(out.contains("verdict: blocked"));
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("ready/dist")), QStringLiteral("--max-size"), QStringLiteral("0.1")}, &out), 1);
        QVERIFY(out.contains("upload.file-too-large"));
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("ready/dist")), QStringLiteral("--previous"), path(QStringLiteral("versioned")),
                      QStringLiteral("--json")}, &out), 0);
        QVERIFY(QJsonDocument::fromJson(out).object().value(QLatin1String("previous")).toObject().value(QLatin1String("new_versions")).toArray().size() >= 4);
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("no-such-folder"))}, &out), 2);
        QDir().mkpath(path(QStringLiteral("empty")));
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("empty"))}, &out), 2);
        QCOMPARE(run({QStringLiteral("release"), path(QStringLiteral("ready/dist")), QStringLiteral("--max-size"), QStringLiteral("x")}, &out), 2);
        QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains("release"));
    }
};

QTEST_GUILESS_MAIN(TestRelease)
#include "tst_release.moc"
