#pragma once

#include "core/diagnose/EvidenceCollector.h"
#include "core/diagnose/Finding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// The outcome of diagnosing a set of inputs: the findings, and notes on how the inputs were used
// (a wheel from another project diagnosed on its own, a fix left out because it is already in place).
struct Diagnosis {
    QList<Finding> findings;
    QStringList notes;
    bool wheelSeparate = false;  // the wheel is not the project's: diagnosed without its settings
    Evidence evidence;           // what was read (the project's settings files, the wheel, the log)
};

// One entry point for the Troubleshooting view and `wheelbench diagnose`, so both give the same findings
// for the same inputs. Blocking (reads files): call it off the UI thread.
//  - A wheel whose distribution name differs from the project's (PEP 503 normalised) is diagnosed on its
//    own, never with that project's settings; the log and the pasted text stay with the project.
//  - A configuration edit that would change nothing (the file already holds that value) is dropped from
//    the fix, with a step that says so.
class DiagnosisRunner
{
public:
    static Diagnosis run(const EvidenceRequest &request);
    // PEP 503: lower case, runs of '-', '_' and '.' as one '-'.
    static QString normalizedName(const QString &name);
    // The project's distribution name: [project] name, else the Cargo package name (empty if neither).
    static QString projectDistributionName(const ProjectFacts &project);
    // True when the wheel may be the project's (also when either name is unknown).
    static bool wheelBelongsToProject(const ProjectFacts &project, const WheelFacts &wheel);
    // Drops edits that leave their file unchanged; notes what was dropped.
    static void dropNoOpEdits(const ProjectFacts &project, QList<Finding> *findings, QStringList *notes);
};

} // namespace wb::diagnose
