#pragma once

#include "ui/common/PlaceholderPage.h"

class QAction;

namespace wb::ui {

// What the Project view shows instead of a form when the folder is not a maturin project (or no
// project is open): an icon, what is missing, and the actions that fill the view (New Project Here,
// Open Project).
class ProjectEmptyState : public PlaceholderPage
{
    Q_OBJECT
public:
    explicit ProjectEmptyState(QWidget *parent = nullptr);

    // dir empty: no project open.
    void showFolder(const QString &dir, const QString &whyNotAProject);
    QString folder() const { return m_dir; }
    QString message() const;

Q_SIGNALS:
    void newProjectRequested(const QString &dir);
    void openProjectRequested();

private:
    QString m_dir;
    QAction *m_newHere = nullptr;
    QAction *m_open = nullptr;
};

} // namespace wb::ui
