#include "core/cli/CommandRegistry.h"

namespace wb::cli {

int runDiagnose(CommandContext &ctx)
{
    ctx.err << "wheelbench diagnose: not built yet in this version\n";
    return ExitUsage;
}

} // namespace wb::cli
