#include "ui/wheels/RecordFilterModel.h"

#include "ui/wheels/RecordModel.h"

namespace wb::ui {

RecordFilterModel::RecordFilterModel(RecordModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setSortRole(RecordModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RecordFilterModel::setPathFilter(const QString &text)
{
    if (text == m_path)
        return;
    m_path = text;
    invalidateRowsFilter();
}

void RecordFilterModel::setStatusFilter(int status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

bool RecordFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || sourceRow >= m_source->entries().size())
        return false;
    const RecordEntry &e = m_source->entries().at(sourceRow);
    if (m_status == AnyProblem && !e.isProblem())
        return false;
    if (m_status >= 0 && int(e.status) != m_status)
        return false;
    return m_path.isEmpty() || e.path.contains(m_path, Qt::CaseInsensitive);
}

} // namespace wb::ui
