#include "core/diagnose/Diagnosis.h"

#include "core/diagnose/Diagnoser.h"
#include "core/diagnose/FixApplier.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace wb::diagnose {

namespace {

QString editText(const ConfigEdit &e)
{
    return e.action == ConfigEdit::Action::Remove ? QStringLiteral("[%1] %2 removed").arg(e.table, e.key)
                                                  : QStringLiteral("[%1] %2 = %3").arg(e.table, e.key, e.value);
}

// True when applying the edit alone to the file gives the same bytes.
bool editChangesNothing(const QString &projectDir, const ConfigEdit &edit)
{
    QFile file(QDir(projectDir).filePath(edit.file));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.read(8 * 1024 * 1024);
    const PreparedFix fix = FixApplier::prepareText(bytes, {edit}, edit.file);
    return fix.ok && fix.after == fix.before;
}

} // namespace

QString DiagnosisRunner::normalizedName(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[-_.]+"));
    return name.trimmed().toLower().replace(separators, QStringLiteral("-"));
}

QString DiagnosisRunner::projectDistributionName(const ProjectFacts &project)
{
    if (!project.projectName.value.trimmed().isEmpty())
        return project.projectName.value.trimmed();
    return project.packageName.value.trimmed();
}

bool DiagnosisRunner::wheelBelongsToProject(const ProjectFacts &project, const WheelFacts &wheel)
{
    const QString projectName = projectDistributionName(project);
    if (!project.present || !wheel.present || projectName.isEmpty() || wheel.distribution.isEmpty())
        return true;
    // The METADATA name counts too: maturin writes an invalid project name there as it is, a cleaned form into the file name.
    return normalizedName(projectName) == normalizedName(wheel.distribution)
        || normalizedName(projectName) == normalizedName(wheel.report.metadata.value(QStringLiteral("Name")));
}

void DiagnosisRunner::dropNoOpEdits(const ProjectFacts &project, QList<Finding> *findings, QStringList *notes)
{
    if (!project.present || project.dir.isEmpty())
        return;
    for (Finding &f : *findings) {
        QList<ConfigEdit> kept;
        for (const ConfigEdit &e : std::as_const(f.fix.edits)) {
            if (!editChangesNothing(project.dir, e)) {
                kept << e;
                continue;
            }
            const QString step = QStringLiteral("%1 already has %2: that edit would change nothing, so it is not offered.")
                                     .arg(e.file, editText(e));
            f.fix.steps.prepend(step);
            notes->append(QStringLiteral("%1: %2").arg(f.id, step));
        }
        f.fix.edits = kept;
    }
}

Diagnosis DiagnosisRunner::run(const EvidenceRequest &request)
{
    Diagnosis d;
    d.evidence = EvidenceCollector::collect(request);
    if (!wheelBelongsToProject(d.evidence.project, d.evidence.wheel)) {
        d.wheelSeparate = true;
        Evidence withProject = d.evidence;
        withProject.wheel = WheelFacts();
        Evidence wheelAlone;
        wheelAlone.wheel = d.evidence.wheel;
        d.findings = Diagnoser::diagnose(withProject);
        dropNoOpEdits(d.evidence.project, &d.findings, &d.notes);
        // The wheel's findings are about its own project: their edits would change this one, so they become steps.
        for (Finding f : Diagnoser::diagnose(wheelAlone)) {
            for (const ConfigEdit &e : std::as_const(f.fix.edits))
                f.fix.steps.prepend(QStringLiteral("In the project that built %1: %2 %3.").arg(d.evidence.wheel.fileName, e.file, editText(e)));
            f.fix.edits.clear();
            d.findings << f;
        }
        Diagnoser::sort(&d.findings);
        d.notes << QStringLiteral("The wheel %1 is distribution '%2', not the project's '%3': it is diagnosed on its own, "
                                  "without the project's settings.")
                       .arg(d.evidence.wheel.fileName, d.evidence.wheel.distribution,
                            projectDistributionName(d.evidence.project));
    } else {
        d.findings = Diagnoser::diagnose(d.evidence);
        dropNoOpEdits(d.evidence.project, &d.findings, &d.notes);
    }
    return d;
}

} // namespace wb::diagnose
