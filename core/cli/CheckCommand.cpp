#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runCheck(CommandContext &ctx)
{
    ctx.err << "wheelbench check: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
