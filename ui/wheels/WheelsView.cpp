#include "ui/wheels/WheelsView.h"

#include "ui/common/Workspace.h"
#include "ui/wheels/SizeBarDelegate.h"
#include "ui/wheels/SizeTreemap.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {

QString human(qint64 b)
{
    if (b >= 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(b) / (1024.0 * 1024.0), 0, 'f', 1);
    if (b >= 1024)
        return QStringLiteral("%1 KiB").arg(double(b) / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(b);
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells)
{
    const int r = t->rowCount();
    t->insertRow(r);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(r, c, new QTableWidgetItem(cells.at(c)));
}

} // namespace

WheelsView::WheelsView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(this);
    layout->addWidget(split);

    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("wheelList"));
    split->addWidget(m_list);

    m_tabs = new QTabWidget(split);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 3);

    m_summary = new QLabel(tr("Open a wheel (File ▸ Open, drag and drop, or the command line), or a project with built wheels."), m_tabs);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(8);
    m_tabs->addTab(m_summary, tr("Summary"));

    auto *filesPage = new QWidget(m_tabs);
    auto *fl = new QVBoxLayout(filesPage);
    m_filter = new QLineEdit(filesPage);
    m_filter->setPlaceholderText(tr("Filter files"));
    m_filter->setClearButtonEnabled(true);
    fl->addWidget(m_filter);
    m_filesModel = new QStandardItemModel(this);
    m_filesProxy = new QSortFilterProxyModel(this);
    m_filesProxy->setSourceModel(m_filesModel);
    m_filesProxy->setRecursiveFilteringEnabled(true);
    m_filesProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filesProxy->setSortRole(Qt::UserRole);
    m_files = new QTreeView(filesPage);
    m_files->setModel(m_filesProxy);
    m_files->setSortingEnabled(true);
    m_files->setItemDelegateForColumn(1, new SizeBarDelegate(m_files));
    m_files->setUniformRowHeights(true);
    fl->addWidget(m_files);
    connect(m_filter, &QLineEdit::textChanged, m_filesProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_tabs->addTab(filesPage, tr("Files"));

    m_metadata = makeTable({tr("Field"), tr("Value")}, m_tabs);
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_record = makeTable({tr("Path"), tr("Problem")}, m_tabs);
    m_tabs->addTab(m_record, tr("RECORD"));
    m_extensions = new QTextBrowser(m_tabs);
    m_tabs->addTab(m_extensions, tr("Extensions"));

    auto *mapPage = new QWidget(m_tabs);
    auto *ml = new QVBoxLayout(mapPage);
    auto *controls = new QHBoxLayout;
    m_mapSource = new QComboBox(mapPage);
    m_hideDebug = new QCheckBox(tr("Hide debug info"), mapPage);
    controls->addWidget(m_mapSource, 1);
    controls->addWidget(m_hideDebug);
    ml->addLayout(controls);
    m_treemap = new SizeTreemap(mapPage);
    ml->addWidget(m_treemap, 1);
    connect(m_mapSource, &QComboBox::currentIndexChanged, this, &WheelsView::updateSizeMap);
    connect(m_hideDebug, &QCheckBox::toggled, m_treemap, &SizeTreemap::setHideDebug);
    m_tabs->addTab(mapPage, tr("Size map"));

    m_findings = new QTreeWidget(m_tabs);
    m_findings->setHeaderLabels({tr("Severity"), tr("Finding"), tr("Path"), tr("Message")});
    m_findings->setRootIsDecorated(false);
    m_tabs->addTab(m_findings, tr("Findings"));

    m_watcher = new QFutureWatcher<WheelReport>(this);
    connect(m_watcher, &QFutureWatcher<WheelReport>::finished, this, [this] {
        const WheelReport r = m_watcher->result();
        if (r.file != m_pending)
            return; // a newer selection is on its way
        showReport(r);
        Q_EMIT reportReady(r.file);
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            inspect(item->data(Qt::UserRole).toString());
    });
    if (m_workspace) {
        connect(m_workspace, &Workspace::wheelOpened, this, [this](const QString &p) { addWheel(p, true); });
        connect(m_workspace, &Workspace::projectOpened, this, &WheelsView::onProjectOpened);
        connect(m_workspace, &Workspace::buildFinished, this, [this](bool, const QString &, const QStringList &artifacts) {
            for (const QString &a : artifacts)
                if (a.endsWith(QLatin1String(".whl")))
                    addWheel(a, false);
        });
    }
}

WheelsView::~WheelsView()
{
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
}

void WheelsView::addWheel(const QString &path, bool select)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == abs) {
            if (select)
                m_list->setCurrentRow(i);
            return;
        }
    }
    auto *item = new QListWidgetItem(QFileInfo(abs).fileName(), m_list);
    item->setData(Qt::UserRole, abs);
    item->setToolTip(abs);
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

void WheelsView::onProjectOpened(const QString &dir)
{
    const QDir wheels(dir + QStringLiteral("/target/wheels"));
    for (const QFileInfo &fi : wheels.entryInfoList({QStringLiteral("*.whl")}, QDir::Files, QDir::Time))
        addWheel(fi.absoluteFilePath(), false);
}

void WheelsView::inspect(const QString &path)
{
    m_pending = path;
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_watcher->setFuture(QtConcurrent::run([path] { return inspectWheel(path); }));
}

QString WheelsView::summaryText() const
{
    return m_summary->text();
}

void WheelsView::showReport(const WheelReport &r)
{
    m_report = r;
    const QString verdictColor = r.verdict() == QLatin1String("ok") ? QStringLiteral("#2e7d32")
        : r.verdict() == QLatin1String("warnings")                  ? QStringLiteral("#ef6c00")
                                                                    : QStringLiteral("#c62828");
    QString html = QStringLiteral("<h2>%1 %2</h2>").arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped());
    html += QStringLiteral("<p><b>Verdict:</b> <span style='color:%1'><b>%2</b></span> — %3 errors, %4 warnings</p>")
                .arg(verdictColor, r.verdict())
                .arg(r.count(Finding::Severity::Error))
                .arg(r.count(Finding::Severity::Warning));
    html += QStringLiteral("<table cellspacing=4>");
    auto row = [&html](const QString &k, const QString &v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
    };
    row(tr("File"), QFileInfo(r.file).fileName());
    if (!r.buildTag.isEmpty())
        row(tr("Build tag"), r.buildTag);
    row(tr("Tags"), r.tags.join(QStringLiteral(", ")));
    row(tr("Size"), tr("%1 (%2 unpacked, %3 files)").arg(human(r.fileSize), human(r.totalSize)).arg(r.files.size()));
    row(tr("RECORD"), !r.record.present ? tr("missing")
                      : r.record.ok      ? (r.record.verified ? tr("all hashes and sizes verified") : tr("consistent, not hashed"))
                                         : tr("%1 problems").arg(r.record.problems.size()));
    if (!r.policy.family.isEmpty())
        row(tr("Policy"), tr("%1 (symbol versions alone: %2)").arg(r.policy.policy, r.policy.symbolPolicy));
    row(tr("Extensions"), QString::number(r.extensions.size()));
    if (r.pyTyped || r.stubFiles)
        row(tr("Typing"), tr("py.typed: %1, .pyi files: %2").arg(r.pyTyped ? tr("yes") : tr("no")).arg(r.stubFiles));
    if (!r.readable)
        row(tr("Unreadable"), r.unreadableReason);
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    // Files tree
    m_filesModel->clear();
    m_filesModel->setHorizontalHeaderLabels({tr("Path"), tr("Size"), tr("Compressed"), tr("Ratio")});
    QHash<QString, QStandardItem *> folders;
    QHash<QStandardItem *, qint64> folderSize;
    const double total = double(std::max<qint64>(1, r.totalSize));
    auto folderFor = [&](const QString &dirPath) -> QStandardItem * {
        if (dirPath.isEmpty())
            return m_filesModel->invisibleRootItem();
        QStandardItem *parent = m_filesModel->invisibleRootItem();
        QString acc;
        for (const QString &part : dirPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            acc += part + QLatin1Char('/');
            QStandardItem *&f = folders[acc];
            if (!f) {
                f = new QStandardItem(part + QLatin1Char('/'));
                f->setData(part, Qt::UserRole);
                parent->appendRow({f, new QStandardItem, new QStandardItem, new QStandardItem});
            }
            parent = f;
        }
        return parent;
    };
    for (const WheelFileEntry &f : r.files) {
        if (f.isDirectory)
            continue;
        const QString dir = f.path.contains(QLatin1Char('/')) ? f.path.section(QLatin1Char('/'), 0, -2) : QString();
        QStandardItem *parent = folderFor(dir);
        auto *name = new QStandardItem(f.path.section(QLatin1Char('/'), -1));
        name->setData(f.path, Qt::UserRole);
        name->setToolTip(f.path);
        auto *size = new QStandardItem(human(f.size));
        size->setData(f.size, Qt::UserRole);
        size->setData(double(f.size) / total, Qt::UserRole + 1);
        auto *comp = new QStandardItem(human(f.compressedSize));
        comp->setData(f.compressedSize, Qt::UserRole);
        const double ratio = f.size > 0 ? double(f.compressedSize) / double(f.size) : 0;
        auto *rat = new QStandardItem(QStringLiteral("%1%").arg(100 * ratio, 0, 'f', 0));
        rat->setData(ratio, Qt::UserRole);
        parent->appendRow({name, size, comp, rat});
        for (QStandardItem *p = parent; p && p != m_filesModel->invisibleRootItem(); p = p->parent())
            folderSize[p] += f.size;
    }
    for (auto it = folderSize.constBegin(); it != folderSize.constEnd(); ++it) {
        QStandardItem *f = it.key();
        QStandardItem *parent = f->parent() ? f->parent() : m_filesModel->invisibleRootItem();
        QStandardItem *s = parent->child(f->row(), 1);
        s->setText(human(it.value()));
        s->setData(it.value(), Qt::UserRole);
        s->setData(double(it.value()) / total, Qt::UserRole + 1);
    }
    m_files->sortByColumn(1, Qt::DescendingOrder);
    m_files->expandToDepth(0);
    m_files->header()->resizeSection(0, 320);

    // Metadata
    m_metadata->setRowCount(0);
    for (const HeaderFile::Field &f : r.metadata.fields)
        addRow(m_metadata, {f.key, f.value});
    for (const HeaderFile::Field &f : r.wheel.fields)
        addRow(m_metadata, {QStringLiteral("WHEEL: ") + f.key, f.value});
    for (const EntryPoint &e : r.entryPoints)
        addRow(m_metadata, {QStringLiteral("entry point [%1]").arg(e.group), e.name + QStringLiteral(" = ") + e.value});
    if (!r.metadata.body.isEmpty())
        addRow(m_metadata, {tr("Description"), tr("%1 characters").arg(r.metadata.body.size())});

    // RECORD
    m_record->setRowCount(0);
    if (r.record.problems.isEmpty())
        addRow(m_record, {QString(), !r.record.present ? tr("no RECORD") : r.record.verified ? tr("%1 rows, every hash and size verified").arg(r.record.rows)
                                                                                            : tr("%1 rows, not hashed").arg(r.record.rows)});
    for (const RecordProblem &p : r.record.problems)
        addRow(m_record, {p.path, p.problem});

    // Extensions
    QString x;
    for (const ExtensionReport &e : r.extensions) {
        x += QStringLiteral("<h3>%1</h3><table>").arg(e.path.toHtmlEscaped());
        auto xr = [&x](const QString &k, const QString &v) { x += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped()); };
        xr(tr("Format"), e.binary.formatName() + QLatin1Char(' ') + e.binary.arch());
        xr(tr("Stripped"), e.binary.stripped ? tr("yes") : tr("no"));
        xr(tr("Debug info"), tr("%1 (size after strip %2 of %3)").arg(human(e.binary.debugBytes), human(e.sizeAfterStrip), human(e.binary.fileSize)));
        if (e.pythonModule)
            xr(tr("Init symbol"), e.pyinitExpected + (e.pyinitFound ? tr(" — found") : tr(" — MISSING")));
        xr(tr("abi3"), e.abi3 ? tr("yes") : tr("no"));
        if (!e.abi3NonStableCalls.isEmpty())
            xr(tr("Calls outside the stable ABI"), e.abi3NonStableCalls.join(QStringLiteral(", ")));
        xr(tr("Links libpython"), e.linksLibpython ? tr("yes") : tr("no"));
        for (const BinarySlice &s : e.binary.slices) {
            xr(tr("Needs (%1)").arg(s.arch), s.needed.join(QStringLiteral(", ")));
            if (!s.minOs.isEmpty())
                xr(tr("Min macOS (%1)").arg(s.arch), s.minOs);
            if (!s.rpaths.isEmpty() || !s.runpaths.isEmpty())
                xr(tr("RPATH/RUNPATH"), (s.rpaths + s.runpaths).join(QLatin1Char(':')));
            for (auto it = s.versionsByLibrary.constBegin(); it != s.versionsByLibrary.constEnd(); ++it)
                xr(it.key(), it.value().join(QStringLiteral(", ")));
        }
        if (!e.policy.family.isEmpty()) {
            xr(tr("Policy"), e.policy.policy);
            for (const PolicyCheck &c : e.policy.better) {
                QStringList why;
                for (const PolicyBlocker &b : c.blockers)
                    if (why.size() < 4)
                        why.append(b.describe());
                xr(tr("for %1").arg(c.policy), why.join(QStringLiteral("; ")));
                if (c.priority < e.policy.priority - 30)
                    break;
            }
        }
        x += QStringLiteral("</table>");
    }
    m_extensions->setHtml(x.isEmpty() ? tr("<p>No native files: a pure Python wheel.</p>") : x);

    // Size map sources
    m_mapSource->blockSignals(true);
    m_mapSource->clear();
    m_mapSource->addItem(tr("Whole wheel"), QString());
    for (const ExtensionReport &e : r.extensions)
        m_mapSource->addItem(tr("Sections of %1").arg(e.path.section(QLatin1Char('/'), -1)), e.path);
    m_mapSource->blockSignals(false);
    updateSizeMap();

    // Findings
    m_findings->clear();
    for (const Finding &f : r.findings) {
        auto *it = new QTreeWidgetItem(m_findings, {Finding::severityName(f.severity), f.id, f.path, f.message});
        it->setToolTip(3, f.message);
        if (f.severity == Finding::Severity::Error)
            it->setForeground(0, QColor(0xc6, 0x28, 0x28));
    }
    m_tabs->setTabText(m_tabs->indexOf(m_findings), tr("Findings (%1)").arg(r.findings.size()));
}

void WheelsView::updateSizeMap()
{
    const QString ext = m_mapSource->currentData().toString();
    QList<SizeTreemap::Item> items;
    if (ext.isEmpty()) {
        QSet<QString> binaries;
        for (const ExtensionReport &e : m_report.extensions)
            binaries.insert(e.path);
        for (const WheelFileEntry &f : m_report.files)
            if (!f.isDirectory)
                items.append({f.path, f.size, false});
        // Split each extension into its runtime part and its debug part so "hide debug" shows the stripped size.
        for (SizeTreemap::Item &it : items)
            for (const ExtensionReport &e : m_report.extensions)
                if (e.path == it.label && e.binary.debugBytes > 0) {
                    it.size = e.sizeAfterStrip;
                    items.append({e.path + QStringLiteral(" (debug info)"), e.binary.debugBytes, true});
                    break;
                }
    } else {
        for (const ExtensionReport &e : m_report.extensions)
            if (e.path == ext)
                for (const BinarySection &s : e.binary.sections)
                    items.append({s.name, s.size, s.debug});
    }
    m_treemap->setItems(items);
}

} // namespace wb::ui
