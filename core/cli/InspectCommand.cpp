#include "core/binary/PolicySummary.h"
#include "core/cli/CommandRegistry.h"
#include "core/common/Counted.h"
#include "core/wheel/PlatformTag.h"
#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReportJson.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace wb::cli {

namespace {

const char *const kInspectUsage =
    "wheelbench inspect FILE [--json] [--quick]\n"
    "\n"
    "Inspects a wheel without extracting it: file name and tags, WHEEL and METADATA, RECORD (every\n"
    "file's hash and size), sizes, native extensions (format, architecture, debug info, needed\n"
    "libraries, symbol versions, PyInit export) and the manylinux/musllinux policy they really meet.\n"
    "A source distribution (.tar.gz, .tgz, .tar.bz2, .tar.xz, .tar) is listed with its sizes, PKG-INFO,\n"
    "pyproject.toml and Cargo.toml/Cargo.lock presence, and hostile entries.\n"
    "\n"
    "Options:\n"
    "  --json    print the report as JSON (schema_version 1, see docs/inspect.md)\n"
    "  --quick   skip hashing the contents (structure, metadata and binaries only)\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit codes: 0 no error findings, 1 error findings, 2 unreadable file or bad arguments.\n";

QString sizeText(qint64 b)
{
    if (b >= 10 * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(b) / (1024.0 * 1024.0), 0, 'f', 1);
    if (b >= 10 * 1024)
        return QStringLiteral("%1 KiB").arg(double(b) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(b);
}

// The verdict line and one line per finding, as both reports end.
void printVerdict(const QString &verdict, const FindingList &findings, QTextStream &out)
{
    out << "  verdict: " << verdict << '\n';
    for (const Finding &f : findings) {
        out << "  " << Finding::severityName(f.severity) << " [" << f.id << "] ";
        if (!f.path.isEmpty())
            out << f.path << ": ";
        out << f.message << '\n';
    }
}

void printText(const WheelReport &r, QTextStream &out)
{
    out << QFileInfo(r.file).fileName() << '\n';
    out << "  name: " << r.name << "  version: " << r.version;
    if (!r.buildTag.isEmpty())
        out << "  build: " << r.buildTag;
    out << '\n';
    out << "  tags: " << r.tags.join(QStringLiteral(", ")) << '\n';
    for (const QString &p : r.filename.platformTags)
        out << "  platform " << p << ": " << PlatformTag::parse(p).describe() << '\n';
    out << "  size: " << sizeText(r.fileSize) << " (" << sizeText(r.totalSize) << " unpacked, " << r.files.size() << " entries)\n";
    QStringList folders, largest;
    for (const auto &f : r.folderSizes.mid(0, 5))
        folders.append(f.first + QLatin1Char(' ') + sizeText(f.second));
    for (const WheelFileEntry *f : r.largestFiles(3))
        largest.append(f->path + QLatin1Char(' ') + sizeText(f->size));
    if (!folders.isEmpty())
        out << "  folders: " << folders.join(QStringLiteral(", ")) << '\n';
    if (!largest.isEmpty())
        out << "  largest: " << largest.join(QStringLiteral(", ")) << '\n';
    if (r.pyTyped || r.stubFiles > 0)
        out << "  typing: py.typed " << (r.pyTyped ? "yes" : "no") << ", " << r.stubFiles << " .pyi files\n";
    out << "  RECORD: " << (!r.record.present ? QStringLiteral("missing") : r.record.ok ? (r.record.verified ? QStringLiteral("verified") : QStringLiteral("consistent (not hashed)")) : counted(r.record.problems.size(), "problem", "problems")) << '\n';
    if (!r.policy.family.isEmpty())
        out << "  policy: " << r.policy.policy << " (by symbol versions: " << r.policy.symbolPolicy << ")\n";
    for (const ExtensionReport &x : r.extensions) {
        out << "  extension " << x.path << ": " << x.binary.formatName() << ' ' << x.binary.arch()
            << (x.binary.stripped ? ", stripped" : ", not stripped");
        if (x.binary.debugBytes > 0)
            out << ", " << sizeText(x.binary.debugBytes) << " debug info";
        if (!x.policy.family.isEmpty())
            out << ", " << x.policy.policy;
        out << '\n';
        if (x.pythonModule)
            out << "    module: " << x.pyinitExpected << (x.pyinitFound ? " exported" : " MISSING") << ", suffix " << x.suffix
                << (x.abi3 ? ", abi3" : "") << (x.linksLibpython ? ", links libpython" : "") << '\n';
        for (const BinarySlice &s : x.binary.slices) {
            const QString where = x.binary.slices.size() > 1 ? QStringLiteral(" (%1)").arg(s.arch) : QString();
            if (!s.needed.isEmpty())
                out << "    needs" << where << ": " << s.needed.join(QStringLiteral(", ")) << '\n';
            if (!s.minOs.isEmpty())
                out << "    min " << (s.platform.isEmpty() || s.platform == QLatin1String("macos") ? QStringLiteral("macOS") : s.platform) << where
                    << ": " << s.minOs << '\n';
            if (!s.rpaths.isEmpty())
                out << "    RPATH" << where << ": " << s.rpaths.join(QLatin1Char(':')) << '\n';
            if (!s.runpaths.isEmpty())
                out << "    RUNPATH" << where << ": " << s.runpaths.join(QLatin1Char(':')) << '\n';
            for (auto it = s.versionsByLibrary.constBegin(); it != s.versionsByLibrary.constEnd(); ++it)
                out << "    " << it.key() << where << ": " << it.value().join(QLatin1Char(' ')) << '\n';
        }
        // What stands in the way of every better policy, said once (not once per policy).
        if (const QString blocks = PolicyBlockerSummary::of(x.policy).commonSentence(); !blocks.isEmpty())
            out << "    " << blocks << '\n';
        if (!x.abi3NonStableCalls.isEmpty())
            out << "    outside the stable ABI: " << x.abi3NonStableCalls.join(QStringLiteral(", ")) << '\n';
    }
    printVerdict(r.verdict(), r.findings, out);
}

void printSdist(const SdistReport &r, QTextStream &out)
{
    out << QFileInfo(r.file).fileName() << " (source distribution)\n";
    out << "  name: " << r.name << "  version: " << r.version << '\n';
    out << "  size: " << sizeText(r.fileSize) << " (" << sizeText(r.totalSize) << " unpacked, " << r.files.size() << " entries)\n";
    out << "  PKG-INFO: " << (r.hasPkgInfo ? "yes" : "no") << "  pyproject.toml: " << (r.hasPyproject ? "yes" : "no")
        << "  Cargo.toml: " << (r.cargoTomls.isEmpty() ? QStringLiteral("no") : r.cargoTomls.join(QStringLiteral(", ")))
        << "  Cargo.lock: " << (r.cargoLocks.isEmpty() ? QStringLiteral("no") : r.cargoLocks.join(QStringLiteral(", "))) << '\n';
    for (const SdistFileEntry &f : r.files) {
        if (f.kind == QLatin1String("dir"))
            continue;
        out << "    " << qSetFieldWidth(10) << sizeText(f.size) << qSetFieldWidth(0) << "  " << f.path;
        if (!f.linkTarget.isEmpty())
            out << " -> " << f.linkTarget;
        out << '\n';
    }
    printVerdict(r.verdict(), r.findings, out);
}

// JSON text as is (no round trip through UTF-16) where the stream has a device.
void writeJson(const QByteArray &text, CommandContext &ctx)
{
    ctx.out.flush();
    if (QIODevice *device = ctx.out.device())
        device->write(text);
    else
        ctx.out << QString::fromUtf8(text);
}

QByteArray toJsonText(const SdistReport &r)
{
    return QJsonDocument(toJson(r)).toJson(QJsonDocument::Indented);
}

void writeJson(const SdistReport &report, CommandContext &ctx)
{
    writeJson(toJsonText(report), ctx);
}

// Prints a wheel's or an sdist's report (JSON or text) and gives the command's exit code.
void writeJson(const WheelReport &report, CommandContext &ctx)
{
    ctx.out.flush();
    QIODevice *device = ctx.out.device();
    if (!device)
        return writeJson(toJsonText(report), ctx);
    writeJsonText(report, [device](const char *data, size_t size) { device->write(data, qint64(size)); });
}

template <typename Report>
int printReport(const Report &report, bool json, const QString &file, void (*printText)(const Report &, QTextStream &), CommandContext &ctx)
{
    if (json)
        writeJson(report, ctx);
    else
        printText(report, ctx.out);
    if (!report.readable) {
        if (!json)
            ctx.err << "wheelbench inspect: " << file << ": " << report.unreadableReason << '\n';
        return ExitUsage;
    }
    return report.hasErrors() ? ExitFindings : ExitOk;
}

} // namespace

int runInspect(CommandContext &ctx)
{
    bool json = false, quick = false;
    QString file;
    for (const QString &a : ctx.arguments.mid(1)) {
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << kInspectUsage;
            return ExitOk;
        }
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--quick"))
            quick = true;
        else if (a.startsWith(QLatin1Char('-'))) {
            ctx.err << "wheelbench inspect: unknown option " << a << "\n\n" << kInspectUsage;
            return ExitUsage;
        } else if (file.isEmpty())
            file = a;
        else {
            ctx.err << "wheelbench inspect: one FILE only\n";
            return ExitUsage;
        }
    }
    if (file.isEmpty()) {
        ctx.err << "wheelbench inspect: missing FILE\n\n" << kInspectUsage;
        return ExitUsage;
    }
    if (!QFileInfo(file).isFile()) {
        ctx.err << "wheelbench inspect: " << file << ": no such file\n";
        return ExitUsage;
    }
    if (looksLikeSdist(file))
        return printReport(inspectSdist(file), json, file, &printSdist, ctx);
    InspectOptions options;
    options.verifyHashes = !quick;
    options.recordRows = false; // neither the text nor the JSON lists RECORD row by row
    options.leaveStateAtExit = true; // the command ends with the process
    const auto *report = new WheelReport(inspectWheel(file, options)); // likewise released by the process's end
    return printReport(*report, json, file, &printText, ctx);
}

} // namespace wb::cli
