#include "ui/wheels/FilesModel.h"

#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QHash>

#include <algorithm>

namespace wb::ui {

namespace {

void setSize(QStandardItem *item, qint64 bytes)
{
    item->setText(formatSize(bytes));
    item->setToolTip(exactBytes(bytes));
    item->setData(bytes, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void setRatio(QStandardItem *item, qint64 size, qint64 compressed)
{
    const double ratio = size > 0 ? double(compressed) / double(size) : 0;
    item->setText(QStringLiteral("%1%").arg(100 * ratio, 0, 'f', 0));
    item->setData(ratio, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

void FilesModel::clearFiles()
{
    clear();
    setHorizontalHeaderLabels({tr("Path"), tr("Size"), tr("Compressed"), tr("Ratio")});
}

void FilesModel::setFiles(const QList<Row> &rows, qint64 totalSize, bool perFileCompression)
{
    clearFiles();
    // Built silently and announced once as a reset: one signal per appended row would make the proxy
    // and the view work tens of thousands of times on a big wheel.
    blockSignals(true);
    fill(rows, totalSize, perFileCompression);
    blockSignals(false);
    beginResetModel();
    endResetModel();
}

void FilesModel::fill(const QList<Row> &rows, qint64 totalSize, bool perFileCompression)
{
    QHash<QString, QStandardItem *> folders;
    QHash<QStandardItem *, QPair<qint64, qint64>> folderSize;   // uncompressed, compressed
    const double total = double(std::max<qint64>(1, totalSize));
    auto folderFor = [&](const QString &dirPath) -> QStandardItem * {
        QStandardItem *parent = invisibleRootItem();
        QString acc;
        for (const QString &part : dirPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            acc += part + QLatin1Char('/');
            QStandardItem *&f = folders[acc];
            if (!f) {
                f = new QStandardItem(part + QLatin1Char('/'));
                f->setData(part, Qt::UserRole);
                f->setToolTip(readableToolTip(acc));
                parent->appendRow({f, new QStandardItem, new QStandardItem, new QStandardItem});
            }
            parent = f;
        }
        return parent;
    };
    for (const Row &f : rows) {
        const QString dir = f.path.contains(QLatin1Char('/')) ? f.path.section(QLatin1Char('/'), 0, -2) : QString();
        QStandardItem *parent = folderFor(dir);
        auto *name = new QStandardItem(f.path.section(QLatin1Char('/'), -1) + f.note);
        name->setData(f.path, Qt::UserRole);
        name->setToolTip(readableToolTip(f.path + f.note));
        auto *size = new QStandardItem;
        setSize(size, f.size);
        size->setData(double(f.size) / total, Qt::UserRole + 1);
        auto *comp = new QStandardItem;
        auto *rat = new QStandardItem;
        if (perFileCompression && f.compressed >= 0) {
            setSize(comp, f.compressed);
            setRatio(rat, f.size, f.compressed);
        }
        parent->appendRow({name, size, comp, rat});
        for (QStandardItem *p = parent; p && p != invisibleRootItem(); p = p->parent()) {
            folderSize[p].first += f.size;
            folderSize[p].second += std::max<qint64>(0, f.compressed);
        }
    }
    // Per-folder totals (every level), so sorting by size ranks the folders too.
    for (auto it = folderSize.constBegin(); it != folderSize.constEnd(); ++it) {
        QStandardItem *f = it.key();
        QStandardItem *parent = f->parent() ? f->parent() : invisibleRootItem();
        QStandardItem *s = parent->child(f->row(), SizeColumn);
        setSize(s, it.value().first);
        s->setData(double(it.value().first) / total, Qt::UserRole + 1);
        if (perFileCompression) {
            setSize(parent->child(f->row(), CompressedColumn), it.value().second);
            setRatio(parent->child(f->row(), RatioColumn), it.value().first, it.value().second);
        }
    }
}

} // namespace wb::ui
