// Generate CI against maturin's own snapshot tests: for each configuration maturin's
// src/ci/github/tests.rs renders, the same configuration here must give the snapshot it expects
// (src/ci/github/__snapshot__/*.yml in the corpus, read in place). maturin's test drops the five
// header lines its generator writes (version and command); ours are a different comment block
// (what the workflow builds, which Python versions), so the comparison drops the leading comment
// lines and is otherwise exact, byte for byte.
#include "core/build/CiWorkflow.h"

#include "support/TestPaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {

QString withoutLeadingComments(const QString &yaml)
{
    QStringList lines = yaml.split(u'\n');
    while (!lines.isEmpty() && lines.first().startsWith(u'#'))
        lines.removeFirst();
    return lines.join(u'\n');
}

CiGithubConfig configFrom(const QByteArray &toml)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("pyproject.toml")));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("[project]\nname = \"example\"\n\n" + toml);
    f.close();
    return CiGithubConfig::read(f.fileName());
}

} // namespace

class TestCiWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void maturinSnapshots_data()
    {
        QTest::addColumn<QString>("snapshot");
        QTest::addColumn<bool>("abi3");
        QTest::addColumn<bool>("bin");
        QTest::addColumn<bool>("sdist");
        QTest::addColumn<bool>("pytest"); // the CLI-like switches (the dialog's checkbox)
        QTest::addColumn<bool>("zig");
        QTest::addColumn<bool>("skipAttestation");
        QTest::addColumn<QByteArray>("pyproject"); // [tool.maturin.generate-ci.github] as maturin's test builds it

        // tests.rs: test_generate_github, _abi3, _no_attestations, _zig_pytest, _bin_no_binding
        QTest::newRow("default") << QStringLiteral("github_default.yml") << false << false << true << false << false << false << QByteArray();
        QTest::newRow("abi3") << QStringLiteral("github_abi3.yml") << true << false << false << false << false << false << QByteArray();
        QTest::newRow("no attestations") << QStringLiteral("github_no_attestations.yml") << true << false << false << false << false << true << QByteArray();
        QTest::newRow("zig pytest") << QStringLiteral("github_zig_pytest.yml") << false << false << true << true << true << false << QByteArray();
        QTest::newRow("bin without bindings") << QStringLiteral("github_bin_no_binding.yml") << false << true << true << false << false << false << QByteArray();
        // test_generate_emscripten, _pyproject_simple_targets, _pyproject_detailed_targets
        QTest::newRow("emscripten") << QStringLiteral("github_emscripten.yml") << false << false << true << false << false << false
                                    << QByteArray("[tool.maturin.generate-ci.github]\npytest = false\nzig = false\n"
                                                  "trusted-publishing = true\npublishing-environment = \"release\"\n\n"
                                                  "[tool.maturin.generate-ci.github.emscripten]\n");
        QTest::newRow("simple targets") << QStringLiteral("github_pyproject_simple_targets.yml") << false << false << true << false << false << false
                                        << QByteArray("[tool.maturin.generate-ci.github]\npytest = false\nzig = false\n"
                                                      "trusted-publishing = true\npublishing-environment = \"release\"\n"
                                                      "linux = { targets = [\"x86_64\", \"aarch64\"] }\n"
                                                      "macos = { targets = [\"aarch64\"] }\n");
        QTest::newRow("detailed targets") << QStringLiteral("github_pyproject_detailed_targets.yml") << false << false << false << false << false << false
                                          << QByteArray("[tool.maturin.generate-ci.github.linux]\nrunner = \"ubuntu-22.04\"\nmanylinux = \"2_28\"\n\n"
                                                        "[[tool.maturin.generate-ci.github.linux.target]]\narch = \"x86_64\"\n\n"
                                                        "[[tool.maturin.generate-ci.github.linux.target]]\narch = \"aarch64\"\n"
                                                        "runner = \"self-hosted-arm64\"\nmanylinux = \"2_17\"\n"
                                                        "before-script-linux = \"yum install -y openssl-devel\"\n");
    }
    void maturinSnapshots()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, snapshot);
        QFETCH(bool, abi3);
        QFETCH(bool, bin);
        QFETCH(bool, sdist);
        QFETCH(bool, pytest);
        QFETCH(bool, zig);
        QFETCH(bool, skipAttestation);
        QFETCH(QByteArray, pyproject);
        QFile expected(test::corpusDir() + QStringLiteral("/maturin/src/ci/github/__snapshot__/") + snapshot);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));

        CiWorkflowOptions o;
        o.projectName = QStringLiteral("example");
        o.abi3 = abi3;
        o.bin = bin;
        o.sdist = sdist;
        o.pytest = pytest;
        o.zig = zig;
        o.skipAttestation = skipAttestation;
        if (!pyproject.isEmpty()) {
            o.github = configFrom(pyproject);
            QVERIFY(o.github.present);
            QVERIFY2(o.github.error.isEmpty(), qPrintable(o.github.error));
        }
        const QString ours = withoutLeadingComments(CiWorkflow::generate(o));
        const QString theirs = QString::fromUtf8(expected.readAll());
        if (ours != theirs) {
            const QStringList a = ours.split(u'\n'), b = theirs.split(u'\n');
            for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
                const QString x = a.value(i), y = b.value(i);
                QVERIFY2(x == y, qPrintable(QStringLiteral("line %1\n ours:    %2\n maturin: %3").arg(i + 1).arg(x, y)));
            }
        }
        QCOMPARE(ours, theirs);
    }

    // tests.rs's assertions without a snapshot.
    void configRules()
    {
        // test_generate_github_pyproject_mutual_exclusion_error
        CiGithubConfig both = configFrom("[tool.maturin.generate-ci.github.linux]\ntargets = [\"x86_64\"]\n"
                                         "[[tool.maturin.generate-ci.github.linux.target]]\narch = \"x86_64\"\n");
        QVERIFY(both.error.contains(QLatin1String("mutually exclusive")));
        QVERIFY(configFrom("[tool.maturin.generate-ci.github.linux]\ntargets = []\n").error.contains(QLatin1String("must not be empty")));

        // test_generate_github_pyproject_platform_level_runner
        CiWorkflowOptions o;
        o.bin = true;
        o.github = configFrom("[tool.maturin.generate-ci.github.linux]\nrunner = \"self-hosted-linux\"\ntargets = [\"x86_64\", \"aarch64\"]\n");
        CiResolved r = CiWorkflow::resolve(o);
        QCOMPARE(r.platforms.size(), 1);
        QCOMPARE(r.platforms.first().second.size(), 2);
        for (const CiResolvedTarget &t : r.platforms.first().second)
            QCOMPARE(t.settings.runner, QStringLiteral("self-hosted-linux"));

        // test_generate_github_pyproject_uniform_manylinux
        o.bin = false;
        o.sdist = false;
        o.github = configFrom("[tool.maturin.generate-ci.github.linux]\nmanylinux = \"2_28\"\ntargets = [\"x86_64\", \"aarch64\"]\n");
        QString yaml = CiWorkflow::generate(o);
        QVERIFY(yaml.contains(QLatin1String("          manylinux: 2_28\n")));
        QVERIFY(!yaml.contains(QLatin1String("matrix.platform.manylinux")));

        // container, docker-options, rust-toolchain and args differing per target go into the matrix
        o.github = configFrom("[tool.maturin.generate-ci.github]\nargs = \"--locked\"\n"
                              "[[tool.maturin.generate-ci.github.linux.target]]\narch = \"x86_64\"\ncontainer = \"off\"\n"
                              "[[tool.maturin.generate-ci.github.linux.target]]\narch = \"aarch64\"\ndocker-options = \"-e X=1\"\n"
                              "rust-toolchain = \"nightly\"\nargs = \"--features simd\"\n");
        yaml = CiWorkflow::generate(o);
        QVERIFY(yaml.contains(QLatin1String("            container: off\n")));
        QVERIFY(yaml.contains(QLatin1String("            docker_options: -e X=1\n")));
        QVERIFY(yaml.contains(QLatin1String("            extra_args: --locked\n")));
        QVERIFY(yaml.contains(QLatin1String("            extra_args: --features simd\n")));
        QVERIFY(yaml.contains(QLatin1String("          args: --release --out dist --find-interpreter ${{ matrix.platform.extra_args }}\n")));
        QVERIFY(yaml.contains(QLatin1String("          container: ${{ matrix.platform.container }}\n")));
        QVERIFY(yaml.contains(QLatin1String("          rust-toolchain: ${{ matrix.platform.rust_toolchain }}\n")));

        // test_generate_github_android
        o.github = configFrom("[tool.maturin.generate-ci.github.android]\n");
        yaml = CiWorkflow::generate(o);
        QVERIFY(yaml.contains(QLatin1String("  android:\n")));
        QVERIFY(yaml.contains(QLatin1String("runner: ubuntu-latest")));
        QVERIFY(yaml.contains(QLatin1String("target: aarch64-linux-android")));
        QVERIFY(yaml.contains(QLatin1String("target: x86_64-linux-android")));
        QVERIFY(!yaml.contains(QLatin1String("actions/setup-python")));
        QVERIFY2(!yaml.contains(QLatin1String("--find-interpreter")), qPrintable(yaml));
        QVERIFY(!yaml.contains(QLatin1String("manylinux:")));

        // test_generate_github_android_bin and _bin_skips_cli_emscripten
        o.bin = true;
        o.github = configFrom("[tool.maturin.generate-ci.github.android]\n[tool.maturin.generate-ci.github.linux]\n"
                              "[tool.maturin.generate-ci.github.emscripten]\n");
        yaml = CiWorkflow::generate(o);
        QVERIFY(yaml.contains(QLatin1String("  android:\n")));
        QVERIFY(yaml.contains(QLatin1String("  linux:\n")));
        QVERIFY(!yaml.contains(QLatin1String("  emscripten:\n")));
        o.github = {};
        o.platforms = {CiJobPlatform::Emscripten};
        QVERIFY(CiWorkflow::resolve(o).platforms.isEmpty());
        o.platforms.clear();

        // test_generate_github_trusted_publishing_no_environment
        o.bin = false;
        o.sdist = true;
        o.github = configFrom("[tool.maturin.generate-ci.github]\ntrusted-publishing = true\n");
        yaml = CiWorkflow::generate(o);
        QVERIFY(!yaml.contains(QLatin1String("environment:")));
        QVERIFY(yaml.contains(QLatin1String("uv publish --trusted-publishing always 'wheels-*/*'")));
        QVERIFY(!yaml.contains(QLatin1String("UV_PUBLISH_TOKEN")));

        // test_generate_github_pyproject_booleans_from_config / _cli_bool_override
        o.github = configFrom("[tool.maturin.generate-ci.github]\npytest = true\nzig = true\nskip-attestation = true\n");
        r = CiWorkflow::resolve(o);
        QVERIFY(r.pytest && r.zig && r.skipAttestation);
        o.github = configFrom("[tool.maturin.generate-ci.github]\npytest = false\nzig = false\nskip-attestation = false\n");
        o.pytest = o.zig = o.skipAttestation = true;
        r = CiWorkflow::resolve(o);
        QVERIFY(r.pytest && r.zig && r.skipAttestation);
    }

    // A bin project whose binary embeds Python (pyo3) gets a Python and --find-interpreter, as maturin's Bin(Some(_)).
    void binWithPython()
    {
        CiWorkflowOptions o;
        o.bin = true;
        QVERIFY(!CiWorkflow::generate(o).contains(QLatin1String("--find-interpreter")));
        QVERIFY(!CiWorkflow::generate(o).contains(QLatin1String("actions/setup-python")));
        o.binPython = true;
        QVERIFY(CiWorkflow::generate(o).contains(QLatin1String("--find-interpreter")));
        QVERIFY(CiWorkflow::generate(o).contains(QLatin1String("actions/setup-python")));
    }
};

QTEST_GUILESS_MAIN(TestCiWorkflow)
#include "tst_ciworkflow.moc"
