#include "ui/release/ReleaseMatrixModel.h"

#include "core/common/Counted.h"
#include "core/common/SizeFormat.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QLocale>
#include <QPalette>

namespace wb::ui {

void ReleaseMatrixModel::setMatrix(const CoverageMatrix &matrix)
{
    beginResetModel();
    m_matrix = matrix;
    endResetModel();
}

int ReleaseMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows.size());
}

int ReleaseMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_matrix.rows.isEmpty() ? 0 : int(m_matrix.columns.size()) + 1;
}

QVariant ReleaseMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_matrix.rows.size())
        return {};
    const MatrixRow &row = m_matrix.rows.at(index.row());
    if (isSizeColumn(index.column())) {
        if (role == Qt::DisplayRole)
            return row.present ? wb::formatSize(row.size) : QString();
        if (role == Qt::ToolTipRole)
            return row.present ? tr("%1, %2").arg(wb::counted(row.wheelCount, "wheel", "wheels"), wb::exactBytes(row.size)) : QString();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (index.column() >= m_matrix.columns.size())
        return {};
    const MatrixCell &cell = m_matrix.cell(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (cell.state == MatrixCell::State::Missing)
            return tr("missing: %1").arg(m_matrix.consequence);
        return cell.state == MatrixCell::State::Open ? QStringLiteral("—") : cell.text;
    case Qt::ToolTipRole:
        if (cell.state == MatrixCell::State::Open)
            return tr("No wheel, and the project does not declare %1 here").arg(m_matrix.columns.at(index.column()).label);
        if (cell.state == MatrixCell::State::Missing)
            return tr("No wheel for %1 on %2.\n%3").arg(m_matrix.columns.at(index.column()).label, row.label, m_matrix.consequence);
        return tr("%1\nDouble-click to open it in the Wheels view").arg(cell.detail);
    case Qt::BackgroundRole:
        switch (cell.state) {
        case MatrixCell::State::Present: return QBrush(QColor(0xd4, 0xed, 0xda));
        case MatrixCell::State::Covered: return QBrush(QColor(0xdd, 0xea, 0xf7));
        case MatrixCell::State::Missing: return QBrush(QColor(0xf8, 0xd7, 0xda));
        case MatrixCell::State::Open: return {};
        }
        return {};
    case Qt::ForegroundRole:
        return cell.state == MatrixCell::State::Open ? QVariant() : QBrush(QColor(0x20, 0x20, 0x20));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case WheelPathRole:
        return cell.wheels.value(0);
    case StateRole:
        return int(cell.state);
    default:
        return {};
    }
}

QVariant ReleaseMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section == m_matrix.columns.size())
            return role == Qt::DisplayRole ? tr("Size") : QVariant();
        if (section < 0 || section > m_matrix.columns.size())
            return {};
        const MatrixColumn &c = m_matrix.columns.at(section);
        if (role == Qt::DisplayRole)
            return c.label;
        if (role == Qt::ToolTipRole)
            return c.declared ? tr("%1: declared by the project").arg(c.label) : tr("%1: not declared, present in the set").arg(c.label);
        return {};
    }
    if (section < 0 || section >= m_matrix.rows.size())
        return {};
    const MatrixRow &r = m_matrix.rows.at(section);
    if (role == Qt::DisplayRole)
        return r.levels.isEmpty() ? r.label : QStringLiteral("%1 (%2)").arg(r.label, r.levels.join(QStringLiteral(", ")));
    if (role == Qt::ToolTipRole) {
        QStringList t{r.label};
        if (!r.levels.isEmpty())
            t.append(tr("Levels: %1").arg(r.levels.join(QStringLiteral(", "))));
        if (r.inCi)
            t.append(tr("Built by the CI workflow: %1").arg(r.ciWhere));
        if (!r.present)
            t.append(tr("No wheel in this set"));
        return t.join(u'\n');
    }
    return {};
}

} // namespace wb::ui
