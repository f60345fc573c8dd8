#pragma once

#include "core/release/ReleaseReport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QTabWidget;
class QTreeView;

namespace wb::ui {

class ReleaseMatrixModel;
class Workspace;

// The Release area: a folder (or some files) of wheels and sdists that a CI run produced, checked as
// one release. The coverage matrix (double-click a cell to open its wheel in the Wheels view), the
// findings (PyPI's upload checks, consistency, coverage, each with its source) and the comparison
// with a previous release. Reading runs on a worker thread and can be cancelled.
class ReleaseView : public QWidget
{
    Q_OBJECT
public:
    explicit ReleaseView(Workspace *workspace, QWidget *parent = nullptr);
    ~ReleaseView() override;

    // Checks PATHS (folders and/or files) as one release; the project folder of the workspace, if
    // any, supplies pyproject.toml, Cargo.toml and the CI workflows.
    void openPaths(const QStringList &paths);
    void setPrevious(const QStringList &paths);   // empty: no comparison
    void openFolderDialog();
    bool isBusy() const;
    void cancel();
    const ReleaseReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    QTableView *matrixView() const { return m_matrixView; }
    QTreeView *findingsView() const { return m_findingsView; }
    QString summaryText() const;
    QString comparisonText() const;

Q_SIGNALS:
    void reportReady();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void start();
    void showReport(const ReleaseReport &report);
    void fillFindings();
    void fillComparison();
    void showError(const QString &text);
    void openCell(const QModelIndex &index);
    // The findings' File column holds a file name; its path, for opening it.
    static constexpr int FilePathRole = Qt::UserRole + 1;
    QString pathOf(const QString &fileName) const;
    void openFinding(const QModelIndex &index);
    void openFilesDialog();
    void choosePrevious();

    Workspace *m_workspace = nullptr;
    QStringList m_paths, m_previous;
    ReleaseReport m_report;
    bool m_hasReport = false;
    int m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<ReleaseReport> *m_watcher = nullptr;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_setLabel = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_banner = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_clearPrevious = nullptr;
    QTableView *m_matrixView = nullptr;
    ReleaseMatrixModel *m_matrix = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_findingsView = nullptr;
    QStandardItemModel *m_findings = nullptr;
    QLabel *m_comparison = nullptr;
};

} // namespace wb::ui
