#pragma once

#include <QStringList>
#include <QTextStream>

namespace wb::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
    ExitOk = 0,        // nothing wrong
    ExitFindings = 1,  // the command ran and found errors (or the tool it ran failed)
    ExitUsage = 2,     // unusable input: bad arguments, unreadable file, command not available
};

// What a subcommand gets: its arguments (argv[0] is the command name) and where to write.
struct CommandContext {
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
};

} // namespace wb::cli
