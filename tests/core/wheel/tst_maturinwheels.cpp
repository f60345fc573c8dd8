// Wheels built by real maturin from a copy of examples/hello-pyo3: stripped (the example's release
// profile), then unstripped + abi3 + a module-name that does not match the #[pymodule] function, cffi
// bindings (maturin's test crate cffi-pure, and the example with bindings = "cffi"), then one whose
// requires-python excludes the interpreter it was built for.
#include "core/wheel/WheelReport.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

class TestMaturinWheels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static bool copyTree(const QString &from, const QString &to)
    {
        QDir().mkpath(to);
        QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString src = it.next();
            const QString rel = QDir(from).relativeFilePath(src);
            if (rel.startsWith(QLatin1String("target/")))
                continue;
            QDir().mkpath(QFileInfo(to + QLatin1Char('/') + rel).path());
            if (!QFile::copy(src, to + QLatin1Char('/') + rel))
                return false;
        }
        return true;
    }
    static void replaceIn(const QString &file, const QByteArray &from, const QByteArray &to)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray d = f.readAll();
        f.close();
        QVERIFY2(d.contains(from), from.constData());
        d.replace(from, to);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(d);
    }
    QString build(const QString &project)
    {
        if (QStandardPaths::findExecutable(QStringLiteral("maturin")).isEmpty())
            return {};
        QProcess p;
        p.setWorkingDirectory(project);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CARGO_TARGET_DIR"), wb::test::binaryDir() + QStringLiteral("/cargo-target-tests"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("maturin"), {QStringLiteral("build"), QStringLiteral("--release"), QStringLiteral("-i"), QStringLiteral("python3"),
                                            QStringLiteral("--out"), project + QStringLiteral("/dist")});
        if (!p.waitForFinished(800000) || p.exitCode() != 0) {
            qWarning("%s", p.readAll().constData());
            return QStringLiteral("FAILED");
        }
        const QStringList w = QDir(project + QStringLiteral("/dist")).entryList({QStringLiteral("*.whl")});
        return w.isEmpty() ? QStringLiteral("FAILED") : project + QStringLiteral("/dist/") + w.first();
    }

private Q_SLOTS:
    void strippedReleaseWheel()
    {
        const QString project = m_dir.filePath(QStringLiteral("stripped"));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        const QString wheel = build(project);
        if (wheel.isEmpty())
            QSKIP("maturin is not installed");
        QVERIFY(wheel != QLatin1String("FAILED"));
        const WheelReport r = inspectWheel(wheel);
        QVERIFY(r.record.ok && r.record.verified);
        QCOMPARE(r.extensions.size(), 1);
        const ExtensionReport &x = r.extensions.first();
        QCOMPARE(x.binary.formatName(), QStringLiteral("ELF"));
        QVERIFY(x.binary.stripped);
        QCOMPARE(x.binary.debugBytes, 0);
        QVERIFY(x.pythonModule);
        QCOMPARE(x.pyinitExpected, QStringLiteral("PyInit__native"));
        QVERIFY(x.pyinitFound);
        QVERIFY(!x.linksLibpython);
        QVERIFY(!x.abi3);
        QVERIFY(!x.policy.policy.isEmpty());
        QVERIFY(x.symbolVersions().contains(QStringLiteral("libc.so.6")));
        QVERIFY2(!r.hasErrors(), qPrintable(r.findings.value(0).message));
    }

    void unstrippedAbi3WrongModuleName()
    {
        const QString project = m_dir.filePath(QStringLiteral("abi3"));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        replaceIn(project + QStringLiteral("/Cargo.toml"), "strip = true", "strip = false\ndebug = true");
        replaceIn(project + QStringLiteral("/Cargo.toml"), "lto = true", "lto = false");
        replaceIn(project + QStringLiteral("/Cargo.toml"), "features = [\"extension-module\"]", "features = [\"extension-module\", \"abi3-py39\"]");
        replaceIn(project + QStringLiteral("/pyproject.toml"), "module-name = \"hello_pyo3._native\"", "module-name = \"hello_pyo3._other\"");
        const QString wheel = build(project);
        if (wheel.isEmpty())
            QSKIP("maturin is not installed");
        QVERIFY(wheel != QLatin1String("FAILED"));
        const WheelReport r = inspectWheel(wheel);
        QVERIFY(r.filename.abiTags.contains(QStringLiteral("abi3")));
        QCOMPARE(r.extensions.size(), 1);
        const ExtensionReport &x = r.extensions.first();
        QVERIFY(!x.binary.stripped);
        QVERIFY(x.binary.debugBytes > 0);
        QVERIFY(x.sizeAfterStrip < x.binary.fileSize);
        QVERIFY(x.abi3);
        // PyO3's abi3 feature limits it to the stable ABI: nothing outside it may be flagged.
        QVERIFY2(x.abi3NonStableCalls.isEmpty(), qPrintable(x.abi3NonStableCalls.join(QLatin1Char(' '))));
        QVERIFY(!x.binary.slices.value(0).undefined.filter(QRegularExpression(QStringLiteral("^_?Py"))).isEmpty());
        QCOMPARE(x.pyinitExpected, QStringLiteral("PyInit__other"));
        QVERIFY(!x.pyinitFound);
        QVERIFY(x.binary.allExports().contains(QStringLiteral("PyInit__native")));
        bool missing = false;
        for (const Finding &f : r.findings)
            missing = missing || (f.id == QLatin1String("extension.pyinit-missing") && f.severity == Finding::Severity::Error);
        QVERIFY(missing);
    }

    // maturin's cffi bindings: lib<module>.so beside the ffi.py that dlopens it is not a Python module. A real
    // cffi crate (maturin's test crate cffi-pure) gets no module finding; the example, a PyO3 crate, built with
    // bindings = "cffi" (maturin does as told) is named for what it is, not as a misnamed extension.
    void cffiBindings_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("pyo3Crate");
        QTest::newRow("maturin's cffi-pure") << wb::test::corpusDir() + QStringLiteral("/maturin/test-crates/cffi-pure") << false;
        QTest::newRow("a PyO3 crate with bindings = cffi") << wb::test::examplesDir() + QStringLiteral("/hello-pyo3") << true;
    }
    void cffiBindings()
    {
        QFETCH(QString, source);
        QFETCH(bool, pyo3Crate);
        if (!pyo3Crate)
            WB_REQUIRE_CORPUS();
        if (QProcess::execute(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import cffi")}) != 0)
            QSKIP("maturin's cffi bindings need Python's cffi package (python3-cffi), which is not installed");
        const QString project = m_dir.filePath(pyo3Crate ? QStringLiteral("cffi-pyo3") : QStringLiteral("cffi-pure"));
        QVERIFY(copyTree(source, project));
        if (pyo3Crate)
            replaceIn(project + QStringLiteral("/pyproject.toml"), "module-name = \"hello_pyo3._native\"",
                      "module-name = \"hello_pyo3._native\"\nbindings = \"cffi\"");
        const QString wheel = build(project);
        if (wheel.isEmpty())
            QSKIP("maturin is not installed");
        QVERIFY(wheel != QLatin1String("FAILED"));
        const WheelReport r = inspectWheel(wheel);
        QCOMPARE(r.extensions.size(), 1);
        QVERIFY(r.extensions.first().path.endsWith(QLatin1String(".so")));
        QVERIFY(QFileInfo(r.extensions.first().path).fileName().startsWith(QLatin1String("lib")));
        QVERIFY(!r.extensions.first().pythonModule);
        QStringList ids;
        for (const Finding &f : r.findings)
            ids << f.id;
        QVERIFY2(!ids.contains(QStringLiteral("extension.pyinit-missing")), qPrintable(ids.join(u' ')));
        QCOMPARE(ids.contains(QStringLiteral("extension.cffi-exports-pyinit")), pyo3Crate);
    }

    // maturin 1.8.3 builds for the interpreter it finds even when requires-python excludes it: the wheel
    // installs nowhere. The same build as the first (cargo's work is reused) with requires-python raised.
    void requiresPythonExcludesTheTags()
    {
        const QString project = m_dir.filePath(QStringLiteral("requires"));
        QVERIFY(copyTree(wb::test::examplesDir() + QStringLiteral("/hello-pyo3"), project));
        replaceIn(project + QStringLiteral("/pyproject.toml"), "requires-python = \">=3.9\"", "requires-python = \">=3.99\"");
        const QString wheel = build(project);
        if (wheel.isEmpty())
            QSKIP("maturin is not installed");
        if (wheel == QLatin1String("FAILED"))
            QSKIP("this maturin refuses to build for an interpreter outside requires-python (newer than 1.8.3?)");
        const WheelReport r = inspectWheel(wheel);
        bool excluded = false;
        for (const Finding &f : r.findings)
            excluded = excluded || (f.id == QLatin1String("metadata.requires-python-excludes-tags") && f.severity == Finding::Severity::Error);
        QVERIFY2(excluded, qPrintable(r.filename.pythonTags.join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestMaturinWheels)
#include "tst_maturinwheels.moc"
