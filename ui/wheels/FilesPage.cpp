#include "ui/wheels/FilesPage.h"

#include "ui/wheels/ItemText.h"
#include "ui/wheels/SizeBarDelegate.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace wb::ui {

FilesPage::FilesPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter files"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_model = new FilesModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("files"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setItemDelegateForColumn(FilesModel::NameColumn, new ElideDelegate(Qt::ElideMiddle, m_view));
    m_view->setItemDelegateForColumn(FilesModel::SizeColumn, new SizeBarDelegate(m_view));
    m_view->setUniformRowHeights(true);
    makeColumnsResizable(m_view->header());
    layout->addWidget(m_view);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
}

void FilesPage::clear()
{
    m_model->clearFiles();
}

bool FilesPage::reveal(const QString &path)
{
    const QModelIndex source = m_model->indexOfPath(path);
    if (!source.isValid())
        return false;
    QModelIndex shown = m_proxy->mapFromSource(source);
    if (!shown.isValid()) {   // filtered out
        m_filter->clear();
        shown = m_proxy->mapFromSource(source);
    }
    for (QModelIndex up = shown.parent(); up.isValid(); up = up.parent())
        m_view->expand(up);
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    return true;
}

void FilesPage::showWheel(const WheelReport &r)
{
    QList<FilesModel::Row> rows;
    rows.reserve(r.files.size());
    for (const WheelFileEntry &f : r.files)
        if (!f.isDirectory)
            rows.append({f.path, f.size, f.compressedSize, f.isSymlink ? tr(" (symlink)") : QString()});
    show(rows, r.totalSize, true);
}

void FilesPage::showSdist(const SdistReport &r)
{
    QList<FilesModel::Row> rows;
    rows.reserve(r.files.size());
    for (const SdistFileEntry &f : r.files)
        if (f.kind != QLatin1String("dir"))
            rows.append({f.path, f.size, -1, f.linkTarget.isEmpty() ? QString() : QStringLiteral(" → ") + f.linkTarget});
    show(rows, r.totalSize, false);   // a tar is compressed as a whole
}

void FilesPage::show(const QList<FilesModel::Row> &rows, qint64 total, bool perFileCompression)
{
    m_model->setFiles(rows, total, perFileCompression);
    m_view->setColumnHidden(FilesModel::CompressedColumn, !perFileCompression);   // per member in a zip only
    m_view->setColumnHidden(FilesModel::RatioColumn, !perFileCompression);
    m_view->sortByColumn(FilesModel::SizeColumn, Qt::DescendingOrder);   // sorted once, lazily per folder
    m_view->expandToDepth(0);
    m_view->header()->resizeSection(FilesModel::NameColumn, 320);
}

} // namespace wb::ui
