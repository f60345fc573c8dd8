#pragma once

#include "core/project/SettingsDiagnostic.h"
#include "ui/common/CodeEditor.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QTimer;

namespace wb::ui {

// One settings file's text in the project view (pyproject.toml or Cargo.toml): shows the file's
// bytes, highlighted, with its diagnostics marked on their lines, and hands typing back a moment after
// it pauses. Typing becomes the file's new bytes with only what was typed changed (line ends and BOM
// elsewhere stay: spliceEditorText). The same text put back by the highlighter is not typing.
class RawFileTab : public CodeEditor
{
    Q_OBJECT
public:
    RawFileTab(ProjectFileKind kind, const QString &fileName, QWidget *parent = nullptr);

    ProjectFileKind kind() const { return m_kind; }
    // Typed into and not taken over yet: the tab is newer than the file's bytes.
    bool hasPendingTyping() const { return m_pending; }
    // The file's bytes with the pending typing in them (`bytes` when nothing was typed); no longer
    // pending afterwards.
    QByteArray takeTyping(const QByteArray &bytes);
    // Shows the file's bytes (read-only when the file is not there), keeping the cursor where it
    // was; nothing while typing is pending, which would be lost.
    void showFile(const QByteArray &bytes, bool present);
    // Marks the lines of this file's diagnostics (the others are skipped).
    void markDiagnostics(const QList<SettingsDiagnostic> &diagnostics);

Q_SIGNALS:
    // Typing paused: the owner takes it over (takeTyping).
    void typingPaused();

private:
    ProjectFileKind m_kind;
    QTimer *m_pause = nullptr;
    QString m_shown; // the text last put here
    bool m_pending = false;
    bool m_setting = false;
};

} // namespace wb::ui
