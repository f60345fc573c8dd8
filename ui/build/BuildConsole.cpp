#include "ui/build/BuildConsole.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QPalette>

namespace wb::ui {

namespace {
constexpr int IntervalMs = 40;   // how often queued output is shown
constexpr qint64 BudgetMs = 8;   // time spent appending per turn, so the window stays responsive
constexpr qsizetype MaxLinesPerTurn = 400; // trimming old lines at the cap costs too: keep turns small

// A block's user state: the run in the high bits, the log line in the low 24 (a log has far fewer lines).
int lineKey(int run, int logLine)
{
    return ((run & 0x7f) << 24) | (logLine & 0xffffff);
}
} // namespace

BuildConsole::BuildConsole(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_timer(new QTimer(this))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(m_maxLines);
    setCenterOnScroll(false);
    m_timer->setInterval(IntervalMs);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BuildConsole::drain);
}

void BuildConsole::setMaximumLines(int lines)
{
    m_maxLines = qMax(100, lines);
    setMaximumBlockCount(m_maxLines);
}

int BuildConsole::beginRun()
{
    m_lineNumber = 0;
    return ++m_run;
}

void BuildConsole::appendLines(const QList<wb::OutputLine> &lines)
{
    m_pending.reserve(m_pending.size() + lines.size());
    for (const wb::OutputLine &line : lines)
        m_pending.append({line, m_run, line.transient ? 0 : ++m_lineNumber});
    // Far more queued than can ever be shown: drop the oldest (they would scroll out anyway).
    const qsizetype limit = qsizetype(m_maxLines) * 2;
    if (m_pending.size() > limit) {
        const qsizetype drop = m_pending.size() - m_maxLines;
        m_pending.remove(0, drop);
        m_dropped += drop;
        m_pending.prepend({{tr("[… %1 lines not shown; Save log… keeps everything]").arg(drop), false}, m_run, 0});
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void BuildConsole::appendMessage(const QString &text)
{
    m_pending.append({{QStringLiteral("\x1b[1m") + text + QStringLiteral("\x1b[0m"), false}, m_run, 0});
    if (!m_timer->isActive())
        m_timer->start();
}

void BuildConsole::clearOutput()
{
    m_pending.clear();
    m_timer->stop();
    clear();
    m_ansi.reset();
    m_lastTransient = false;
    m_firstLine = true;
    m_dropped = 0;
    m_highlighted = -1;
    setExtraSelections({});
}

void BuildConsole::flushPending()
{
    while (!m_pending.isEmpty())
        drain();
}

QTextCharFormat BuildConsole::formatFor(const wb::AnsiStyle &style) const
{
    QTextCharFormat format;
    auto colour = [](int c) {
        if (c & wb::ansi::TrueColorFlag)
            return QColor::fromRgb(QRgb(c & 0xffffff));
        return QColor::fromRgb(QRgb(wb::ansi::paletteRgb(c)));
    };
    if (style.fg >= 0)
        format.setForeground(colour(style.fg));
    if (style.bg >= 0)
        format.setBackground(colour(style.bg));
    if (style.bold)
        format.setFontWeight(QFont::Bold);
    if (style.italic)
        format.setFontItalic(true);
    if (style.underline)
        format.setFontUnderline(true);
    return format;
}

void BuildConsole::insertPending(const Pending &pending)
{
    const QString &text = pending.line.text;
    const bool transient = pending.line.transient;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (m_lastTransient) {
        // Replace the progress line shown last.
        cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else if (!m_firstLine) {
        cursor.insertBlock();
    }
    m_firstLine = false;
    for (const wb::AnsiSpan &span : m_ansi.parse(text))
        cursor.insertText(span.text, formatFor(span.style));
    cursor.block().setUserState(pending.logLine > 0 ? lineKey(pending.run, pending.logLine) : -1);
    m_lastTransient = transient;
}

void BuildConsole::drain()
{
    if (m_pending.isEmpty())
        return;
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QElapsedTimer clock;
    clock.start();
    qsizetype i = 0;
    QTextCursor edit(document());
    edit.beginEditBlock();
    while (i < m_pending.size() && i < MaxLinesPerTurn && clock.elapsed() < BudgetMs) {
        const Pending &pending = m_pending.at(i);
        // Of several progress lines in a row only the last one is visible: skip the others.
        if (pending.line.transient && i + 1 < m_pending.size() && m_pending.at(i + 1).line.transient) {
            ++i;
            continue;
        }
        insertPending(pending);
        ++i;
    }
    edit.endEditBlock();
    m_pending.remove(0, i);
    if (atBottom)
        bar->setValue(bar->maximum());
    if (!m_pending.isEmpty())
        m_timer->start();
}

bool BuildConsole::showLogLine(int run, int logLine)
{
    flushPending();
    if (logLine <= 0)
        return false;
    const int wanted = lineKey(run, logLine);
    for (QTextBlock block = document()->lastBlock(); block.isValid(); block = block.previous()) {
        if (block.userState() != wanted)
            continue;
        QTextCursor cursor(block);
        setTextCursor(cursor);
        centerCursor();
        QTextEdit::ExtraSelection line;
        line.cursor = cursor;
        line.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        setExtraSelections({line});
        m_highlighted = block.blockNumber();
        return true;
    }
    m_highlighted = -1;
    setExtraSelections({});
    return false;
}

} // namespace wb::ui
