#pragma once

#include <QDialog>

class QLabel;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace wb::ui {

class CodeEditor;

// The built-in read-only viewer for the file of an issue: its path, the text with line numbers and
// syntax colours, the line highlighted. One window, reused (not modal).
class SourceViewer : public QDialog
{
    Q_OBJECT
public:
    explicit SourceViewer(QWidget *parent = nullptr);
    // Loads the file and shows `line`; false (and why in *error) when it cannot be read.
    bool showFile(const QString &file, int line, QString *error = nullptr);
    QString file() const { return m_file; }
    CodeEditor *view() const { return m_view; }

private:
    QLabel *m_path = nullptr;
    CodeEditor *m_view = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    QString m_file;
};

} // namespace wb::ui
