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
    enum Role {
        FileRole = Qt::UserRole + 1,
        LineRole,
        ColumnRole,
        SeverityRole,
        DetailsRole, // QStringList: help, notes, causes
        RunRole,     // the console run it came from (BuildConsole::beginRun)
        LogLineRole, // its line in that run's output
        SortRole,    // what the column sorts by
    };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    // Keeps diagnostics (compiler errors, failing tests), maturin warnings and failures of run `run`.
    void addEvents(const QList<wb::BuildEvent> &events, int run = 0);
    const wb::Diagnostic &issue(int row) const { return m_issues.at(row); }
    int count(wb::DiagnosticSeverity severity) const;

private:
    QList<wb::Diagnostic> m_issues;
    QList<int> m_runs;
};

// Shows errors and/or warnings (notes go with warnings) containing a text, sorted by the clicked
// column: Location sorts by file, then line and column numerically (issues without a file last,
// in the order they came); ties keep the order of the run.
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
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_errors = true;
    bool m_warnings = true;
    QString m_text;
};

} // namespace wb::ui
