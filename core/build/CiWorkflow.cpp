#include "core/build/CiWorkflow.h"

#include "core/build/PyprojectBuildSettings.h"
#include "core/build/RequiresPython.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

namespace wb {

CiWorkflowOptions CiWorkflowOptions::fromSettings(const PyprojectBuildSettings &s)
{
    CiWorkflowOptions o;
    o.abi3 = s.abi3;
    o.bin = s.hasBin;
    o.projectName = s.projectName.isEmpty() ? s.crateName : s.projectName;
    o.requiresPython = s.requiresPython;
    o.sdist = s.found;
    return o;
}

QString CiWorkflow::path(const QString &projectDir, const QString &name)
{
    // Only a plain file name: letters, digits, '.', '_' and '-' (a name never leaves the folder).
    QString base;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.')
            base += c;
        else if (!base.endsWith(u'-'))
            base += u'-';
    }
    while (base.startsWith(u'.') || base.startsWith(u'-'))
        base.remove(0, 1);
    while (base.endsWith(u'-') || base.endsWith(u'.'))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("ci");
    return QDir::cleanPath(projectDir + QStringLiteral("/.github/workflows/") + base + QStringLiteral(".yml"));
}

namespace {

// Lines of YAML at an indentation level (two spaces per level).
class Yaml
{
public:
    Yaml &operator()(int level, const QString &text)
    {
        m_text += QString(level * 2, u' ') + text + u'\n';
        return *this;
    }
    Yaml &blank()
    {
        m_text += u'\n';
        return *this;
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

QString L(const char *text)
{
    return QString::fromLatin1(text);
}

enum class Platform { Linux, Musllinux, Windows, Macos };

struct Target {
    const char *runner;
    const char *target;
    const char *pythonArch; // Windows only
};

struct PlatformJob {
    Platform platform;
    const char *job;
    const char *manylinux; // nullptr: no `manylinux:` input
    QList<Target> targets;
};

// The runners and targets of maturin 1.14's default platforms (src/ci/github/__snapshot__/github_default.yml).
const QList<PlatformJob> &platformJobs()
{
    static const QList<PlatformJob> jobs = {
        {Platform::Linux, "linux", "auto",
         {{"ubuntu-22.04", "x86_64", nullptr}, {"ubuntu-22.04", "x86", nullptr}, {"ubuntu-22.04", "aarch64", nullptr},
          {"ubuntu-22.04", "armv7", nullptr}, {"ubuntu-22.04", "s390x", nullptr}, {"ubuntu-22.04", "ppc64le", nullptr}}},
        {Platform::Musllinux, "musllinux", "musllinux_1_2",
         {{"ubuntu-22.04", "x86_64", nullptr}, {"ubuntu-22.04", "x86", nullptr}, {"ubuntu-22.04", "aarch64", nullptr},
          {"ubuntu-22.04", "armv7", nullptr}}},
        {Platform::Windows, "windows", nullptr,
         {{"windows-latest", "x64", "x64"}, {"windows-latest", "x86", "x86"}, {"windows-11-arm", "aarch64", "arm64"}}},
        {Platform::Macos, "macos", nullptr, {{"macos-15-intel", "x86_64", nullptr}, {"macos-latest", "aarch64", nullptr}}},
    };
    return jobs;
}

const QString targetExpr = QStringLiteral("${{ matrix.platform.target }}");
const QString notOnTags = QStringLiteral("${{ !startsWith(github.ref, 'refs/tags/') }}");
const QString onTags = QStringLiteral("${{ startsWith(github.ref, 'refs/tags/') }}");

struct Context {
    const CiWorkflowOptions &options;
    std::optional<int> minMinor; // lowest 3.x requires-python allows, when it has a lower bound
    bool freeThreaded;           // abi3: also build free-threaded wheels
};

void setupPython(Yaml &y, Platform p, const QString &version)
{
    y(3, L("- uses: actions/setup-python@v6"))(4, L("with:"))(5, QStringLiteral("python-version: \"%1\"").arg(version));
    if (p == Platform::Windows)
        y(5, L("architecture: ${{ matrix.platform.python_arch }}"));
}

void buildStep(Yaml &y, const PlatformJob &job, const QString &name, const QString &args)
{
    y(3, QStringLiteral("- name: %1").arg(name))(4, L("uses: PyO3/maturin-action@v1"))(4, L("with:"));
    y(5, QStringLiteral("target: %1").arg(targetExpr));
    y(5, QStringLiteral("args: --release --out dist%1").arg(args));
    y(5, QStringLiteral("sccache: %1").arg(notOnTags));
    if (job.manylinux)
        y(5, QStringLiteral("manylinux: %1").arg(L(job.manylinux)));
}

// pytest with uv on the runner itself (Linux x86_64, Windows, macOS).
void uvPytest(Yaml &y, const QString &project, const QString &activate, const QString &condition, bool bash)
{
    y(3, L("- name: pytest"));
    if (!condition.isEmpty())
        y(4, QStringLiteral("if: %1").arg(condition));
    if (bash)
        y(4, L("shell: bash"));
    y(4, L("run: |"))(5, L("set -e"))(5, L("uv venv .venv"))(5, QStringLiteral("source %1").arg(activate));
    y(5, QStringLiteral("uv pip install %1 --no-index --no-deps --find-links dist --reinstall").arg(project));
    y(5, QStringLiteral("uv pip install %1 pytest").arg(project))(5, L("pytest"));
}

void pytestSteps(Yaml &y, Platform p, const Context &c)
{
    const QString project = c.options.projectName;
    const QString x86_64 = QStringLiteral("${{ startsWith(matrix.platform.target, 'x86_64') }}");
    switch (p) {
    case Platform::Linux: {
        y(3, L("- uses: astral-sh/setup-uv@v7"))(4, QStringLiteral("if: %1").arg(x86_64));
        uvPytest(y, project, QStringLiteral(".venv/bin/activate"), x86_64, true);
        // Other architectures run under QEMU in Ubuntu 24.04 (Python 3.12; newer ones from deadsnakes).
        const bool deadsnakes = c.minMinor && *c.minMinor > 12;
        const QString python = deadsnakes ? QStringLiteral("python3.%1").arg(*c.minMinor) : QStringLiteral("python3");
        y(3, L("- name: pytest"))(4, L("if: ${{ !startsWith(matrix.platform.target, 'x86') && matrix.platform.target != 'ppc64' }}"));
        y(4, L("uses: uraimo/run-on-arch-action@v3"))(4, L("with:"));
        y(5, QStringLiteral("arch: %1").arg(targetExpr))(5, L("distro: ubuntu24.04"))(5, L("githubToken: ${{ github.token }}"));
        y(5, L("install: |"))(6, L("apt-get update"));
        if (deadsnakes) {
            y(6, L("apt-get install -y --no-install-recommends software-properties-common"));
            y(6, L("add-apt-repository -y ppa:deadsnakes/ppa"))(6, L("apt-get update"));
            y(6, QStringLiteral("apt-get install -y --no-install-recommends %1 %1-venv").arg(python));
        } else {
            y(6, L("apt-get install -y --no-install-recommends python3 python3-venv"));
        }
        y(5, L("run: |"))(6, L("set -e"))(6, QStringLiteral("%1 -m venv .venv").arg(python))(6, L("source .venv/bin/activate"));
        y(6, L("pip install pytest"));
        y(6, QStringLiteral("pip install %1 --no-index --no-deps --find-links dist --force-reinstall").arg(project));
        y(6, QStringLiteral("pip install %1").arg(project))(6, L("pytest"));
        break;
    }
    case Platform::Musllinux:
        y(3, L("- name: pytest"))(4, QStringLiteral("if: %1").arg(x86_64))(4, L("run: |"))(5, L("set -e"));
        y(5, L("docker run --rm -v ${{ github.workspace }}:/io -w /io alpine:latest sh -c '"));
        y(6, L("apk add py3-pip py3-virtualenv"))(6, L("python3 -m virtualenv .venv"))(6, L("source .venv/bin/activate"));
        y(6, QStringLiteral("pip install %1 --no-index --no-deps --find-links dist --force-reinstall").arg(project));
        y(6, QStringLiteral("pip install %1 pytest").arg(project))(6, L("pytest"))(5, L("'"));
        y(3, L("- name: pytest"))(4, L("if: ${{ !startsWith(matrix.platform.target, 'x86') }}"));
        y(4, L("uses: uraimo/run-on-arch-action@v3"))(4, L("with:"));
        y(5, QStringLiteral("arch: %1").arg(targetExpr))(5, L("distro: alpine_latest"))(5, L("githubToken: ${{ github.token }}"));
        y(5, L("install: |"))(6, L("apk add py3-virtualenv"));
        y(5, L("run: |"))(6, L("set -e"))(6, L("python3 -m virtualenv .venv"))(6, L("source .venv/bin/activate"));
        y(6, QStringLiteral("pip install %1 --no-index --no-deps --find-links dist --force-reinstall").arg(project));
        y(6, QStringLiteral("pip install %1 pytest").arg(project))(6, L("pytest"));
        break;
    case Platform::Windows:
        y(3, L("- uses: astral-sh/setup-uv@v7"));
        uvPytest(y, project, QStringLiteral(".venv/Scripts/activate"), QString(), true);
        break;
    case Platform::Macos:
        y(3, L("- uses: astral-sh/setup-uv@v7"));
        uvPytest(y, project, QStringLiteral(".venv/bin/activate"), QString(), false);
        break;
    }
}

void platformJob(Yaml &y, const PlatformJob &job, const Context &c)
{
    y(1, QStringLiteral("%1:").arg(L(job.job)))(2, L("runs-on: ${{ matrix.platform.runner }}"));
    y(2, L("strategy:"))(3, L("matrix:"))(4, L("platform:"));
    for (const Target &t : job.targets) {
        y(5, QStringLiteral("- runner: %1").arg(L(t.runner)))(6, QStringLiteral("target: %1").arg(L(t.target)));
        if (t.pythonArch)
            y(6, QStringLiteral("python_arch: %1").arg(L(t.pythonArch)));
    }
    y(2, L("steps:"))(3, L("- uses: actions/checkout@v6"));
    // setup-python: the lowest allowed 3.x (Windows at least 3.13), or the newest 3.x.
    QString python = c.minMinor ? QStringLiteral("3.%1").arg(*c.minMinor) : QStringLiteral("3.x");
    if (job.platform == Platform::Windows && (!c.minMinor || *c.minMinor < 13))
        python = QStringLiteral("3.13");
    setupPython(y, job.platform, python);
    const QString args = c.options.abi3 || c.options.bin ? QString() : QStringLiteral(" --find-interpreter");
    buildStep(y, job, QStringLiteral("Build wheels"), args);
    if (c.freeThreaded) {
        // Free-threaded CPython has no stable ABI: a version-specific wheel for it.
        if (job.platform == Platform::Windows || job.platform == Platform::Macos) {
            const QString ft = c.minMinor && *c.minMinor > 14 ? QStringLiteral("3.%1t").arg(*c.minMinor) : QStringLiteral("3.14t");
            setupPython(y, job.platform, ft);
        }
        buildStep(y, job, QStringLiteral("Build free-threaded wheels"), args + QStringLiteral(" -i python3.14t"));
    }
    y(3, L("- name: Upload wheels"))(4, L("uses: actions/upload-artifact@v6"))(4, L("with:"));
    y(5, QStringLiteral("name: wheels-%1-%2").arg(L(job.job), targetExpr))(5, L("path: dist"));
    if (c.options.pytest && !c.options.projectName.isEmpty())
        pytestSteps(y, job.platform, c);
    y.blank();
}

QString header(const CiWorkflowOptions &o, const Context &c)
{
    QString h = QStringLiteral(
        "# Wheels for Linux (manylinux, musllinux), Windows and macOS with PyO3/maturin-action, an sdist, and a\n"
        "# release job that publishes them to PyPI when a tag is pushed (needs the PYPI_API_TOKEN secret).\n"
        "# The same shape as `maturin generate-ci github` (maturin 1.14).\n");
    const RequiresPython spec(o.requiresPython);
    const QList<int> minors = spec.allowedMinors(CiWorkflow::FirstMinor, CiWorkflow::LastMinor);
    const QString req = o.requiresPython.trimmed().isEmpty() ? QStringLiteral("no requires-python")
                                                             : QStringLiteral("requires-python \"%1\"").arg(o.requiresPython.trimmed());
    if (o.abi3) {
        h += QStringLiteral("# abi3: one wheel per platform for CPython %1 and newer (%2)%3.\n")
                 .arg(minors.isEmpty() ? QStringLiteral("3.x") : QStringLiteral("3.%1").arg(minors.first()), req,
                      c.freeThreaded ? QStringLiteral(", plus free-threaded 3.14t wheels") : QString());
    } else if (o.bin) {
        h += QStringLiteral("# bindings = \"bin\": one wheel per platform (%1).\n").arg(req);
    } else if (minors.isEmpty()) {
        h += QStringLiteral("# %1 allows none of CPython 3.%2 to 3.%3: --find-interpreter will find nothing to build for.\n")
                 .arg(req)
                 .arg(CiWorkflow::FirstMinor)
                 .arg(CiWorkflow::LastMinor);
    } else {
        h += QStringLiteral("# Python versions (%1): CPython %2; --find-interpreter builds for each one the runner has.\n")
                 .arg(req, RequiresPython::describe(minors));
    }
    if (!spec.isValid())
        h += QStringLiteral("# (could not read the requires-python clause \"%1\"; every version was assumed)\n").arg(spec.error());
    return h;
}

} // namespace

QString CiWorkflow::generate(const CiWorkflowOptions &o)
{
    const RequiresPython spec(o.requiresPython);
    const Context c{o, spec.minimumMinor(), o.abi3 && spec.allowsMinor(14)};
    Yaml y;
    QString out = header(o, c);
    out += QStringLiteral("name: %1\n").arg(o.name.trimmed().isEmpty() ? QStringLiteral("CI") : o.name.trimmed());
    y.blank()(0, L("on:"))(1, L("push:"))(2, L("branches:"))(3, L("- main"))(3, L("- master"))(2, L("tags:"))(3, L("- '*'"));
    y(1, L("pull_request:"))(1, L("workflow_dispatch:")).blank();
    y(0, L("permissions:"))(1, L("contents: read")).blank();
    y(0, L("jobs:"));
    QStringList needs;
    for (const PlatformJob &job : platformJobs()) {
        platformJob(y, job, c);
        needs << L(job.job);
    }
    if (o.sdist) {
        y(1, L("sdist:"))(2, L("runs-on: ubuntu-latest"))(2, L("steps:"))(3, L("- uses: actions/checkout@v6"));
        y(3, L("- name: Build sdist"))(4, L("uses: PyO3/maturin-action@v1"))(4, L("with:"));
        y(5, L("command: sdist"))(5, L("args: --out dist"));
        y(3, L("- name: Upload sdist"))(4, L("uses: actions/upload-artifact@v6"))(4, L("with:"));
        y(5, L("name: wheels-sdist"))(5, L("path: dist")).blank();
        needs << QStringLiteral("sdist");
    }
    y(1, L("release:"))(2, L("name: Release"))(2, L("runs-on: ubuntu-latest"));
    y(2, L("if: ${{ startsWith(github.ref, 'refs/tags/') || github.event_name == 'workflow_dispatch' }}"));
    y(2, QStringLiteral("needs: [%1]").arg(needs.join(QStringLiteral(", "))));
    y(2, L("permissions:"))(3, L("# Use to sign the release artifacts"))(3, L("id-token: write"));
    y(3, L("# Used to upload release artifacts"))(3, L("contents: write"));
    y(3, L("# Used to generate artifact attestation"))(3, L("attestations: write"));
    y(2, L("steps:"))(3, L("- uses: actions/download-artifact@v7"));
    y(3, L("- name: Generate artifact attestation"))(4, L("uses: actions/attest@v4"))(4, L("with:"));
    y(5, L("subject-path: 'wheels-*/*'"));
    y(3, L("- name: Install uv"))(4, QStringLiteral("if: %1").arg(onTags))(4, L("uses: astral-sh/setup-uv@v7"));
    y(3, L("- name: Publish to PyPI"))(4, QStringLiteral("if: %1").arg(onTags))(4, L("run: uv publish 'wheels-*/*'"));
    y(4, L("env:"))(5, L("UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}"));
    return out + y.text();
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

QStringList CiWorkflow::maturinWorkflows(const QString &projectDir)
{
    QStringList out;
    const QDir dir(projectDir + QStringLiteral("/.github/workflows"));
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        QFile f(info.filePath());
        if (f.size() > 4 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
            continue;
        if (f.readAll().contains("PyO3/maturin-action"))
            out << QDir::cleanPath(info.absoluteFilePath());
    }
    return out;
}

QString CiWorkflow::workflowName(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (int i = 0; i < 200 && !f.atEnd(); ++i) {
        const QString line = QString::fromUtf8(f.readLine(4096)).trimmed();
        if (!line.startsWith(QLatin1String("name:")))
            continue;
        QString name = line.mid(5).trimmed();
        if (name.size() >= 2 && (name.startsWith(u'"') || name.startsWith(u'\'')) && name.endsWith(name.front()))
            name = name.mid(1, name.size() - 2);
        return name;
    }
    return {};
}

} // namespace wb
