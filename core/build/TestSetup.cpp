#include "core/build/TestSetup.h"

#include "core/build/ShellQuote.h"
#include "core/build/ToolDiscovery.h"

#include <QDir>
#include <QFileInfo>

namespace wb {

namespace {

const QString pytestMarker = QStringLiteral("wheelbench-pytest-version ");

RunCommand inProject(const QString &projectDir, const QString &program, const QStringList &arguments)
{
    RunCommand c;
    c.program = program;
    c.arguments = arguments;
    c.workingDirectory = projectDir;
    c.projectDir = projectDir;
    c.environment = BuildRunner::buildEnvironment(QProcessEnvironment::systemEnvironment());
    return c;
}

QChar pathSeparator()
{
#ifdef Q_OS_WIN
    return u';';
#else
    return u':';
#endif
}

void activate(RunCommand &c, const QString &venv)
{
    c.environment.insert(QStringLiteral("VIRTUAL_ENV"), venv);
    c.environment.remove(QStringLiteral("CONDA_PREFIX"));
    c.environment.insert(QStringLiteral("PATH"), ToolDiscovery::venvBinDir(venv) + pathSeparator() + c.environment.value(QStringLiteral("PATH")));
}

// How a path inside the project is shown: relative to it.
QString shown(const QString &projectDir, const QString &path)
{
    const QString rel = QDir(projectDir).relativeFilePath(path);
    return rel.startsWith(QLatin1String("..")) ? path : rel;
}

} // namespace

QString TestSetup::pytestVersion(const QString &python)
{
    if (python.isEmpty())
        return {};
    const QString out = ToolDiscovery::run(python, {QStringLiteral("-c"), QStringLiteral("import pytest; print('%1' + pytest.__version__)").arg(pytestMarker)}, 30000);
    const qsizetype at = out.indexOf(pytestMarker);
    if (at < 0)
        return {};
    return out.mid(at + pytestMarker.size()).section(u'\n', 0, 0).trimmed();
}

PytestProbe TestSetup::probe(const QString &venv, const QString &systemPython)
{
    PytestProbe p;
    const QString python = ToolDiscovery::venvPython(venv);
    p.venvExists = QFileInfo::exists(python);
    p.venvHasPytest = p.venvExists && !pytestVersion(python).isEmpty();
    p.systemPython = systemPython;
    p.systemPytestVersion = pytestVersion(systemPython);
    return p;
}

RunCommand TestSetup::createVenv(const QString &projectDir, const QString &venv, const QString &python, bool systemSitePackages)
{
    QStringList args{QStringLiteral("-m"), QStringLiteral("venv")};
    if (systemSitePackages)
        args << QStringLiteral("--system-site-packages");
    args << venv;
    RunCommand c = inProject(projectDir, python, args);
    c.displayLine = shell::join(QStringList{python, QStringLiteral("-m"), QStringLiteral("venv")}
                                + (systemSitePackages ? QStringList{QStringLiteral("--system-site-packages")} : QStringList{})
                                + QStringList{shown(projectDir, venv)});
    return c;
}

RunCommand TestSetup::installPytest(const QString &projectDir, const QString &venv)
{
    const QStringList args{QStringLiteral("-m"), QStringLiteral("pip"), QStringLiteral("install"), QStringLiteral("--retries"),
                           QStringLiteral("0"), QStringLiteral("--timeout"), QStringLiteral("15"), QStringLiteral("pytest")};
    RunCommand c = inProject(projectDir, ToolDiscovery::venvPython(venv), args);
    activate(c, venv);
    c.environment.insert(QStringLiteral("PIP_DISABLE_PIP_VERSION_CHECK"), QStringLiteral("1"));
    c.displayLine = shell::join(QStringList{shown(projectDir, ToolDiscovery::venvPython(venv))} + args);
    return c;
}

RunCommand TestSetup::pytestInVenv(const QString &projectDir, const QString &venv)
{
    const QStringList args{QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("--color=yes")};
    RunCommand c = inProject(projectDir, ToolDiscovery::venvPython(venv), args);
    activate(c, venv);
    c.displayLine = shell::join(QStringList{shown(projectDir, ToolDiscovery::venvPython(venv))} + args);
    return c;
}

RunCommand TestSetup::pytestWithSystemPython(const QString &projectDir, const QString &venv, const QString &systemPython)
{
    // The venv's site-packages as a site folder, so its .pth files count too (maturin develop installs
    // a mixed project as a .pth that points at its python/ folder; PYTHONPATH would skip it).
    const QString site = sitePackages(venv);
    QStringList args{QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("--color=yes")};
    QStringList shownArgs = args;
    if (!site.isEmpty()) {
        const QString code = QStringLiteral("import site, sys; site.addsitedir(sys.argv.pop(1)); import pytest; "
                                            "raise SystemExit(pytest.main(sys.argv[1:]))");
        args = {QStringLiteral("-c"), code, site, QStringLiteral("--color=yes")};
        shownArgs = {QStringLiteral("-c"), code, shown(projectDir, site), QStringLiteral("--color=yes")};
    }
    RunCommand c = inProject(projectDir, systemPython, args);
    activate(c, venv);
    c.displayLine = shell::join(QStringList{systemPython} + shownArgs);
    return c;
}

QString TestSetup::sitePackages(const QString &venv)
{
    const QString windows = venv + QStringLiteral("/Lib/site-packages");
    if (QFileInfo(windows).isDir())
        return windows;
    const QDir lib(venv + QStringLiteral("/lib"));
    for (const QString &dir : lib.entryList({QStringLiteral("python3*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed)) {
        const QString site = lib.filePath(dir) + QStringLiteral("/site-packages");
        if (QFileInfo(site).isDir())
            return site;
    }
    return {};
}

} // namespace wb
