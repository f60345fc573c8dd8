// Debug builds that ship: a wheel built with the dev profile, or an extension carrying DWARF debug information.
#include "core/diagnose/DetectorContext.h"
#include "core/diagnose/WheelEvidence.h"

namespace wb::diagnose {

void detectDebugBuild(DetectorContext &ctx)
{
    QList<EvidenceRef> profileEvidence;
    // maturin develop builds the dev profile on purpose; only wheels built for shipping matter.
    if (ctx.matches(QStringLiteral("develop-install")).isEmpty()) {
        for (const SourcedMatch &m : ctx.matches(QStringLiteral("dev-profile")))
            profileEvidence << DetectorContext::ref(m);
    }
    QList<EvidenceRef> debugInfo;
    for (const ExtensionReport &ext : ctx.wheel().report.extensions) {
        if (ext.binary.format != BinaryInfo::Format::Elf)
            continue;
        for (const BinarySection &section : ext.binary.sections) {
            if (section.name == QLatin1String(".debug_info") || section.name == QLatin1String(".zdebug_info")) {
                debugInfo << DetectorContext::wheelRef(ext.path, QStringLiteral("has %1 (%2 bytes of debug information in all)")
                                                                    .arg(section.name).arg(ext.binary.debugBytes));
                break;
            }
        }
    }
    // A configured dev profile is a cause, not a problem by itself: release builds (--release, PEP 517)
    // override it, so it is cited only when a log or a wheel shows a debug build.
    const Setting &profile = ctx.project().profile;
    const bool configured = (profile.value == QLatin1String("dev") || profile.value == QLatin1String("debug"))
        && (!profileEvidence.isEmpty() || !debugInfo.isEmpty());
    if (configured)
        profileEvidence << ctx.pyprojectRef(profile);
    if (!profileEvidence.isEmpty()) {
        Finding &f = ctx.add(QStringLiteral("debug-profile"),
                             QStringLiteral("The extension was compiled with the dev profile: unoptimised, with full debug information."),
                             profileEvidence + debugInfo);
        // cargo's "Finished dev" line alone is any debug build (cargo run or test, a tool built from source): only a
        // wheel built in the same output, the project's setting or the wheel's debug information make it the extension's.
        const bool wheelBuilt = !ctx.matches(QStringLiteral("built-wheel")).isEmpty();
        if (!wheelBuilt && debugInfo.isEmpty() && !configured)
            f.confidence = Confidence::Low;
        return;
    }
    if (debugInfo.isEmpty())
        return;
    Finding &f = ctx.add(QStringLiteral("debug-symbols"), QStringLiteral("The wheel's extension carries DWARF debug information."), debugInfo);
    const ProjectFacts &p = ctx.project();
    if (p.releaseDebug.present())
        f.evidence << ctx.cargoRef(p.releaseDebug);
    if (p.strip.present())
        f.evidence << ctx.pyprojectRef(p.strip);
}

} // namespace wb::diagnose
