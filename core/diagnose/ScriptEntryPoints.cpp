// A console or GUI script that names a module without the function to call: pip refuses the wheel ("A callable
// suffix is required"). The project's [project.scripts] line is the cause when the refused script is one of
// them, and the project alone shows it before any build.
#include "core/diagnose/DetectorContext.h"
#include "core/project/PackagingSpecs.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

// The scripts pip refused, by name, from the finding's quoted lines.
QStringList refusedNames(const Finding &f)
{
    static const QRegularExpression entry(QStringLiteral(R"re(<ExportEntry (\S+) = )re"));
    QStringList names;
    for (const EvidenceRef &e : f.evidence) {
        const QRegularExpressionMatch m = entry.match(e.text);
        if (m.hasMatch() && !names.contains(m.captured(1)))
            names << m.captured(1);
    }
    return names;
}

// The project's scripts without a callable: (name, setting), those pip refused first when it names any.
QList<std::pair<QString, Setting>> invalidScripts(const ProjectFacts &p, const QStringList &refused)
{
    QList<std::pair<QString, Setting>> out;
    for (const auto &[name, setting] : p.scripts) {
        if (setting.present() && !PackagingSpecs::isValidScriptTarget(setting.value) && (refused.isEmpty() || refused.contains(name)))
            out.append({name, setting});
    }
    return out;
}

} // namespace

void detectScriptEntryPoints(DetectorContext &ctx)
{
    // The open wheel's own check of entry_points.txt.
    ctx.addFromWheel(QStringLiteral("script-entry-point-invalid"), {QStringLiteral("entry-points.script-no-callable")},
                     [](const wb::Finding &wf) { return QStringLiteral("The wheel's %1.").arg(wf.message); });
    const ProjectFacts &p = ctx.project();
    Finding *f = ctx.find(QStringLiteral("script-entry-point-invalid"));
    if (!p.present || (!f && !p.isMaturinProject()))
        return;
    const QList<std::pair<QString, Setting>> scripts = invalidScripts(p, f ? refusedNames(*f) : QStringList());
    if (scripts.isEmpty())
        return;
    if (!f) {
        f = &ctx.add(QStringLiteral("script-entry-point-invalid"), QString(), {});
        f->confidence = Confidence::High;
        f->rank = 84;
    }
    QStringList quoted;
    for (const auto &[name, setting] : scripts) {
        f->evidence << ctx.pyprojectRef(setting);
        quoted << QStringLiteral("%1 = \"%2\"").arg(name, setting.value);
    }
    f->message = QStringLiteral("pyproject.toml's script %1 names a module, not the function to call: installers refuse the wheel "
                                "(pip: \"A callable suffix is required\"). Write it as module:function.")
                     .arg(quoted.join(QStringLiteral(", ")));
}

} // namespace wb::diagnose
