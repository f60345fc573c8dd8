#include "ui/wheels/WheelsView.h"

#include "ui/wheels/RepairPreviewView.h"

#include "core/wheel/PlatformTag.h"
#include "ui/common/Workspace.h"
#include "ui/wheels/SizeBarDelegate.h"
#include "ui/wheels/SizeTreemap.h"
#include "ui/wheels/WheelCompareView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
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

#include <algorithm>

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

    m_summary = new QLabel(tr("Open a wheel or a source distribution (File ▸ Open, drag and drop, or the command line), "
                              "or a project with built wheels."), m_tabs);
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
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setModel(m_filesProxy);
    m_files->setSortingEnabled(true);
    m_files->setItemDelegateForColumn(1, new SizeBarDelegate(m_files));
    m_files->setUniformRowHeights(true);
    fl->addWidget(m_files);
    connect(m_filter, &QLineEdit::textChanged, m_filesProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_tabs->addTab(filesPage, tr("Files"));

    m_metadata = makeTable({tr("Field"), tr("Value")}, m_tabs);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_record = makeTable({tr("Path"), tr("Problem")}, m_tabs);
    m_record->setObjectName(QStringLiteral("record"));
    m_tabs->addTab(m_record, tr("RECORD"));
    m_extensions = new QTextBrowser(m_tabs);
    m_extensions->setObjectName(QStringLiteral("extensions"));
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
    m_treemap->setObjectName(QStringLiteral("treemap"));
    m_hideDebug->setObjectName(QStringLiteral("hideDebug"));
    m_mapSource->setObjectName(QStringLiteral("mapSource"));
    ml->addWidget(m_treemap, 1);
    connect(m_mapSource, &QComboBox::currentIndexChanged, this, &WheelsView::updateSizeMap);
    connect(m_hideDebug, &QCheckBox::toggled, m_treemap, &SizeTreemap::setHideDebug);
    m_tabs->addTab(mapPage, tr("Size map"));

    m_findings = new QTreeWidget(m_tabs);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setHeaderLabels({tr("Severity"), tr("Finding"), tr("Path"), tr("Message")});
    m_findings->setRootIsDecorated(false);
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->addTab(new RepairPreviewView(m_tabs), tr("Repair")); // filled in showWheel

    m_compare = new WheelCompareView(m_tabs);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_tabs->addTab(m_compare, tr("Compare"));

    m_watcher = new QFutureWatcher<InspectedFile>(this);
    connect(m_watcher, &QFutureWatcher<InspectedFile>::finished, this, [this] {
        const InspectedFile r = m_watcher->result();
        if (r.file != m_pending)
            return; // a newer selection is on its way
        showResult(r);
        Q_EMIT reportReady(r.file);
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            inspect(item->data(Qt::UserRole).toString());
    });
    if (m_workspace) {
        connect(m_workspace, &Workspace::wheelOpened, this, [this](const QString &p) { addWheel(p, true); });
        connect(m_workspace, &Workspace::sdistOpened, this, [this](const QString &p) { addWheel(p, true); });
        connect(m_workspace, &Workspace::projectOpened, this, &WheelsView::onProjectOpened);
        connect(m_workspace, &Workspace::buildFinished, this, [this](bool, const QString &, const QStringList &artifacts) {
            for (const QString &a : artifacts)
                if (Workspace::isWheelPath(a) || Workspace::isSdistPath(a))
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
    item->setToolTip(Workspace::isSdistPath(abs) ? tr("%1 (source distribution)").arg(abs) : abs);
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

void WheelsView::onProjectOpened(const QString &dir)
{
    // maturin writes wheels and sdists to target/wheels unless told otherwise.
    const QDir wheels(dir + QStringLiteral("/target/wheels"));
    const QStringList patterns = {QStringLiteral("*.whl"), QStringLiteral("*.tar.gz")};
    for (const QFileInfo &fi : wheels.entryInfoList(patterns, QDir::Files, QDir::Time))
        addWheel(fi.absoluteFilePath(), false);
}

void WheelsView::inspect(const QString &path)
{
    m_pending = path;
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_watcher->setFuture(QtConcurrent::run([path] {
        InspectedFile r;
        r.file = path;
        r.isSdist = looksLikeSdist(path);
        if (r.isSdist)
            r.sdist = inspectSdist(path);
        else
            r.wheel = inspectWheel(path);
        return r;
    }));
}

QString WheelsView::summaryText() const
{
    return m_summary->text();
}

namespace {

QString verdictHtml(const QString &verdict, int errors, int warnings)
{
    const QString color = verdict == QLatin1String("ok") ? QStringLiteral("#2e7d32")
        : verdict == QLatin1String("warnings")           ? QStringLiteral("#ef6c00")
                                                         : QStringLiteral("#c62828");
    return QStringLiteral("<p><b>%1</b> <span style='color:%2'><b>%3</b></span> — %4</p>")
        .arg(QCoreApplication::translate("wb::ui::WheelsView", "Verdict:"), color, verdict,
             QCoreApplication::translate("wb::ui::WheelsView", "%1 errors, %2 warnings").arg(errors).arg(warnings));
}

struct HtmlTable {
    QString html = QStringLiteral("<table cellspacing=4>");
    void row(const QString &key, const QString &value) { html += QStringLiteral("<tr><td valign=top><b>%1</b></td><td>%2</td></tr>").arg(key, value.toHtmlEscaped()); }
    QString done() { return html + QStringLiteral("</table>"); }
};

} // namespace

void WheelsView::showResult(const InspectedFile &result)
{
    m_current = result;
    const int record = m_tabs->indexOf(m_record), extensions = m_tabs->indexOf(m_extensions);
    m_tabs->setTabVisible(record, !result.isSdist);
    m_tabs->setTabVisible(extensions, !result.isSdist);
    m_tabs->setTabVisible(m_tabs->indexOf(m_compare), !result.isSdist);
    m_compare->setBase(result.isSdist || !result.wheel.readable ? WheelReport{} : result.wheel);
    m_compare->setCandidates(wheelPaths());
    m_hideDebug->setEnabled(!result.isSdist);
    if (result.isSdist)
        showSdist(result.sdist);
    else
        showWheel(result.wheel);
}

void WheelsView::fillFiles(const QList<FileRow> &rows, qint64 totalSize, bool perFileCompression)
{
    m_filesModel->clear();
    m_filesModel->setHorizontalHeaderLabels({tr("Path"), tr("Size"), tr("Compressed"), tr("Ratio")});
    QHash<QString, QStandardItem *> folders;
    QHash<QStandardItem *, QPair<qint64, qint64>> folderSize;   // uncompressed, compressed
    const double total = double(std::max<qint64>(1, totalSize));
    auto folderFor = [&](const QString &dirPath) -> QStandardItem * {
        QStandardItem *parent = m_filesModel->invisibleRootItem();
        QString acc;
        for (const QString &part : dirPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            acc += part + QLatin1Char('/');
            QStandardItem *&f = folders[acc];
            if (!f) {
                f = new QStandardItem(part + QLatin1Char('/'));
                f->setData(part, Qt::UserRole);
                f->setToolTip(acc);
                parent->appendRow({f, new QStandardItem, new QStandardItem, new QStandardItem});
            }
            parent = f;
        }
        return parent;
    };
    for (const FileRow &f : rows) {
        const QString dir = f.path.contains(QLatin1Char('/')) ? f.path.section(QLatin1Char('/'), 0, -2) : QString();
        QStandardItem *parent = folderFor(dir);
        auto *name = new QStandardItem(f.path.section(QLatin1Char('/'), -1) + f.note);
        name->setData(f.path, Qt::UserRole);
        name->setToolTip(f.path + f.note);
        auto *size = new QStandardItem(human(f.size));
        size->setData(f.size, Qt::UserRole);
        size->setData(double(f.size) / total, Qt::UserRole + 1);
        auto *comp = new QStandardItem(perFileCompression ? human(f.compressed) : QString());
        comp->setData(f.compressed, Qt::UserRole);
        const double ratio = f.size > 0 && f.compressed >= 0 ? double(f.compressed) / double(f.size) : 0;
        auto *rat = new QStandardItem(perFileCompression ? QStringLiteral("%1%").arg(100 * ratio, 0, 'f', 0) : QString());
        rat->setData(ratio, Qt::UserRole);
        parent->appendRow({name, size, comp, rat});
        for (QStandardItem *p = parent; p && p != m_filesModel->invisibleRootItem(); p = p->parent()) {
            folderSize[p].first += f.size;
            folderSize[p].second += std::max<qint64>(0, f.compressed);
        }
    }
    // Per-folder totals (every level), so sorting by size ranks the folders too.
    for (auto it = folderSize.constBegin(); it != folderSize.constEnd(); ++it) {
        QStandardItem *f = it.key();
        QStandardItem *parent = f->parent() ? f->parent() : m_filesModel->invisibleRootItem();
        QStandardItem *s = parent->child(f->row(), 1);
        s->setText(human(it.value().first));
        s->setData(it.value().first, Qt::UserRole);
        s->setData(double(it.value().first) / total, Qt::UserRole + 1);
        if (perFileCompression) {
            QStandardItem *c = parent->child(f->row(), 2);
            c->setText(human(it.value().second));
            c->setData(it.value().second, Qt::UserRole);
            const double ratio = it.value().first > 0 ? double(it.value().second) / double(it.value().first) : 0;
            QStandardItem *r = parent->child(f->row(), 3);
            r->setText(QStringLiteral("%1%").arg(100 * ratio, 0, 'f', 0));
            r->setData(ratio, Qt::UserRole);
        }
    }
    m_files->setColumnHidden(2, !perFileCompression);   // compressed size and ratio: per member in a zip only
    m_files->setColumnHidden(3, !perFileCompression);
    m_files->sortByColumn(1, Qt::DescendingOrder);
    m_files->expandToDepth(0);
    m_files->header()->resizeSection(0, 320);
}

void WheelsView::fillFindings(const FindingList &findings)
{
    m_findings->clear();
    for (const Finding &f : findings) {
        auto *it = new QTreeWidgetItem(m_findings, {Finding::severityName(f.severity), f.id, f.path, f.message});
        it->setToolTip(3, f.message);
        if (f.severity == Finding::Severity::Error)
            it->setForeground(0, QColor(0xc6, 0x28, 0x28));
    }
    m_tabs->setTabText(m_tabs->indexOf(m_findings), tr("Findings (%1)").arg(findings.size()));
}

void WheelsView::showWheel(const WheelReport &r)
{
    if (auto *repair = findChild<RepairPreviewView *>())
        repair->setPreview(r.repair);
    QString html = QStringLiteral("<h2>%1 %2</h2>").arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped());
    html += verdictHtml(r.verdict(), r.count(Finding::Severity::Error), r.count(Finding::Severity::Warning));
    HtmlTable t;
    t.row(tr("File"), QFileInfo(r.file).fileName());
    if (!r.buildTag.isEmpty())
        t.row(tr("Build tag"), r.buildTag);
    t.row(tr("Tags"), r.tags.join(QStringLiteral(", ")));
    QStringList platforms;
    for (const QString &p : r.filename.platformTags)
        platforms.append(p + QStringLiteral(": ") + PlatformTag::parse(p).describe());
    if (!platforms.isEmpty())
        t.row(tr("Platforms"), platforms.join(QStringLiteral("; ")));
    t.row(tr("Size"), tr("%1 (%2 unpacked, %3 files)").arg(human(r.fileSize), human(r.totalSize)).arg(r.files.size()));
    QStringList folders;
    for (const auto &f : r.folderSizes.mid(0, 4))
        folders.append(QStringLiteral("%1 %2").arg(f.first, human(f.second)));
    if (!folders.isEmpty())
        t.row(tr("Top level"), folders.join(QStringLiteral(", ")));
    QStringList largest;
    for (const WheelFileEntry *f : r.largestFiles(3))
        largest.append(QStringLiteral("%1 %2").arg(f->path, human(f->size)));
    if (!largest.isEmpty())
        t.row(tr("Largest files"), largest.join(QStringLiteral(", ")));
    t.row(tr("RECORD"), !r.record.present ? tr("missing")
                        : r.record.ok      ? (r.record.verified ? tr("all hashes and sizes verified") : tr("consistent, not hashed"))
                                           : tr("%1 problems").arg(r.record.problems.size()));
    if (!r.policy.family.isEmpty())
        t.row(tr("Policy"), tr("%1 (symbol versions alone: %2)").arg(r.policy.policy, r.policy.symbolPolicy));
    t.row(tr("Extensions"), QString::number(r.extensions.size()));
    if (r.pyTyped || r.stubFiles)
        t.row(tr("Typing"), tr("py.typed: %1, .pyi files: %2").arg(r.pyTyped ? tr("yes") : tr("no")).arg(r.stubFiles));
    const QStringList licenseFiles = r.metadata.values(QStringLiteral("License-File"));
    const QString licenseExpression = r.metadata.value(QStringLiteral("License-Expression"));
    if (!licenseExpression.isEmpty() || !licenseFiles.isEmpty())
        t.row(tr("License"), (licenseExpression.isEmpty() ? QString() : licenseExpression + QLatin1Char(' '))
                                 + (licenseFiles.isEmpty() ? QString() : tr("(files: %1)").arg(licenseFiles.join(QStringLiteral(", ")))));
    if (!r.readable)
        t.row(tr("Unreadable"), r.unreadableReason);
    m_summary->setText(html + t.done());

    QList<FileRow> rows;
    for (const WheelFileEntry &f : r.files)
        if (!f.isDirectory)
            rows.append({f.path, f.size, f.compressedSize, f.isSymlink ? tr(" (symlink)") : QString()});
    fillFiles(rows, r.totalSize, true);

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
        x += QStringLiteral("<h3>%1</h3>").arg(e.path.toHtmlEscaped());
        HtmlTable xt;
        xt.row(tr("Format"), e.binary.formatName() + QLatin1Char(' ') + e.binary.arch());
        if (!e.suffix.isEmpty())
            xt.row(tr("Suffix"), e.suffix);
        xt.row(tr("Stripped"), e.binary.stripped ? tr("yes") : tr("no"));
        xt.row(tr("Debug info"), tr("%1 (size after strip %2 of %3)").arg(human(e.binary.debugBytes), human(e.sizeAfterStrip), human(e.binary.fileSize)));
        if (e.pythonModule)
            xt.row(tr("Init symbol"), e.pyinitExpected + (e.pyinitFound ? tr(" — found") : tr(" — MISSING")));
        const QStringList exports = e.binary.allExports();
        if (!exports.isEmpty())
            xt.row(tr("Exports"), exports.join(QStringLiteral(", ")));
        xt.row(tr("abi3"), e.abi3 ? tr("yes") : tr("no"));
        if (!e.abi3NonStableCalls.isEmpty())
            xt.row(tr("Calls outside the stable ABI"), e.abi3NonStableCalls.join(QStringLiteral(", ")));
        xt.row(tr("Links libpython"), e.linksLibpython ? tr("yes") : tr("no"));
        for (const BinarySlice &s : e.binary.slices) {
            const QString where = e.binary.slices.size() > 1 ? QStringLiteral(" (%1)").arg(s.arch) : QString();
            xt.row(tr("Needs") + where, s.needed.isEmpty() ? tr("nothing") : s.needed.join(QStringLiteral(", ")));
            if (!s.minOs.isEmpty())
                xt.row(s.platform.isEmpty() || s.platform == QLatin1String("macos") ? tr("Min macOS") + where : tr("Min %1").arg(s.platform) + where,
                       s.minOs);
            if (!s.rpaths.isEmpty())
                xt.row(tr("RPATH") + where, s.rpaths.join(QLatin1Char(':')));
            if (!s.runpaths.isEmpty())
                xt.row(tr("RUNPATH") + where, s.runpaths.join(QLatin1Char(':')));
            for (auto it = s.versionsByLibrary.constBegin(); it != s.versionsByLibrary.constEnd(); ++it) {
                QStringList versions;
                for (const QString &v : it.value()) {
                    const QStringList symbols = s.symbolsByVersion.value(it.key() + QLatin1Char(' ') + v);
                    versions.append(symbols.isEmpty() ? v
                                                      : QStringLiteral("%1 (%2%3)").arg(v, symbols.mid(0, 3).join(QStringLiteral(", ")),
                                                                                        symbols.size() > 3 ? tr(", +%1 more").arg(symbols.size() - 3) : QString()));
                }
                xt.row(it.key() + where, versions.join(QStringLiteral("; ")));
            }
            for (auto it = s.importsByLibrary.constBegin(); it != s.importsByLibrary.constEnd(); ++it)
                if (it.key().startsWith(QLatin1String("python"), Qt::CaseInsensitive) || it.key().startsWith(QLatin1String("libpython"), Qt::CaseInsensitive))
                    xt.row(tr("Imports from %1").arg(it.key()), tr("%1 names").arg(it.value().size()));
        }
        if (!e.policy.family.isEmpty()) {
            xt.row(tr("Policy"), e.policy.policy);
            for (const PolicyCheck &c : e.policy.better) {
                QStringList why;
                for (const PolicyBlocker &b : c.blockers)
                    if (why.size() < 4)
                        why.append(b.describe());
                if (c.blockers.size() > 4)
                    why.append(tr("%1 more").arg(c.blockers.size() - 4));
                xt.row(tr("for %1").arg(c.policy), why.join(QStringLiteral("; ")));
                if (c.priority < e.policy.priority - 30)
                    break;
            }
        }
        x += xt.done();
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

    fillFindings(r.findings);
}

void WheelsView::showSdist(const SdistReport &r)
{
    if (auto *repair = findChild<RepairPreviewView *>())
        repair->setPreview({});
    QString html = QStringLiteral("<h2>%1 %2</h2><p>%3</p>").arg(r.name.toHtmlEscaped(), r.version.toHtmlEscaped(), tr("Source distribution"));
    html += verdictHtml(r.verdict(), r.count(Finding::Severity::Error), r.count(Finding::Severity::Warning));
    HtmlTable t;
    t.row(tr("File"), QFileInfo(r.file).fileName());
    if (!r.root.isEmpty())
        t.row(tr("Top folder"), r.root + QLatin1Char('/'));
    int files = 0;
    for (const SdistFileEntry &f : r.files)
        files += f.kind == QLatin1String("dir") ? 0 : 1;
    t.row(tr("Size"), tr("%1 (%2 unpacked, %3 files)").arg(human(r.fileSize), human(r.totalSize)).arg(files));
    QList<const SdistFileEntry *> largest;
    for (const SdistFileEntry &f : r.files)
        if (f.kind == QLatin1String("file"))
            largest.append(&f);
    std::sort(largest.begin(), largest.end(), [](const SdistFileEntry *a, const SdistFileEntry *b) { return a->size > b->size; });
    QStringList big;
    for (const SdistFileEntry *f : largest.mid(0, 3))
        big.append(QStringLiteral("%1 %2").arg(f->path, human(f->size)));
    if (!big.isEmpty())
        t.row(tr("Largest files"), big.join(QStringLiteral(", ")));
    t.row(tr("PKG-INFO"), r.hasPkgInfo ? tr("Metadata-Version %1").arg(r.pkgInfo.value(QStringLiteral("Metadata-Version"))) : tr("missing"));
    const QString requiresPython = r.pkgInfo.value(QStringLiteral("Requires-Python"));
    if (!requiresPython.isEmpty())
        t.row(tr("Requires-Python"), requiresPython);
    t.row(tr("pyproject.toml"), r.hasPyproject ? tr("yes") : tr("no"));
    t.row(tr("Cargo.toml"), r.cargoTomls.isEmpty() ? tr("none") : r.cargoTomls.join(QStringLiteral(", ")));
    t.row(tr("Cargo.lock"), r.cargoLocks.isEmpty() ? tr("none") : r.cargoLocks.join(QStringLiteral(", ")));
    if (!r.readable)
        t.row(tr("Unreadable"), r.unreadableReason);
    m_summary->setText(html + t.done());

    QList<FileRow> rows;
    for (const SdistFileEntry &f : r.files) {
        if (f.kind == QLatin1String("dir"))
            continue;
        const QString note = f.linkTarget.isEmpty() ? QString() : QStringLiteral(" → ") + f.linkTarget;
        rows.append({f.path, f.size, -1, note});
    }
    fillFiles(rows, r.totalSize, false);

    m_metadata->setRowCount(0);
    for (const HeaderFile::Field &f : r.pkgInfo.fields)
        addRow(m_metadata, {f.key, f.value});
    if (!r.pkgInfo.body.isEmpty())
        addRow(m_metadata, {tr("Description"), tr("%1 characters").arg(r.pkgInfo.body.size())});
    if (!r.hasPkgInfo)
        addRow(m_metadata, {tr("PKG-INFO"), tr("missing")});

    m_record->setRowCount(0);
    m_extensions->clear();
    m_mapSource->blockSignals(true);
    m_mapSource->clear();
    m_mapSource->addItem(tr("Whole source distribution"), QString());
    m_mapSource->blockSignals(false);
    updateSizeMap();

    fillFindings(r.findings);
}

void WheelsView::updateSizeMap()
{
    const QString ext = m_mapSource->currentData().toString();
    QList<SizeTreemap::Item> items;
    if (m_current.isSdist) {
        for (const SdistFileEntry &f : m_current.sdist.files)
            if (f.kind == QLatin1String("file"))
                items.append({f.path, f.size, false});
    } else if (ext.isEmpty()) {
        // Each extension in two parts, its runtime part and its debug information, so that "hide
        // debug info" shows the wheel as it would be with stripped extensions.
        QHash<QString, const ExtensionReport *> byPath;
        for (const ExtensionReport &e : m_current.wheel.extensions)
            if (e.binary.debugBytes > 0)
                byPath.insert(e.path, &e);
        for (const WheelFileEntry &f : m_current.wheel.files) {
            if (f.isDirectory)
                continue;
            if (const ExtensionReport *e = byPath.value(f.path)) {
                items.append({f.path, e->sizeAfterStrip, false});
                items.append({f.path + tr(" (debug info)"), e->binary.debugBytes, true});
            } else {
                items.append({f.path, f.size, false});
            }
        }
    } else {
        for (const ExtensionReport &e : m_current.wheel.extensions)
            if (e.path == ext)
                for (const BinarySection &s : e.binary.sections)
                    items.append({s.name, s.size, s.debug});
    }
    m_treemap->setItems(items);
}

} // namespace wb::ui
