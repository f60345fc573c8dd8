#include "core/diagnose/EvidenceCollector.h"

#include "core/diagnose/ProjectEvidence.h"
#include "core/diagnose/WheelEvidence.h"

namespace wb::diagnose {

Evidence EvidenceCollector::collect(const EvidenceRequest &request)
{
    Evidence e;
    e.errorText = request.errorText;
    e.logText = request.logText;
    if (!request.projectDir.isEmpty())
        e.project = ProjectEvidence::read(request.projectDir);
    if (!request.wheelPath.isEmpty())
        e.wheel = WheelEvidence::read(request.wheelPath);
    return e;
}

} // namespace wb::diagnose
