#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runCompare(CommandContext &ctx)
{
    ctx.err << "wheelbench compare: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
