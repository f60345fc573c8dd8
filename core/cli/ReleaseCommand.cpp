#include "core/cli/CommandRegistry.h"
#include "core/common/Counted.h"
#include "core/release/ReleaseReport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>

namespace wb::cli {

namespace {

const char *const kReleaseUsage =
    "wheelbench release DIR|FILE... [--project DIR] [--previous DIR] [--json] [--max-size MB]\n"
    "\n"
    "Checks the whole set of files a release would upload (the wheels and sdist that CI jobs left in\n"
    "dist/, read recursively): PyPI's upload checks (file names, one name and version, duplicates,\n"
    "platform tags, size limit, metadata, description, PEP 639 license), consistency across the set\n"
    "(metadata, pure-Python files, stripping, abi3 and version tags against extension suffixes, what the\n"
    "sdist needs to build) and a coverage matrix of platforms x Python versions against what the\n"
    "project declares (Requires-Python, classifiers and, with --project, the CI workflow's targets).\n"
    "\n"
    "Options:\n"
    "  --project DIR   the project folder: pyproject.toml, Cargo.toml (rust-version), .github/workflows\n"
    "  --previous DIR  the previous release's files: new and dropped platforms and versions, sizes\n"
    "  --max-size MB   the per-file upload limit in MB (default 100, PyPI's default)\n"
    "  --json          print the report as JSON (schema_version 1, see docs/release.md)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit codes: 0 ready (warnings allowed), 1 PyPI would refuse a file or a declared platform or\n"
    "version has no wheel, 2 unusable input (no such path, no wheel or sdist, bad arguments).\n";

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes);
}

void printMatrix(const CoverageMatrix &m, QTextStream &out)
{
    int labelWidth = 8;
    for (const MatrixRow &r : m.rows)
        labelWidth = std::max(labelWidth, int(r.label.size()));
    QList<int> widths;
    out << "  " << QString().leftJustified(labelWidth);
    for (const MatrixColumn &c : m.columns) {
        int w = int(c.label.size());
        for (int r = 0; r < m.rows.size(); ++r)
            w = std::max(w, int(m.cell(r, int(widths.size())).text.size()));
        widths.append(w);
        out << " | " << c.label.leftJustified(w);
    }
    out << '\n';
    for (int r = 0; r < m.rows.size(); ++r) {
        out << "  " << m.rows.at(r).label.leftJustified(labelWidth);
        for (int c = 0; c < m.columns.size(); ++c) {
            const MatrixCell &cell = m.cell(r, c);
            out << " | " << (cell.state == MatrixCell::State::Open ? QStringLiteral("-") : cell.text).leftJustified(widths.at(c));
        }
        const MatrixRow &row = m.rows.at(r);
        QStringList notes;
        if (!row.levels.isEmpty())
            notes.append(row.levels.join(QStringLiteral(", ")));
        if (row.present)
            notes.append(size(row.size));
        if (row.inCi)
            notes.append(QStringLiteral("CI"));
        out << "   " << notes.join(QStringLiteral("; ")) << '\n';
    }
    out << "  declared: " << m.declaredFrom << '\n';
    if (m.missingCount() > 0)
        out << "  missing cells: " << m.consequence << '\n';
}

void printText(const ReleaseReport &r, QTextStream &out)
{
    out << "release " << r.name << ' ' << r.version << ": " << counted(r.set.wheels().size(), "wheel", "wheels") << ", " << counted(r.set.sdists().size(), "sdist", "sdists") << "\n";
    for (const ReleaseFile &f : r.set.files)
        out << "  " << f.fileName << "  " << size(f.size) << (f.readable() ? QString() : QStringLiteral("  (unreadable)")) << '\n';
    if (!r.set.ignored.isEmpty())
        out << "  ignored (not wheels or sdists): " << r.set.ignored.size() << '\n';
    if (!r.project.workflowFiles.isEmpty())
        out << "  CI workflows: " << r.project.workflowFiles.size() << " using maturin-action, " << counted(r.project.ciPlatforms.size(), "platform", "platforms") << "\n";
    out << "\ncoverage:\n";
    printMatrix(r.matrix, out);
    if (r.comparison) {
        const ReleaseComparison &c = *r.comparison;
        out << "\nagainst " << (c.previousVersion.isEmpty() ? QStringLiteral("the previous release") : c.previousVersion) << ":\n";
        if (!c.newPlatforms.isEmpty())
            out << "  new platforms: " << c.newPlatforms.join(QStringLiteral(", ")) << '\n';
        if (!c.droppedPlatforms.isEmpty())
            out << "  dropped platforms: " << c.droppedPlatforms.join(QStringLiteral(", ")) << '\n';
        if (!c.newVersions.isEmpty())
            out << "  new versions: " << c.newVersions.join(QStringLiteral(", ")) << '\n';
        if (!c.droppedVersions.isEmpty())
            out << "  dropped versions: " << c.droppedVersions.join(QStringLiteral(", ")) << '\n';
        for (const ReleaseComparison::SizeChange &s : c.sizes)
            out << "  size " << s.platform << ": " << (s.before ? size(s.before) : QStringLiteral("-")) << " -> "
                << (s.after ? size(s.after) : QStringLiteral("-")) << '\n';
    }
    out << "\nfindings:\n";
    if (r.findings.isEmpty())
        out << "  none\n";
    for (const ReleaseFinding &f : r.findings) {
        out << "  " << Finding::severityName(f.severity) << " [" << f.id << "] ";
        if (!f.file.isEmpty())
            out << f.file << ": ";
        out << f.message << "\n      (" << f.source << ")\n";
    }
    out << "\nverdict: " << r.verdict() << " (" << counted(r.count(Finding::Severity::Error), "error", "errors") << ", "
        << counted(r.count(Finding::Severity::Warning), "warning", "warnings") << ")\n";
}

} // namespace

int runRelease(CommandContext &ctx)
{
    bool json = false;
    QStringList inputs, previous;
    ReleaseOptions options;
    const QStringList args = ctx.arguments.mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << kReleaseUsage;
            return ExitOk;
        }
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--project") || a == QLatin1String("--previous") || a == QLatin1String("--max-size")) {
            if (i + 1 >= args.size()) {
                ctx.err << "wheelbench release: " << a << " needs a value\n";
                return ExitUsage;
            }
            const QString v = args.at(++i);
            if (a == QLatin1String("--project")) {
                if (!QFileInfo(v).isDir()) {
                    ctx.err << "wheelbench release: " << v << ": not a folder\n";
                    return ExitUsage;
                }
                options.projectDir = v;
            } else if (a == QLatin1String("--previous")) {
                previous.append(v);
            } else {
                bool ok = false;
                const double mb = v.toDouble(&ok);
                if (!ok || mb <= 0) {
                    ctx.err << "wheelbench release: --max-size takes a positive number of MB\n";
                    return ExitUsage;
                }
                options.upload.maxFileSize = qint64(mb * 1000.0 * 1000.0);
            }
        } else if (a.startsWith(QLatin1Char('-'))) {
            ctx.err << "wheelbench release: unknown option " << a << "\n\n" << kReleaseUsage;
            return ExitUsage;
        } else {
            inputs.append(a);
        }
    }
    if (inputs.isEmpty()) {
        ctx.err << "wheelbench release: missing DIR or FILE\n\n" << kReleaseUsage;
        return ExitUsage;
    }
    ReleaseSet set = ReleaseSet::read(inputs);
    std::optional<ReleaseSet> prev;
    if (!previous.isEmpty())
        prev = ReleaseSet::read(previous);
    for (const QString &m : set.missing + (prev ? prev->missing : QStringList()))
        ctx.err << "wheelbench release: " << m << ": no such file or folder\n";
    if (!set.missing.isEmpty() || (prev && !prev->missing.isEmpty()))
        return ExitUsage;
    if (set.isEmpty()) {
        ctx.err << "wheelbench release: no wheel or sdist in " << inputs.join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    if (prev && prev->isEmpty()) {
        ctx.err << "wheelbench release: no wheel or sdist in the previous release " << previous.join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    const ReleaseReport report = ReleaseReport::check(std::move(set), options, std::move(prev));
    if (json)
        ctx.out << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        printText(report, ctx.out);
    return report.refusedOrMissing() ? ExitFindings : ExitOk;
}

} // namespace wb::cli
