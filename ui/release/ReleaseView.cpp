#include "ui/release/ReleaseView.h"

#include "core/common/Counted.h"
#include "core/common/SizeFormat.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/PlaceholderPage.h"
#include "ui/common/Workspace.h"
#include "ui/release/ReleaseMatrixModel.h"
#include "ui/common/SeverityIcon.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {

PlaceholderPage *emptyPage(ReleaseView *view, const QList<QAction *> &actions)
{
    auto *page = new PlaceholderPage(themedIcon("package-x-generic", QStyle::SP_DirIcon), view);
    page->setObjectName(QStringLiteral("releasePlaceholder"));
    page->setTitle(ReleaseView::tr("No release open"));
    page->setText(ReleaseView::tr("Open the folder your CI run's wheels and sdist were downloaded to (dist/), or drop the files here, "
                                  "to check them as one release before uploading: platforms, versions, tags and sizes side by side."));
    page->setActions(actions);
    return page;
}

} // namespace

ReleaseView::ReleaseView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_watcher(new QFutureWatcher<ReleaseReport>(this))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    QAction *openFolderAction = makeAction(this, themedIcon("folder-open", QStyle::SP_DirOpenIcon), tr("Open Release Folder…"),
                                           QStringLiteral("openReleaseFolder"),
                                           tr("Check every wheel and sdist in a folder (and its subfolders) as one release"));
    QAction *openFilesAction = makeAction(this, themedIcon("document-open", QStyle::SP_FileIcon), tr("Open Release Files…"),
                                          QStringLiteral("openReleaseFiles"), tr("Check some wheels and sdists as one release"));
    connect(openFolderAction, &QAction::triggered, this, &ReleaseView::openFolderDialog);
    connect(openFilesAction, &QAction::triggered, this, &ReleaseView::openFilesDialog);
    QToolButton *openFolder = actionButton(openFolderAction, QStringLiteral("openReleaseFolderButton"), this);
    QToolButton *openFiles = actionButton(openFilesAction, QStringLiteral("openReleaseFilesButton"), this);
    m_previousButton = new QPushButton(tr("Compare with Previous…"), this);
    m_previousButton->setToolTip(tr("Choose the folder of the previous release: new and dropped platforms and versions, sizes"));
    m_clearPrevious = new QPushButton(tr("No Comparison"), this);
    m_clearPrevious->setEnabled(false);
    m_setLabel = new QLabel(this);
    m_setLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_setLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(openFolder);
    bar->addWidget(openFiles);
    bar->addWidget(m_previousButton);
    bar->addWidget(m_clearPrevious);
    bar->addWidget(m_setLabel, 1);
    layout->addLayout(bar);
    connect(m_previousButton, &QPushButton::clicked, this, &ReleaseView::choosePrevious);
    connect(m_clearPrevious, &QPushButton::clicked, this, [this] { setPrevious({}); });

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5; padding: 6px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *busyRow = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Reading the release…"));
    m_busy->setTextVisible(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReleaseView::cancel);
    busyRow->addWidget(m_busy, 1);
    busyRow->addWidget(m_cancelButton);
    layout->addLayout(busyRow);
    m_busy->hide();
    m_cancelButton->hide();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(emptyPage(this, {openFolderAction, openFilesAction}));
    auto *content = new QWidget(this);
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(content);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, content);
    m_matrix = new ReleaseMatrixModel(this);
    m_matrixView = new QTableView(split);
    m_matrixView->setModel(m_matrix);
    m_matrixView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrixView->setTextElideMode(Qt::ElideRight);
    m_matrixView->setWordWrap(false);
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_matrixView->horizontalHeader()->setDefaultSectionSize(110);
    m_matrixView->horizontalHeader()->setStretchLastSection(true);
    connect(m_matrixView, &QTableView::activated, this, &ReleaseView::openCell);
    m_tabs = new QTabWidget(split);
    m_findings = new QStandardItemModel(this);
    m_findingsView = new QTreeView(m_tabs);
    m_findingsView->setObjectName(QStringLiteral("releaseFindings"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->setAlternatingRowColors(true);
    m_findingsView->setTextElideMode(Qt::ElideMiddle);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setSortingEnabled(true);
    m_tabs->addTab(m_findingsView, tr("Findings"));
    // A finding about one file opens it in the Wheels view (double-click or Enter).
    connect(m_findingsView, &QTreeView::activated, this, &ReleaseView::openFinding);
    auto *scroll = new QScrollArea(m_tabs);
    m_comparison = new QLabel(scroll);
    m_comparison->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_comparison->setWordWrap(true);
    m_comparison->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comparison->setMargin(6);
    scroll->setWidget(m_comparison);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("Previous Release"));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    cl->addWidget(split, 1);
    m_stack->addWidget(content);
    layout->addWidget(m_stack, 1);

    connect(m_watcher, &QFutureWatcher<ReleaseReport>::finished, this, [this] {
        const int generation = m_watcher->property("generation").toInt();
        m_busy->hide();
        m_cancelButton->hide();
        if (generation != m_generation || m_watcher->future().resultCount() == 0)
            return;
        showReport(m_watcher->result());
    });
    fillComparison();
}

ReleaseView::~ReleaseView()
{
    cancel();
    m_watcher->waitForFinished();
}

bool ReleaseView::isBusy() const
{
    return m_watcher->isRunning();
}

void ReleaseView::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ReleaseView::openPaths(const QStringList &paths)
{
    m_paths = paths;
    QStringList shown;
    for (const QString &p : paths)
        shown.append(QDir::toNativeSeparators(p));
    const QString text = shown.join(QStringLiteral(", "));
    m_setLabel->setToolTip(text);
    m_setLabel->setText(fontMetrics().elidedText(text, Qt::ElideMiddle, std::max(200, m_setLabel->width())));
    start();
}

void ReleaseView::setPrevious(const QStringList &paths)
{
    m_previous = paths;
    m_clearPrevious->setEnabled(!paths.isEmpty());
    m_previousButton->setToolTip(paths.isEmpty() ? tr("Choose the folder of the previous release: new and dropped platforms and versions, sizes")
                                                 : tr("Comparing with %1").arg(QDir::toNativeSeparators(paths.join(QStringLiteral(", ")))));
    if (!m_paths.isEmpty())
        start();
    else
        fillComparison();
}

void ReleaseView::start()
{
    cancel();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const int generation = ++m_generation;
    m_banner->hide();
    m_busy->show();
    m_cancelButton->show();
    ReleaseOptions options;
    options.projectDir = m_workspace ? m_workspace->projectDir() : QString();
    const QStringList paths = m_paths, previous = m_previous;
    auto flag = m_cancel;
    m_watcher->setProperty("generation", generation);
    m_watcher->setFuture(QtConcurrent::run([paths, previous, options, flag]() -> ReleaseReport {
        ReleaseSet set = ReleaseSet::read(paths, flag.get());
        std::optional<ReleaseSet> prev;
        if (!previous.isEmpty() && !flag->load())
            prev = ReleaseSet::read(previous, flag.get());
        if (flag->load()) {
            ReleaseReport cancelled;
            cancelled.set.cancelled = true;
            return cancelled;
        }
        return ReleaseReport::check(std::move(set), options, std::move(prev));
    }));
}

void ReleaseView::showError(const QString &text)
{
    m_banner->setText(text);
    m_banner->show();
}

void ReleaseView::showReport(const ReleaseReport &report)
{
    if (report.set.cancelled) {
        showError(tr("Reading the release was cancelled."));
        return;
    }
    QStringList problems;
    for (const QString &m : report.set.missing)
        problems.append(tr("%1: no such file or folder").arg(QDir::toNativeSeparators(m)));
    if (report.set.isEmpty())
        problems.append(tr("No wheel (.whl) or sdist (.tar.gz) in %1.").arg(QDir::toNativeSeparators(m_paths.join(QStringLiteral(", ")))));
    if (!problems.isEmpty())
        showError(problems.join(u'\n'));
    if (report.set.isEmpty())
        return;
    m_report = report;
    m_hasReport = true;
    m_matrix->setMatrix(report.matrix);
    m_matrixView->resizeColumnsToContents();
    for (int c = 0; c < m_matrix->columnCount(); ++c)
        m_matrixView->setColumnWidth(c, std::min(m_matrixView->columnWidth(c), 170)); // elided; the tooltip has it all
    fillFindings();
    fillComparison();
    m_summary->setText(summaryText());
    m_stack->setCurrentIndex(1);
    Q_EMIT reportReady();
}

QString ReleaseView::summaryText() const
{
    if (!m_hasReport)
        return {};
    const ReleaseReport &r = m_report;
    const QString verdict = r.verdict() == QLatin1String("blocked") ? tr("<b style='color:#b02a37'>Not ready</b>: PyPI would refuse a file or a declared platform or version has no wheel")
        : r.verdict() == QLatin1String("warnings")                 ? tr("<b>Ready, with warnings</b>")
                                                                   : tr("<b style='color:#146c43'>Ready to upload</b>");
    return tr("%1 %2 — %3, %4, %5 in all. %6 (%7, %8).<br><small>%9</small>")
        .arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped())
        .arg(wb::counted(r.set.wheels().size(), "wheel", "wheels"))
        .arg(wb::counted(r.set.sdists().size(), "sdist", "sdists"))
        .arg(wb::formatSize([&r] {
            qint64 total = 0;
            for (const ReleaseFile &f : r.set.files)
                total += f.size;
            return total;
        }()))
        .arg(verdict)
        .arg(wb::counted(r.count(Finding::Severity::Error), "error", "errors"))
        .arg(wb::counted(r.count(Finding::Severity::Warning), "warning", "warnings"))
        .arg(r.matrix.declaredFrom.toHtmlEscaped());
}

void ReleaseView::fillFindings()
{
    m_findings->clear();
    m_findings->setHorizontalHeaderLabels({tr("Severity"), tr("Rule"), tr("File"), tr("Message")});
    for (const ReleaseFinding &f : m_report.findings) {
        QList<QStandardItem *> row;
        auto *sev = new QStandardItem(Finding::severityName(f.severity));
        sev->setIcon(severityIcon(f.severity == Finding::Severity::Error     ? IconSeverity::Error
                                  : f.severity == Finding::Severity::Warning ? IconSeverity::Warning
                                                                             : IconSeverity::Information));
        sev->setData(int(f.severity), Qt::UserRole);
        row << sev << new QStandardItem(f.id) << new QStandardItem(f.file) << new QStandardItem(f.message.simplified());
        const QString path = pathOf(f.file);
        for (QStandardItem *i : row) {
            i->setToolTip(path.isEmpty() ? QStringLiteral("%1\n\nRule %2 — source: %3").arg(f.message, f.id, f.source)
                                         : QStringLiteral("%1\n\nRule %2 — source: %3\nDouble-click to open %4 in the Wheels view.")
                                               .arg(f.message, f.id, f.source, f.file));
            i->setData(path, FilePathRole);
        }
        m_findings->appendRow(row);
    }
    if (m_report.findings.isEmpty())
        m_findings->appendRow(new QStandardItem(tr("No findings: PyPI would take every file and every declared platform and version has a wheel.")));
    m_findingsView->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_findingsView->header()->setStretchLastSection(true);
    for (int c = 0; c < 3; ++c)
        m_findingsView->resizeColumnToContents(c);
    m_findingsView->setColumnWidth(2, std::min(m_findingsView->columnWidth(2), 320));
    m_tabs->setTabText(0, tr("Findings (%1)").arg(m_report.findings.size()));
}

QString ReleaseView::comparisonText() const
{
    return m_comparison->text();
}

void ReleaseView::fillComparison()
{
    if (!m_hasReport || !m_report.comparison) {
        m_comparison->setText(tr("Choose <b>Compare with Previous…</b> and the folder of the previous release's files to see new and dropped "
                                 "platforms and Python versions and how each platform's size changed."));
        return;
    }
    const ReleaseComparison &c = *m_report.comparison;
    const auto list = [](const QStringList &l) { return l.isEmpty() ? tr("none") : l.join(QStringLiteral(", ")).toHtmlEscaped(); };
    QString html = tr("<p>Against <b>%1</b>:</p><ul><li>new platforms: %2</li><li>dropped platforms: %3</li>"
                      "<li>new Python versions: %4</li><li>dropped Python versions: %5</li></ul>")
                       .arg(c.previousVersion.toHtmlEscaped(), list(c.newPlatforms), list(c.droppedPlatforms), list(c.newVersions), list(c.droppedVersions));
    html += tr("<table cellspacing=4><tr><th align=left>Platform</th><th align=right>Before</th><th align=right>Now</th><th align=right>Change</th></tr>");
    for (const ReleaseComparison::SizeChange &s : c.sizes) {
        const QString change = s.before > 0 && s.after > 0
            ? QStringLiteral("%1%").arg(QLocale().toString(100.0 * double(s.after - s.before) / double(s.before), 'f', 1))
            : (s.before > 0 ? tr("dropped") : tr("new"));
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td></tr>")
                    .arg(s.platform.toHtmlEscaped(), s.before > 0 ? wb::formatSize(s.before) : QStringLiteral("—"),
                         s.after > 0 ? wb::formatSize(s.after) : QStringLiteral("—"), change);
    }
    m_comparison->setText(html + QStringLiteral("</table>"));
}

QString ReleaseView::pathOf(const QString &fileName) const
{
    for (const ReleaseFile &file : m_report.set.files)
        if (file.fileName == fileName)
            return file.path;
    return {};
}

void ReleaseView::openFinding(const QModelIndex &index)
{
    const QString path = index.data(FilePathRole).toString();
    if (path.isEmpty() || !m_workspace)
        return;
    if (Workspace::isWheelPath(path))
        m_workspace->openWheel(path);
    else
        m_workspace->openSdist(path);
}

void ReleaseView::openCell(const QModelIndex &index)
{
    const QString wheel = index.data(ReleaseMatrixModel::WheelPathRole).toString();
    if (!wheel.isEmpty() && m_workspace)
        m_workspace->openWheel(wheel);
}

void ReleaseView::openFolderDialog()
{
    const QString start = m_paths.isEmpty() ? (m_workspace ? m_workspace->projectDir() : QString()) : m_paths.first();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Release Folder"), start);
    if (!dir.isEmpty())
        openPaths({dir});
}

void ReleaseView::openFilesDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Release Files"), m_workspace ? m_workspace->projectDir() : QString(),
                                                            tr("Wheels and sdists (*.whl *.tar.gz);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void ReleaseView::choosePrevious()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Previous Release Folder"), m_previous.value(0, m_paths.value(0)));
    if (!dir.isEmpty())
        setPrevious({dir});
}

void ReleaseView::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        const QFileInfo info(url.toLocalFile());
        if (url.isLocalFile() && (info.isDir() || ReleaseSet::isReleaseFile(info.fileName()))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void ReleaseView::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

} // namespace wb::ui
