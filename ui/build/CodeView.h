#pragma once

#include <QPlainTextEdit>

namespace wb::ui {

// Read-only source text: monospace, line numbers in a margin, one highlighted line.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);
    // Highlights 1-based `line`, puts the cursor there and scrolls it to the middle.
    void highlightLine(int line);
    int highlightedLine() const { return m_line; }
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *m_numbers = nullptr;
    int m_line = 0;
};

} // namespace wb::ui
