#include "ui/build/HistoryPanel.h"

#include "core/build/BuildHistory.h"
#include "core/build/BuildResult.h"
#include "ui/build/HistoryModel.h"

namespace wb::ui {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QTreeView(parent)
    , m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("buildHistory"));
    setModel(m_model);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
}

void HistoryPanel::showProject(const QString &projectDir)
{
    m_model->setRecords(projectDir.isEmpty() ? QList<wb::BuildRecord>() : wb::BuildHistory().records(projectDir));
    for (int column = 0; column < HistoryModel::CommandColumn; ++column)
        resizeColumnToContents(column);
}

void HistoryPanel::record(const QString &runProjectDir, const QString &kind, const wb::BuildResult &result,
                          const QString &shownProjectDir)
{
    wb::BuildHistory().add(runProjectDir, wb::BuildRecord::of(kind, result));
    showProject(shownProjectDir);
}

} // namespace wb::ui
