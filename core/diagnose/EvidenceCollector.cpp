#include "core/diagnose/EvidenceCollector.h"

#include "core/diagnose/ProjectEvidence.h"
#include "core/diagnose/WheelEvidence.h"

#include <QFile>

namespace wb::diagnose {

Evidence EvidenceCollector::collect(const EvidenceRequest &request)
{
    Evidence e;
    e.errorText = request.errorText;
    e.logText = request.logText;
    if (e.logText.isEmpty() && !request.logPath.isEmpty()) {
        QFile log(request.logPath);
        if (log.open(QIODevice::ReadOnly))
            e.logText = QString::fromUtf8(log.read(64LL * 1024 * 1024));
    }
    if (!request.projectDir.isEmpty())
        e.project = ProjectEvidence::read(request.projectDir);
    if (!request.wheelPath.isEmpty())
        e.wheel = WheelEvidence::read(request.wheelPath);
    return e;
}

} // namespace wb::diagnose
