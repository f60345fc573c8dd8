#pragma once

#include "core/release/CoverageMatrix.h"

#include <QAbstractTableModel>

namespace wb::ui {

// The coverage matrix as a table: rows are platforms, columns Python versions, and a last column with
// the row's size. Qt::UserRole of a cell is the path of the wheel that installs there (empty for a
// missing or undeclared cell); the tooltip names the wheels or says what happens to users.
class ReleaseMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    enum Role { WheelPathRole = Qt::UserRole, StateRole };

    void setMatrix(const CoverageMatrix &matrix);
    const CoverageMatrix &matrix() const { return m_matrix; }
    bool isSizeColumn(int column) const { return column == m_matrix.columns.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CoverageMatrix m_matrix;
};

} // namespace wb::ui
