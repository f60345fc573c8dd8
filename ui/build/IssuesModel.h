#pragma once

#include "core/build/BuildEvent.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace wb::ui {

// Errors and warnings of a run: compiler diagnostics with their location, maturin's warnings, and
// each maturin failure as one error (its first cause; the rest of the "Caused by:" chain are details).
class IssuesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, MessageColumn, LocationColumn, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole, SeverityRole, DetailsRole /* QStringList: help, notes, causes */ };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    void addEvents(const QList<wb::BuildEvent> &events); // keeps diagnostics, maturin warnings and failures
    const wb::Diagnostic &issue(int row) const { return m_issues.at(row); }
    int count(wb::DiagnosticSeverity severity) const;

private:
    QList<wb::Diagnostic> m_issues;
};

// Shows errors and/or warnings (notes go with warnings) containing a text.
class IssuesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setShowErrors(bool show);
    void setShowWarnings(bool show);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_errors = true;
    bool m_warnings = true;
    QString m_text;
};

} // namespace wb::ui
