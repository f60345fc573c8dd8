#include "core/cli/CommandRegistry.h"
#include "core/project/ProjectTemplate.h"

#include <QDir>

namespace wb::cli {

namespace {

const char *const kNewUsage =
    "wheelbench new DIR [--name NAME] [--mixed|--pure] [--dry-run]\n"
    "\n"
    "Creates a maturin project in DIR (created when missing) in the layout maturin's documentation\n"
    "recommends. --mixed (the default): Cargo.toml (a cdylib with pyo3), pyproject.toml (maturin\n"
    "backend, python-source = \"python\", module-name = \"<pkg>._native\"), python/<pkg>/__init__.py,\n"
    "_native.pyi and py.typed, src/lib.rs and tests/. --pure: the extension is the package itself\n"
    "(no python/ folder). Never overwrites a file: when one of them exists, nothing is written.\n"
    "\n"
    "Options:\n"
    "  --name NAME  the distribution name (default: DIR's name); the package is its import form\n"
    "  --mixed      Rust extension inside a Python package (default)\n"
    "  --pure       a pure Rust extension module\n"
    "  --dry-run    list the files without writing them\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit codes: 0 created (or listed), 1 refused (a file exists), 2 bad arguments or unusable name.\n";

} // namespace

int runNew(CommandContext &ctx)
{
    QString dir;
    QString name;
    bool dryRun = false;
    ProjectTemplate::Layout layout = ProjectTemplate::Layout::Mixed;
    const QStringList args = ctx.arguments.mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << kNewUsage;
            return ExitOk;
        }
        if (a == QLatin1String("--name") && i + 1 < args.size())
            name = args.at(++i);
        else if (a.startsWith(QLatin1String("--name=")))
            name = a.mid(7);
        else if (a == QLatin1String("--mixed"))
            layout = ProjectTemplate::Layout::Mixed;
        else if (a == QLatin1String("--pure"))
            layout = ProjectTemplate::Layout::Pure;
        else if (a == QLatin1String("--dry-run"))
            dryRun = true;
        else if (a.startsWith(QLatin1Char('-')) || !dir.isEmpty()) {
            ctx.err << "wheelbench new: unexpected argument " << a << "\n\n" << kNewUsage;
            return ExitUsage;
        } else
            dir = a;
    }
    if (dir.isEmpty()) {
        ctx.err << "wheelbench new: needs the project folder\n\n" << kNewUsage;
        return ExitUsage;
    }
    const ProjectTemplate::Plan plan = ProjectTemplate::plan(dir, name, layout);
    if (!plan.error.isEmpty()) {
        ctx.err << "wheelbench new: " << plan.error << '\n';
        return ExitUsage;
    }
    const QString where = QDir::toNativeSeparators(plan.dir);
    if (!plan.conflicts.isEmpty()) {
        ctx.err << "wheelbench new: " << where << " already has " << plan.conflicts.join(QStringLiteral(", "))
                << "; nothing was written\n";
        return ExitFindings;
    }
    ctx.out << (dryRun ? "would create " : "creating ") << plan.distributionName << " (import " << plan.packageName << ", "
            << (layout == ProjectTemplate::Layout::Mixed ? "mixed Rust/Python" : "pure Rust") << " layout) in " << where << ":\n";
    for (const ProjectTemplate::File &f : plan.files)
        ctx.out << "  " << QDir::toNativeSeparators(f.relativePath) << '\n';
    if (dryRun)
        return ExitOk;
    QString error;
    if (!ProjectTemplate::write(plan, &error)) {
        ctx.err << "wheelbench new: " << error << '\n';
        return ExitFindings;
    }
    ctx.out << "done; next: wheelbench check " << where << ", then wheelbench build " << where << '\n';
    return ExitOk;
}

} // namespace wb::cli
