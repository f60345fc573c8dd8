#pragma once

#include "core/cli/CommandContext.h"

#include <QList>
#include <QString>

namespace wb::cli {

using CommandFunction = int (*)(CommandContext &);

struct CommandInfo {
    QString name;
    QString summary;
    CommandFunction run = nullptr;
};

// The headless subcommands of `wheelbench` (check, config, build, inspect, compare, diagnose, release).
class CommandRegistry
{
public:
    static const QList<CommandInfo> &commands();
    static const CommandInfo *find(const QString &name);
    // Handles `wheelbench --help`, `--version` and `wheelbench COMMAND ...`.
    // Returns the process exit code.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();
};

// One function per command, each in its own file.
int runCheck(CommandContext &ctx);
int runConfig(CommandContext &ctx);
int runBuild(CommandContext &ctx);
int runInspect(CommandContext &ctx);
int runCompare(CommandContext &ctx);
int runDiagnose(CommandContext &ctx);
int runNew(CommandContext &ctx);
int runRelease(CommandContext &ctx);

} // namespace wb::cli
