#pragma once

#include "core/project/MaturinVersion.h"
#include "core/project/SettingsDiagnostic.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <array>

class QAction;
class QLabel;
class QLayout;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QUndoStack;

namespace wb {
class Project;
}

namespace wb::ui {

class DiskChangeController;
class MessageBanner;
class ProjectEmptyState;
class RawFileTab;
class RecoveryController;
class SettingsActions;
class SettingsForm;
class SettingsProblemsPanel;
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
    // Applies an edit to the file in memory (one undo step); false with a message when refused.
    bool applyEdit(const SettingsEdit &edit, QString *error = nullptr);
    // Applies edits all or nothing, as one undo step named `text` (a fix is one step).
    bool applyEdits(const QString &text, const QList<SettingsEdit> &edits, QString *error = nullptr);
    // Saves modified files; with askFirst a dialog shows the unified diff first. A file that does not
    // parse is saved only when the user confirms it.
    bool save(bool askFirst = true);
    void revert();
    void undo();
    void redo();
    void setConfirmSaves(bool confirm) { m_confirmSaves = confirm; }
    // The view's commands, for the window's File and Edit menus and the view's own buttons (one
    // action each, so they never disagree). Undo and Redo name the step they undo or redo, and act
    // only while the view is shown: a step no one can see is never undone.
    QAction *saveAction() const;
    QAction *revertAction() const;
    QAction *undoAction() const;
    QAction *redoAction() const;
    // Before the project is closed (quit, another project): asks Save / Discard / Cancel when there
    // are unsaved edits. True when the project may close; Discard forgets the recovery record.
    bool maybeClose(const QString &situation);
    // Shows FILE (this project's pyproject.toml or Cargo manifest) at LINE in its text tab; false
    // when FILE is neither.
    bool showLocation(const QString &file, int line);
    // Closes the project without asking (after maybeClose).
    void closeProject();
    RecoveryController *recovery() const { return m_recovery; }

Q_SIGNALS:
    void diagnosticsChanged();
    void maturinDetected();
    void modifiedChanged(bool modified);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct FileState {
        QString path;
        QByteArray bytes;     // current text (possibly modified)
        QByteArray diskBytes; // as last read or saved
        QByteArray diskHash;
        bool present = false;
        // The text on disk is now `disk` (read, reloaded or saved); `hash` when already computed.
        void setDisk(const QByteArray &disk, const QByteArray &hash = {});
    };
    friend class RecoveryController;
    friend class DiskChangeController;

    void buildUi();
    void createActions();
    QWidget *buildEditor();
    QLayout *buildCommandRow(QWidget *page);
    void buildBanners(QWidget *page, QLayout *layout);
    QWidget *buildProblems(QWidget *parent);
    void updateActions();
    void refresh(); // re-validate, update forms, marks, raw tabs
    void updateSummary(const wb::Project &project, const QString unreadable[2]);
    void updateParseBanner(const QString unreadable[2]);
    // The documents' bytes, and setting them (no undo step: see recordStep).
    std::array<QByteArray, 2> allBytes() const;
    void setAllBytes(const std::array<QByteArray, 2> &bytes);
    // Records the change from `before` to the documents' bytes now as one undo step (none when
    // nothing changed). mergeId >= 0: merged with the previous step of the same id (typing).
    void recordStep(const QString &text, const std::array<QByteArray, 2> &before, int mergeId = -1);
    // Typing in the raw tabs not taken over yet becomes the files' bytes (an undo step) and refreshes.
    void takeOverRawTyping();
    void detectMaturin();
    void goToParseError();
    bool confirmUnparsableSave();
    void showEmptyState(const QString &dir, const QString &why);

    Workspace *m_workspace = nullptr;
    QString m_dir;
    FileState m_files[2];
    QList<SettingsDiagnostic> m_diagnostics;
    QStringList m_consultedPaths; // the files and folders the checks looked for (readme, data, python-source, ...)
    MaturinVersion m_maturin;
    bool m_maturinDone = false;
    int m_maturinRequest = 0; // answers for an older project are dropped
    QUndoStack *m_undoStack = nullptr;
    bool m_recording = false; // pushing a step: its redo() finds the bytes in place already
    bool m_shown = false;
    bool m_confirmSaves = true;
    bool m_updating = false;
    bool m_wasModified = false;

    QStackedWidget *m_stack = nullptr;
    ProjectEmptyState *m_empty = nullptr;
    QLabel *m_title = nullptr;
    class MemberPicker *m_memberPicker = nullptr;
    QString m_member;        // the workspace member chosen in the picker (package name)
    DiskChangeController *m_disk = nullptr;
    MessageBanner *m_parseBanner = nullptr;
    RecoveryController *m_recovery = nullptr;
    QTabWidget *m_tabs = nullptr;
    SettingsForm *m_form = nullptr;
    RawFileTab *m_raw[2] = {nullptr, nullptr};
    SettingsProblemsPanel *m_problems = nullptr;
    SettingsActions *m_actions = nullptr;
    int m_parseErrorFile = -1;
};

} // namespace wb::ui
