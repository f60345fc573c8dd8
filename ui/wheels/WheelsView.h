#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

#include <QFutureWatcher>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace wb::ui {

class ExtensionsTree;
class FilesModel;
class FindingsTree;
class MetadataTable;
class RecordPage;
class SizeTreemap;
class WheelCompareView;
class RepairPreviewView;
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
    // Removes a file from the list (and the workspace); closing the one shown shows a neighbour.
    void closeWheel(const QString &path);
    QAction *closeAction() const { return m_closeAction; }
    bool currentIsSdist() const { return m_current.isSdist; }
    const WheelReport &currentReport() const { return m_current.wheel; }
    const SdistReport &currentSdist() const { return m_current.sdist; }
    QString summaryText() const;
    WheelCompareView *compareView() const { return m_compare; }

Q_SIGNALS:
    void reportReady(const QString &path);

private:
    QWidget *makeList();
    QWidget *makeFilesPage();
    QWidget *makeSizeMapPage();
    void connectWorkspace();
    void onProjectOpened(const QString &dir);
    void removeFromList(const QString &path);
    void showEmpty();
    void inspect(const QString &path);
    void showResult(const InspectedFile &result);
    void showWheel(const WheelReport &report);
    void showSdist(const SdistReport &report);
    void showFiles();
    void fillFindings(const FindingList &findings);
    void updateSizeMap();

    Workspace *m_workspace = nullptr;
    QListWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    QAction *m_closeAction = nullptr;
    FilesModel *m_filesModel = nullptr;
    QSortFilterProxyModel *m_filesProxy = nullptr;
    QTreeView *m_files = nullptr;
    QLineEdit *m_filter = nullptr;
    MetadataTable *m_metadata = nullptr;
    RecordPage *m_record = nullptr;
    ExtensionsTree *m_extensions = nullptr;
    SizeTreemap *m_treemap = nullptr;
    QComboBox *m_mapSource = nullptr;
    QCheckBox *m_hideDebug = nullptr;
    FindingsTree *m_findings = nullptr;
    WheelCompareView *m_compare = nullptr;
    QFutureWatcher<InspectedFile> *m_watcher = nullptr;
    QString m_pending;   // the path whose result we wait for
    InspectedFile m_current;
    RepairPreviewView *m_repair = nullptr;
};

} // namespace wb::ui
