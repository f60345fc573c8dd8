#pragma once

#include <QTreeView>

namespace wb {
struct BuildResult;
}

namespace wb::ui {

class HistoryModel;

// The Build view's History tab: the open project's past runs, newest first, as BuildHistory keeps them.
class HistoryPanel : public QTreeView
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    HistoryModel *historyModel() const { return m_model; }
    // Shows `projectDir`'s runs (none for an empty one).
    void showProject(const QString &projectDir);
    // Records a run that just ended for `runProjectDir` (kind as BuildRecord::kind), then shows
    // `shownProjectDir`'s runs.
    void record(const QString &runProjectDir, const QString &kind, const wb::BuildResult &result, const QString &shownProjectDir);

private:
    HistoryModel *m_model = nullptr;
};

} // namespace wb::ui
