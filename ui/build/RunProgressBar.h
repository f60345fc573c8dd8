#pragma once

#include "core/build/BuildEvent.h"
#include "core/build/BuildResult.h"

#include <QProgressBar>

namespace wb::ui {

// The progress of a run: busy until cargo reports units, then units done of the total; at the end
// full and saying how it ended (Succeeded, Failed in red, Cancelled in grey, Failed to start),
// never left at cargo's last count.
class RunProgressBar : public QProgressBar
{
    Q_OBJECT
public:
    explicit RunProgressBar(QWidget *parent = nullptr);
    void start();
    void showProgress(const wb::BuildProgress &progress);
    void finish(wb::BuildResult::Outcome outcome);
    QString finishedState() const { return m_finished; } // outcomeName, empty while running
    static QString stateText(wb::BuildResult::Outcome outcome);

private:
    QString m_finished;
};

} // namespace wb::ui
