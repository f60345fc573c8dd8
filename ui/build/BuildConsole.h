#pragma once

#include "core/build/AnsiText.h"
#include "core/build/OutputLine.h"

#include <QElapsedTimer>
#include <QList>
#include <QPlainTextEdit>

class QTimer;

namespace wb::ui {

// The live output: lines are queued and appended in batches by a timer (never one paint per line),
// with ANSI colours rendered, transient lines (cargo's progress) replaced in place, a capped number
// of lines, and auto-scroll only while the user is at the bottom.
class BuildConsole : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit BuildConsole(QWidget *parent = nullptr);

    // Starts a new run's output: its lines are numbered from 1, as the parser numbers log lines
    // (progress lines that the next line replaces get no number). Returns the run's id.
    int beginRun();
    void appendLines(const QList<wb::OutputLine> &lines);
    void appendMessage(const QString &text); // a line of our own ("$ maturin build ...")
    void clearOutput();
    void flushPending();                     // append everything queued now
    qsizetype pendingLines() const { return m_pending.size(); }
    void setMaximumLines(int lines);
    qint64 droppedLines() const { return m_dropped; }
    // Scrolls to line `logLine` of run `run` and highlights it; false when it is no longer shown.
    bool showLogLine(int run, int logLine);
    int highlightedBlock() const { return m_highlighted; } // block number, -1 when none

private:
    void drain();
    QTextCharFormat formatFor(const wb::AnsiStyle &style) const;

    struct Pending {
        wb::OutputLine line;
        int run = 0;
        int logLine = 0; // 0: a message of our own, or a progress line
    };
    void insertPending(const Pending &pending);

    QList<Pending> m_pending;
    int m_run = 0;
    int m_lineNumber = 0;
    int m_highlighted = -1;
    QTimer *m_timer = nullptr;
    wb::AnsiParser m_ansi;
    bool m_lastTransient = false;
    bool m_firstLine = true;
    int m_maxLines = 20000;
    qint64 m_dropped = 0;
};

} // namespace wb::ui
