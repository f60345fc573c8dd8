#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QCheckBox;
class QComboBox;
class QLabel;

namespace wb::ui {

// Generate CI: a preview of .github/workflows/<name>.yml; writing never replaces a file without asking.
// A workflow that already builds with maturin-action (CI.yml, or any other name) is offered for
// replacing, chosen first, instead of adding a second release workflow. pytest jobs are opt-in.
class CiDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CiDialog(const QString &projectDir, QWidget *parent = nullptr);
    QString filePath() const;
    QString yaml() const;
    bool writeFile(bool askBeforeOverwrite = true);

private:
    void refresh();
    QString m_projectDir;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_pytest = nullptr;
    QComboBox *m_file = nullptr;
    QLabel *m_existing = nullptr;
    QLabel *m_target = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};

} // namespace wb::ui
