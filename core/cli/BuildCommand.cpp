#include "core/cli/CommandRegistry.h"

#include "core/build/AnsiText.h"
#include "core/build/BuildRequest.h"
#include "core/build/BuildRunner.h"
#include "core/build/MaturinFlags.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/ToolDiscovery.h"
#include "core/project/Project.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace wb::cli {

namespace {

std::atomic<int> interrupted{0};

extern "C" void onInterrupt(int)
{
    interrupted.store(1);
}

QString buildUsage()
{
    return QStringLiteral(
        "wheelbench build DIR [--release | --debug | --profile NAME] [--member NAME] [--out DIR] [--log FILE]\n"
        "                     [-- MATURIN-ARGS...]\n"
        "\n"
        "Runs `maturin build` in the project folder DIR, streams its output, and prints the path of\n"
        "every wheel it made on the last lines of standard output.\n"
        "\n"
        "Options:\n"
        "  --release        build with the release profile (maturin -r)\n"
        "  --debug          build with cargo's dev profile (the default, as for maturin)\n"
        "  --profile NAME   build with the Cargo profile NAME\n"
        "  --member NAME    DIR is a Cargo workspace root: build this member (maturin -m NAME's/Cargo.toml);\n"
        "                   needed when several members are Python packages\n"
        "  --out DIR        put the wheels in DIR (maturin -o)\n"
        "  --log FILE       also save the command line and the raw output (colours included) to FILE\n"
        "  -- ARGS...       pass the remaining arguments to maturin as they are\n"
        "  -h, --help       show this help\n"
        "\n"
        "Ctrl+C stops the build and everything it started.\n"
        "Exit status: maturin's own (0 built), 130 when interrupted, 2 for unusable input or missing tools.\n");
}

bool isTerminal(FILE *stream)
{
#ifdef Q_OS_UNIX
    return ::isatty(::fileno(stream)) == 1;
#else
    Q_UNUSED(stream);
    return false;
#endif
}

// DIR is a Cargo workspace root without a pyproject.toml: build the chosen (or only) Python member from
// the root with -m member/Cargo.toml, as maturin's documentation does. False (message printed) when the
// member cannot be told.
bool chooseMember(CommandContext &ctx, BuildRequest *request, const QString &member)
{
    ProjectOptions options;
    options.member = member;
    options.checkFilesystem = false;
    const Project project = Project::load(request->projectDir, options);
    if (!project.isUsable()) {
        ctx.err << "wheelbench build: " << project.readError << '\n';
        return false;
    }
    if (project.needsMember()) {
        ctx.err << "wheelbench build: " << QDir::toNativeSeparators(request->projectDir)
                << " is a Cargo workspace with several Python packages: " << CargoWorkspace::describe(project.pythonMembers)
                << "\nChoose one with --member NAME.\n";
        return false;
    }
    if (!member.isEmpty() && project.member.isEmpty() && project.pythonMembers.isEmpty()) {
        ctx.err << "wheelbench build: --member " << member << ": " << QDir::toNativeSeparators(request->projectDir)
                << " is not a Cargo workspace root\n";
        return false;
    }
    if (const WorkspaceMember *m = project.chosenMember(); m && m->relativeDir != QLatin1String(".")) {
        request->manifestPath = m->relativeManifest();
        ctx.err << "Building workspace member " << m->name << " (" << m->relativeDir << "/)\n";
    }
    return true;
}

} // namespace

int runBuild(CommandContext &ctx)
{
    const QStringList args = ctx.arguments;
    BuildRequest request;
    request.profile = BuildRequest::Profile::Debug;
    QString logFile;
    QString member;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto value = [&](QString *into) {
            if (i + 1 >= args.size()) {
                ctx.err << "wheelbench build: " << a << " needs a value\n";
                return false;
            }
            *into = args.at(++i);
            return true;
        };
        if (a == u"-h" || a == u"--help") {
            ctx.out << buildUsage();
            return ExitOk;
        } else if (a == u"--") {
            request.extraArguments = args.mid(i + 1);
            break;
        } else if (a == u"--release" || a == u"-r") {
            request.profile = BuildRequest::Profile::Release;
        } else if (a == u"--debug") {
            request.profile = BuildRequest::Profile::Debug;
        } else if (a == u"--profile") {
            request.profile = BuildRequest::Profile::Named;
            if (!value(&request.profileName))
                return ExitUsage;
        } else if (a == u"--out" || a == u"-o") {
            if (!value(&request.outDir))
                return ExitUsage;
            request.outDir = QFileInfo(request.outDir).absoluteFilePath();
        } else if (a == u"--log") {
            if (!value(&logFile))
                return ExitUsage;
        } else if (a == u"--member") {
            if (!value(&member))
                return ExitUsage;
        } else if (a.startsWith(u'-')) {
            ctx.err << "wheelbench build: unknown option " << a << " (pass maturin options after --)\n\n" << buildUsage();
            return ExitUsage;
        } else if (request.projectDir.isEmpty()) {
            request.projectDir = a;
        } else {
            ctx.err << "wheelbench build: one project folder only (got " << request.projectDir << " and " << a << ")\n";
            return ExitUsage;
        }
    }
    if (request.projectDir.isEmpty()) {
        ctx.err << "wheelbench build: which project? Give its folder.\n\n" << buildUsage();
        return ExitUsage;
    }
    const QFileInfo dir(request.projectDir);
    if (!dir.isDir()) {
        ctx.err << "wheelbench build: " << QDir::toNativeSeparators(request.projectDir) << " is not a folder\n";
        return ExitUsage;
    }
    request.projectDir = dir.absoluteFilePath();
    if (!QFileInfo::exists(request.projectDir + QStringLiteral("/pyproject.toml"))
        && !QFileInfo::exists(request.projectDir + QStringLiteral("/Cargo.toml"))) {
        ctx.err << "wheelbench build: " << QDir::toNativeSeparators(request.projectDir)
                << " has neither pyproject.toml nor Cargo.toml\n";
        return ExitUsage;
    }
    if (!chooseMember(ctx, &request, member))
        return ExitUsage;
    for (const QString &problem : request.problems()) {
        ctx.err << "wheelbench build: " << problem << '\n';
        return ExitUsage;
    }

    const ToolReport tools = ToolDiscovery::discover(request.projectDir);
    if (!tools.maturin.found() || !tools.cargo.found()) {
        ctx.err << "wheelbench build: cannot build:\n";
        for (const QString &problem : tools.problems())
            ctx.err << "  " << problem << '\n';
        return ExitUsage;
    }
    // Options the installed maturin does not have: refused here, naming the version that added them.
    const QString maturinCommand = BuildRequest::commandName(request.command);
    const QStringList missing = MaturinFlags::builtIn().unsupported(maturinCommand, request.arguments(), tools.maturin.version);
    for (const QString &problem : missing)
        ctx.err << "wheelbench build: " << problem << '\n';
    if (!missing.isEmpty())
        return ExitUsage;
    QStringList formNotes;
    MaturinFlags::builtIn().adapt(maturinCommand, request.arguments(), tools.maturin.version, &formNotes);
    for (const QString &note : std::as_const(formNotes))
        ctx.err << "note: " << note << '\n';
    for (const QString &warning : request.overrideWarnings(PyprojectBuildSettings::read(request.projectDir)))
        ctx.err << "note: " << warning << '\n';

    const bool terminal = isTerminal(stderr);
    RunCommand command = BuildRunner::commandFor(request, tools);
    if (!terminal)
        command.environment.insert(QStringLiteral("CARGO_TERM_PROGRESS_WHEN"), QStringLiteral("never"));
    ctx.err << "$ " << command.displayLine << '\n';
    ctx.err.flush();

    BuildRunner runner;
    QEventLoop loop;
    BuildResult result;
    QObject::connect(&runner, &BuildRunner::outputLines, &runner, [&ctx, terminal](const QList<OutputLine> &lines) {
        for (const OutputLine &line : lines) {
            if (line.transient) {
                if (terminal)
                    ctx.err << line.text << '\r';
                continue;
            }
            ctx.err << (terminal ? line.text : ansi::strip(line.text)) << '\n';
        }
        ctx.err.flush();
    });
    QObject::connect(&runner, &BuildRunner::finished, &loop, [&](const BuildResult &r) {
        result = r;
        loop.quit();
    });

    interrupted.store(0);
    auto previous = std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &runner, [&runner] {
        if (interrupted.load())
            runner.cancel();
    });
    interruptPoll.start(100);

    QString error;
    if (!runner.start(command, &error)) {
        std::signal(SIGINT, previous);
        ctx.err << "wheelbench build: " << error << '\n';
        return ExitUsage;
    }
    loop.exec();
    std::signal(SIGINT, previous);

    if (!logFile.isEmpty()) {
        QSaveFile log(logFile);
        if (!log.open(QIODevice::WriteOnly) || log.write(result.transcript()) < 0 || !log.commit())
            ctx.err << "wheelbench build: could not save the log to " << logFile << ": " << log.errorString() << '\n';
    }
    const QString seconds = QString::number(double(result.elapsedMs) / 1000.0, 'f', 1);
    switch (result.outcome) {
    case BuildResult::Outcome::Succeeded:
        ctx.err << "wheelbench build: built in " << seconds << " s";
        if (result.warnings > 0)
            ctx.err << " (" << result.warnings << " warning" << (result.warnings == 1 ? "" : "s") << ')';
        ctx.err << '\n';
        break;
    case BuildResult::Outcome::Failed:
        ctx.err << "wheelbench build: failed after " << seconds << " s (exit status " << result.exitCode << ", "
                << result.errors << " error" << (result.errors == 1 ? "" : "s") << ")\n";
        for (const Diagnostic &d : std::as_const(result.diagnostics)) {
            if (d.severity == DiagnosticSeverity::Error && d.hasLocation())
                ctx.err << "  " << d.file << ':' << d.line << ':' << d.column << ": " << d.message << '\n';
        }
        break;
    case BuildResult::Outcome::Cancelled:
        ctx.err << "wheelbench build: cancelled after " << seconds << " s\n";
        break;
    case BuildResult::Outcome::FailedToStart:
        ctx.err << "wheelbench build: " << result.message << '\n';
        break;
    }
    ctx.err.flush();
    for (const QString &artifact : std::as_const(result.artifacts))
        ctx.out << artifact << '\n';
    ctx.out.flush();
    switch (result.outcome) {
    case BuildResult::Outcome::Succeeded: return ExitOk;
    case BuildResult::Outcome::Cancelled: return 130;
    case BuildResult::Outcome::FailedToStart: return ExitUsage;
    case BuildResult::Outcome::Failed: break;
    }
    return result.exitCode > 0 ? result.exitCode : ExitFindings;
}

} // namespace wb::cli
