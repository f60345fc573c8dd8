#include "ui/wheels/WheelsView.h"

#include "ui/wheels/RepairPreviewView.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/PlaceholderPage.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/ExtensionsTree.h"
#include "ui/wheels/FilesPage.h"
#include "ui/wheels/FindingsTree.h"
#include "ui/wheels/ItemText.h"
#include "ui/wheels/MetadataTable.h"
#include "ui/wheels/RecordPage.h"
#include "ui/wheels/SizeMapPage.h"
#include "ui/wheels/SummaryHtml.h"
#include "ui/wheels/WheelCompareView.h"
#include "ui/wheels/WheelsProbe.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace wb::ui {

namespace {

} // namespace

WheelsView::WheelsView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);
    m_placeholder = new PlaceholderPage(themedIcon("package-x-generic", QStyle::SP_FileIcon), m_pages);
    m_placeholder->setObjectName(QStringLiteral("wheelsPlaceholder"));
    m_placeholder->setTitle(tr("No wheel open"));
    m_pages->addWidget(m_placeholder);
    auto *split = new QSplitter(m_pages);
    m_content = split;
    m_pages->addWidget(split);
    split->addWidget(makeList());

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    m_verifyBar = new VerificationBar(right);
    rightLayout->addWidget(m_verifyBar);
    m_unreadable = new MessageBanner(right);
    m_unreadable->setObjectName(QStringLiteral("unreadableBanner"));
    connect(m_unreadable->addAction(QStringLiteral("close"), tr("Close File")), &QPushButton::clicked, this, [this] {
        if (!m_current.file.isEmpty())
            closeWheel(m_current.file);
    });
    m_unreadable->hide();
    rightLayout->addWidget(m_unreadable);
    m_tabs = new QTabWidget(right);
    rightLayout->addWidget(m_tabs, 1);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    split->setSizes({300, 900});

    m_summary = new QLabel(m_tabs);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(8);
    m_tabs->addTab(m_summary, tr("Summary"));
    m_filesPage = new FilesPage(m_tabs);
    m_tabs->addTab(m_filesPage, tr("Files"));
    m_metadata = new MetadataTable(m_tabs);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_record = new RecordPage(m_tabs);
    m_record->setObjectName(QStringLiteral("record"));
    m_tabs->addTab(m_record, tr("RECORD"));
    m_extensions = new ExtensionsTree(m_tabs);
    m_extensions->setObjectName(QStringLiteral("extensions"));
    m_tabs->addTab(m_extensions, tr("Extensions"));
    m_sizeMap = new SizeMapPage(m_tabs);
    m_tabs->addTab(m_sizeMap, tr("Size map"));
    m_findings = new FindingsTree(m_tabs);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_tabs->addTab(m_findings, tr("Findings"));
    m_repair = new RepairPreviewView(m_tabs);
    m_tabs->addTab(m_repair, tr("Repair"));
    m_compare = new WheelCompareView(m_tabs);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_tabs->addTab(m_compare, tr("Compare"));

    // A finding about one member shows that member in Files (double-click or Enter).
    connect(m_findings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item ? item->text(2) : QString();
        if (!path.isEmpty() && m_filesPage->reveal(path))
            m_tabs->setCurrentWidget(m_filesPage);
    });
    m_record->setVerifyAgainAction(m_verifyBar->verifyAgainAction());
    m_inspection = new WheelInspection(this);
    connect(m_inspection, &WheelInspection::summaryReady, this, &WheelsView::onSummaryReady);
    connect(m_inspection, &WheelInspection::finished, this, &WheelsView::onFinished);
    connect(m_inspection, &WheelInspection::cancelled, this, &WheelsView::onCancelled);
    connect(m_inspection, &WheelInspection::progress, m_verifyBar, &VerificationBar::setProgress);
    connect(m_verifyBar->cancelAction(), &QAction::triggered, this, &WheelsView::cancelVerification);
    connect(m_verifyBar->verifyAgainAction(), &QAction::triggered, this, &WheelsView::verifyAgain);
    // The RECORD page has its own Verify Again beside "verification cancelled": one button on screen.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { m_verifyBar->setVerifyAgainShown(m_tabs->currentWidget() != m_record); });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_closeAction->setEnabled(item != nullptr);
        if (item)
            inspect(item->data(Qt::UserRole).toString());
    });
    connectWorkspace();
    showEmpty();
    WheelsProbe::installIfRequested(this);
}

QWidget *WheelsView::makeList()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("wheelList"));
    // Whole names, shortened in the middle so that the tags at the end stay visible.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setWordWrap(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *elide = new ElideDelegate(Qt::ElideMiddle, m_list);
    elide->setFitToView(true);
    m_list->setItemDelegate(elide);
    m_list->setMinimumWidth(160);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    m_closeAction = makeAction(this, themedIcon("document-close", QStyle::SP_DialogCloseButton), tr("Close"), QStringLiteral("closeWheel"),
                               tr("Remove the selected file from the list"), {QKeySequence(QKeySequence::Delete)});
    m_closeAction->setShortcutContext(Qt::WidgetShortcut);
    m_closeAction->setEnabled(false);
    m_list->addAction(m_closeAction);
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            closeWheel(item->data(Qt::UserRole).toString());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_list->itemAt(pos);
        if (!item)
            return;
        m_list->setCurrentItem(item);
        QMenu menu(this);
        menu.addAction(m_closeAction);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    return m_list;
}

void WheelsView::setEmptyActions(const QList<QAction *> &actions)
{
    m_placeholder->setActions(actions);
}

void WheelsView::updatePlaceholderText()
{
    const QString project = m_workspace ? m_workspace->projectDir() : QString();
    const QString what = tr("Open a wheel (.whl) or a source distribution (.tar.gz), or drop one on the window, to see its tags, "
                            "metadata, verified RECORD, sizes and native extensions.");
    if (project.isEmpty())
        m_placeholder->setText(what);
    else
        m_placeholder->setText(tr("%1 has no built wheel yet: Build puts its wheel in target/wheels, and it is listed here.\n%2")
                                   .arg(QDir(project).dirName(), what));
}

void WheelsView::connectWorkspace()
{
    if (!m_workspace)
        return;
    connect(m_workspace, &Workspace::wheelOpened, this, [this](const QString &p) { addWheel(p, true); });
    connect(m_workspace, &Workspace::sdistOpened, this, [this](const QString &p) { addWheel(p, true); });
    connect(m_workspace, &Workspace::wheelClosed, this, &WheelsView::removeFromList);
    connect(m_workspace, &Workspace::projectOpened, this, &WheelsView::onProjectOpened);
    connect(m_workspace, &Workspace::buildFinished, this, [this](bool, const QString &, const QStringList &artifacts) {
        for (const QString &a : artifacts)
            if (Workspace::isWheelPath(a) || Workspace::isSdistPath(a))
                addWheel(a, false);
    });
}

WheelsView::~WheelsView()
{
    // Closing while verifying: cancel, wait for the worker (it stops after the member it reads), drop the rest.
    m_inspection->disconnect(this);
    delete m_inspection;
}

void WheelsView::addWheel(const QString &path, bool select)
{
    const QString abs = QDir::cleanPath(QFileInfo(path).absoluteFilePath());   // as the workspace names it
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == abs) {
            if (select)
                m_list->setCurrentRow(i);
            return;
        }
    }
    const QString name = QFileInfo(abs).fileName();
    auto *item = new QListWidgetItem(name, m_list);
    item->setData(Qt::UserRole, abs);
    item->setToolTip(readableToolTip(Workspace::isSdistPath(abs) ? tr("%1\n%2 (source distribution)").arg(name, QDir::toNativeSeparators(abs))
                                                                 : tr("%1\n%2").arg(name, QDir::toNativeSeparators(abs))));
    m_compare->setCandidates(wheelPaths());
    if (select || m_list->count() == 1)
        m_list->setCurrentItem(item);
}

QStringList WheelsView::wheelPaths() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->data(Qt::UserRole).toString());
    return out;
}

void WheelsView::closeWheel(const QString &path)
{
    if (m_workspace)
        m_workspace->closeWheel(path);   // says wheelClosed, which removes it here
    else
        removeFromList(path);
}

void WheelsView::removeFromList(const QString &path)
{
    const QString abs = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    int row = -1;
    for (int i = 0; i < m_list->count() && row < 0; ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == abs)
            row = i;
    if (row < 0)
        return;
    const bool wasCurrent = m_list->currentRow() == row;
    {
        const QSignalBlocker block(m_list);
        delete m_list->takeItem(row);
    }
    m_compare->setCandidates(wheelPaths());
    if (m_list->count() == 0) {
        m_closeAction->setEnabled(false);
        showEmpty();
        return;
    }
    if (wasCurrent) {
        // The next one, or the new last. Taking the item may already have moved the current row
        // there (with signals blocked), so it is read here rather than on currentItemChanged.
        {
            const QSignalBlocker block(m_list);
            m_list->setCurrentRow(std::min(row, m_list->count() - 1));
        }
        m_closeAction->setEnabled(true);
        inspect(m_list->currentItem()->data(Qt::UserRole).toString());
    }
}

void WheelsView::showEmpty()
{
    ++m_tablesToken;
    m_tablesPending = false;
    m_inspection->stop();
    setVerification(Verification::None);
    m_pending.clear();
    m_current = {};
    m_unreadable->hide();
    m_summary->clear();
    m_summary->setToolTip({});
    m_filesPage->clear();
    m_metadata->setRowCount(0);
    m_record->clear();
    m_extensions->clear();
    m_findings->clear();
    m_tabs->setTabText(m_tabs->indexOf(m_findings), tr("Findings"));
    m_compare->setBase({});
    m_compare->setCandidates(wheelPaths());
    m_sizeMap->clear();
    m_tabs->setCurrentWidget(m_summary);
    updatePlaceholderText();
    m_pages->setCurrentWidget(m_placeholder);
}

void WheelsView::onProjectOpened(const QString &dir)
{
    // maturin writes wheels and sdists to target/wheels unless told otherwise.
    const QDir wheels(dir + QStringLiteral("/target/wheels"));
    const QStringList patterns = {QStringLiteral("*.whl"), QStringLiteral("*.tar.gz")};
    for (const QFileInfo &fi : wheels.entryInfoList(patterns, QDir::Files, QDir::Time))
        addWheel(fi.absoluteFilePath(), false);
    updatePlaceholderText();
}

void WheelsView::inspect(const QString &path)
{
    m_pages->setCurrentWidget(m_content);
    m_pending = path;
    setVerification(Verification::None);
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    Q_EMIT opening(path);
    m_inspection->open(path);
}

void WheelsView::setVerification(Verification verification)
{
    const bool changed = verification != m_verification;
    m_verification = verification;
    if (verification == Verification::None)
        m_verifyBar->clear();
    if (changed)
        Q_EMIT verificationChanged();
}

void WheelsView::onSummaryReady(const InspectedFile &quick)
{
    if (quick.file != m_pending)
        return; // a newer selection is on its way, or the file was closed
    const bool verifies = quick.wheel.readable;
    if (verifies) {
        m_verifyClock.start();
        m_verifyBar->start(QFileInfo(quick.file).fileName());
    }
    setVerification(verifies ? Verification::Running : Verification::None);
    showResult(quick, true);
    Q_EMIT summaryShown(quick.file);
}

void WheelsView::onFinished(const InspectedFile &result)
{
    if (result.file != m_pending)
        return;
    // The same archive as the quick report's (not rewritten on disk meanwhile): replaced in place.
    const bool sameArchive = !result.isSdist && result.wheel.readable && !m_current.isSdist && m_current.file == result.file
        && m_current.wheel.fileSize == result.wheel.fileSize && m_current.wheel.files.size() == result.wheel.files.size()
        && m_current.wheel.totalSize == result.wheel.totalSize;
    if (!result.isSdist && result.wheel.readable && m_verification == Verification::Running) {
        int problems = 0;
        for (const RecordEntry &e : result.wheel.record.entries)
            problems += e.isProblem() ? 1 : 0;
        m_verifyBar->finish(problems, result.wheel.archiveCheckFailures(), m_verifyClock.elapsed());
        setVerification(Verification::Finished);
    } else {
        setVerification(Verification::None);
    }
    if (sameArchive)
        applyVerified(result);
    else
        showResult(result);
    Q_EMIT reportReady(result.file);
}

void WheelsView::onCancelled(const QString &path)
{
    if (path != m_pending)
        return;
    m_verifyBar->setCancelled();
    setVerification(Verification::Cancelled);
    m_summary->setText(wheelSummaryHtml(m_current.wheel, Verification::Cancelled));
    m_record->setVerification(Verification::Cancelled);
    Q_EMIT verificationCancelled(path);
}

void WheelsView::cancelVerification()
{
    if (isVerifying())
        m_inspection->cancel();   // says cancelled(), now
}

void WheelsView::verifyAgain()
{
    if (m_current.isSdist || !m_current.wheel.readable || m_current.file != m_pending || isVerifying())
        return;
    m_verifyClock.start();
    m_verifyBar->start(QFileInfo(m_current.file).fileName());
    setVerification(Verification::Running);
    m_summary->setText(wheelSummaryHtml(m_current.wheel, Verification::Running));
    m_record->setVerification(Verification::Running);
    m_inspection->verifyAgain();
}

QString WheelsView::summaryText() const
{
    return m_summary->text();
}

void WheelsView::showResult(const InspectedFile &result, bool tablesLater)
{
    m_current = result;
    ++m_tablesToken;   // a fill still scheduled for an earlier report is dropped
    showReadable(result);
    m_tabs->setTabVisible(m_tabs->indexOf(m_record), !result.isSdist);
    m_tabs->setTabVisible(m_tabs->indexOf(m_extensions), !result.isSdist);
    m_tabs->setTabVisible(m_tabs->indexOf(m_compare), !result.isSdist);
    m_compare->setBase(result.isSdist || !result.wheel.readable ? WheelReport{} : result.wheel);
    m_compare->setCandidates(wheelPaths());
    if (result.isSdist)
        showSdist(result.sdist);
    else
        showWheel(result.wheel);
    if (!tablesLater) {
        fillTables();
        return;
    }
    // The big tables (Files, RECORD, the size map) right after the summary's paint, which comes first:
    // the update request is already queued when this is.
    m_tablesPending = true;
    QTimer::singleShot(0, this, [this, token = m_tablesToken] {
        if (token == m_tablesToken && m_tablesPending)
            fillTables();
    });
}

// An unreadable file gets an error bar above the tabs: what is wrong, and the way out.
void WheelsView::showReadable(const InspectedFile &result)
{
    const bool readable = result.isSdist ? result.sdist.readable : result.wheel.readable;
    if (readable) {
        m_unreadable->hide();
        return;
    }
    const QString reason = result.isSdist ? result.sdist.unreadableReason : result.wheel.unreadableReason;
    m_unreadable->showMessage(MessageBanner::Kind::Error,
                              tr("%1 cannot be read: %2. Only what its name says is shown; a download that stopped early "
                                 "or a file that is not a %3 looks like this.")
                                  .arg(QFileInfo(result.file).fileName(), reason,
                                       result.isSdist ? tr("source distribution") : tr("wheel")));
}

void WheelsView::fillTables()
{
    m_tablesPending = false;
    if (m_current.isSdist) {
        m_filesPage->showSdist(m_current.sdist);
        m_record->clear();
        m_sizeMap->setSdist(m_current.sdist);
        return;
    }
    const WheelReport &r = m_current.wheel;
    m_filesPage->showWheel(r);
    m_record->setRecord(r.record, m_verification == Verification::None ? Verification::Finished : m_verification);
    m_sizeMap->setWheel(r);
}

void WheelsView::applyVerified(const InspectedFile &result)
{
    // The same archive read again with its contents hashed: the files, metadata, extensions and size
    // map are those of the quick report, so their views stay as the user left them; RECORD's rows
    // change in place; the summary and the findings take the full report's verdict.
    m_current = result;
    if (m_tablesPending)
        fillTables();   // the quick report's tables were not filled yet: the full one's now
    const WheelReport &r = m_current.wheel;
    m_summary->setText(wheelSummaryHtml(r));
    m_summary->setToolTip(wheelSummaryToolTip(r));
    m_record->updateRecord(r.record);
    m_compare->updateBase(r);
    m_repair->setPreview(r.repair);
    fillFindings(r.findings);
}

void WheelsView::fillFindings(const FindingList &findings)
{
    m_findings->setFindings(findings);
    m_tabs->setTabText(m_tabs->indexOf(m_findings), tr("Findings (%1)").arg(findings.size()));
}

void WheelsView::showWheel(const WheelReport &r)
{
    m_summary->setText(wheelSummaryHtml(r, m_verification));
    m_summary->setToolTip(wheelSummaryToolTip(r));
    m_metadata->setWheel(r);
    m_extensions->setExtensions(r.extensions);
    m_repair->setPreview(r.repair);
    fillFindings(r.findings);
}

void WheelsView::showSdist(const SdistReport &r)
{
    m_summary->setText(sdistSummaryHtml(r));
    m_repair->setPreview({});
    m_summary->setToolTip(sdistSummaryToolTip(r));
    m_metadata->setSdist(r);
    m_extensions->clear();
    fillFindings(r.findings);
}

} // namespace wb::ui
