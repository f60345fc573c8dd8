#pragma once

#include "core/wheel/WheelReport.h"

#include <QAbstractTableModel>

namespace wb::ui {

// Every RECORD entry of a wheel with its status (verified, hash mismatch, size mismatch, missing from
// the archive, not listed in RECORD, ...). Data is produced on demand, so 60,000 entries cost one list.
class RecordModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PathColumn, StatusColumn, SizeColumn, DigestColumn, ProblemColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;        // numbers for the size column, text elsewhere
    static constexpr int StatusRole = Qt::UserRole + 1;  // int(RecordEntry::Status)

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<RecordEntry> &entries);
    const QList<RecordEntry> &entries() const { return m_entries; }
    int count(RecordEntry::Status status) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RecordEntry> m_entries;
};

} // namespace wb::ui
