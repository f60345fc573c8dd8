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

    void appendLines(const QList<wb::OutputLine> &lines);
    void appendMessage(const QString &text); // a line of our own ("$ maturin build ...")
    void clearOutput();
    void flushPending();                     // append everything queued now
    qsizetype pendingLines() const { return m_pending.size(); }
    void setMaximumLines(int lines);
    qint64 droppedLines() const { return m_dropped; }

private:
    void drain();
    void insertLine(const QString &text, bool transient);
    QTextCharFormat formatFor(const wb::AnsiStyle &style) const;

    QList<wb::OutputLine> m_pending;
    QTimer *m_timer = nullptr;
    wb::AnsiParser m_ansi;
    bool m_lastTransient = false;
    bool m_firstLine = true;
    int m_maxLines = 20000;
    qint64 m_dropped = 0;
};

} // namespace wb::ui
