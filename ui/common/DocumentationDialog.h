#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace wb::ui {

// Help → Documentation: the README and docs/*.md shipped inside the program, rendered from Markdown,
// with links between them followed in place and web links opened in the browser.
class DocumentationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DocumentationDialog(QWidget *parent = nullptr);
    // Shows a page by file name ("README.md", "build.md"); false when there is none.
    bool showPage(const QString &name);
    QString currentPage() const { return m_current; }
    static QStringList pages();

private:
    QListWidget *m_list = nullptr;
    QTextBrowser *m_text = nullptr;
    QString m_current;
};

} // namespace wb::ui
