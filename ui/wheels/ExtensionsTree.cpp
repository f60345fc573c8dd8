#include "ui/wheels/ExtensionsTree.h"

#include "core/binary/Demangle.h"
#include "core/binary/PolicySummary.h"
#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QCoreApplication>
#include <QHeaderView>

#include <algorithm>

namespace wb::ui {

namespace {

// "a, b, c, +N more" with names demangled.
QString someSymbols(const QStringList &symbols, int n)
{
    QStringList shown = demangleSymbols(symbols.mid(0, n));
    if (symbols.size() > n)
        shown.append(QCoreApplication::translate("wb::ui::ExtensionsTree", "+%1 more").arg(symbols.size() - n));
    return shown.join(QStringLiteral(", "));
}

// Blockers in full, each with its symbols demangled and the mangled names beneath.
QString blockersToolTip(const QString &title, const QList<PolicyBlocker> &blockers)
{
    QString html = QStringLiteral("<qt><b>%1</b>").arg(title.toHtmlEscaped());
    // At most about 30 lines: a tooltip must fit on the screen.
    const int perBlocker = std::max(1, 24 / int(std::max<qsizetype>(1, blockers.size())) - 1);
    for (const PolicyBlocker &b : blockers.mid(0, 12)) {
        html += QStringLiteral("<br>• %1").arg(blockerText(b, 0).toHtmlEscaped());
        html += symbolLines(b.symbols, perBlocker);
    }
    if (blockers.size() > 12)
        html += QStringLiteral("<br><i>%1</i>").arg(QCoreApplication::translate("wb::ui::ExtensionsTree", "+%1 more").arg(blockers.size() - 12));
    return html + QStringLiteral("</qt>");
}

} // namespace

ExtensionsTree::ExtensionsTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderLabels({tr("Extension"), tr("Value")});
    makeColumnsResizable(header());
    header()->resizeSection(0, 220);
    setItemDelegateForColumn(0, new ElideDelegate(Qt::ElideMiddle, this));
    setItemDelegateForColumn(1, new ElideDelegate(Qt::ElideRight, this));
    setUniformRowHeights(true);
    setWordWrap(false);
}

QTreeWidgetItem *ExtensionsTree::addRow(QTreeWidgetItem *group, const QString &what, const QString &value, const QString &toolTip)
{
    auto *item = new QTreeWidgetItem(group, {what, value});
    item->setToolTip(0, readableToolTip(what));
    item->setToolTip(1, toolTip.isEmpty() ? readableToolTip(value) : toolTip);
    return item;
}

void ExtensionsTree::setExtensions(const QList<ExtensionReport> &extensions)
{
    clear();
    if (extensions.isEmpty()) {
        auto *none = new QTreeWidgetItem(this, {tr("No native files: a pure Python wheel.")});
        none->setFirstColumnSpanned(true);
        none->setToolTip(0, readableToolTip(none->text(0)));
        none->setFlags(Qt::ItemIsEnabled);
        return;
    }
    for (const ExtensionReport &e : extensions) {
        auto *group = new QTreeWidgetItem(this, {e.path});
        group->setFirstColumnSpanned(true);
        group->setToolTip(0, readableToolTip(e.path));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        addRow(group, tr("Format"), e.binary.formatName() + QLatin1Char(' ') + e.binary.arch());
        if (!e.suffix.isEmpty())
            addRow(group, tr("Suffix"), e.suffix);
        addRow(group, tr("Stripped"), e.binary.stripped ? tr("yes") : tr("no"));
        addRow(group, tr("Debug info"),
               tr("%1 (size after strip %2 of %3)").arg(formatSize(e.binary.debugBytes), formatSize(e.sizeAfterStrip), formatSize(e.binary.fileSize)),
               readableToolTip(tr("Debug info: %1\nAfter strip: %2\nFile: %3")
                                   .arg(exactBytes(e.binary.debugBytes), exactBytes(e.sizeAfterStrip), exactBytes(e.binary.fileSize))));
        if (e.pythonModule)
            addRow(group, tr("Init symbol"), e.pyinitExpected + (e.pyinitFound ? tr(" — found") : tr(" — MISSING")));
        const QStringList exports = e.binary.allExports();
        if (!exports.isEmpty())
            addRow(group, tr("Exports"), someSymbols(exports, 20), symbolsToolTip(tr("Exports"), exports));
        addRow(group, tr("abi3"), e.abi3 ? tr("yes") : tr("no"));
        if (!e.abi3NonStableCalls.isEmpty())
            addRow(group, tr("Calls outside the stable ABI"), e.abi3NonStableCalls.join(QStringLiteral(", ")));
        addRow(group, tr("Links libpython"), e.linksLibpython ? tr("yes") : tr("no"));
        addSliceRows(group, e);
        addPolicyRows(group, e);
    }
    expandAll();
}

void ExtensionsTree::addSliceRows(QTreeWidgetItem *group, const ExtensionReport &e)
{
    for (const BinarySlice &s : e.binary.slices) {
        const QString where = e.binary.slices.size() > 1 ? QStringLiteral(" (%1)").arg(s.arch) : QString();
        addRow(group, tr("Needs") + where, s.needed.isEmpty() ? tr("nothing") : s.needed.join(QStringLiteral(", ")));
        if (!s.minOs.isEmpty())
            addRow(group, s.platform.isEmpty() || s.platform == QLatin1String("macos") ? tr("Min macOS") + where : tr("Min %1").arg(s.platform) + where, s.minOs);
        if (!s.rpaths.isEmpty())
            addRow(group, tr("RPATH") + where, s.rpaths.join(QLatin1Char(':')));
        if (!s.runpaths.isEmpty())
            addRow(group, tr("RUNPATH") + where, s.runpaths.join(QLatin1Char(':')));
        for (auto it = s.versionsByLibrary.constBegin(); it != s.versionsByLibrary.constEnd(); ++it) {
            QStringList versions;
            QString tip = QStringLiteral("<qt><b>%1</b>").arg(QString(it.key() + where).toHtmlEscaped());
            // About 30 lines at most, shared by the versions.
            const int perVersion = std::max(1, 30 / int(std::max<qsizetype>(1, it.value().size())) - 1);
            for (const QString &v : it.value()) {
                const QStringList symbols = s.symbolsByVersion.value(it.key() + QLatin1Char(' ') + v);
                versions.append(symbols.isEmpty() ? v : QStringLiteral("%1 (%2)").arg(v, someSymbols(symbols, 3)));
                tip += QStringLiteral("<br><b>%1</b>").arg(v.toHtmlEscaped()) + symbolLines(symbols, perVersion);
            }
            addRow(group, it.key() + where, versions.join(QStringLiteral("; ")), tip + QStringLiteral("</qt>"));
        }
        for (auto it = s.importsByLibrary.constBegin(); it != s.importsByLibrary.constEnd(); ++it)
            if (it.key().startsWith(QLatin1String("python"), Qt::CaseInsensitive) || it.key().startsWith(QLatin1String("libpython"), Qt::CaseInsensitive))
                addRow(group, tr("Imports from %1").arg(it.key()), tr("%1 names").arg(it.value().size()),
                       symbolsToolTip(tr("Imports from %1").arg(it.key()), it.value()));
    }
}

void ExtensionsTree::addPolicyRows(QTreeWidgetItem *group, const ExtensionReport &e)
{
    if (e.policy.family.isEmpty())
        return;
    addRow(group, tr("Policy"), e.policy.policy);
    // What stands in the way of every better policy is said once, then each policy's own blockers.
    const PolicyBlockerSummary summary = PolicyBlockerSummary::of(e.policy);
    if (!summary.common.isEmpty())
        addRow(group, tr("Why not better"), summary.commonSentence(), blockersToolTip(tr("Blocks %1").arg(summary.commonScope), summary.common));
    for (const PolicyCheck &c : summary.perPolicy) {
        QStringList why;
        for (const PolicyBlocker &b : c.blockers)
            if (why.size() < 4)
                why.append(blockerText(b, 3));
        if (c.blockers.size() > 4)
            why.append(tr("%1 more").arg(c.blockers.size() - 4));
        addRow(group, tr("for %1").arg(c.policy), why.join(QStringLiteral("; ")), blockersToolTip(tr("In the way of %1").arg(c.policy), c.blockers));
    }
    if (!summary.otherArchitecture.isEmpty())
        addRow(group, tr("Not for %1").arg(e.binary.arch()), summary.otherArchitecture.join(QStringLiteral(", ")),
               readableToolTip(tr("These policies do not cover %1:\n%2").arg(e.binary.arch(), summary.otherArchitecture.join(QLatin1Char('\n')))));
}

QString ExtensionsTree::plainText() const
{
    QStringList lines;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *g = topLevelItem(i);
        lines.append(g->text(0));
        for (int j = 0; j < g->childCount(); ++j)
            lines.append(QStringLiteral("  %1: %2").arg(g->child(j)->text(0), g->child(j)->text(1)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace wb::ui
