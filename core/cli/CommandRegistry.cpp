#include "core/cli/CommandRegistry.h"

#include "core/common/AppInfo.h"

namespace wb::cli {

const QList<CommandInfo> &CommandRegistry::commands()
{
    static const QList<CommandInfo> all = {
        {QStringLiteral("check"), QStringLiteral("validate a project's pyproject.toml and Cargo.toml"), &runCheck},
        {QStringLiteral("config"), QStringLiteral("get, set or unset a setting, keeping every other byte"), &runConfig},
        {QStringLiteral("build"), QStringLiteral("run maturin build and report the wheels it made"), &runBuild},
        {QStringLiteral("inspect"), QStringLiteral("inspect a wheel: tags, metadata, RECORD, extensions, policy"), &runInspect},
        {QStringLiteral("compare"), QStringLiteral("compare two wheels"), &runCompare},
        {QStringLiteral("diagnose"), QStringLiteral("name the cause of build, import and packaging problems"), &runDiagnose},
        {QStringLiteral("new"), QStringLiteral("create a maturin project in the recommended layout"), &runNew},
        {QStringLiteral("release"), QStringLiteral("check a release's whole set of wheels and sdist before upload"), &runRelease},
    };
    return all;
}

const CommandInfo *CommandRegistry::find(const QString &name)
{
    for (const CommandInfo &info : commands()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString CommandRegistry::usage()
{
    QString text = QStringLiteral("Usage: wheelbench [PATH]            open the workbench on a project folder, a .whl\n"
                                  "                                    or sdist, or a folder of wheels (dist/)\n"
                                  "       wheelbench COMMAND [ARGS...]  run headless (no display needed)\n"
                                  "\nCommands:\n");
    for (const CommandInfo &info : commands())
        text += QStringLiteral("  %1  %2\n").arg(info.name.leftJustified(9), info.summary);
    text += QStringLiteral("\nOptions:\n"
                           "  -h, --help         show this help (COMMAND --help: help for a command)\n"
                           "  -v, --version      show the version\n"
                           "  --screenshot FILE  (window) open, save a picture of the window to FILE, quit\n"
                           "  --area AREA        (window) show project, build, wheels, troubleshooting or release\n"
                           "\nExit codes: 0 fine, 1 findings or failure, 2 unusable input.\n");
    return text;
}

int CommandRegistry::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("help")) {
        if (first == QLatin1String("help") && arguments.size() > 2) {
            if (const CommandInfo *info = find(arguments.at(2))) {
                CommandContext ctx{{info->name, QStringLiteral("--help")}, out, err};
                return info->run(ctx);
            }
        }
        out << usage();
        out.flush();
        return ExitOk;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        out << AppInfo::executable() << ' ' << AppInfo::version() << '\n';
        out.flush();
        return ExitOk;
    }
    const CommandInfo *info = find(first);
    if (!info) {
        err << "wheelbench: unknown command '" << first << "'\n\n" << usage();
        err.flush();
        return ExitUsage;
    }
    CommandContext ctx{arguments.mid(1), out, err};
    const int code = info->run(ctx);
    out.flush();
    err.flush();
    return code;
}

} // namespace wb::cli
