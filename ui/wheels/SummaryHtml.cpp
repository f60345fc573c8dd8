#include "ui/wheels/SummaryHtml.h"

#include "core/binary/PolicySummary.h"
#include "core/common/SizeFormat.h"
#include "core/wheel/PlatformTag.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

#define WB_TR(text) QCoreApplication::translate("wb::ui::WheelsView", text)

namespace wb::ui {

namespace {

QString verdictHtml(const QString &verdict, int errors, int warnings, const QString &note = {})
{
    const QString color = verdict == QLatin1String("ok") ? QStringLiteral("#2e7d32")
        : verdict == QLatin1String("warnings")           ? QStringLiteral("#ef6c00")
                                                         : QStringLiteral("#c62828");
    const QString counts = (errors == 1 ? WB_TR("1 error") : WB_TR("%1 errors").arg(errors)) + QStringLiteral(", ")
        + (warnings == 1 ? WB_TR("1 warning") : WB_TR("%1 warnings").arg(warnings));
    return QStringLiteral("<p><b>%1</b> <span style='color:%2'><b>%3</b></span> — %4%5</p>")
        .arg(WB_TR("Verdict:"), color, verdict, counts,
             note.isEmpty() ? QString() : QStringLiteral(" <i>(%1)</i>").arg(note.toHtmlEscaped()));
}

struct HtmlTable {
    QString html = QStringLiteral("<table cellspacing=4>");
    void row(const QString &key, const QString &value) { html += QStringLiteral("<tr><td valign=top><b>%1</b></td><td>%2</td></tr>").arg(key, value.toHtmlEscaped()); }
    QString done() { return html + QStringLiteral("</table>"); }
};

} // namespace

static QString recordRow(const RecordStatus &record, Verification verification)
{
    if (!record.present)
        return WB_TR("missing");
    if (!record.ok)
        return WB_TR("%1 problems").arg(record.problems.size())
            + (verification == Verification::Running     ? WB_TR("; verifying the contents…")
               : verification == Verification::Cancelled ? WB_TR("; verification cancelled")
                                                         : QString());
    if (verification == Verification::Running)
        return WB_TR("verifying…");
    if (verification == Verification::Cancelled)
        return WB_TR("verification cancelled (structure consistent, contents not hashed)");
    return record.verified ? WB_TR("all hashes and sizes verified") : WB_TR("consistent, not hashed");
}

QString wheelSummaryHtml(const WheelReport &r, Verification verification)
{
    QString html = QStringLiteral("<h2>%1 %2</h2>").arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped());
    const QString note = verification == Verification::Running ? WB_TR("so far; the contents are being verified")
        : verification == Verification::Cancelled             ? WB_TR("contents not verified")
                                                              : QString();
    html += verdictHtml(r.verdict(), r.count(Finding::Severity::Error), r.count(Finding::Severity::Warning), note);
    HtmlTable t;
    t.row(WB_TR("File"), QFileInfo(r.file).fileName());
    if (!r.buildTag.isEmpty())
        t.row(WB_TR("Build tag"), r.buildTag);
    t.row(WB_TR("Tags"), r.tags.join(QStringLiteral(", ")));
    QStringList platforms;
    for (const QString &p : r.filename.platformTags)
        platforms.append(p + QStringLiteral(": ") + PlatformTag::parse(p).describe());
    if (!platforms.isEmpty())
        t.row(WB_TR("Platforms"), platforms.join(QStringLiteral("; ")));
    t.row(WB_TR("Size"), WB_TR("%1 (%2 unpacked, %3 files)").arg(formatSize(r.fileSize), formatSize(r.totalSize)).arg(r.files.size()));
    QStringList folders;
    for (const auto &f : r.folderSizes.mid(0, 4))
        folders.append(QStringLiteral("%1 %2").arg(f.first, formatSize(f.second)));
    if (!folders.isEmpty())
        t.row(WB_TR("Top level"), folders.join(QStringLiteral(", ")));
    QStringList largest;
    for (const WheelFileEntry *f : r.largestFiles(3))
        largest.append(QStringLiteral("%1 %2").arg(f->path, formatSize(f->size)));
    if (!largest.isEmpty())
        t.row(WB_TR("Largest files"), largest.join(QStringLiteral(", ")));
    t.row(WB_TR("RECORD"), recordRow(r.record, verification));
    if (!r.policy.family.isEmpty())
        t.row(WB_TR("Policy"), WB_TR("%1 (symbol versions alone: %2)").arg(r.policy.policy, r.policy.symbolPolicy));
    if (const QString blocks = PolicyBlockerSummary::of(r.policy).commonSentence(); !blocks.isEmpty())
        t.row(WB_TR("Why not better"), blocks);
    t.row(WB_TR("Extensions"), QString::number(r.extensions.size()));
    if (r.pyTyped || r.stubFiles)
        t.row(WB_TR("Typing"), WB_TR("py.typed: %1, .pyi files: %2").arg(r.pyTyped ? WB_TR("yes") : WB_TR("no")).arg(r.stubFiles));
    const QStringList licenseFiles = r.metadata.values(QStringLiteral("License-File"));
    const QString licenseExpression = r.metadata.value(QStringLiteral("License-Expression"));
    if (!licenseExpression.isEmpty() || !licenseFiles.isEmpty())
        t.row(WB_TR("License"), (licenseExpression.isEmpty() ? QString() : licenseExpression + QLatin1Char(' '))
                                 + (licenseFiles.isEmpty() ? QString() : WB_TR("(files: %1)").arg(licenseFiles.join(QStringLiteral(", ")))));
    if (!r.readable)
        t.row(WB_TR("Unreadable"), r.unreadableReason);
    return html + t.done();
}

QString wheelSummaryToolTip(const WheelReport &r)
{
    return WB_TR("File: %1\nUnpacked: %2").arg(exactBytes(r.fileSize), exactBytes(r.totalSize));
}

QString sdistSummaryHtml(const SdistReport &r)
{
    QString html = QStringLiteral("<h2>%1 %2</h2><p>%3</p>").arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped(), WB_TR("Source distribution"));
    html += verdictHtml(r.verdict(), r.count(Finding::Severity::Error), r.count(Finding::Severity::Warning));
    HtmlTable t;
    t.row(WB_TR("File"), QFileInfo(r.file).fileName());
    if (!r.root.isEmpty())
        t.row(WB_TR("Top folder"), r.root + QLatin1Char('/'));
    int files = 0;
    for (const SdistFileEntry &f : r.files)
        files += f.kind == QLatin1String("dir") ? 0 : 1;
    t.row(WB_TR("Size"), WB_TR("%1 (%2 unpacked, %3 files)").arg(formatSize(r.fileSize), formatSize(r.totalSize)).arg(files));
    QList<const SdistFileEntry *> largest;
    for (const SdistFileEntry &f : r.files)
        if (f.kind == QLatin1String("file"))
            largest.append(&f);
    std::sort(largest.begin(), largest.end(), [](const SdistFileEntry *a, const SdistFileEntry *b) { return a->size > b->size; });
    QStringList big;
    for (const SdistFileEntry *f : largest.mid(0, 3))
        big.append(QStringLiteral("%1 %2").arg(f->path, formatSize(f->size)));
    if (!big.isEmpty())
        t.row(WB_TR("Largest files"), big.join(QStringLiteral(", ")));
    t.row(WB_TR("PKG-INFO"), r.hasPkgInfo ? WB_TR("Metadata-Version %1").arg(r.pkgInfo.value(QStringLiteral("Metadata-Version"))) : WB_TR("missing"));
    const QString requiresPython = r.pkgInfo.value(QStringLiteral("Requires-Python"));
    if (!requiresPython.isEmpty())
        t.row(WB_TR("Requires-Python"), requiresPython);
    t.row(WB_TR("pyproject.toml"), r.hasPyproject ? WB_TR("yes") : WB_TR("no"));
    t.row(WB_TR("Cargo.toml"), r.cargoTomls.isEmpty() ? WB_TR("none") : r.cargoTomls.join(QStringLiteral(", ")));
    t.row(WB_TR("Cargo.lock"), r.cargoLocks.isEmpty() ? WB_TR("none") : r.cargoLocks.join(QStringLiteral(", ")));
    if (!r.readable)
        t.row(WB_TR("Unreadable"), r.unreadableReason);
    return html + t.done();
}

QString sdistSummaryToolTip(const SdistReport &r)
{
    return WB_TR("File: %1\nUnpacked: %2").arg(exactBytes(r.fileSize), exactBytes(r.totalSize));
}

} // namespace wb::ui
