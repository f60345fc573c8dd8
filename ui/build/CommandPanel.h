#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace wb::ui {

// The command line of the Build view: what Build would run with the options (or what runs now), a Copy
// button, and the notes about it (options the version lacks, overrides of the project's settings).
class CommandPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CommandPanel(QWidget *parent = nullptr);

    void showPlanned(const QString &commandLine, const QString &maturinVersion);
    void showRunning(const QString &commandLine);
    void setNotes(const QStringList &notes);

private:
    QLabel *m_label = nullptr;
    QLineEdit *m_line = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace wb::ui
