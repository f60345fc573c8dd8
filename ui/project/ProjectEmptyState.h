#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace wb::ui {

// What the Project view shows instead of a form when the folder is not a maturin project (or no
// project is open): an icon, what is missing, and the action that fills the view.
class ProjectEmptyState : public QWidget
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
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_newHere = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace wb::ui
