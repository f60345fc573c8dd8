#include "core/build/ToolDiscovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QVersionNumber>

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

QString runIn(const QString &program, const QStringList &arguments, const QString &workingDir, int timeoutMs = 10000)
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
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

ToolInfo versioned(ToolInfo tool, const QString &workingDir = {})
{
    if (tool.found())
        tool.version = ToolDiscovery::versionIn(runIn(tool.program, tool.baseArguments + QStringList{QStringLiteral("--version")}, workingDir));
    return tool;
}

struct Candidate {
    QString program;
    QString origin;
};

// Whether path lies inside folder, as written or with links resolved (a venv's python is usually a
// link to a system interpreter, but run from the venv it imports the venv's packages); false for an
// empty folder.
bool isInside(const QString &path, const QString &folder)
{
    if (folder.isEmpty() || path.isEmpty())
        return false;
    auto under = [](const QString &p, const QString &f) { return !p.isEmpty() && !f.isEmpty() && (p == f || p.startsWith(f + u'/')); };
    const QString cleanFolder = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString realFolder = QFileInfo(folder).canonicalFilePath();
    const QString cleanPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString realPath = QFileInfo(path).canonicalFilePath();
    return under(cleanPath, cleanFolder) || under(cleanPath, realFolder) || under(realPath, realFolder) || under(realPath, cleanFolder);
}

// The venv a program inside it belongs to (venv/bin/x -> venv), or empty.
QString venvOf(const QString &program)
{
    QDir dir = QFileInfo(program).absoluteDir();
    if (!dir.cdUp())
        return {};
    return QFileInfo::exists(dir.filePath(QStringLiteral("pyvenv.cfg"))) ? dir.absolutePath() : QString();
}

// The maturin programs to try, best first: the project's .venv, $VIRTUAL_ENV, PATH.
QList<Candidate> maturinCandidates(const QString &projectVenv, const QProcessEnvironment &env)
{
    const QString name = QStringLiteral("maturin");
    const QString activeVenv = env.value(QStringLiteral("VIRTUAL_ENV"));
    return {
        {projectVenv.isEmpty() ? QString() : executableIn(ToolDiscovery::venvBinDir(projectVenv), name), QStringLiteral("project .venv")},
        {activeVenv.isEmpty() ? QString() : executableIn(ToolDiscovery::venvBinDir(activeVenv), name), QStringLiteral("VIRTUAL_ENV")},
        {QStandardPaths::findExecutable(name, pathDirs(env)), QStringLiteral("PATH")},
    };
}

// The first maturin that tells its version: the programs, then `python -m maturin` for each Python.
// With projectDir set, nothing inside it is started: its version comes from its venv's files.
ToolInfo findMaturin(const QList<Candidate> &programs, const QList<Candidate> &pythons, const QString &projectDir)
{
    ToolInfo maturin;
    maturin.name = QStringLiteral("maturin");
    const QString neutral = projectDir.isEmpty() ? QString() : QDir::rootPath();
    auto probe = [&](ToolInfo tool) {
        if (isInside(tool.program, projectDir)) {
            const QString venv = venvOf(tool.program);
            tool.version = venv.isEmpty() ? QString() : ToolDiscovery::installedVersion(venv, maturin.name);
            tool.versionFromFiles = true;
            return tool;
        }
        return versioned(tool, neutral);
    };
    for (const Candidate &c : programs) {
        if (c.program.isEmpty())
            continue;
        ToolInfo tool = maturin;
        tool.program = c.program;
        tool.origin = c.origin;
        tool = probe(tool);
        // A maturin inside the project is what the build uses even when its files do not say its version.
        if (!tool.version.isEmpty() || tool.versionFromFiles)
            return tool;
    }
    for (const Candidate &python : pythons) {
        if (python.program.isEmpty())
            continue;
        ToolInfo tool = maturin;
        tool.program = python.program;
        tool.baseArguments = {QStringLiteral("-m"), QStringLiteral("maturin")};
        tool.origin = QStringLiteral("%1 -m maturin").arg(QFileInfo(python.program).fileName());
        tool = probe(tool);
        if (!tool.version.isEmpty())
            return tool;
    }
    maturin.fix = QStringLiteral("Install maturin: `pip install maturin` in the project's .venv (or `pipx install maturin`), "
                                 "then check again.");
    return maturin;
}

// A Python's version without starting anything inside projectDir: a venv's python there is usually a
// link to an interpreter outside, which is asked directly (not through the venv); else the venv's
// pyvenv.cfg says (version = 3.13.5, or uv's version_info = 3.13.5).
QString pythonVersion(const QString &program, const QString &projectDir)
{
    if (!isInside(program, projectDir))
        return ToolDiscovery::versionIn(runIn(program, {QStringLiteral("--version")}, {}));
    const QString real = QFileInfo(program).canonicalFilePath();
    if (!real.isEmpty() && !isInside(real, projectDir))
        return ToolDiscovery::versionIn(runIn(real, {QStringLiteral("--version")}, QDir::rootPath()));
    const QString venv = venvOf(program);
    QFile cfg(venv + QStringLiteral("/pyvenv.cfg"));
    if (venv.isEmpty() || !cfg.open(QIODevice::ReadOnly))
        return {};
    for (const QString &line : QString::fromUtf8(cfg.read(64 * 1024)).split(u'\n')) {
        const QString key = line.section(u'=', 0, 0).trimmed();
        if (key == QLatin1String("version") || key == QLatin1String("version_info"))
            return ToolDiscovery::versionIn(line.section(u'=', 1).trimmed());
    }
    return {};
}

QStringList pythonNames()
{
    QStringList names = {QStringLiteral("python3"), QStringLiteral("python")};
    for (int minor = 15; minor >= 8; --minor)
        names << QStringLiteral("python3.%1").arg(minor);
    return names;
}

} // namespace

QString ToolDiscovery::installedVersion(const QString &venv, const QString &distribution)
{
    // site-packages: lib/pythonX.Y/ (or lib/pypyX.Y/, lib64/...) on Unix, Lib/ on Windows.
    QStringList sitePackages;
    for (const QString &lib : {QStringLiteral("lib"), QStringLiteral("lib64"), QStringLiteral("Lib")}) {
        const QDir libDir(venv + u'/' + lib);
        if (!libDir.exists())
            continue;
        if (QFileInfo(libDir.filePath(QStringLiteral("site-packages"))).isDir())
            sitePackages << libDir.filePath(QStringLiteral("site-packages"));
        for (const QString &py : libDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (QFileInfo(libDir.filePath(py + QStringLiteral("/site-packages"))).isDir())
                sitePackages << libDir.filePath(py + QStringLiteral("/site-packages"));
        }
    }
    // dist-info folder names use the normalized name with '_' (PEP 427/491).
    QString normalized = distribution.toLower();
    static const QRegularExpression separators(QStringLiteral("[-_.]+"));
    normalized.replace(separators, QStringLiteral("_"));
    QVersionNumber best;
    QString bestText;
    for (const QString &sp : std::as_const(sitePackages)) {
        const QDir dir(sp);
        for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!entry.endsWith(QLatin1String(".dist-info"), Qt::CaseInsensitive))
                continue;
            const QString stem = entry.left(entry.size() - 10);
            const qsizetype dash = stem.indexOf(u'-');
            QString name = dash < 0 ? stem : stem.left(dash);
            name = name.toLower().replace(separators, QStringLiteral("_"));
            if (name != normalized)
                continue;
            QString version = dash < 0 ? QString() : stem.mid(dash + 1);
            if (version.isEmpty()) {
                QFile metadata(dir.filePath(entry + QStringLiteral("/METADATA")));
                if (metadata.open(QIODevice::ReadOnly)) {
                    const QList<QByteArray> lines = metadata.read(64 * 1024).split('\n');
                    for (const QByteArray &line : lines) {
                        if (line.startsWith("Version:")) {
                            version = QString::fromUtf8(line.mid(8)).trimmed();
                            break;
                        }
                        if (line.trimmed().isEmpty())
                            break; // end of the headers
                    }
                }
            }
            const QVersionNumber v = QVersionNumber::fromString(version);
            if (!version.isEmpty() && (bestText.isEmpty() || v > best)) {
                best = v;
                bestText = version;
            }
        }
    }
    return versionIn(bestText);
}

ToolInfo ToolDiscovery::findMaturinWithoutRunningProject(const QString &projectDir, const QProcessEnvironment &env)
{
    const QString dir = projectDir.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(projectDir).absoluteFilePath());
    const QString venv = dir.isEmpty() ? QString() : dir + QStringLiteral("/.venv");
    const QString projectVenv =
        !venv.isEmpty() && (QFileInfo::exists(venv + QStringLiteral("/pyvenv.cfg")) || QFileInfo::exists(venvPython(venv))) ? venv : QString();
    // Python programs for `python -m maturin`, in discover()'s order, without asking their versions.
    QList<Candidate> pythons;
    if (!projectVenv.isEmpty())
        pythons.append({venvPython(projectVenv), QStringLiteral("project .venv")});
    if (const QString active = env.value(QStringLiteral("VIRTUAL_ENV")); !active.isEmpty() && QFileInfo::exists(venvPython(active)))
        pythons.append({venvPython(active), QStringLiteral("VIRTUAL_ENV")});
    QSet<QString> seen; // PATH often has several names for one interpreter
    for (const QString &name : pythonNames()) {
        const QString program = QStandardPaths::findExecutable(name, pathDirs(env));
        const QString canonical = QFileInfo(program).canonicalFilePath();
        if (program.isEmpty() || canonical.isEmpty() || seen.contains(canonical))
            continue;
        seen.insert(canonical);
        pythons.append({program, QStringLiteral("PATH")});
    }
    return findMaturin(maturinCandidates(projectVenv, env), pythons, dir);
}

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
    return runIn(program, arguments, {}, timeoutMs);
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
        const QString version = pythonVersion(program, projectDir);
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
    for (const QString &name : pythonNames())
        addPython(inPath(name), QStringLiteral("PATH"));

    // maturin
    QList<Candidate> pythons;
    for (const PythonInterpreter &python : std::as_const(report.pythons))
        pythons.append({python.path, python.origin});
    report.maturin = findMaturin(maturinCandidates(report.projectVenv, env), pythons, projectDir);

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
