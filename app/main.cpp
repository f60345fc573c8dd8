// wheelbench: a headless subcommand (check, config, build, inspect, compare, diagnose, ...), run here
// with Qt Core alone; anything else (the window) is handed to wheelbench-window by exec, in the same
// process. Loading Qt Gui and Widgets costs more than a quick command, so commands never do.
#include "core/cli/CommandRegistry.h"
#include "core/common/AppInfo.h"
#include "core/common/CommandHeap.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

namespace {

bool wantsCli(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    static const QStringList flags = {QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("help"),
                                      QStringLiteral("-v"), QStringLiteral("--version")};
    if (flags.contains(first) || wb::cli::CommandRegistry::find(first) != nullptr)
        return true;
    // Not an option and not an existing path: let the command line say "unknown command".
    return !first.startsWith(QLatin1Char('-')) && !QFileInfo::exists(first);
}

// The window program: beside this one (build tree), else in ../libexec/wheelbench (installed).
std::string windowProgram(const char *argv0)
{
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        self = std::filesystem::absolute(argv0, ec);
    const std::filesystem::path dir = self.parent_path();
    for (const std::filesystem::path &candidate : {dir / "wheelbench-window", dir / ".." / "libexec" / "wheelbench" / "wheelbench-window"})
        if (std::filesystem::exists(candidate, ec))
            return candidate.string();
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    if (!wantsCli(argc, argv)) {
        const std::string window = windowProgram(argv[0]);
        if (window.empty()) {
            std::fprintf(stderr, "wheelbench: the window program (wheelbench-window) is not installed beside this one;\n"
                                 "the headless commands work: see wheelbench --help\n");
            return wb::cli::ExitUsage;
        }
        execv(window.c_str(), argv);
        std::perror(window.c_str());
        return wb::cli::ExitUsage;
    }
    wb::prepareHeapForCommand();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(wb::AppInfo::executable());
    QCoreApplication::setApplicationVersion(wb::AppInfo::version());
    QCoreApplication::setOrganizationName(wb::AppInfo::organization());
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = wb::cli::CommandRegistry::run(QCoreApplication::arguments(), out, err);
    // The command has done its work and said so: leave without tearing down what it built. Freeing
    // the report of a 20,000-file wheel piece by piece, and the application object, took about 4 ms
    // of a 0.33 s inspect; the process's end releases all of it at once. Commands keep nothing open
    // that needs a destructor to finish (files are written atomically before they return).
    for (QTextStream *stream : {&out, &err}) {
        stream->flush();
        if (auto *file = qobject_cast<QFileDevice *>(stream->device())) // written to directly (JSON) past the stream
            file->flush();
    }
    std::fflush(nullptr);
    _exit(rc);
}
