#include "ui/wheels/WheelCompareView.h"

#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {

QString sizeOrDash(qint64 b)
{
    return b < 0 ? QStringLiteral("—") : formatSize(b);
}

// A row of the changes tree: elided text, the full text (or the exact bytes) in tooltips.
QTreeWidgetItem *changeRow(QTreeWidgetItem *parent, const QStringList &cells, const QStringList &tips, bool sizes = false)
{
    auto *item = new QTreeWidgetItem(parent, cells);
    for (int c = 0; c < cells.size(); ++c)
        item->setToolTip(c, readableToolTip(c < tips.size() && !tips.at(c).isEmpty() ? tips.at(c) : cells.at(c)));
    for (int c = 1; sizes && c < 4; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

WheelCompareView::WheelCompareView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Compare with:"), this));
    m_other = new QComboBox(this);
    m_other->setObjectName(QStringLiteral("compareWith"));
    m_other->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row->addWidget(m_other, 1);
    layout->addLayout(row);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(QStringLiteral("compareChanges"));
    m_changes->setHeaderLabels({tr("What"), tr("A"), tr("B"), tr("Change")});
    makeColumnsResizable(m_changes->header());
    m_changes->header()->resizeSection(0, 380);
    m_changes->setUniformRowHeights(true);
    m_changes->setItemDelegateForColumn(0, new ElideDelegate(Qt::ElideMiddle, m_changes));
    layout->addWidget(m_changes, 1);

    m_watcher = new QFutureWatcher<WheelComparisonResult>(this);
    connect(m_watcher, &QFutureWatcher<WheelComparisonResult>::finished, this, [this] {
        const WheelComparisonResult r = m_watcher->result();
        if (r.b != m_pending || r.a != m_a.file)
            return; // superseded
        showResult(r);
        Q_EMIT comparisonReady(r.b);
    });
    connect(m_other, &QComboBox::activated, this, [this](int index) {
        const QString path = m_other->itemData(index).toString();
        if (!path.isEmpty())
            compareWith(path);
    });
    setBase({});
}

WheelCompareView::~WheelCompareView()
{
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
}

void WheelCompareView::setBase(const WheelReport &a)
{
    m_a = a;
    m_pending.clear();
    m_result = {};
    m_changes->clear();
    m_summary->setText(a.file.isEmpty() ? tr("Open two wheels to compare them.")
                                        : tr("Choose another wheel of the list to compare %1 with.").arg(QFileInfo(a.file).fileName()));
    m_other->setCurrentIndex(0);
}

void WheelCompareView::updateBase(const WheelReport &a)
{
    if (a.file != m_a.file) {
        setBase(a);
        return;
    }
    m_a = a;
    const QString other = !m_pending.isEmpty() ? m_pending : m_result.b;
    if (!other.isEmpty())
        compareWith(other);
}

void WheelCompareView::setCandidates(const QStringList &paths)
{
    const QString chosen = m_other->currentData().toString();
    m_other->clear();
    m_other->addItem(tr("Choose a wheel…"), QString());
    for (const QString &p : paths)
        if (p != m_a.file && p.endsWith(QLatin1String(".whl"), Qt::CaseInsensitive))
            m_other->addItem(QFileInfo(p).fileName(), p);
    const int again = m_other->findData(chosen);
    m_other->setCurrentIndex(again > 0 ? again : 0);
}

void WheelCompareView::compareWith(const QString &path)
{
    if (m_a.file.isEmpty())
        return;
    m_pending = path;
    const int index = m_other->findData(path);
    if (index > 0)
        m_other->setCurrentIndex(index);
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_changes->clear();
    m_watcher->setFuture(QtConcurrent::run([a = m_a, path] {
        WheelComparisonResult r;
        r.a = a.file;
        r.b = path;
        const WheelReport b = inspectWheel(path);
        r.readable = b.readable;
        r.error = b.unreadableReason;
        if (b.readable)
            r.comparison = WheelComparison::compare(a, b);
        return r;
    }));
}

QString WheelCompareView::summaryText() const
{
    return m_summary->text();
}

void WheelCompareView::showResult(const WheelComparisonResult &r)
{
    m_result = r;
    m_changes->clear();
    const QString a = QFileInfo(r.a).fileName(), b = QFileInfo(r.b).fileName();
    if (!r.readable) {
        m_summary->setText(tr("%1 cannot be read: %2").arg(b, r.error));
        return;
    }
    const WheelComparison &c = r.comparison;
    QString text = tr("A: %1\nB: %2\n%3 added, %4 removed, %5 changed; unpacked size %6, file size %7")
                       .arg(a, b)
                       .arg(c.added.size())
                       .arg(c.removed.size())
                       .arg(c.changed.size())
                       .arg(formatSizeDelta(c.sizeDelta), formatSizeDelta(c.fileSizeDelta));
    if (c.policyA != c.policyB)
        text += tr("; policy %1 → %2").arg(c.policyA.isEmpty() ? QStringLiteral("—") : c.policyA, c.policyB.isEmpty() ? QStringLiteral("—") : c.policyB);
    if (c.identicalContents())
        text += tr("; same contents");
    for (const auto &r : c.renamedFolders)
        text += tr("\nRenamed: %1 → %2").arg(r.first, r.second);
    m_summary->setText(text);
    m_summary->setToolTip(tr("Unpacked size: %1\nFile size: %2").arg(exactBytesDelta(c.sizeDelta), exactBytesDelta(c.fileSizeDelta)));

    auto group = [this](const QString &title, qsizetype n) {
        auto *g = new QTreeWidgetItem(m_changes, {QStringLiteral("%1 (%2)").arg(title).arg(n)});
        g->setFirstColumnSpanned(true);
        return g;
    };
    auto files = [&](const QString &title, const QList<WheelComparison::Change> &list) {
        if (list.isEmpty())
            return;
        QTreeWidgetItem *g = group(title, list.size());
        for (const WheelComparison::Change &ch : list) {
            const bool both = ch.sizeA >= 0 && ch.sizeB >= 0;
            const QString what = ch.pathB.isEmpty() ? ch.path : tr("%1 → %2").arg(ch.path, ch.pathB);
            QString delta = both ? formatSizeDelta(ch.sizeB - ch.sizeA) : QString();
            if (!ch.pathB.isEmpty() && !ch.contentChanged)
                delta = tr("moved");
            changeRow(g, {what, sizeOrDash(ch.sizeA), sizeOrDash(ch.sizeB), delta},
                      {what, ch.sizeA >= 0 ? exactBytes(ch.sizeA) : QString(), ch.sizeB >= 0 ? exactBytes(ch.sizeB) : QString(),
                       both ? exactBytesDelta(ch.sizeB - ch.sizeA) : QString()},
                      true);
        }
    };
    files(tr("Added"), c.added);
    files(tr("Removed"), c.removed);
    files(tr("Changed"), c.changed);
    if (!c.tagsAdded.isEmpty() || !c.tagsRemoved.isEmpty()) {
        QTreeWidgetItem *g = group(tr("Tags"), c.tagsAdded.size() + c.tagsRemoved.size());
        for (const QString &t : c.tagsRemoved)
            changeRow(g, {t, tr("yes"), tr("no"), tr("removed")}, {});
        for (const QString &t : c.tagsAdded)
            changeRow(g, {t, tr("no"), tr("yes"), tr("added")}, {});
    }
    if (!c.metadataChanges.isEmpty()) {
        QTreeWidgetItem *g = group(tr("Metadata"), c.metadataChanges.size());
        for (const auto &m : c.metadataChanges)
            changeRow(g, {m.first, m.second.first, m.second.second, QString()}, {});
    }
    m_changes->expandAll();
}

} // namespace wb::ui
