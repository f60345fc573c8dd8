// wheelbench check DIR [--json]: validates a project's pyproject.toml and Cargo.toml.
#include "core/cli/CommandRegistry.h"
#include "core/common/Counted.h"
#include "core/project/EffectiveSettings.h"
#include "core/project/MaturinVersion.h"
#include "core/project/ProjectValidator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wb::cli {

namespace {
const char *const checkUsage =
    "wheelbench check DIR [--json] [--cargo FILE] [--member NAME] [--files-only] [--maturin-version X.Y.Z|none]\n"
    "\n"
    "Validates the packaging settings of the maturin project in DIR (pyproject.toml and the crate's\n"
    "Cargo.toml). Runs nothing from the project: keys newer than the maturin a build would use are\n"
    "flagged; that maturin is found like the build finds it (the project's .venv, $VIRTUAL_ENV, PATH),\n"
    "and one inside the project is known by its dist-info folder, not run.\n"
    "\n"
    "  --json                   print a JSON report instead of one line per finding\n"
    "  --cargo FILE             use this Cargo.toml instead of finding it\n"
    "  --member NAME            DIR is a Cargo workspace root: check this member (package name or folder);\n"
    "                           without it every member that is a Python package is checked\n"
    "  --files-only             judge the two files only (skip python-source, include globs, Rust sources)\n"
    "  --maturin-version VER    judge against this maturin instead of the one found; none: no version checks\n"
    "\n"
    "Output: FILE:LINE:COLUMN: SEVERITY: MESSAGE [ID]\n"
    "Exit codes: 0 no errors, 1 errors found, 2 unusable input.\n";

QString displayPath(const QString &file)
{
    const QString rel = QDir::current().relativeFilePath(file);
    return rel.startsWith(QLatin1String("../../")) ? file : rel;
}

QJsonObject editJson(const SettingsEdit &e)
{
    static const char *ops[] = {"set", "unset", "append", "remove-element"};
    QJsonObject o{{QStringLiteral("op"), QString::fromLatin1(ops[int(e.op)])},
                  {QStringLiteral("file"), e.file == ProjectFileKind::Cargo ? QStringLiteral("Cargo.toml") : QStringLiteral("pyproject.toml")},
                  {QStringLiteral("key"), e.key}};
    if (e.op == SettingsEdit::Op::Set || e.op == SettingsEdit::Op::Append)
        o.insert(QStringLiteral("value"), e.value);
    if (e.op == SettingsEdit::Op::RemoveElement)
        o.insert(QStringLiteral("index"), e.index);
    return o;
}
} // namespace

static int checkProject(CommandContext &ctx, Project project, const MaturinVersion &maturin, bool maturinGiven, bool json,
                        QJsonObject *report);

int runCheck(CommandContext &ctx)
{
    const QStringList &args = ctx.arguments;
    QString dir;
    bool json = false;
    ProjectOptions options;
    MaturinVersion maturin;
    bool maturinGiven = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << checkUsage;
            return ExitOk;
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--files-only")) {
            options.checkFilesystem = false;
        } else if (a == QLatin1String("--cargo") && i + 1 < args.size()) {
            options.cargoManifest = args.at(++i);
        } else if (a == QLatin1String("--member") && i + 1 < args.size()) {
            options.member = args.at(++i);
        } else if (a == QLatin1String("--maturin-version") && i + 1 < args.size()) {
            maturinGiven = true;
            if (args.at(++i) != QLatin1String("none")) {
                maturin = MaturinVersion::given(args.at(i));
                if (!maturin.isKnown()) {
                    ctx.err << "wheelbench check: '" << args.at(i) << "' is not a version\n";
                    return ExitUsage;
                }
            }
        } else if (a.startsWith(u'-') || !dir.isEmpty()) {
            ctx.err << "wheelbench check: unexpected argument '" << a << "'\n\n" << checkUsage;
            return ExitUsage;
        } else {
            dir = a;
        }
    }
    if (dir.isEmpty()) {
        ctx.err << "wheelbench check: no project folder given\n\n" << checkUsage;
        return ExitUsage;
    }
    Project project = Project::load(dir, options);
    if (!project.isUsable()) {
        ctx.err << "wheelbench check: " << project.readError << '\n';
        return ExitUsage;
    }
    if (!maturinGiven)
        maturin = MaturinVersion::detect(project.dir);
    if (project.needsMember()) {
        // A workspace root: every member that is a Python package, one after the other.
        if (!json)
            ctx.out << "Cargo workspace " << displayPath(project.dir) << ": its Python packages are "
                    << CargoWorkspace::describe(project.pythonMembers) << " (choose one with --member NAME)\n";
        QJsonArray reports;
        int errors = 0;
        for (const WorkspaceMember &m : std::as_const(project.pythonMembers)) {
            ProjectOptions memberOptions = options;
            memberOptions.member = m.relativeDir == QLatin1String(".") ? QString() : m.name;
            Project member = m.relativeDir == QLatin1String(".") ? project : Project::load(dir, memberOptions);
            if (!json)
                ctx.out << "\n== member " << m.name << " (" << m.relativeDir << "/)\n";
            QJsonObject report;
            errors += checkProject(ctx, member, maturin, maturinGiven, json, &report);
            reports << report;
        }
        if (json)
            ctx.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("workspace"), project.dir},
                                                                   {QStringLiteral("members"), reports},
                                                                   {QStringLiteral("errors"), errors}})
                                             .toJson(QJsonDocument::Indented));
        return errors > 0 ? ExitFindings : ExitOk;
    }
    QJsonObject report;
    const int errors = checkProject(ctx, project, maturin, maturinGiven, json, &report);
    if (json)
        ctx.out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
    return errors > 0 ? ExitFindings : ExitOk;
}

// Validates one project; prints its findings (text) or fills *report (json). Returns the error count.
static int checkProject(CommandContext &ctx, Project project, const MaturinVersion &maturin, bool maturinGiven, bool json,
                        QJsonObject *report)
{
    project.options.maturinVersion = maturin.version;
    project.options.maturinFrom = maturin.isKnown() ? maturin.from : QString();
    const EffectiveSettings eff = computeEffectiveSettings(project);
    const QList<SettingsDiagnostic> diags = ProjectValidator::validate(project, eff);
    const int errors = ProjectValidator::count(diags, SettingsSeverity::Error);
    const int warnings = ProjectValidator::count(diags, SettingsSeverity::Warning);
    if (json) {
        QJsonArray list;
        for (const SettingsDiagnostic &d : diags) {
            QJsonObject o{{QStringLiteral("id"), d.id},
                          {QStringLiteral("severity"), settingsSeverityName(d.severity)},
                          {QStringLiteral("file"), d.file},
                          {QStringLiteral("line"), d.line},
                          {QStringLiteral("column"), d.column},
                          {QStringLiteral("message"), d.message}};
            if (!d.key.isEmpty())
                o.insert(QStringLiteral("key"), d.key);
            if (!d.fix.isEmpty()) {
                QJsonArray edits;
                for (const SettingsEdit &e : d.fix)
                    edits << editJson(e);
                o.insert(QStringLiteral("fix"), QJsonObject{{QStringLiteral("label"), d.fixLabel}, {QStringLiteral("edits"), edits}});
            }
            list << o;
        }
        const QJsonObject effective{{QStringLiteral("module-name"), eff.moduleName},
                                    {QStringLiteral("module-name-from"), eff.moduleNameFrom},
                                    {QStringLiteral("python-source"), eff.pythonSource},
                                    {QStringLiteral("python-source-from"), eff.pythonSourceFrom},
                                    {QStringLiteral("bindings"), eff.bindings},
                                    {QStringLiteral("bindings-from"), eff.bindingsFrom},
                                    {QStringLiteral("profile"), eff.profile},
                                    {QStringLiteral("release-profile"), eff.releaseProfile},
                                    {QStringLiteral("platform-tag"), eff.platformTag},
                                    {QStringLiteral("platform-tag-from"), eff.platformTagFrom},
                                    {QStringLiteral("pip-platform-tag"), eff.pipPlatformTag},
                                    {QStringLiteral("pyo3"), eff.pyo3Requirement},
                                    {QStringLiteral("abi3"), eff.abi3Minor >= 0 ? QStringLiteral("3.%1").arg(eff.abi3Minor) : QString()}};
        const bool found = maturin.isKnown() || !maturin.program.isEmpty();
        QJsonObject maturinJson{{QStringLiteral("version"), maturin.isKnown() ? QJsonValue(maturin.text) : QJsonValue()},
                                {QStringLiteral("from"), found ? maturin.from : (maturinGiven ? QStringLiteral("--maturin-version none")
                                                                                              : QStringLiteral("none found"))}};
        if (!maturin.program.isEmpty())
            maturinJson.insert(QStringLiteral("program"), maturin.program);
        if (found)
            maturinJson.insert(QStringLiteral("read-by"), maturin.readBy);
        *report = QJsonObject{{QStringLiteral("project"), project.dir},
                                 {QStringLiteral("maturin"), maturinJson},
                                 {QStringLiteral("pyproject"), project.hasPyproject ? project.pyprojectPath : QString()},
                                 {QStringLiteral("cargo"), project.hasCargo ? project.cargoPath : QString()},
                                 {QStringLiteral("cargo-found-by"), project.cargoHow},
                                 {QStringLiteral("effective"), effective},
                                 {QStringLiteral("diagnostics"), list},
                                 {QStringLiteral("errors"), errors},
                                 {QStringLiteral("warnings"), warnings}};
        if (!project.member.isEmpty()) {
            report->insert(QStringLiteral("workspace"), project.workspaceDir);
            report->insert(QStringLiteral("member"), project.member);
        }
    } else {
        for (const SettingsDiagnostic &d : diags) {
            ctx.out << displayPath(d.file) << ':' << d.line << ':' << d.column << ": " << settingsSeverityName(d.severity) << ": "
                    << d.message << " [" << d.id << "]\n";
            if (!d.fixLabel.isEmpty())
                ctx.out << "    fix: " << d.fixLabel << '\n';
        }
        if (maturin.isKnown())
            ctx.out << "Keys checked against " << maturin.describe() << ".\n";
        else if (maturinGiven)
            ctx.out << "Keys not checked against a maturin version (--maturin-version none).\n";
        else if (!maturin.program.isEmpty())
            ctx.out << "Keys not checked against a maturin version: found " << maturin.describe() << ".\n";
        else
            ctx.out << "No maturin found: keys are not checked against a maturin version.\n";
        ctx.out << counted(errors, "error", "errors") << ", " << counted(warnings, "warning", "warnings") << "\n";
    }
    return errors;
}

} // namespace wb::cli
