#include "core/cli/CommandRegistry.h"
#include "core/wheel/WheelComparison.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace wb::cli {

namespace {

const char *const kCompareUsage =
    "wheelbench compare A B [--json]\n"
    "\n"
    "Compares two wheels: files added, removed and changed (by hash), size deltas, tag and metadata\n"
    "changes, and the manylinux/musllinux policy of each.\n"
    "\n"
    "Options:\n"
    "  --json      print the comparison as JSON (schema_version 1, see docs/inspect.md)\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit codes: 0 compared, 2 a wheel is unreadable or bad arguments.\n";

} // namespace

int runCompare(CommandContext &ctx)
{
    bool json = false;
    QStringList files;
    for (const QString &a : ctx.arguments.mid(1)) {
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << kCompareUsage;
            return ExitOk;
        }
        if (a == QLatin1String("--json"))
            json = true;
        else if (a.startsWith(QLatin1Char('-'))) {
            ctx.err << "wheelbench compare: unknown option " << a << "\n\n" << kCompareUsage;
            return ExitUsage;
        } else
            files.append(a);
    }
    if (files.size() != 2) {
        ctx.err << "wheelbench compare: needs exactly two wheels\n\n" << kCompareUsage;
        return ExitUsage;
    }
    QList<WheelReport> reports;
    for (const QString &f : std::as_const(files)) {
        if (!QFileInfo(f).isFile()) {
            ctx.err << "wheelbench compare: " << f << ": no such file\n";
            return ExitUsage;
        }
        reports.append(inspectWheel(f));
        if (!reports.last().readable) {
            ctx.err << "wheelbench compare: " << f << ": " << reports.last().unreadableReason << '\n';
            return ExitUsage;
        }
    }
    const WheelComparison c = WheelComparison::compare(reports.at(0), reports.at(1));
    if (json) {
        ctx.out << QString::fromUtf8(QJsonDocument(c.toJson(reports.at(0), reports.at(1))).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    ctx.out << "A: " << files.at(0) << "\nB: " << files.at(1) << '\n';
    for (const auto &ch : c.added)
        ctx.out << "  + " << ch.path << " (" << ch.sizeB << " B)\n";
    for (const auto &ch : c.removed)
        ctx.out << "  - " << ch.path << " (" << ch.sizeA << " B)\n";
    for (const auto &r : c.renamedFolders)
        ctx.out << "  renamed: " << r.first << " -> " << r.second << '\n';
    for (const auto &ch : c.changed)
        ctx.out << "  ~ " << (ch.pathB.isEmpty() ? ch.path : ch.path + QStringLiteral(" -> ") + ch.pathB) << " (" << ch.sizeA << " -> " << ch.sizeB << " B)\n";
    for (const QString &t : c.tagsAdded)
        ctx.out << "  tag added: " << t << '\n';
    for (const QString &t : c.tagsRemoved)
        ctx.out << "  tag removed: " << t << '\n';
    for (const auto &m : c.metadataChanges)
        ctx.out << "  metadata " << m.first << ": '" << m.second.first << "' -> '" << m.second.second << "'\n";
    ctx.out << "  unpacked size delta: " << c.sizeDelta << " B, file size delta: " << c.fileSizeDelta << " B\n";
    if (c.policyA != c.policyB)
        ctx.out << "  policy: " << (c.policyA.isEmpty() ? QStringLiteral("-") : c.policyA) << " -> "
                << (c.policyB.isEmpty() ? QStringLiteral("-") : c.policyB) << '\n';
    if (c.identicalContents())
        ctx.out << "  same contents\n";
    return ExitOk;
}

} // namespace wb::cli
