#include "ui/build/BuildConsole.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

namespace wb::ui {

namespace {
constexpr int IntervalMs = 40;   // how often queued output is shown
constexpr qint64 BudgetMs = 8;   // time spent appending per turn, so the window stays responsive
constexpr qsizetype MaxLinesPerTurn = 400; // trimming old lines at the cap costs too: keep turns small
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

void BuildConsole::appendLines(const QList<wb::OutputLine> &lines)
{
    m_pending += lines;
    // Far more queued than can ever be shown: drop the oldest (they would scroll out anyway).
    const qsizetype limit = qsizetype(m_maxLines) * 2;
    if (m_pending.size() > limit) {
        const qsizetype drop = m_pending.size() - m_maxLines;
        m_pending.remove(0, drop);
        m_dropped += drop;
        m_pending.prepend({tr("[… %1 lines not shown; Save log… keeps everything]").arg(drop), false});
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void BuildConsole::appendMessage(const QString &text)
{
    appendLines({{QStringLiteral("\x1b[1m") + text + QStringLiteral("\x1b[0m"), false}});
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

void BuildConsole::insertLine(const QString &text, bool transient)
{
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
        const wb::OutputLine &line = m_pending.at(i);
        // Of several progress lines in a row only the last one is visible: skip the others.
        if (line.transient && i + 1 < m_pending.size() && m_pending.at(i + 1).transient) {
            ++i;
            continue;
        }
        insertLine(line.text, line.transient);
        ++i;
    }
    edit.endEditBlock();
    m_pending.remove(0, i);
    if (atBottom)
        bar->setValue(bar->maximum());
    if (!m_pending.isEmpty())
        m_timer->start();
}

} // namespace wb::ui
