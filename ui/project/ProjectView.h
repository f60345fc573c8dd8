#pragma once

#include <QWidget>

class QLabel;

namespace wb::ui {

class Workspace;

class ProjectView : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectView(Workspace *workspace, QWidget *parent = nullptr);

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_placeholder = nullptr;
};

} // namespace wb::ui
