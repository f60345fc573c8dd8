#pragma once

#include "core/diagnose/Diagnosis.h"
#include "core/diagnose/FixApplier.h"
#include "ui/troubleshoot/DiagnosisInputsBar.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QUrl;
class QTimer;

namespace wb::ui {

class DiagnosisFindingsTree;
class Workspace;

// Names the cause of build, import and packaging problems from what is open (project, wheel, last
// build log or a log file) and a pasted error message; shows which inputs it diagnoses (each can be
// left out), the evidence, and applies configuration fixes with a diff preview and undo. Evidence is
// read and diagnosed off the UI thread (DiagnosisRunner, the same as `wheelbench diagnose`), and again
// when the project's settings files, the wheel or the log file change on disk.
class TroubleshootingView : public QWidget
{
    Q_OBJECT
public:
    explicit TroubleshootingView(Workspace *workspace, QWidget *parent = nullptr);

    QList<diagnose::Finding> findings() const;
    QStringList notes() const { return m_notes; }
    // A build log file to diagnose (watched); empty: the last build's log, if any.
    void setLogFile(const QString &path);
    QStringList watchedFiles() const;

public Q_SLOTS:
    void refresh();
    void refreshWhenShown(); // now when visible, else when next shown

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void findingsChanged();

private:
    void buildLayout();
    void connectInputs();
    diagnose::EvidenceRequest currentRequest() const;
    void updateInputs(const diagnose::EvidenceRequest &request);
    void removeInput(DiagnosisInputsBar::Kind kind);
    void chooseLogFile();
    void watch(const diagnose::Evidence &evidence);
    void showDiagnosis(const diagnose::Diagnosis &diagnosis);
    void showFindings(const QList<diagnose::Finding> &findings);
    void showSelected();
    const diagnose::Finding *selected() const;
    void applySelectedFix();
    void undoLastFix();
    void copyCommand();
    void openLink(const QUrl &url);

    Workspace *m_workspace = nullptr;
    bool m_stale = false;    // an input changed while the view was hidden
    QPlainTextEdit *m_errorInput = nullptr;
    DiagnosisInputsBar *m_inputs = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QTimer *m_busyDelay = nullptr;
    DiagnosisFindingsTree *m_tree = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_undoButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_rerunButton = nullptr;
    QTimer *m_pasteTimer = nullptr;
    QFileSystemWatcher *m_fileWatcher = nullptr;
    QTimer *m_changeTimer = nullptr;
    bool m_projectExcluded = false;
    bool m_wheelExcluded = false;
    bool m_buildLogExcluded = false;
    QString m_logFile;
    QStringList m_notes;
    int m_generation = 0;
    QList<diagnose::PreparedFix> m_undo;  // applied fixes, newest last
};

} // namespace wb::ui
