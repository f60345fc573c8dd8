#pragma once

#include "core/build/BuildEvent.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace wb::ui {

class EmptyViewMessage;
class IssueOpener;
class IssuesFilterModel;
class IssuesModel;

// The Issues tab: errors and warnings of the runs, filtered and sorted by file and line. Selecting
// one asks for its line in the log (logLineRequested); double-clicking opens its file (IssueOpener).
class IssuesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IssuesPanel(QWidget *parent = nullptr);
    IssuesModel *model() const { return m_issues; }
    IssueOpener *opener() const { return m_opener; }
    void clear();
    void addEvents(const QList<wb::BuildEvent> &events, int run);

Q_SIGNALS:
    void logLineRequested(int run, int logLine);
    void message(const QString &text); // for the status line

private:
    void updateCounts();
    void open(const QModelIndex &index);

    IssuesModel *m_issues = nullptr;
    IssuesFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_counts = nullptr;
    EmptyViewMessage *m_empty = nullptr;
    IssueOpener *m_opener = nullptr;
};

} // namespace wb::ui
