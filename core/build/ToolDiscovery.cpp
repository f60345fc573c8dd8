#include "core/build/ToolDiscovery.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace wb {

namespace {

#ifdef Q_OS_WIN
const QString exeSuffix = QStringLiteral(".exe");
const QChar pathSep = u';';
#else
const QString exeSuffix;
const QChar pathSep = u':';
#endif

QString executableIn(const QString &dir, const QString &name)
{
    if (dir.isEmpty())
        return {};
    const QFileInfo info(dir + u'/' + name + exeSuffix);
    return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
}

QStringList pathDirs(const QProcessEnvironment &env)
{
    return env.value(QStringLiteral("PATH")).split(pathSep, Qt::SkipEmptyParts);
}

ToolInfo versioned(ToolInfo tool)
{
    if (tool.found())
        tool.version = ToolDiscovery::versionIn(ToolDiscovery::run(tool.program, tool.baseArguments + QStringList{QStringLiteral("--version")}));
    return tool;
}

} // namespace

QString ToolDiscovery::venvBinDir(const QString &venv)
{
#ifdef Q_OS_WIN
    return venv + QStringLiteral("/Scripts");
#else
    return venv + QStringLiteral("/bin");
#endif
}

QString ToolDiscovery::venvPython(const QString &venv)
{
    return venvBinDir(venv) + QStringLiteral("/python") + exeSuffix;
}

QString ToolDiscovery::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs))
        return {};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
}

QString ToolDiscovery::versionIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"((\d+\.\d+(?:\.\d+)?(?:[-+.a-z0-9]*)?))"));
    return re.match(text).captured(1);
}

ToolReport ToolDiscovery::discover(const QString &projectDir, const QProcessEnvironment &env)
{
    ToolReport report;
    const QStringList path = pathDirs(env);
    auto inPath = [&path](const QString &name) {
        return QStandardPaths::findExecutable(name, path);
    };

    // Python interpreters, best first.
    QSet<QString> seen;
    auto addPython = [&](const QString &program, const QString &origin) {
        if (program.isEmpty())
            return;
        const QString canonical = QFileInfo(program).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(program) || seen.contains(canonical))
            return;
        const QString version = versionIn(run(program, {QStringLiteral("--version")}));
        if (version.isEmpty())
            return;
        seen.insert(program);
        seen.insert(canonical);
        report.pythons.append({program, version, origin});
    };
    const QString venv = projectDir.isEmpty() ? QString() : QDir::cleanPath(projectDir + QStringLiteral("/.venv"));
    if (!venv.isEmpty() && QFileInfo::exists(venvPython(venv)))
        report.projectVenv = venv;
    const QString activeVenv = env.value(QStringLiteral("VIRTUAL_ENV"));
    if (!report.projectVenv.isEmpty())
        addPython(venvPython(report.projectVenv), QStringLiteral("project .venv"));
    if (!activeVenv.isEmpty())
        addPython(venvPython(activeVenv), QStringLiteral("VIRTUAL_ENV"));
    QStringList names = {QStringLiteral("python3"), QStringLiteral("python")};
    for (int minor = 15; minor >= 8; --minor)
        names << QStringLiteral("python3.%1").arg(minor);
    for (const QString &name : std::as_const(names))
        addPython(inPath(name), QStringLiteral("PATH"));

    // maturin
    ToolInfo maturin;
    maturin.name = QStringLiteral("maturin");
    struct Candidate {
        QString program;
        QString origin;
    };
    const QList<Candidate> maturins = {
        {report.projectVenv.isEmpty() ? QString() : executableIn(venvBinDir(report.projectVenv), maturin.name), QStringLiteral("project .venv")},
        {activeVenv.isEmpty() ? QString() : executableIn(venvBinDir(activeVenv), maturin.name), QStringLiteral("VIRTUAL_ENV")},
        {inPath(maturin.name), QStringLiteral("PATH")},
    };
    for (const Candidate &c : maturins) {
        if (c.program.isEmpty())
            continue;
        ToolInfo tool = maturin;
        tool.program = c.program;
        tool.origin = c.origin;
        tool = versioned(tool);
        if (!tool.version.isEmpty()) {
            maturin = tool;
            break;
        }
    }
    if (!maturin.found()) {
        for (const PythonInterpreter &python : std::as_const(report.pythons)) {
            ToolInfo tool = maturin;
            tool.program = python.path;
            tool.baseArguments = {QStringLiteral("-m"), QStringLiteral("maturin")};
            tool.origin = QStringLiteral("%1 -m maturin").arg(QFileInfo(python.path).fileName());
            tool = versioned(tool);
            if (!tool.version.isEmpty()) {
                maturin = tool;
                break;
            }
        }
    }
    if (!maturin.found()) {
        maturin.fix = QStringLiteral("Install maturin: `pip install maturin` in the project's .venv (or `pipx install maturin`), "
                                     "then check again.");
    }
    report.maturin = maturin;

    // cargo and rustc: PATH, then the rustup folders a desktop session may not have on PATH.
    QStringList rustDirs;
    if (const QString cargoHome = env.value(QStringLiteral("CARGO_HOME")); !cargoHome.isEmpty())
        rustDirs << cargoHome + QStringLiteral("/bin");
    if (const QString home = env.value(QStringLiteral("HOME"), QDir::homePath()); !home.isEmpty())
        rustDirs << home + QStringLiteral("/.cargo/bin");
    for (ToolInfo *tool : {&report.cargo, &report.rustc}) {
        tool->name = tool == &report.cargo ? QStringLiteral("cargo") : QStringLiteral("rustc");
        tool->program = inPath(tool->name);
        tool->origin = QStringLiteral("PATH");
        if (!tool->found()) {
            for (const QString &dir : std::as_const(rustDirs)) {
                tool->program = executableIn(dir, tool->name);
                if (tool->found()) {
                    tool->origin = dir.endsWith(QLatin1String("/.cargo/bin")) ? QStringLiteral("~/.cargo/bin") : QStringLiteral("CARGO_HOME");
                    if (!report.extraPath.contains(dir))
                        report.extraPath << dir;
                    break;
                }
            }
        }
        if (tool->found()) {
            *tool = versioned(*tool);
        } else {
            tool->origin.clear();
            tool->fix = QStringLiteral("Install the Rust toolchain (https://rustup.rs, or your distribution's cargo and rustc "
                                       "packages); if it is installed, add its folder (usually ~/.cargo/bin) to PATH.");
        }
    }
    return report;
}

QStringList ToolReport::problems() const
{
    QStringList out;
    for (const ToolInfo *tool : {&maturin, &cargo, &rustc}) {
        if (!tool->found())
            out << QStringLiteral("%1 was not found. %2").arg(tool->name, tool->fix);
    }
    if (pythons.isEmpty())
        out << QStringLiteral("No Python interpreter was found. Install Python 3 and make sure python3 is on PATH.");
    return out;
}

QString ToolReport::summary() const
{
    QString text;
    for (const ToolInfo *tool : {&maturin, &cargo, &rustc}) {
        if (tool->found())
            text += QStringLiteral("%1 %2: %3 (%4)\n").arg(tool->name, tool->version, tool->command().join(u' '), tool->origin);
        else
            text += QStringLiteral("%1: missing. %2\n").arg(tool->name, tool->fix);
    }
    for (const PythonInterpreter &python : pythons)
        text += QStringLiteral("Python %1: %2 (%3)\n").arg(python.version, python.path, python.origin);
    if (pythons.isEmpty())
        text += QStringLiteral("Python: missing. Install Python 3 and make sure python3 is on PATH.\n");
    return text;
}

QProcessEnvironment ToolReport::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment env = base;
    if (!extraPath.isEmpty()) {
        QStringList path = extraPath;
        path += env.value(QStringLiteral("PATH")).split(pathSep, Qt::SkipEmptyParts);
        env.insert(QStringLiteral("PATH"), path.join(pathSep));
    }
    return env;
}

} // namespace wb
