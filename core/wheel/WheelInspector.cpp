// inspectWheel(): the structural scan, WHEEL/METADATA/RECORD checks, hashing, native extensions and
// policies, put together into one WheelReport (the steps: WheelInspectionSteps.h).
#include "core/wheel/WheelInspectionSteps.h"
#include "core/wheel/WheelReport.h"

#include <algorithm>

namespace wb {

int WheelReport::count(Finding::Severity s) const
{
    return int(std::count_if(findings.begin(), findings.end(), [s](const Finding &f) { return f.severity == s; }));
}

QString WheelReport::verdict() const
{
    if (!readable)
        return QStringLiteral("unreadable");
    if (hasErrors())
        return QStringLiteral("errors");
    if (count(Finding::Severity::Warning) > 0)
        return QStringLiteral("warnings");
    return QStringLiteral("ok");
}

int WheelReport::archiveCheckFailures() const
{
    return int(std::count_if(findings.begin(), findings.end(), [](const Finding &f) {
        return f.id == QLatin1String("zip.crc-mismatch") || f.id == QLatin1String("zip.size-mismatch") || f.id == QLatin1String("zip.corrupt-data");
    }));
}

QList<const WheelFileEntry *> WheelReport::largestFiles(int n) const
{
    QList<const WheelFileEntry *> out;
    for (const WheelFileEntry &f : files)
        if (!f.isDirectory)
            out.append(&f);
    std::sort(out.begin(), out.end(), [](const WheelFileEntry *a, const WheelFileEntry *b) { return a->size > b->size; });
    return out.mid(0, n);
}

QMap<QString, QStringList> ExtensionReport::symbolVersions() const
{
    if (binary.slices.isEmpty())
        return {};
    return binary.slices.first().versionsByLibrary;
}

WheelReport inspectWheel(const QString &path, const InspectOptions &options)
{
    if (options.leaveStateAtExit) {
        auto *steps = new WheelInspectionSteps(path, options); // released by the process's end (see InspectOptions)
        return steps->run();
    }
    return WheelInspectionSteps(path, options).run();
}

} // namespace wb
