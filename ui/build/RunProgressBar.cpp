#include "ui/build/RunProgressBar.h"

namespace wb::ui {

RunProgressBar::RunProgressBar(QWidget *parent)
    : QProgressBar(parent)
{
    setAccessibleName(tr("Progress"));
    setRange(0, 1);
    setValue(0);
    setFormat(tr("Nothing run yet"));
    setTextVisible(true);
}

QString RunProgressBar::stateText(wb::BuildResult::Outcome outcome)
{
    switch (outcome) {
    case wb::BuildResult::Outcome::Succeeded: return tr("Succeeded");
    case wb::BuildResult::Outcome::Failed: return tr("Failed");
    case wb::BuildResult::Outcome::Cancelled: return tr("Cancelled");
    case wb::BuildResult::Outcome::FailedToStart: return tr("Failed to start");
    }
    return {};
}

void RunProgressBar::start()
{
    m_finished.clear();
    setPalette(QPalette());
    setFormat(QStringLiteral("%v/%m"));
    setRange(0, 0); // busy until cargo reports units
    setTextVisible(false);
}

void RunProgressBar::showProgress(const wb::BuildProgress &progress)
{
    if (progress.total > 0) {
        setRange(0, progress.total);
        setValue(progress.done);
        setTextVisible(true);
    } else {
        setRange(0, 0);
    }
}

void RunProgressBar::finish(wb::BuildResult::Outcome outcome)
{
    QPalette colours;
    if (outcome == wb::BuildResult::Outcome::Failed || outcome == wb::BuildResult::Outcome::FailedToStart)
        colours.setColor(QPalette::Highlight, QColor(0xc0, 0x1c, 0x28));
    else if (outcome == wb::BuildResult::Outcome::Cancelled)
        colours.setColor(QPalette::Highlight, QColor(0x9a, 0x99, 0x96));
    m_finished = wb::BuildResult::outcomeName(outcome);
    setRange(0, 1);
    setValue(1);
    setPalette(colours);
    setFormat(stateText(outcome));
    setTextVisible(true);
}

} // namespace wb::ui
