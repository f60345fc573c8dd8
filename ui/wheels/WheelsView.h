#pragma once

#include "ui/wheels/VerificationBar.h"
#include "ui/wheels/WheelInspection.h"

#include <QElapsedTimer>
#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace wb::ui {

class ExtensionsTree;
class FilesPage;
class FindingsTree;
class MessageBanner;
class MetadataTable;
class PlaceholderPage;
class RecordPage;
class SizeMapPage;
class WheelCompareView;
class RepairPreviewView;
class Workspace;

// The wheels and sdists of the project (target/wheels, build outputs) and any opened file: a list, and
// for the selected one a summary, files (sortable, filterable, size bars), metadata, RECORD,
// extensions, a size map, the findings, and a comparison with another wheel of the list (an sdist has no
// RECORD, no extensions and no comparison: those tabs hide).
// Reading happens on a worker thread (WheelInspection): a wheel's quick report is shown at once, with
// RECORD "verifying…" and a progress bar; the full report then replaces it in place (tab, selection,
// scroll position and sort stay). Verification can be cancelled (the quick report stays) and run again.
// Results for a file no longer selected are dropped. With nothing listed, a placeholder says what
// belongs here and offers the actions that fill it.
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
    // The actions the empty view offers as buttons (the window's Open Wheel and Build).
    void setEmptyActions(const QList<QAction *> &actions);
    // Shown instead of the list and the tabs while no file is listed.
    PlaceholderPage *placeholder() const { return m_placeholder; }
    bool currentIsSdist() const { return m_current.isSdist; }
    const WheelReport &currentReport() const { return m_current.wheel; }
    const SdistReport &currentSdist() const { return m_current.sdist; }
    QString summaryText() const;
    WheelCompareView *compareView() const { return m_compare; }
    VerificationBar *verificationBar() const { return m_verifyBar; }
    WheelInspection *inspection() const { return m_inspection; }
    Verification verification() const { return m_verification; }
    bool isVerifying() const { return m_verification == Verification::Running; }
    void cancelVerification();
    void verifyAgain();

Q_SIGNALS:
    void opening(const QString &path);        // reading of PATH starts
    void summaryShown(const QString &path);   // a wheel's quick report is on screen; verification runs
    void reportReady(const QString &path);    // the final report: verified, an sdist's, or unreadable
    void verificationCancelled(const QString &path);
    void verificationChanged();               // started, finished or cancelled

private:
    QWidget *makeList();
    void connectWorkspace();
    void onProjectOpened(const QString &dir);
    void removeFromList(const QString &path);
    void showEmpty();
    void updatePlaceholderText();
    void inspect(const QString &path);
    void onSummaryReady(const InspectedFile &quick);
    void onFinished(const InspectedFile &result);
    void onCancelled(const QString &path);
    void setVerification(Verification verification);
    // TABLESLATER: the quick report's summary first, its big tables one turn of the event loop later.
    void showResult(const InspectedFile &result, bool tablesLater = false);
    void fillTables();
    void showReadable(const InspectedFile &result);
    void applyVerified(const InspectedFile &result);
    void showWheel(const WheelReport &report);
    void showSdist(const SdistReport &report);
    void fillFindings(const FindingList &findings);

    Workspace *m_workspace = nullptr;
    QStackedWidget *m_pages = nullptr;
    PlaceholderPage *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    QListWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    QAction *m_closeAction = nullptr;
    FilesPage *m_filesPage = nullptr;
    MetadataTable *m_metadata = nullptr;
    RecordPage *m_record = nullptr;
    ExtensionsTree *m_extensions = nullptr;
    SizeMapPage *m_sizeMap = nullptr;
    FindingsTree *m_findings = nullptr;
    WheelCompareView *m_compare = nullptr;
    WheelInspection *m_inspection = nullptr;
    VerificationBar *m_verifyBar = nullptr;
    MessageBanner *m_unreadable = nullptr;
    Verification m_verification = Verification::None;
    QElapsedTimer m_verifyClock;
    quint64 m_tablesToken = 0;
    bool m_tablesPending = false;
    QString m_pending;   // the path whose result we wait for
    InspectedFile m_current;
    RepairPreviewView *m_repair = nullptr;
};

} // namespace wb::ui
