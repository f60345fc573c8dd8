#pragma once

#include <QSortFilterProxyModel>

namespace wb::ui {

class RecordModel;

// RECORD entries whose path contains a text (case-insensitive) and whose status is one chosen:
// any, any problem, or one status. Reads the source's entries directly (no QVariant per row).
class RecordFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int AnyStatus = -1;
    static constexpr int AnyProblem = -2;

    explicit RecordFilterModel(RecordModel *source, QObject *parent = nullptr);
    void setPathFilter(const QString &text);
    void setStatusFilter(int status);   // AnyStatus, AnyProblem or int(RecordEntry::Status)
    int statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RecordModel *m_source;
    QString m_path;
    int m_status = AnyStatus;
};

} // namespace wb::ui
