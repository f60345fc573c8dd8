#pragma once

#include "core/project/ProjectTemplate.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;

namespace wb::ui {

// File → New Project… and the empty state's "New Project Here": the folder, the name and the layout,
// then the files that will be created, each viewable, before anything is written. Nothing is
// overwritten: when a file exists already, Create stays disabled and says which.
class NewProjectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewProjectDialog(const QString &dir, QWidget *parent = nullptr);

    ProjectTemplate::Plan plan() const { return m_plan; }
    // Writes the plan; false (with a message box) when it cannot.
    bool create();

private:
    void updatePlan();

    QString m_dir;
    ProjectTemplate::Plan m_plan;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_mixed = nullptr;
    QRadioButton *m_pure = nullptr;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wb::ui
