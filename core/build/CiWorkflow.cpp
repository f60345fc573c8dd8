#include "core/build/CiWorkflow.h"

#include "core/build/CiYaml.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/RequiresPython.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <optional>

namespace wb {

CiWorkflowOptions CiWorkflowOptions::fromSettings(const PyprojectBuildSettings &s)
{
    CiWorkflowOptions o;
    o.abi3 = s.abi3;
    o.bin = s.hasBin;
    o.projectName = s.projectName.isEmpty() ? s.crateName : s.projectName;
    o.requiresPython = s.requiresPython;
    o.binPython = s.binPython;
    o.sdist = s.found;
    return o;
}

CiWorkflowOptions CiWorkflowOptions::fromProject(const QString &projectDir)
{
    CiWorkflowOptions o = fromSettings(PyprojectBuildSettings::read(projectDir));
    o.github = CiGithubConfig::read(projectDir + QStringLiteral("/pyproject.toml"));
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

using ci::L;
using ci::Yaml;

const QString targetExpr = QStringLiteral("${{ matrix.platform.target }}");
const QString onTags = QStringLiteral("${{ startsWith(github.ref, 'refs/tags/') }}");

struct Context {
    const CiWorkflowOptions &options;
    const CiResolved &resolved;
    std::optional<int> minMinor; // lowest 3.x requires-python allows, when it has a lower bound
    bool freeThreaded;           // abi3: also build free-threaded wheels
    bool setupPython;            // a Python on the runner (maturin: pytest, or Python bindings)
};

// The maturin-action inputs that may differ per target: (input, matrix key, value).
using Field = QString CiTargetSettings::*;
struct ActionField {
    const char *input;
    const char *matrixKey;
    Field field;
};
const ActionField actionFields[] = {
    {"manylinux", "manylinux", &CiTargetSettings::manylinux},
    {"container", "container", &CiTargetSettings::container},
    {"docker-options", "docker_options", &CiTargetSettings::dockerOptions},
    {"rust-toolchain", "rust_toolchain", &CiTargetSettings::rustToolchain},
    {"rustup-components", "rustup_components", &CiTargetSettings::rustupComponents},
    {"before-script-linux", "before_script_linux", &CiTargetSettings::beforeScriptLinux},
};

// The value every target shares (possibly empty), or nothing when they differ.
std::optional<QString> uniform(const QList<CiResolvedTarget> &targets, Field field)
{
    if (targets.isEmpty())
        return QString();
    for (const CiResolvedTarget &t : targets) {
        if (t.settings.*field != targets.first().settings.*field)
            return std::nullopt;
    }
    return targets.first().settings.*field;
}

void setupPython(Yaml &y, CiJobPlatform p, const QString &version)
{
    y(3, L("- uses: actions/setup-python@v6"))(4, L("with:"))(5, QStringLiteral("python-version: \"%1\"").arg(version));
    if (p == CiJobPlatform::Windows)
        y(5, L("architecture: ${{ matrix.platform.python_arch }}"));
}

void emscriptenSetup(Yaml &y)
{
    y(3, L("- run: pip install pyodide-build"));
    y(3, L("- name: Get Emscripten and Python version info"))(4, L("shell: bash"))(4, L("run: |"));
    y(5, L("echo EMSCRIPTEN_VERSION=$(pyodide config get emscripten_version) >> $GITHUB_ENV"));
    y(5, L("echo PYTHON_VERSION=$(pyodide config get python_version | cut -d '.' -f 1-2) >> $GITHUB_ENV"));
    // Pyodide's platform tag version: newer pyodide-build names it pyemscripten_platform_version.
    y(5, L("if v=$(pyodide config get pyemscripten_platform_version 2>/dev/null); then echo PYEMSCRIPTEN_PLATFORM_VERSION=$v >> "
           "$GITHUB_ENV; elif v=$(pyodide config get pyodide_abi_version 2>/dev/null); then echo PYODIDE_ABI_VERSION=$v >> $GITHUB_ENV; fi"));
    y(5, L("pip uninstall -y pyodide-build"));
    y(3, L("- uses: emscripten-core/setup-emsdk@v16"))(4, L("with:"));
    y(5, L("version: ${{ env.EMSCRIPTEN_VERSION }}"))(5, L("actions-cache-folder: emsdk-cache"));
    y(3, L("- uses: actions/setup-python@v6"))(4, L("with:"))(5, L("python-version: ${{ env.PYTHON_VERSION }}"));
    y(3, L("- run: pip install pyodide-build"));
}

QString maturinArgs(CiJobPlatform p, const QList<CiResolvedTarget> &targets, const Context &c)
{
    QStringList args;
    if (c.options.abi3 || (c.options.bin && !c.setupPython) || p == CiJobPlatform::Android)
        ;
    else if (p == CiJobPlatform::Emscripten)
        args << QStringLiteral("-i") << QStringLiteral("${{ env.PYTHON_VERSION }}");
    else
        args << QStringLiteral("--find-interpreter");
    if (c.resolved.zig && p == CiJobPlatform::Linux)
        args << QStringLiteral("--zig");
    QString out = args.isEmpty() ? QString() : u' ' + args.join(u' ');
    if (const auto extra = uniform(targets, &CiTargetSettings::args)) {
        if (!extra->isEmpty())
            out += u' ' + *extra;
    } else {
        out += QStringLiteral(" ${{ matrix.platform.extra_args }}");
    }
    return out;
}

void buildStep(Yaml &y, const QList<CiResolvedTarget> &targets, const QString &name, const QString &args)
{
    y(3, QStringLiteral("- name: %1").arg(name))(4, L("uses: PyO3/maturin-action@v1"))(4, L("with:"));
    y(5, QStringLiteral("target: %1").arg(targetExpr));
    y(5, QStringLiteral("args: --release --out dist%1").arg(args));
    y(5, L("sccache: ${{ !startsWith(github.ref, 'refs/tags/') }}"));
    for (const ActionField &f : actionFields) {
        if (const auto value = uniform(targets, f.field)) {
            if (!value->isEmpty())
                y(5, QStringLiteral("%1: %2").arg(L(f.input), *value));
        } else {
            y(5, QStringLiteral("%1: ${{ matrix.platform.%2 }}").arg(L(f.input), L(f.matrixKey)));
        }
    }
}

void matrix(Yaml &y, const QList<CiResolvedTarget> &targets)
{
    if (targets.isEmpty())
        return;
    y(2, L("strategy:"))(3, L("matrix:"))(4, L("platform:"));
    for (const CiResolvedTarget &t : targets) {
        y(5, QStringLiteral("- runner: %1").arg(t.settings.runner))(6, QStringLiteral("target: %1").arg(t.target));
        if (!t.pythonArch.isEmpty())
            y(6, QStringLiteral("python_arch: %1").arg(t.pythonArch));
        for (const ActionField &f : actionFields) {
            if (!uniform(targets, f.field) && !(t.settings.*f.field).isEmpty())
                y(6, QStringLiteral("%1: %2").arg(L(f.matrixKey), t.settings.*f.field));
        }
        if (!uniform(targets, &CiTargetSettings::args) && !t.settings.args.isEmpty())
            y(6, QStringLiteral("extra_args: %1").arg(t.settings.args));
    }
}

void platformJob(Yaml &y, CiJobPlatform p, const QList<CiResolvedTarget> &targets, const Context &c)
{
    y(1, QStringLiteral("%1:").arg(ciJobName(p)))(2, L("runs-on: ${{ matrix.platform.runner }}"));
    matrix(y, targets);
    y(2, L("steps:"))(3, L("- uses: actions/checkout@v6"));
    if (p == CiJobPlatform::Emscripten) {
        emscriptenSetup(y);
    } else if (p != CiJobPlatform::Android && c.setupPython) {
        // setup-python: the lowest allowed 3.x (Windows at least 3.13), or the newest 3.x.
        QString python = c.minMinor ? QStringLiteral("3.%1").arg(*c.minMinor) : QStringLiteral("3.x");
        if (p == CiJobPlatform::Windows && (!c.minMinor || *c.minMinor < 13))
            python = QStringLiteral("3.13");
        setupPython(y, p, python);
    }
    const QString args = maturinArgs(p, targets, c);
    buildStep(y, targets, QStringLiteral("Build wheels"), args);
    if (c.freeThreaded) {
        // Free-threaded CPython has no stable ABI: a version-specific wheel for it.
        if (p == CiJobPlatform::Windows || p == CiJobPlatform::Macos) {
            const QString ft = c.minMinor && *c.minMinor > 14 ? QStringLiteral("3.%1t").arg(*c.minMinor) : QStringLiteral("3.14t");
            setupPython(y, p, ft);
        }
        buildStep(y, targets, QStringLiteral("Build free-threaded wheels"), args + QStringLiteral(" -i python3.14t"));
    }
    y(3, L("- name: Upload wheels"))(4, L("uses: actions/upload-artifact@v6"))(4, L("with:"));
    if (p == CiJobPlatform::Emscripten)
        y(5, L("name: wasm-wheels"));
    else
        y(5, QStringLiteral("name: wheels-%1-%2").arg(ciJobName(p), targetExpr));
    y(5, L("path: dist"));
    if (c.resolved.pytest && !c.options.projectName.isEmpty())
        ci::pytestSteps(y, p, c.options.projectName, c.minMinor);
    y.blank();
}

void releaseJob(Yaml &y, const Context &c, const QStringList &needs)
{
    const CiResolved &r = c.resolved;
    y(1, L("release:"))(2, L("name: Release"))(2, L("runs-on: ubuntu-latest"));
    y(2, L("if: ${{ startsWith(github.ref, 'refs/tags/') || github.event_name == 'workflow_dispatch' }}"));
    y(2, QStringLiteral("needs: [%1]").arg(needs.join(QStringLiteral(", "))));
    if (!r.publishingEnvironment.isEmpty())
        y(2, QStringLiteral("environment: %1").arg(r.publishingEnvironment));
    y(2, L("permissions:"))(3, L("# Use to sign the release artifacts"))(3, L("id-token: write"));
    y(3, L("# Used to upload release artifacts"))(3, L("contents: write"));
    if (!r.skipAttestation)
        y(3, L("# Used to generate artifact attestation"))(3, L("attestations: write"));
    y(2, L("steps:"))(3, L("- uses: actions/download-artifact@v7"));
    if (!r.skipAttestation) {
        y(3, L("- name: Generate artifact attestation"))(4, L("uses: actions/attest@v4"))(4, L("with:"));
        y(5, L("subject-path: 'wheels-*/*'"));
    }
    y(3, L("- name: Install uv"))(4, QStringLiteral("if: %1").arg(onTags))(4, L("uses: astral-sh/setup-uv@v7"));
    y(3, L("- name: Publish to PyPI"))(4, QStringLiteral("if: %1").arg(onTags));
    if (r.trustedPublishing) {
        y(4, L("run: uv publish --trusted-publishing always 'wheels-*/*'"));
    } else {
        y(4, L("run: uv publish 'wheels-*/*'"));
        y(4, L("env:"))(5, L("UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}"));
    }
    const bool emscripten = std::any_of(r.platforms.cbegin(), r.platforms.cend(),
                                        [](const auto &p) { return p.first == CiJobPlatform::Emscripten; });
    if (emscripten) {
        y(3, L("- name: Upload to GitHub Release"))(4, L("uses: softprops/action-gh-release@v1"))(4, L("with:"));
        y(5, L("files: |"))(6, L("wasm-wheels/*.whl"));
        y(5, L("prerelease: ${{ contains(github.ref, 'alpha') || contains(github.ref, 'beta') }}"));
    }
}

QString header(const CiWorkflowOptions &o, const Context &c)
{
    QStringList jobs;
    for (const auto &p : c.resolved.platforms)
        jobs << ciJobName(p.first);
    QString h = QStringLiteral("# Wheels (%1) with PyO3/maturin-action%2, and a release job that publishes them to PyPI\n"
                               "# when a tag is pushed (%3).\n"
                               "# The same shape as `maturin generate-ci github` (maturin 1.13+), [tool.maturin.generate-ci.github] included.\n")
                    .arg(jobs.join(QStringLiteral(", ")), o.sdist ? QStringLiteral(", an sdist") : QString(),
                         c.resolved.trustedPublishing ? QStringLiteral("trusted publishing") : QStringLiteral("needs the PYPI_API_TOKEN secret"));
    if (!c.resolved.error.isEmpty())
        h += QStringLiteral("# maturin would refuse this configuration: %1\n").arg(c.resolved.error);
    const RequiresPython spec(o.requiresPython);
    const QList<int> minors = spec.allowedMinors(CiWorkflow::FirstMinor, CiWorkflow::LastMinor);
    const QString req = o.requiresPython.trimmed().isEmpty() ? QStringLiteral("no requires-python")
                                                             : QStringLiteral("requires-python \"%1\"").arg(o.requiresPython.trimmed());
    if (o.abi3) {
        h += QStringLiteral("# abi3: one wheel per platform for CPython %1 and newer (%2)%3.\n")
                 .arg(minors.isEmpty() ? QStringLiteral("3.x") : QStringLiteral("3.%1").arg(minors.first()), req,
                      c.freeThreaded ? QStringLiteral(", plus free-threaded 3.14t wheels") : QString());
    } else if (o.bin && !c.setupPython) {
        h += QStringLiteral("# bindings = \"bin\" without Python bindings: one wheel per platform, no Python on the runner.\n");
    } else if (minors.isEmpty()) {
        h += QStringLiteral("# %1 allows none of CPython 3.%2 to 3.%3: --find-interpreter will find nothing to build for.\n")
                 .arg(req)
                 .arg(CiWorkflow::FirstMinor)
                 .arg(CiWorkflow::LastMinor);
    } else {
        const bool findInterpreter = std::any_of(c.resolved.platforms.cbegin(), c.resolved.platforms.cend(), [](const auto &p) {
            return p.first != CiJobPlatform::Emscripten && p.first != CiJobPlatform::Android;
        });
        h += QStringLiteral("# Python versions (%1): CPython %2%3.\n")
                 .arg(req, RequiresPython::describe(minors),
                      findInterpreter ? QStringLiteral("; --find-interpreter builds for each one the runner has") : QString());
    }
    if (!spec.isValid())
        h += QStringLiteral("# (could not read the requires-python clause \"%1\"; every version was assumed)\n").arg(spec.error());
    return h;
}

} // namespace

CiResolved CiWorkflow::resolve(const CiWorkflowOptions &o)
{
    return CiResolved::resolve(o.github, o.pytest, o.zig, o.skipAttestation, o.bin, o.platforms);
}

QString CiWorkflow::generate(const CiWorkflowOptions &o)
{
    const RequiresPython spec(o.requiresPython);
    const CiResolved resolved = resolve(o);
    const bool setupPython = resolved.pytest || !o.bin || o.binPython;
    const Context c{o, resolved, spec.minimumMinor(), o.abi3 && spec.allowsMinor(14), setupPython};
    Yaml y;
    QString out = header(o, c);
    out += QStringLiteral("name: %1\n").arg(o.name.trimmed().isEmpty() ? QStringLiteral("CI") : o.name.trimmed());
    y.blank()(0, L("on:"))(1, L("push:"))(2, L("branches:"))(3, L("- main"))(3, L("- master"))(2, L("tags:"))(3, L("- '*'"));
    y(1, L("pull_request:"))(1, L("workflow_dispatch:")).blank();
    y(0, L("permissions:"))(1, L("contents: read")).blank();
    y(0, L("jobs:"));
    QStringList needs;
    for (const auto &[platform, targets] : resolved.platforms) {
        platformJob(y, platform, targets, c);
        needs << ciJobName(platform);
    }
    if (o.sdist) {
        y(1, L("sdist:"))(2, L("runs-on: ubuntu-latest"))(2, L("steps:"))(3, L("- uses: actions/checkout@v6"));
        y(3, L("- name: Build sdist"))(4, L("uses: PyO3/maturin-action@v1"))(4, L("with:"));
        y(5, L("command: sdist"))(5, L("args: --out dist"));
        y(3, L("- name: Upload sdist"))(4, L("uses: actions/upload-artifact@v6"))(4, L("with:"));
        y(5, L("name: wheels-sdist"))(5, L("path: dist")).blank();
        needs << QStringLiteral("sdist");
    }
    releaseJob(y, c, needs);
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
