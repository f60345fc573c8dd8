#pragma once

#include "core/wheel/WheelReport.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeView;
class QTreeWidget;

namespace wb::ui {

class SizeTreemap;
class Workspace;

// The wheels of the project (target/wheels) and any opened .whl: a list, and for the selected one a
// summary, files (sortable, filterable, size bars), metadata, RECORD, extensions, a size map and the
// findings. Reading happens on a worker thread; results for a wheel no longer selected are dropped.
class WheelsView : public QWidget
{
    Q_OBJECT
public:
    explicit WheelsView(Workspace *workspace, QWidget *parent = nullptr);
    ~WheelsView() override;

    void addWheel(const QString &path, bool select = true);
    QStringList wheelPaths() const;
    const WheelReport &currentReport() const { return m_report; }
    QString summaryText() const;

Q_SIGNALS:
    void reportReady(const QString &path);

private:
    void onProjectOpened(const QString &dir);
    void inspect(const QString &path);
    void showReport(const WheelReport &report);
    void updateSizeMap();

    Workspace *m_workspace = nullptr;
    QListWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    QStandardItemModel *m_filesModel = nullptr;
    QSortFilterProxyModel *m_filesProxy = nullptr;
    QTreeView *m_files = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_metadata = nullptr;
    QTableWidget *m_record = nullptr;
    QTextBrowser *m_extensions = nullptr;
    SizeTreemap *m_treemap = nullptr;
    QComboBox *m_mapSource = nullptr;
    QCheckBox *m_hideDebug = nullptr;
    QTreeWidget *m_findings = nullptr;
    QFutureWatcher<WheelReport> *m_watcher = nullptr;
    QString m_pending;   // the path whose result we wait for
    WheelReport m_report;
};

} // namespace wb::ui
