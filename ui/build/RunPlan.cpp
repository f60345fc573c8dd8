#include "ui/build/RunPlan.h"

#include "core/build/MaturinFlags.h"
#include "ui/build/TestQuestions.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace wb::ui {

QString RunPlan::Context::venvDir() const
{
    return projectDir + QStringLiteral("/.venv");
}

QString RunPlan::Context::systemPython() const
{
    const QString venv = QDir::cleanPath(venvDir());
    for (const wb::PythonInterpreter &p : tools.pythons) {
        if (!QDir::cleanPath(p.path).startsWith(venv + u'/') && p.origin != u"project .venv")
            return p.path;
    }
    // Discovery lists an interpreter once: the venv's python3 hides the system's one it links to.
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    return onPath.isEmpty() ? QStringLiteral("python3") : onPath;
}

QueuedRun RunPlan::develop(const Context &context)
{
    wb::BuildRequest r = context.request;
    r.command = wb::BuildRequest::Command::Develop;
    r.outDir.clear();
    r.zig = false;
    r.sdist = false;
    r.compatibility.clear();
    r.includeDebuginfo = false;
    r.sbomInclude.clear();
    // The form offers --pgo when build has it; develop got it later (flags.json).
    r.pgo = r.pgo && wb::MaturinFlags::builtIn().has(QStringLiteral("develop"), QStringLiteral("--pgo"), context.maturinVersion);
    return {QueuedRun::Step::Develop, wb::BuildRunner::commandFor(r, context.tools)};
}

bool RunPlan::ensureVenv(QWidget *parent, const Context &context, QList<QueuedRun> &runs, bool systemSitePackages,
                         const QString &note, QString *declined)
{
    if (QFileInfo::exists(wb::ToolDiscovery::venvPython(context.venvDir())))
        return true;
    if (!test_questions::createVenv(parent, context.projectDir, note)) {
        *declined = tr("Not started: maturin develop needs a virtual environment, and none was created.");
        return false;
    }
    runs.append({QueuedRun::Step::CreateVenv,
                 wb::TestSetup::createVenv(context.projectDir, context.venvDir(), context.systemPython(), systemSitePackages)});
    return true;
}

std::optional<QList<QueuedRun>> RunPlan::developWithVenv(QWidget *parent, const Context &context, QString *declined)
{
    QList<QueuedRun> runs;
    if (!ensureVenv(parent, context, runs, false, {}, declined))
        return std::nullopt;
    runs.append(develop(context));
    return runs;
}

std::optional<QList<QueuedRun>> RunPlan::test(QWidget *parent, const Context &context, const wb::PytestProbe &probe,
                                              QString *declined)
{
    const QString venv = context.venvDir();
    QList<QueuedRun> runs;
    bool systemPytest = false;
    if (!probe.venvExists) {
        // A new venv sees the system's packages when the system has pytest: nothing to download.
        const QString note = probe.systemHasPytest()
            ? tr("It will see the system's packages (--system-site-packages), so the system's pytest %1 runs the tests.").arg(probe.systemPytestVersion)
            : tr("pytest is then installed into it with pip (this needs a network connection).");
        if (!ensureVenv(parent, context, runs, probe.systemHasPytest(), note, declined))
            return std::nullopt;
        if (!probe.systemHasPytest())
            runs.append({QueuedRun::Step::InstallPytest, wb::TestSetup::installPytest(context.projectDir, venv)});
    } else if (!probe.venvHasPytest) {
        switch (test_questions::pytestSource(parent, venv, probe)) {
        case test_questions::PytestSource::System: systemPytest = true; break;
        case test_questions::PytestSource::Pip:
            runs.append({QueuedRun::Step::InstallPytest, wb::TestSetup::installPytest(context.projectDir, venv)});
            break;
        case test_questions::PytestSource::Cancel:
            *declined = tr("Tests not run: pytest is not installed in .venv.");
            return std::nullopt;
        }
    }
    runs.append(develop(context));
    runs.append({QueuedRun::Step::Pytest, systemPytest ? wb::TestSetup::pytestWithSystemPython(context.projectDir, venv, probe.systemPython)
                                                       : wb::TestSetup::pytestInVenv(context.projectDir, venv)});
    return runs;
}

QList<QueuedRun> RunPlan::testWithSystemPytest(const Context &context, const wb::PytestProbe &probe)
{
    return {develop(context),
            {QueuedRun::Step::Pytest, wb::TestSetup::pytestWithSystemPython(context.projectDir, context.venvDir(), probe.systemPython)}};
}

} // namespace wb::ui
