#pragma once

#include "core/build/BuildRequest.h"
#include "core/build/BuildResult.h"
#include "core/build/BuildRunner.h"
#include "core/build/ToolDiscovery.h"

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTimer;
template <typename T>
class QFutureWatcher;

namespace wb::ui {

class BuildConsole;
class IssuesFilterModel;
class IssuesModel;
class Workspace;

// Build the open project with maturin: options, the exact command line, progress, live output,
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
    QString projectDir() const { return m_projectDir; }

public Q_SLOTS:
    void setProject(const QString &dir);
    void build();
    void develop();
    void test();
    void sdist();
    void cancel();
    void saveLog();
    void generateCi();

Q_SIGNALS:
    // A run ended (a build, develop or test step); result.outcome says how.
    void runFinished(const wb::BuildResult &result);
    void toolsReady();
    // isRunning() or isIdle() may have changed (the window's toolbar follows it).
    void stateChanged();

private:
    enum class Step { Build, Develop, CreateVenv, InstallPytest, Pytest, Sdist };
    enum class Action { None, Build, Develop, Test, Sdist };
    struct QueuedRun {
        Step step;
        wb::RunCommand command;
    };
    QWidget *createOptions();
    void startQueue(QList<QueuedRun> runs);
    void startNext();
    void runFinishedInternally(const wb::BuildResult &result);
    void updateCommandLine();
    void updateButtons();
    void updateCounts();
    void updateProgress();
    void loadHistory();
    void discoverTools();
    void openIssue(const QModelIndex &index);
    bool ensureVenv(QList<QueuedRun> &runs);
    // False (and says why) when `action` cannot start now; waits for the tools when they are not known yet.
    bool canStart(Action action);
    QueuedRun developRun() const;
    QueuedRun pytestRun() const;
    QueuedRun installPytestRun() const;
    void startTests(bool pytestInstalled, QList<QueuedRun> runs);
    QString venvDir() const;

    Workspace *m_workspace = nullptr;
    QString m_projectDir;
    wb::ToolReport m_tools;
    bool m_toolsKnown = false;
    Action m_whenToolsReady = Action::None;
    bool m_checkingPytest = false;
    QFutureWatcher<wb::ToolReport> *m_toolWatcher = nullptr;
    wb::BuildRunner *m_runner = nullptr;
    QList<QueuedRun> m_queue;
    QString m_runProjectDir; // the project the current queue belongs to
    Step m_currentStep = Step::Build;
    QByteArray m_lastLog;
    QStringList m_lastArtifacts;

    // options
    QComboBox *m_profile = nullptr;
    QLineEdit *m_profileName = nullptr;
    QLineEdit *m_outDir = nullptr;
    QLineEdit *m_features = nullptr;
    QCheckBox *m_allFeatures = nullptr;
    QCheckBox *m_noDefaultFeatures = nullptr;
    QLineEdit *m_interpreters = nullptr;
    QCheckBox *m_findInterpreter = nullptr;
    QComboBox *m_compatibility = nullptr;
    QComboBox *m_auditwheel = nullptr;
    QComboBox *m_strip = nullptr;
    QCheckBox *m_zig = nullptr;
    QCheckBox *m_sdist = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_manifest = nullptr;
    QCheckBox *m_locked = nullptr;
    QCheckBox *m_frozen = nullptr;
    QCheckBox *m_offline = nullptr;
    QLineEdit *m_extra = nullptr;
    // run
    QLabel *m_projectLabel = nullptr;
    QLineEdit *m_commandLine = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_buildButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_developButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_sdistButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_clockTimer = nullptr;
    BuildConsole *m_console = nullptr;
    IssuesModel *m_issues = nullptr;
    IssuesFilterModel *m_issuesFilter = nullptr;
    QTableView *m_issuesView = nullptr;
    QLabel *m_issueCounts = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_toolsLabel = nullptr;
};

} // namespace wb::ui
