#include "core/build/CiYaml.h"

namespace wb::ci {

namespace {

const QString x86_64 = QStringLiteral("${{ startsWith(matrix.platform.target, 'x86_64') }}");
const QString targetExpr = QStringLiteral("${{ matrix.platform.target }}");

QString reinstall(const QString &project, const char *flag)
{
    return QStringLiteral("pip install %1 --no-index --no-deps --find-links dist %2").arg(project, L(flag));
}

// pytest with uv on the runner itself (Linux x86_64, Windows, macOS).
void uvPytest(Yaml &y, const QString &project, const QString &activate, const QString &condition, bool bash)
{
    if (condition.isEmpty())
        y(3, L("- uses: astral-sh/setup-uv@v7"));
    y(3, L("- name: pytest"));
    if (!condition.isEmpty())
        y(4, QStringLiteral("if: %1").arg(condition));
    if (bash)
        y(4, L("shell: bash"));
    y(4, L("run: |"))(5, L("set -e"))(5, L("uv venv .venv"))(5, QStringLiteral("source %1").arg(activate));
    y(5, u"uv " + reinstall(project, "--reinstall"));
    y(5, QStringLiteral("uv pip install %1 pytest").arg(project))(5, L("pytest"));
}

void linuxPytest(Yaml &y, const QString &project, std::optional<int> minMinor)
{
    y(3, L("- uses: astral-sh/setup-uv@v7"))(4, QStringLiteral("if: %1").arg(x86_64));
    uvPytest(y, project, QStringLiteral(".venv/bin/activate"), x86_64, true);
    // Other architectures run under QEMU in Ubuntu 24.04 (Python 3.12; newer ones from deadsnakes).
    const bool deadsnakes = minMinor && *minMinor > 12;
    const QString python = deadsnakes ? QStringLiteral("python3.%1").arg(*minMinor) : QStringLiteral("python3");
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
    y(6, L("pip install pytest"))(6, reinstall(project, "--force-reinstall"));
    y(6, QStringLiteral("pip install %1").arg(project))(6, L("pytest"));
}

void musllinuxPytest(Yaml &y, const QString &project)
{
    y(3, L("- name: pytest"))(4, QStringLiteral("if: %1").arg(x86_64))(4, L("run: |"))(5, L("set -e"));
    y(5, L("docker run --rm -v ${{ github.workspace }}:/io -w /io alpine:latest sh -c '"));
    y(6, L("apk add py3-pip py3-virtualenv"))(6, L("python3 -m virtualenv .venv"))(6, L("source .venv/bin/activate"));
    y(6, reinstall(project, "--force-reinstall"));
    y(6, QStringLiteral("pip install %1 pytest").arg(project))(6, L("pytest"))(5, L("'"));
    y(3, L("- name: pytest"))(4, L("if: ${{ !startsWith(matrix.platform.target, 'x86') }}"));
    y(4, L("uses: uraimo/run-on-arch-action@v3"))(4, L("with:"));
    y(5, QStringLiteral("arch: %1").arg(targetExpr))(5, L("distro: alpine_latest"))(5, L("githubToken: ${{ github.token }}"));
    y(5, L("install: |"))(6, L("apk add py3-virtualenv"));
    y(5, L("run: |"))(6, L("set -e"))(6, L("python3 -m virtualenv .venv"))(6, L("source .venv/bin/activate"));
    y(6, reinstall(project, "--force-reinstall"));
    y(6, QStringLiteral("pip install %1 pytest").arg(project))(6, L("pytest"));
}

void emscriptenPytest(Yaml &y, const QString &project)
{
    y(3, L("- uses: actions/setup-node@v3"))(4, L("with:"))(5, L("node-version: '22'"));
    y(3, L("- name: pytest"))(4, L("run: |"))(5, L("set -e"))(5, L("pyodide venv .venv"))(5, L("source .venv/bin/activate"));
    y(5, reinstall(project, "--force-reinstall"));
    y(5, QStringLiteral("pip install %1 pytest").arg(project))(5, L("python -m pytest"));
}

} // namespace

void pytestSteps(Yaml &y, CiJobPlatform p, const QString &project, std::optional<int> minMinor)
{
    switch (p) {
    case CiJobPlatform::Linux: linuxPytest(y, project, minMinor); break;
    case CiJobPlatform::Musllinux: musllinuxPytest(y, project); break;
    case CiJobPlatform::Windows: uvPytest(y, project, QStringLiteral(".venv/Scripts/activate"), QString(), true); break;
    case CiJobPlatform::Macos: uvPytest(y, project, QStringLiteral(".venv/bin/activate"), QString(), false); break;
    case CiJobPlatform::Emscripten: emscriptenPytest(y, project); break;
    case CiJobPlatform::Android: break;
    }
}

} // namespace wb::ci
