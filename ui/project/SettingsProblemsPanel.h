#pragma once

#include "core/project/SettingsDiagnostic.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wb::ui {

class EmptyViewMessage;

// The lower half of the Project view: the summary line of what maturin will do with the settings,
// the list of problems found in them (severity, file:line:column, message, id; the message column
// takes the width, every column can be resized), and "Apply fix" for the selected one. With a
// project open and nothing found, the list says so instead of staying blank.
class SettingsProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsProblemsPanel(QWidget *parent = nullptr);

    void setSummary(const QString &html, const QString &toolTip);
    // `emptyText`: what the list shows when there is no problem ("" with no project open).
    void setDiagnostics(const QList<SettingsDiagnostic> &diagnostics, const QString &emptyText);

Q_SIGNALS:
    void fixRequested(const wb::SettingsDiagnostic &diagnostic);
    void locationActivated(const wb::SettingsDiagnostic &diagnostic);

private:
    int currentRow() const;
    void updateFixButton();

    QList<SettingsDiagnostic> m_diagnostics;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    EmptyViewMessage *m_empty = nullptr;
    QPushButton *m_fixButton = nullptr;
};

} // namespace wb::ui
