#pragma once

#include "core/project/MaturinVersion.h"
#include "core/project/SettingsDiagnostic.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace wb {
class Project;
}

namespace wb::ui {

class CodeEditor;
class MessageBanner;
class ProjectEmptyState;
class RecoveryController;
class SettingsForm;
class Workspace;

// The project's packaging settings: grouped forms over pyproject.toml and Cargo.toml, the raw files
// with highlighting, diagnostics with fixes, save with a diff, revert, undo/redo, and detection of
// changes made on disk by someone else. Every edit is a splice that keeps all other bytes.
// Unsaved edits are never lost: they are kept for recovery after a crash, and closing the project
// (quit, another project, the folder gone) asks first. A file that does not parse is explained by a
// banner with "Go to error"; a folder that is not a maturin project gets an empty state that offers
// to create one.
class ProjectView : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectView(Workspace *workspace, QWidget *parent = nullptr);
    ~ProjectView() override;

    void openProject(const QString &dir);
    QString projectDir() const { return m_dir; }
    QByteArray currentBytes(ProjectFileKind kind) const { return m_files[int(kind)].bytes; }
    bool isModified() const;
    QStringList modifiedFiles() const;
    QList<SettingsDiagnostic> diagnostics() const { return m_diagnostics; }
    // The maturin version-specific keys are judged against: found off the UI thread after a project
    // opens, without running anything from the project (see MaturinVersion::detect).
    MaturinVersion maturinVersion() const { return m_maturin; }
    bool isMaturinKnown() const { return m_maturinDone; }
    // Applies an edit to the file in memory (undoable); false with a message when refused.
    bool applyEdit(const SettingsEdit &edit, QString *error = nullptr);
    // Saves modified files; with askFirst a dialog shows the unified diff first. A file that does not
    // parse is saved only when the user confirms it.
    bool save(bool askFirst = true);
    void revert();
    void undo();
    void redo();
    void setConfirmSaves(bool confirm) { m_confirmSaves = confirm; }
    // Before the project is closed (quit, another project): asks Save / Discard / Cancel when there
    // are unsaved edits. True when the project may close; Discard forgets the recovery record.
    bool maybeClose(const QString &situation);
    // Closes the project without asking (after maybeClose).
    void closeProject();
    RecoveryController *recovery() const { return m_recovery; }

Q_SIGNALS:
    void diagnosticsChanged();
    void maturinDetected();
    void modifiedChanged(bool modified);

private:
    struct FileState {
        QString path;
        QByteArray bytes;     // current text (possibly modified)
        QByteArray diskBytes; // as last read or saved
        QByteArray diskHash;
        bool present = false;
    };
    struct Snapshot {
        int file;
        QByteArray bytes;
    };
    friend class RecoveryController;

    void buildUi();
    QWidget *buildEditor();
    void refresh(); // re-validate, update forms, marks, raw tabs
    void updateSummary(const wb::Project &project, const QString unreadable[2]);
    void updateDiagnosticList();
    void updateParseBanner(const QString unreadable[2]);
    void setBytes(ProjectFileKind kind, const QByteArray &bytes, bool recordUndo);
    void updateRawTab(ProjectFileKind kind);
    void markRawLines();
    void watch();
    void checkDisk();
    void projectFolderGone();
    void reloadFromDisk();
    void showDiskDiff();
    void applySelectedFix();
    void rawTextEdited(ProjectFileKind kind);
    void takeOverRawTyping();
    void detectMaturin();
    void goToParseError();
    bool confirmUnparsableSave();
    void showEmptyState(const QString &dir, const QString &why);

    Workspace *m_workspace = nullptr;
    QString m_dir;
    FileState m_files[2];
    QList<SettingsDiagnostic> m_diagnostics;
    MaturinVersion m_maturin;
    bool m_maturinDone = false;
    int m_maturinRequest = 0; // answers for an older project are dropped
    QList<Snapshot> m_undo;
    QList<Snapshot> m_redo;
    bool m_confirmSaves = true;
    bool m_updating = false;
    bool m_wasModified = false;
    bool m_folderGoneAsked = false;

    QStackedWidget *m_stack = nullptr;
    ProjectEmptyState *m_empty = nullptr;
    QLabel *m_title = nullptr;
    class MemberPicker *m_memberPicker = nullptr;
    QString m_member;        // the workspace member chosen in the picker (package name)
    MessageBanner *m_diskBanner = nullptr;
    MessageBanner *m_parseBanner = nullptr;
    RecoveryController *m_recovery = nullptr;
    QTabWidget *m_tabs = nullptr;
    SettingsForm *m_form = nullptr;
    CodeEditor *m_raw[2] = {nullptr, nullptr};
    QTreeWidget *m_diagList = nullptr;
    QPushButton *m_fixButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_undoButton = nullptr;
    QPushButton *m_redoButton = nullptr;
    QLabel *m_effective = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_rawTimer = nullptr;
    int m_rawPending = -1; // the raw tab typed into and not yet taken over (debounced)
    int m_parseErrorFile = -1;
};

} // namespace wb::ui
