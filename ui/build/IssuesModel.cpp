#include "ui/build/IssuesModel.h"
#include "ui/common/SeverityIcon.h"

#include <QDir>
#include <QIcon>

namespace wb::ui {

int IssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_issues.size())
        return {};
    const wb::Diagnostic &d = m_issues.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SeverityColumn)
            return d.code.isEmpty() ? wb::severityName(d.severity) : QStringLiteral("%1[%2]").arg(wb::severityName(d.severity), d.code);
        if (index.column() == MessageColumn)
            return d.message;
        if (index.column() == LocationColumn && d.hasLocation())
            return d.column > 0 ? QStringLiteral("%1:%2:%3").arg(d.printedFile).arg(d.line).arg(d.column)
                                : QStringLiteral("%1:%2").arg(d.printedFile).arg(d.line);
        if (index.column() == LocationColumn)
            return d.printedFile;
        return {};
    case Qt::ToolTipRole:
        return d.rendered.isEmpty() ? d.message : d.rendered;
    case DetailsRole:
        return d.children;
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn)
            return {};
        return severityIcon(d.severity == wb::DiagnosticSeverity::Error ? IconSeverity::Error : IconSeverity::Warning);
    case FileRole:
        return d.file;
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case SeverityRole:
        return int(d.severity);
    case RunRole:
        return m_runs.value(index.row());
    case LogLineRole:
        return d.logLine;
    case SortRole:
        if (index.column() == SeverityColumn)
            return int(d.severity);
        if (index.column() == MessageColumn)
            return d.message;
        return {};
    default:
        return {};
    }
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case MessageColumn: return tr("Message");
    case LocationColumn: return tr("Location");
    default: return {};
    }
}

void IssuesModel::clear()
{
    beginResetModel();
    m_issues.clear();
    m_runs.clear();
    endResetModel();
}

void IssuesModel::addEvents(const QList<wb::BuildEvent> &events, int run)
{
    QList<wb::Diagnostic> add;
    for (const wb::BuildEvent &e : events) {
        if (e.kind == wb::BuildEvent::Kind::Diagnostic) {
            add << e.diagnostic;
        } else if (e.kind == wb::BuildEvent::Kind::MaturinFailed) {
            // One error for the whole "Caused by:" chain; the other causes are its details.
            wb::Diagnostic d = e.diagnostic;
            d.message = tr("maturin failed: %1").arg(d.message);
            add << d;
        } else if (e.kind == wb::BuildEvent::Kind::MaturinWarning) {
            wb::Diagnostic d;
            d.severity = wb::DiagnosticSeverity::Warning;
            d.message = e.text;
            d.logLine = e.logLine;
            add << d;
        }
    }
    if (add.isEmpty())
        return;
    beginInsertRows({}, int(m_issues.size()), int(m_issues.size() + add.size() - 1));
    m_issues += add;
    m_runs.insert(m_runs.size(), add.size(), run);
    endInsertRows();
}

int IssuesModel::count(wb::DiagnosticSeverity severity) const
{
    int n = 0;
    for (const wb::Diagnostic &d : m_issues)
        n += d.severity == severity;
    return n;
}

void IssuesFilterModel::setShowErrors(bool show)
{
    m_errors = show;
    invalidateFilter();
}

void IssuesFilterModel::setShowWarnings(bool show)
{
    m_warnings = show;
    invalidateFilter();
}

void IssuesFilterModel::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

bool IssuesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool error = index.data(IssuesModel::SeverityRole).toInt() == int(wb::DiagnosticSeverity::Error);
    if ((error && !m_errors) || (!error && !m_warnings))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = 0; c < IssuesModel::ColumnCount; ++c) {
        if (sourceModel()->index(sourceRow, c, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool IssuesFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    auto *model = qobject_cast<const IssuesModel *>(sourceModel());
    if (!model)
        return QSortFilterProxyModel::lessThan(left, right);
    const wb::Diagnostic &a = model->issue(left.row());
    const wb::Diagnostic &b = model->issue(right.row());
    auto byLocation = [&]() -> int {
        if (a.printedFile.isEmpty() != b.printedFile.isEmpty())
            return a.printedFile.isEmpty() ? 1 : -1; // issues without a file after those with one
        if (const int c = QString::compare(a.printedFile, b.printedFile, Qt::CaseInsensitive))
            return c;
        if (a.line != b.line)
            return a.line < b.line ? -1 : 1;
        return a.column == b.column ? 0 : (a.column < b.column ? -1 : 1);
    };
    int c = 0;
    switch (left.column()) {
    case IssuesModel::SeverityColumn:
        c = int(a.severity) - int(b.severity);
        if (c == 0)
            c = byLocation();
        break;
    case IssuesModel::MessageColumn:
        c = QString::localeAwareCompare(a.message, b.message);
        break;
    default:
        c = byLocation();
        break;
    }
    if (c != 0)
        return c < 0;
    return left.row() < right.row(); // the order of the run
}

} // namespace wb::ui
