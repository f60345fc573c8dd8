#include "ui/common/CodeEditor.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

namespace wb::ui {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_area(new LineNumberArea(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateMargin);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateSelections);
    updateMargin();
    updateSelections();
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void CodeEditor::setMarks(const QList<QTextEdit::ExtraSelection> &marks)
{
    m_marks = marks;
    updateSelections();
}

void CodeEditor::goToLine(int line, int column)
{
    QTextCursor c(document()->findBlockByNumber(qMax(0, line - 1)));
    c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, qMin(column - 1, c.block().length() - 1)));
    setTextCursor(c);
    centerCursor();
}

void CodeEditor::highlightLine(int line)
{
    const QTextBlock block = line > 0 ? document()->findBlockByNumber(line - 1) : QTextBlock();
    m_line = block.isValid() ? line : 0;
    m_marks.clear();
    if (block.isValid()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        QColor background = palette().color(QPalette::Highlight);
        background.setAlpha(60);
        mark.format.setBackground(background);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        m_marks << mark;
        goToLine(line);
    }
    updateSelections();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_area->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void CodeEditor::updateMargin()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::updateArea(const QRect &rect, int dy)
{
    if (dy)
        m_area->scroll(0, dy);
    else
        m_area->update(0, rect.y(), m_area->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateMargin();
}

void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> all;
    QTextEdit::ExtraSelection current;
    QColor c = palette().color(QPalette::Highlight);
    c.setAlpha(28);
    current.format.setBackground(c);
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    all << current << m_marks; // marks drawn over the current line
    setExtraSelections(all);
    m_area->update(); // the current line's number is drawn bold
}

void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_area);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int currentLine = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QFont f = font();
            f.setBold(number == currentLine);
            painter.setFont(f);
            painter.setPen(palette().color(number == currentLine ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, m_area->width() - 5, fontMetrics().height(), Qt::AlignRight, QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace wb::ui
