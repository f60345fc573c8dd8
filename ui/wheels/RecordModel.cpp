#include "ui/wheels/RecordModel.h"

#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

#include <algorithm>

namespace wb::ui {

void RecordModel::setEntries(const QList<RecordEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void RecordModel::updateEntries(const QList<RecordEntry> &entries)
{
    bool same = entries.size() == m_entries.size();
    for (qsizetype i = 0; same && i < entries.size(); ++i)
        same = entries.at(i).path == m_entries.at(i).path;
    if (!same) {
        setEntries(entries);
        return;
    }
    m_entries = entries;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
}

void RecordModel::setVerifying(bool verifying)
{
    if (verifying == m_verifying)
        return;
    m_verifying = verifying;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_entries.size()) - 1, StatusColumn));
}

QString RecordModel::statusName(RecordEntry::Status status) const
{
    if (m_verifying && status == RecordEntry::Status::NotHashed)
        return tr("verifying…");
    return RecordEntry::statusName(status);
}

int RecordModel::count(RecordEntry::Status status) const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [status](const RecordEntry &e) { return e.status == status; }));
}

int RecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString sizeToolTip(const RecordEntry &e)
{
    QStringList lines;
    if (e.archiveSize >= 0)
        lines.append(QCoreApplication::translate("wb::ui::RecordModel", "In the archive: %1").arg(exactBytes(e.archiveSize)));
    else
        lines.append(QCoreApplication::translate("wb::ui::RecordModel", "Not in the archive"));
    if (e.recordSize >= 0)
        lines.append(QCoreApplication::translate("wb::ui::RecordModel", "RECORD says: %1").arg(exactBytes(e.recordSize)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QVariant RecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RecordEntry &e = m_entries.at(index.row());
    const qint64 size = e.archiveSize >= 0 ? e.archiveSize : e.recordSize;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn: return e.path;
        case StatusColumn: return statusText(e);
        case SizeColumn: return size >= 0 ? formatSize(size) : QString();
        case DigestColumn: return e.recordDigest;
        case ProblemColumn: return e.problem;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case PathColumn: return readableToolTip(e.path);
        case StatusColumn:
            return readableToolTip(e.problem.isEmpty() ? statusText(e) : statusText(e) + QLatin1Char('\n') + e.problem);
        case SizeColumn: return readableToolTip(sizeToolTip(e));
        case DigestColumn: return readableToolTip(e.recordDigest);
        case ProblemColumn: return readableToolTip(e.problem);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && e.isProblem())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (index.column() == StatusColumn && e.status == RecordEntry::Status::Verified)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (index.column() == StatusColumn && awaitsHash(e))
            return QBrush(QColor(0x75, 0x75, 0x75));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (index.column() == SizeColumn)
            return size;
        if (index.column() == StatusColumn)
            return int(e.status);
        return data(index, Qt::DisplayRole);
    case StatusRole:
        return int(e.status);
    }
    return {};
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn: return tr("Path");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case DigestColumn: return tr("RECORD hash");
    case ProblemColumn: return tr("Problem");
    }
    return {};
}

} // namespace wb::ui
