// Metadata that installers or PyPI refuse. A file whose name and metadata disagree (pip: "has inconsistent
// name/version", uv: "Package metadata ... does not match"): the open wheel shows it too, and the project shows
// why when its [project] name is not a valid name, which maturin writes into METADATA as it is and into the file
// name cleaned. A value PyPI refuses ("'x' is an invalid value for Author-email"): the project's line that holds it.
#include "core/diagnose/DetectorContext.h"
#include "core/project/PackagingSpecs.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

// The project's name is the cause when the failure quotes it as the metadata's name (or the wheel's METADATA has it),
// or when nothing else is diagnosed: then the finding is the project's alone.
void fromProject(DetectorContext &ctx, Finding &f)
{
    const ProjectFacts &p = ctx.project();
    const QString name = p.projectName.value;
    if (!p.present || !p.projectName.present() || PackagingSpecs::isValidName(name))
        return;
    const QString quoted = QStringLiteral("'%1'").arg(name);
    bool named = f.evidence.isEmpty() || (ctx.wheel().present && ctx.wheel().report.metadata.value(QStringLiteral("Name")) == name);
    for (const EvidenceRef &e : std::as_const(f.evidence))
        named = named || e.text.contains(quoted) || e.text.contains(QStringLiteral("`%1`").arg(name));
    if (!named)
        return;
    f.evidence << ctx.pyprojectRef(p.projectName);
    f.confidence = Confidence::High;
    f.message = QStringLiteral("pyproject.toml names the project '%1', which is not a valid project name: maturin writes it as it is "
                               "into METADATA and a cleaned form into the file name, so installers refuse the wheel.")
                    .arg(name);
    const QString valid = PackagingSpecs::validNameFrom(name);
    if (valid.isEmpty())
        return;
    f.fix.summary = QStringLiteral("Rename the project '%1' ([project] name) and rebuild.").arg(valid);
    f.fix.steps = {QStringLiteral("Rebuild the wheel (maturin build) and install the new one.")};
    f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("project"), QStringLiteral("name"), DetectorContext::tomlString(valid),
                    ConfigEdit::Action::Set}};
}

// The pyproject.toml line that holds the value PyPI quotes, when the open project still has it.
void citeRefusedValue(DetectorContext &ctx)
{
    Finding *f = ctx.find(QStringLiteral("pypi-metadata-invalid"));
    const ProjectFacts &p = ctx.project();
    if (!f || !p.present)
        return;
    static const QRegularExpression quoted(QStringLiteral(R"re('(.{3,200})' is an invalid value for )re"));
    for (const EvidenceRef &e : std::as_const(f->evidence)) {
        const QString value = quoted.match(e.text).captured(1);
        if (value.isEmpty())
            continue;
        for (qsizetype i = 0; i < p.pyprojectLines.size(); ++i) {
            if (p.pyprojectLines.at(i).contains(value)) {
                f->evidence << ctx.lineRef(true, int(i) + 1);
                return;
            }
        }
    }
}

} // namespace

void detectMetadataInconsistency(DetectorContext &ctx)
{
    citeRefusedValue(ctx);
    // The open wheel's own check of its METADATA against its file name.
    ctx.addFromWheel(QStringLiteral("wheel-metadata-inconsistent"),
                     {QStringLiteral("metadata.name-mismatch"), QStringLiteral("metadata.version-mismatch")}, [](const wb::Finding &wf) {
                         return QStringLiteral("%1: installers refuse this wheel (pip: \"has inconsistent %2\").")
                             .arg(wf.message, wf.id == QLatin1String("metadata.name-mismatch") ? QStringLiteral("name") : QStringLiteral("version"));
                     });
    if (Finding *f = ctx.find(QStringLiteral("wheel-metadata-inconsistent"))) {
        fromProject(ctx, *f);
        return;
    }
    // The project alone: every wheel maturin builds from it will be refused (maturin 1.8.3 and pip 25, tried).
    const ProjectFacts &p = ctx.project();
    if (!p.present || !p.isMaturinProject() || !p.projectName.present() || PackagingSpecs::isValidName(p.projectName.value))
        return;
    Finding &f = ctx.add(QStringLiteral("wheel-metadata-inconsistent"), QString(), {});
    f.confidence = Confidence::High;
    f.rank = 84;
    fromProject(ctx, f);
}

} // namespace wb::diagnose
