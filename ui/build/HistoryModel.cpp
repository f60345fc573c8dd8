#include "ui/build/HistoryModel.h"

#include "core/common/SizeFormat.h"

#include <QFileInfo>
#include <QLocale>

namespace wb::ui {

QString HistoryModel::duration(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString HistoryModel::kindName(const QString &kind)
{
    if (kind.isEmpty() || kind == u"build")
        return tr("Build");
    if (kind == u"develop")
        return tr("Develop");
    if (kind == u"sdist")
        return tr("Sdist");
    if (kind == u"test")
        return tr("Test");
    if (kind == u"venv")
        return tr("Create venv");
    if (kind == u"install-pytest")
        return tr("Install pytest");
    return kind;
}

void HistoryModel::setRecords(const QList<wb::BuildRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const wb::BuildRecord &r = m_records.at(index.row());
    const QLocale locale;
    auto artifacts = [&](const QString &separator) {
        QStringList out;
        for (const wb::BuildArtifact &a : r.artifacts)
            out << tr("%1 (%2)").arg(QFileInfo(a.path).fileName(), a.size >= 0 ? formatSize(a.size) : tr("gone"));
        return out.join(separator);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhatColumn: return kindName(r.kind);
        case WhenColumn: return locale.toString(r.when.toLocalTime(), QLocale::ShortFormat);
        case TookColumn: return duration(r.durationMs);
        case ResultColumn:
            if (r.testsPassed >= 0 || r.testsFailed >= 0)
                return tr("%1 (%2 passed, %3 failed)").arg(r.outcome).arg(qMax(0, r.testsPassed)).arg(qMax(0, r.testsFailed));
            return r.outcome;
        case ArtifactsColumn: return artifacts(QStringLiteral(", "));
        case CommandColumn: return r.command;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == ArtifactsColumn) {
            QStringList paths;
            for (const wb::BuildArtifact &a : r.artifacts)
                paths << a.path;
            return paths.join(u'\n');
        }
        if (index.column() == CommandColumn)
            return r.command;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn: return tr("Run");
    case WhenColumn: return tr("When");
    case TookColumn: return tr("Took");
    case ResultColumn: return tr("Result");
    case ArtifactsColumn: return tr("Artifacts");
    case CommandColumn: return tr("Command");
    default: return {};
    }
}

} // namespace wb::ui
