#pragma once

#include "core/wheel/SdistReport.h"
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
class WheelCompareView;
class Workspace;

// What the view read for one file: a wheel, or a source distribution (.tar.gz and the other tar flavours).
struct InspectedFile {
    QString file;
    bool isSdist = false;
    WheelReport wheel;   // when !isSdist
    SdistReport sdist;   // when isSdist
};

// The wheels and sdists of the project (target/wheels, build outputs) and any opened file: a list, and
// for the selected one a summary, files (sortable, filterable, size bars), metadata, RECORD,
// extensions, a size map, the findings, and a comparison with another wheel of the list (an sdist has no
// RECORD, no extensions and no comparison: those tabs hide).
// Reading happens on a worker thread; results for a file no longer selected are dropped.
class WheelsView : public QWidget
{
    Q_OBJECT
public:
    explicit WheelsView(Workspace *workspace, QWidget *parent = nullptr);
    ~WheelsView() override;

    // Adds a wheel or an sdist to the list (once) and, with select, shows it.
    void addWheel(const QString &path, bool select = true);
    QStringList wheelPaths() const;
    bool currentIsSdist() const { return m_current.isSdist; }
    const WheelReport &currentReport() const { return m_current.wheel; }
    const SdistReport &currentSdist() const { return m_current.sdist; }
    QString summaryText() const;
    WheelCompareView *compareView() const { return m_compare; }

Q_SIGNALS:
    void reportReady(const QString &path);

private:
    struct FileRow {
        QString path;
        qint64 size = 0;
        qint64 compressed = -1;   // -1: not stored per file (sdists are compressed as a whole)
        QString note;             // symlink target, ...
    };
    void onProjectOpened(const QString &dir);
    void inspect(const QString &path);
    void showResult(const InspectedFile &result);
    void showWheel(const WheelReport &report);
    void showSdist(const SdistReport &report);
    void fillFiles(const QList<FileRow> &rows, qint64 total, bool perFileCompression);
    void fillFindings(const FindingList &findings);
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
    WheelCompareView *m_compare = nullptr;
    QFutureWatcher<InspectedFile> *m_watcher = nullptr;
    QString m_pending;   // the path whose result we wait for
    InspectedFile m_current;
};

} // namespace wb::ui
