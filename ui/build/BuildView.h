#pragma once

#include <QWidget>

class QLabel;

namespace wb::ui {

class Workspace;

class BuildView : public QWidget
{
    Q_OBJECT
public:
    explicit BuildView(Workspace *workspace, QWidget *parent = nullptr);

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_placeholder = nullptr;
};

} // namespace wb::ui
