#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runConfig(CommandContext &ctx)
{
    ctx.err << "wheelbench config: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
