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
    // The same rows with new statuses (the full report after the quick one): changed in place, so
    // views keep their selection, scroll position and sort. Falls back to setEntries when the rows differ.
    void updateEntries(const QList<RecordEntry> &entries);
    // While contents are being hashed, rows not hashed yet say "verifying…".
    void setVerifying(bool verifying);
    const QList<RecordEntry> &entries() const { return m_entries; }
    int count(RecordEntry::Status status) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The status as the Status column says it ("verifying…" for rows not hashed yet while verifying).
    QString statusName(RecordEntry::Status status) const;

private:
    // A row's status; while verifying, "verifying…" only for rows that will be hashed (RECORD's own
    // row and listed folders carry no digest: they stay "not hashed").
    QString statusText(const RecordEntry &e) const { return awaitsHash(e) ? statusName(e.status) : RecordEntry::statusName(e.status); }
    bool awaitsHash(const RecordEntry &e) const
    {
        return m_verifying && e.status == RecordEntry::Status::NotHashed && !e.recordDigest.isEmpty();
    }

    QList<RecordEntry> m_entries;
    bool m_verifying = false;
};

} // namespace wb::ui
