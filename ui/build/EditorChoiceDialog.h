#pragma once

#include "ui/build/EditorLauncher.h"

#include <QDialog>

class QLineEdit;
class QRadioButton;
class QPushButton;

namespace wb::ui {

// Asked once, the first time an issue is opened without an editor configured (and by Editor…):
// an editor command with %f %l %c, or Wheelbench's read-only viewer. The choice is remembered.
class EditorChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    // `what`: the file and line about to be opened ("src/lib.rs:14"), or empty from Editor….
    explicit EditorChoiceDialog(const QString &what, QWidget *parent = nullptr);
    EditorLauncher::OpenWith choice() const;
    QString command() const;
    void accept() override; // remembers the choice

private:
    void update();
    QRadioButton *m_editor = nullptr;
    QRadioButton *m_viewer = nullptr;
    QLineEdit *m_command = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace wb::ui
