#include "core/build/CiWorkflow.h"

#include "core/build/PyprojectBuildSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace wb {

CiWorkflowOptions CiWorkflowOptions::fromSettings(const PyprojectBuildSettings &s)
{
    CiWorkflowOptions o;
    o.abi3 = s.abi3;
    o.projectName = s.projectName.isEmpty() ? s.crateName : s.projectName;
    o.requiresPython = s.requiresPython;
    return o;
}

QString CiWorkflow::path(const QString &projectDir, const QString &name)
{
    QString base = name.trimmed().toLower();
    base.replace(u' ', u'-');
    if (base.isEmpty())
        base = QStringLiteral("ci");
    return QDir::cleanPath(projectDir + QStringLiteral("/.github/workflows/") + base + QStringLiteral(".yml"));
}

namespace {

struct Platform {
    const char *job;
    const char *manylinux; // nullptr: not a Linux job
    QList<QPair<const char *, const char *>> runnersAndTargets;
    bool windows = false;
};

QString jobYaml(const Platform &p, const CiWorkflowOptions &o)
{
    const QString job = QString::fromLatin1(p.job);
    QString y;
    y += QStringLiteral("  %1:\n    runs-on: ${{ matrix.platform.runner }}\n    strategy:\n      matrix:\n        platform:\n").arg(job);
    for (const auto &[runner, target] : p.runnersAndTargets) {
        y += QStringLiteral("          - runner: %1\n            target: %2\n").arg(QLatin1String(runner), QLatin1String(target));
        if (p.windows)
            y += QStringLiteral("            python_arch: %1\n")
                     .arg(QLatin1String(target) == u"aarch64" ? QStringLiteral("arm64") : QLatin1String(target));
    }
    y += QStringLiteral("    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n");
    if (p.windows)
        y += QStringLiteral("          python-version: 3.13\n          architecture: ${{ matrix.platform.python_arch }}\n");
    else
        y += QStringLiteral("          python-version: 3.x\n");
    y += QStringLiteral("      - name: Build wheels\n        uses: PyO3/maturin-action@v1\n        with:\n"
                        "          target: ${{ matrix.platform.target }}\n");
    y += QStringLiteral("          args: --release --out dist%1\n").arg(o.abi3 ? QString() : QStringLiteral(" --find-interpreter"));
    y += QStringLiteral("          sccache: ${{ !startsWith(github.ref, 'refs/tags/') }}\n");
    if (p.manylinux)
        y += QStringLiteral("          manylinux: %1\n").arg(QLatin1String(p.manylinux));
    if (o.pytest && job == u"linux" && !o.projectName.isEmpty()) {
        y += QStringLiteral("      - name: pytest\n        if: ${{ startsWith(matrix.platform.target, 'x86_64') }}\n"
                            "        shell: bash\n        run: |\n          set -e\n          python3 -m venv .venv\n"
                            "          source .venv/bin/activate\n          pip install %1 --find-links dist --force-reinstall\n"
                            "          pip install pytest\n          pytest\n").arg(o.projectName);
    }
    y += QStringLiteral("      - name: Upload wheels\n        uses: actions/upload-artifact@v4\n        with:\n"
                        "          name: wheels-%1-${{ matrix.platform.target }}\n          path: dist\n\n").arg(job);
    return y;
}

} // namespace

QString CiWorkflow::generate(const CiWorkflowOptions &o)
{
    QString y;
    y += QStringLiteral("# Builds wheels for Linux (manylinux, musllinux), Windows and macOS, and an sdist;\n"
                        "# publishes them to PyPI when a tag is pushed (needs the PYPI_API_TOKEN secret).\n");
    if (!o.requiresPython.isEmpty())
        y += QStringLiteral("# requires-python: %1%2\n").arg(o.requiresPython, o.abi3 ? QStringLiteral(" (abi3: one wheel per platform)") : QString());
    y += QStringLiteral("name: %1\n\non:\n  push:\n    branches:\n      - main\n      - master\n    tags:\n      - '*'\n"
                        "  pull_request:\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\njobs:\n")
             .arg(o.name.isEmpty() ? QStringLiteral("CI") : o.name);
    const QList<Platform> platforms = {
        {"linux", "auto",
         {{"ubuntu-22.04", "x86_64"}, {"ubuntu-22.04", "x86"}, {"ubuntu-22.04", "aarch64"}, {"ubuntu-22.04", "armv7"},
          {"ubuntu-22.04", "s390x"}, {"ubuntu-22.04", "ppc64le"}}},
        {"musllinux", "musllinux_1_2",
         {{"ubuntu-22.04", "x86_64"}, {"ubuntu-22.04", "x86"}, {"ubuntu-22.04", "aarch64"}, {"ubuntu-22.04", "armv7"}}},
        {"windows", nullptr, {{"windows-latest", "x64"}, {"windows-latest", "x86"}, {"windows-11-arm", "aarch64"}}, true},
        {"macos", nullptr, {{"macos-13", "x86_64"}, {"macos-14", "aarch64"}}},
    };
    for (const Platform &p : platforms)
        y += jobYaml(p, o);
    y += QStringLiteral("  sdist:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                        "      - name: Build sdist\n        uses: PyO3/maturin-action@v1\n        with:\n"
                        "          command: sdist\n          args: --out dist\n"
                        "      - name: Upload sdist\n        uses: actions/upload-artifact@v4\n        with:\n"
                        "          name: wheels-sdist\n          path: dist\n\n");
    y += QStringLiteral("  release:\n    name: Release\n    runs-on: ubuntu-latest\n"
                        "    if: ${{ startsWith(github.ref, 'refs/tags/') || github.event_name == 'workflow_dispatch' }}\n"
                        "    needs: [linux, musllinux, windows, macos, sdist]\n    permissions:\n"
                        "      # Use to sign the release artifacts\n      id-token: write\n"
                        "      # Used to upload release artifacts\n      contents: write\n"
                        "      # Used to generate artifact attestation\n      attestations: write\n    steps:\n"
                        "      - uses: actions/download-artifact@v4\n      - name: Generate artifact attestation\n"
                        "        uses: actions/attest-build-provenance@v2\n        with:\n          subject-path: 'wheels-*/*'\n"
                        "      - name: Install uv\n        if: ${{ startsWith(github.ref, 'refs/tags/') }}\n"
                        "        uses: astral-sh/setup-uv@v6\n      - name: Publish to PyPI\n"
                        "        if: ${{ startsWith(github.ref, 'refs/tags/') }}\n        run: uv publish 'wheels-*/*'\n"
                        "        env:\n          UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}\n");
    return y;
}

bool CiWorkflow::write(const QString &file, const QString &yaml, bool overwrite, QString *error)
{
    if (QFileInfo::exists(file) && !overwrite) {
        if (error)
            *error = QStringLiteral("%1 already exists; not replacing it.").arg(QDir::toNativeSeparators(file));
        return false;
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error)
            *error = QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath()));
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml.toUtf8()) < 0 || !out.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
        return false;
    }
    return true;
}

} // namespace wb
