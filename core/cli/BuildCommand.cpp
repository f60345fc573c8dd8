#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runBuild(CommandContext &ctx)
{
    ctx.err << "wheelbench build: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
