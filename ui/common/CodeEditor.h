#pragma once

#include <QPlainTextEdit>

namespace wb::ui {

// A plain-text editor for code and settings files: monospace, line numbers in a margin, the current
// line highlighted (under any extra selections the owner sets, e.g. diagnostics), no wrapping.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;
    // The owner's own marks (diagnostics); the current-line highlight is added beneath them.
    void setMarks(const QList<QTextEdit::ExtraSelection> &marks);
    // Moves the cursor to the start of a line (from 1) and centres it.
    void goToLine(int line, int column = 1);
    // Marks one line (from 1) as the one to look at (e.g. where an error points), puts the cursor
    // there and centres it; 0 or a line past the end clears the mark.
    void highlightLine(int line);
    int highlightedLine() const { return m_line; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateMargin();
    void updateArea(const QRect &rect, int dy);
    void updateSelections();

    QWidget *m_area = nullptr;
    QList<QTextEdit::ExtraSelection> m_marks;
    int m_line = 0; // highlightLine()
};

} // namespace wb::ui
