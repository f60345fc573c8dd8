#include "ui/wheels/WheelsView.h"

#include "ui/common/Workspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace wb::ui {

WheelsView::WheelsView(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_placeholder(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setText(tr("Not built yet."));
    layout->addWidget(m_placeholder);
}

} // namespace wb::ui
