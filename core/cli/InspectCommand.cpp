#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runInspect(CommandContext &ctx)
{
    ctx.err << "wheelbench inspect: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
