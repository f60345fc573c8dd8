#pragma once

#include <QList>
#include <QMetaType>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace wb {

// A program the build needs, where it was found and how to fix it when it was not.
struct ToolInfo {
    QString name;               // "maturin", "cargo", "rustc"
    QString program;            // absolute path; empty when missing
    QStringList baseArguments;  // {"-m", "maturin"} when maturin runs as a Python module
    QString version;            // "1.8.3"
    QString origin;             // "project .venv", "VIRTUAL_ENV", "PATH", "python3 -m maturin", "~/.cargo/bin"
    QString fix;                // what to do when it is missing
    bool versionFromFiles = false; // inside the project: not run, version read from its venv's dist-info (empty if none)

    bool found() const { return !program.isEmpty(); }
    QStringList command() const { return QStringList{program} + baseArguments; }
};

struct PythonInterpreter {
    QString path;
    QString version; // "3.13.5"
    QString origin;  // "project .venv", "VIRTUAL_ENV", "PATH"
};

struct ToolReport {
    ToolInfo maturin;
    ToolInfo cargo;
    ToolInfo rustc;
    QList<PythonInterpreter> pythons;
    QStringList extraPath;  // folders to put in front of PATH for the build (e.g. ~/.cargo/bin)
    QString projectVenv;    // the project's .venv folder when it exists

    bool ready() const { return maturin.found() && cargo.found() && rustc.found(); }
    QStringList problems() const; // one sentence per missing tool, with the fix
    QString summary() const;      // several lines, for the UI and the CLI
    // The environment a build should run in: `base` plus extraPath.
    QProcessEnvironment environment(const QProcessEnvironment &base) const;
};

// Finds maturin (the project's .venv, $VIRTUAL_ENV, PATH, `python3 -m maturin`), cargo and rustc
// (PATH, then ~/.cargo/bin and $CARGO_HOME/bin, which programs started from a desktop often lack),
// and Python interpreters with their versions. Runs `--version` of each, except programs inside the
// project folder (opening a project runs nothing from it): a maturin there is known by its venv's
// dist-info, a venv Python by the interpreter it links to or its pyvenv.cfg. Call it off the UI thread.
class ToolDiscovery
{
public:
    static ToolReport discover(const QString &projectDir,
                               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Output of `program args...` (stdout then stderr), or empty when it did not run within the time.
    static QString run(const QString &program, const QStringList &arguments, int timeoutMs = 10000);
    // The first dotted version number in text: "maturin 1.8.3" -> "1.8.3".
    static QString versionIn(const QString &text);
    // The maturin that building the project would use (same order as discover()), found without starting
    // anything that belongs to the project, for opening and checking it: a maturin or Python inside the
    // project folder (its .venv, or a venv there that $VIRTUAL_ENV or PATH points to) is not run, its
    // version is read from that venv's site-packages/maturin-X.Y.Z.dist-info (found with an empty version
    // when there is none); programs outside the project answer `--version` (run from a neutral folder).
    // Blocks while they do: not on the UI thread.
    static ToolInfo findMaturinWithoutRunningProject(const QString &projectDir,
                                                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // The version of a distribution installed in a venv, from its site-packages/<name>-<version>.dist-info
    // folder (or that folder's METADATA); empty when it is not installed there. Runs nothing.
    static QString installedVersion(const QString &venv, const QString &distribution);
    static QString venvBinDir(const QString &venv);        // venv/bin (venv/Scripts on Windows)
    static QString venvPython(const QString &venv);        // its python executable
};

} // namespace wb

Q_DECLARE_METATYPE(wb::ToolReport)
