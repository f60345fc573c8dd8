#pragma once

#include "core/project/MaturinVersion.h"
#include "core/project/SettingsDiagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QVBoxLayout;
class QWidget;

namespace wb::ui {

class Workspace;

// The project's packaging settings: grouped forms over pyproject.toml and Cargo.toml, the raw files
// with highlighting, diagnostics with fixes, save with a diff, revert, undo/redo, and detection of
// changes made on disk by someone else. Every edit is a splice that keeps all other bytes.
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
    QList<SettingsDiagnostic> diagnostics() const { return m_diagnostics; }
    // The maturin version-specific keys are judged against: found off the UI thread after a project
    // opens, without running anything from the project (see MaturinVersion::detect).
    MaturinVersion maturinVersion() const { return m_maturin; }
    bool isMaturinKnown() const { return m_maturinDone; }
    // Applies an edit to the file in memory (undoable); false with a message when refused.
    bool applyEdit(const SettingsEdit &edit, QString *error = nullptr);
    // Saves modified files; with askFirst a dialog shows the unified diff first.
    bool save(bool askFirst = true);
    void revert();
    void undo();
    void redo();
    void setConfirmSaves(bool confirm) { m_confirmSaves = confirm; }

Q_SIGNALS:
    void diagnosticsChanged();
    void maturinDetected();

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

    void buildUi();
    void rebuildForms();
    void refresh(); // re-validate, update forms, marks, raw tabs
    void setBytes(ProjectFileKind kind, const QByteArray &bytes, bool recordUndo);
    void updateRawTab(ProjectFileKind kind);
    void markRawLines();
    void updateFieldMarks();
    void watch();
    void checkDisk();
    void reloadFromDisk();
    void showDiskDiff();
    void applySelectedFix();
    void rawTextEdited(ProjectFileKind kind);
    void takeOverRawTyping();
    void detectMaturin();
    QWidget *makeField(ProjectFileKind kind, const QString &key, const QString &help);

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

    QLabel *m_title = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_bannerBox = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_formsPage = nullptr;
    QVBoxLayout *m_formsLayout = nullptr;
    QPlainTextEdit *m_raw[2] = {nullptr, nullptr};
    QTreeWidget *m_diagList = nullptr;
    QPushButton *m_fixButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_undoButton = nullptr;
    QPushButton *m_redoButton = nullptr;
    QLabel *m_effective = nullptr;
    QHash<QString, QWidget *> m_fields; // "py:key" / "cargo:key"
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_rawTimer = nullptr;
    int m_rawPending = -1; // the raw tab typed into and not yet taken over (debounced)
};

} // namespace wb::ui
