#include "core/cli/CommandRegistry.h"
#include "core/project/Project.h"

#include "core/diagnose/Diagnosis.h"
#include "core/diagnose/FindingJson.h"
#include "core/diagnose/FixApplier.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace wb::cli {

namespace {

constexpr qint64 MaxInputBytes = 64LL * 1024 * 1024;

QString usage()
{
    return QStringLiteral(
        "wheelbench diagnose [--project DIR] [--wheel FILE] [--log FILE|-] [--error TEXT|--error-file FILE]\n"
        "                    [--json] [--apply ID]\n"
        "\n"
        "Names the cause of build, import and packaging problems from the evidence given together:\n"
        "a project folder (pyproject.toml, Cargo.toml, the #[pymodule] in the Rust sources), a wheel,\n"
        "a build log and a pasted error message.\n"
        "\n"
        "  --project DIR      the project folder\n"
        "  --member NAME      DIR is a Cargo workspace root: diagnose this member (package name or folder)\n"
        "  --wheel FILE       a built wheel\n"
        "  --log FILE|-       a maturin/cargo build log (- reads standard input)\n"
        "  --error TEXT       an error message (ImportError traceback, pip or maturin output)\n"
        "  --error-file FILE  the same, from a file\n"
        "  --json             findings as JSON: {schema_version: 2, findings: [{id, severity, confidence, title,\n"
        "                     message, why, evidence, decisive_lines, fix, links}]}\n"
        "  --apply ID         apply the configuration edits of finding ID to the project and print the diff\n"
        "\n"
        "Exit codes: 0 no findings (or the fix was applied), 1 findings, 2 unusable input.\n");
}

bool readInput(const QString &path, QString *text, QString *error)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(MaxInputBytes);
    *text = QString::fromUtf8(bytes);
    return true;
}

} // namespace

int runDiagnose(CommandContext &ctx)
{
    diagnose::EvidenceRequest request;
    bool json = false;
    QString apply;
    QString member;
    const QStringList &args = ctx.arguments;
    auto fail = [&ctx](const QString &message) {
        ctx.err << "wheelbench diagnose: " << message << "\n";
        return int(ExitUsage);
    };
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *out) {
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        QString v;
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << usage();
            return ExitOk;
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--project")) {
            if (!value(&request.projectDir))
                return fail(QStringLiteral("--project needs a folder"));
            if (!QFileInfo(request.projectDir).isDir())
                return fail(QStringLiteral("%1: not a folder").arg(request.projectDir));
        } else if (a == QLatin1String("--wheel")) {
            if (!value(&request.wheelPath))
                return fail(QStringLiteral("--wheel needs a file"));
            if (!QFileInfo(request.wheelPath).isFile())
                return fail(QStringLiteral("%1: no such file").arg(request.wheelPath));
        } else if (a == QLatin1String("--log")) {
            QString error;
            if (!value(&v))
                return fail(QStringLiteral("--log needs a file or -"));
            if (!readInput(v, &request.logText, &error))
                return fail(error);
        } else if (a == QLatin1String("--error")) {
            if (!value(&request.errorText))
                return fail(QStringLiteral("--error needs a text"));
        } else if (a == QLatin1String("--error-file")) {
            QString error;
            if (!value(&v))
                return fail(QStringLiteral("--error-file needs a file"));
            if (!readInput(v, &request.errorText, &error))
                return fail(error);
        } else if (a == QLatin1String("--member")) {
            if (!value(&member))
                return fail(QStringLiteral("--member needs a name"));
        } else if (a == QLatin1String("--apply")) {
            if (!value(&apply))
                return fail(QStringLiteral("--apply needs a finding id"));
        } else {
            return fail(QStringLiteral("unknown argument '%1'\n\n").arg(a) + usage());
        }
    }
    if (request.projectDir.isEmpty() && request.wheelPath.isEmpty() && request.logText.trimmed().isEmpty()
        && request.errorText.trimmed().isEmpty())
        return fail(QStringLiteral("nothing to diagnose: give --project, --wheel, --log or --error (see --help)"));
    if (!apply.isEmpty() && request.projectDir.isEmpty())
        return fail(QStringLiteral("--apply needs --project"));
    if (!request.projectDir.isEmpty()) {
        // A Cargo workspace root: the Python package is one of its members.
        ProjectOptions options;
        options.member = member;
        const Project project = Project::load(request.projectDir, options);
        if (!project.isUsable() && !member.isEmpty())
            return fail(project.readError);
        if (project.needsMember())
            return fail(QStringLiteral("%1 is a Cargo workspace with several Python packages: %2\nChoose one with --member NAME.")
                            .arg(request.projectDir, CargoWorkspace::describe(project.pythonMembers)));
        if (!project.member.isEmpty()) {
            ctx.err << "wheelbench diagnose: workspace member " << project.member << " (" << project.dir << ")\n";
            request.projectDir = project.dir;
        }
    } else if (!member.isEmpty()) {
        return fail(QStringLiteral("--member needs --project"));
    }

    // The same runner as the Troubleshooting view: a wheel of another project is diagnosed on its own,
    // and edits that would change nothing are not offered.
    const diagnose::Diagnosis diagnosis = diagnose::DiagnosisRunner::run(request);
    const diagnose::Evidence &evidence = diagnosis.evidence;
    if (!request.wheelPath.isEmpty() && !evidence.wheel.present)
        return fail(evidence.wheel.problem);
    if (!request.projectDir.isEmpty() && evidence.project.pyprojectPath.isEmpty() && evidence.project.cargoPath.isEmpty())
        return fail(evidence.project.problems.join(QStringLiteral("; ")));
    for (const QString &problem : evidence.project.problems)
        ctx.err << "wheelbench diagnose: " << problem << "\n";
    const QList<diagnose::Finding> &findings = diagnosis.findings;
    if (!json) {
        for (const QString &note : diagnosis.notes)
            ctx.err << "wheelbench diagnose: note: " << note << "\n";
    }

    if (!apply.isEmpty()) {
        for (const diagnose::Finding &f : findings) {
            if (f.id != apply)
                continue;
            if (f.fix.edits.isEmpty())
                return fail(QStringLiteral("finding %1 has no configuration edit; its fix: %2").arg(apply, f.fix.summary));
            QStringList files;
            for (const diagnose::ConfigEdit &e : f.fix.edits) {
                if (!files.contains(e.file))
                    files << e.file;
            }
            for (const QString &file : std::as_const(files)) {
                QList<diagnose::ConfigEdit> edits;
                for (const diagnose::ConfigEdit &e : f.fix.edits) {
                    if (e.file == file)
                        edits << e;
                }
                const diagnose::PreparedFix prepared = diagnose::FixApplier::prepare(request.projectDir, edits);
                QString error = prepared.error;
                if (!prepared.ok || !diagnose::FixApplier::write(prepared, &error))
                    return fail(error);
                ctx.out << prepared.diff;
            }
            return ExitOk;
        }
        return fail(QStringLiteral("no finding '%1' in this evidence").arg(apply));
    }

    if (json) {
        ctx.out << QString::fromUtf8(QJsonDocument(diagnose::diagnosisToJson(findings, diagnosis.notes)).toJson(QJsonDocument::Indented));
    } else if (findings.isEmpty()) {
        ctx.out << "No problems found.\n";
    } else {
        for (const diagnose::Finding &f : findings)
            ctx.out << diagnose::findingToText(f) << "\n";
        ctx.out << findings.size() << (findings.size() == 1 ? " finding\n" : " findings\n");
    }
    return findings.isEmpty() ? ExitOk : ExitFindings;
}

} // namespace wb::cli
