#pragma once

#include "core/build/BuildRequest.h"
#include "core/build/BuildResult.h"
#include "core/build/BuildRunner.h"
#include "core/build/TestSetup.h"
#include "core/build/ToolDiscovery.h"
#include "ui/build/RunPlan.h"

#include <QWidget>

class QLabel;
class QToolButton;
class QTimer;

namespace wb::ui {

class BuildActions;
class BuildConsole;
class BuildOptionsForm;
class CommandPanel;
class HistoryModel;
class HistoryPanel;
class IssueOpener;
class IssuesModel;
class IssuesPanel;
class RunProgressBar;
class ToolsPanel;
class Workspace;

// Build the open project with maturin: options, the command that runs, progress, live output,
// issues, history; Develop, Test, Sdist and Generate CI.
class BuildView : public QWidget
{
    Q_OBJECT
public:
    explicit BuildView(Workspace *workspace, QWidget *parent = nullptr);
    ~BuildView() override;

    wb::BuildRequest request() const;  // from the options form
    bool isRunning() const;
    // Whether Build, Develop and Test can start now (a project is open, nothing runs).
    bool isIdle() const;
    IssuesModel *issues() const { return m_issues; }
    // Build, Develop, Test, Sdist, Cancel, Generate CI, Save Log: the buttons are these actions.
    BuildActions *actions() const { return m_actions; }
    HistoryModel *history() const;
    IssueOpener *issueOpener() const { return m_opener; }
    QString projectDir() const { return m_projectDir; }
    // The maturin version the options and the command follow (tool discovery sets it; empty: unknown).
    QString maturinVersion() const;

public Q_SLOTS:
    void setProject(const QString &dir);
    void build();
    void develop();
    void test();
    void sdist();
    void cancel();
    void saveLog();
    void generateCi();
    // Options the version lacks are disabled, the command is written in its form.
    void setMaturinVersion(const QString &version);

Q_SIGNALS:
    // A run ended (a build, develop, test or setup step); result.outcome says how.
    void runFinished(const wb::BuildResult &result);
    void toolsReady();
    // isRunning() or isIdle() may have changed (the window's toolbar follows it).
    void stateChanged();

private:
    using Step = QueuedRun::Step;
    enum class Action { None, Build, Develop, Test, Sdist };
    void createCommandControls();
    void createRunControls();
    void createProgressControls();
    void createConsole();
    void connectWorkspace();
    void createLayout(QWidget *options, QWidget *tabs);
    QWidget *createTabs();
    void startQueue(QList<QueuedRun> runs);
    void startNext();
    void runFinishedInternally(const wb::BuildResult &result);
    void record(Step step, const wb::BuildResult &result);
    void showArtifacts(const QStringList &artifacts);
    void pytestInstallFailed(const wb::BuildResult &result);
    void updateCommandLine();
    void updateButtons();
    void updateProgress();
    void toolsDiscovered();
    const wb::ToolReport &tools() const;
    // False (and says why) when `action` cannot start now; waits for the tools when they are not known yet.
    bool canStart(Action action);
    void testWith(const wb::PytestProbe &probe);
    RunPlan::Context planContext() const;

    Workspace *m_workspace = nullptr;
    QString m_projectDir;
    bool m_buildable = false;   // the folder has a pyproject.toml or a Cargo.toml
    Action m_whenToolsReady = Action::None;
    bool m_checkingPytest = false;
    wb::PytestProbe m_probe; // of the last Test
    wb::BuildRunner *m_runner = nullptr;
    QList<QueuedRun> m_queue;
    QString m_runProjectDir; // the project the current queue belongs to
    Step m_currentStep = Step::Build;
    int m_consoleRun = 0;
    QByteArray m_lastLog;
    QStringList m_lastArtifacts;

    BuildActions *m_actions = nullptr;
    BuildOptionsForm *m_options = nullptr;
    QLabel *m_projectLabel = nullptr;
    CommandPanel *m_command = nullptr;
    QToolButton *m_buildButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_developButton = nullptr;
    QToolButton *m_testButton = nullptr;
    QToolButton *m_sdistButton = nullptr;
    QToolButton *m_ciButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    RunProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_artifactLinks = nullptr;
    QTimer *m_clockTimer = nullptr;
    BuildConsole *m_console = nullptr;
    IssuesPanel *m_issuesPanel = nullptr;
    IssuesModel *m_issues = nullptr;
    IssueOpener *m_opener = nullptr;
    HistoryPanel *m_history = nullptr;
    ToolsPanel *m_toolsPanel = nullptr;
};

} // namespace wb::ui
