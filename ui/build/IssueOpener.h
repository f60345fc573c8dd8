#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace wb::ui {

class SourceViewer;

// What double-clicking an issue does: the file at its line in the editor the user chose, or in the
// built-in read-only viewer. Without a choice yet, asks once (EditorChoiceDialog). Never silent: a
// missing file, or an editor that does not start, gets a message (and the viewer).
class IssueOpener : public QObject
{
    Q_OBJECT
public:
    explicit IssueOpener(QWidget *parentWidget);
    // False when nothing was opened (missing file, the question cancelled). shownAs: how the issue names
    // the place ("src/lib.rs:14:19"), for the question.
    bool open(const QString &file, int line, int column, const QString &shownAs = {});
    // The Editor… button: the same question, without opening anything.
    void choose();
    SourceViewer *viewer() const; // the built-in viewer, once it was shown

private:
    bool showInViewer(const QString &file, int line);
    QWidget *m_parent = nullptr;
    QPointer<SourceViewer> m_viewer;
};

} // namespace wb::ui
