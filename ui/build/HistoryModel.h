#pragma once

#include "core/build/BuildHistory.h"

#include <QAbstractTableModel>

namespace wb::ui {

// The project's past runs, newest first: what ran (Build, Develop, Test, …), when, how long, the
// outcome (with the test counts of a test run), the artifacts and their sizes, the command.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhatColumn, WhenColumn, TookColumn, ResultColumn, ArtifactsColumn, CommandColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(const QList<wb::BuildRecord> &records);
    const QList<wb::BuildRecord> &records() const { return m_records; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString kindName(const QString &kind); // "test" -> "Test", "install-pytest" -> "Install pytest"
    static QString duration(qint64 ms);           // "4.2 s", "2 min 3 s"

private:
    QList<wb::BuildRecord> m_records;
};

} // namespace wb::ui
