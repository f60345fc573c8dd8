#pragma once

#include "core/diagnose/FixApplier.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;
class QTreeWidget;

namespace wb::ui {

class Workspace;

// Names the cause of build, import and packaging problems from what is open (project, wheel, last
// build log) and a pasted error message; shows the evidence and applies configuration fixes with a
// diff preview and undo. Evidence is read and diagnosed off the UI thread.
class TroubleshootingView : public QWidget
{
    Q_OBJECT
public:
    explicit TroubleshootingView(Workspace *workspace, QWidget *parent = nullptr);

    QList<diagnose::Finding> findings() const { return m_findings; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void findingsChanged();

private:
    void showFindings(const QList<diagnose::Finding> &findings);
    void showSelected();
    const diagnose::Finding *selected() const;
    void applySelectedFix();
    void undoLastFix();
    void copyCommand();

    Workspace *m_workspace = nullptr;
    QPlainTextEdit *m_errorInput = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_tree = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_undoButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTimer *m_pasteTimer = nullptr;
    QList<diagnose::Finding> m_findings;
    int m_generation = 0;
    QList<diagnose::PreparedFix> m_undo;  // applied fixes, newest last
};

} // namespace wb::ui
