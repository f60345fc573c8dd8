#include "ui/common/DocumentationDialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace wb::ui {

namespace {
const QString kDocs = QStringLiteral(":/wheelbench/docs/");
}

QStringList DocumentationDialog::pages()
{
    QStringList out{QStringLiteral("README.md")};
    const QStringList docs = QDir(kDocs).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QString &d : docs) {
        if (d != QLatin1String("README.md"))
            out << d;
    }
    return out;
}

DocumentationDialog::DocumentationDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Wheelbench Documentation"));
    auto *l = new QVBoxLayout(this);
    auto *split = new QSplitter(this);
    m_list = new QListWidget(split);
    m_text = new QTextBrowser(split);
    m_text->setObjectName(QStringLiteral("page"));
    m_text->setOpenLinks(false);
    split->setStretchFactor(1, 4);
    l->addWidget(split, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    l->addWidget(buttons);
    for (const QString &p : pages())
        m_list->addItem(p == QLatin1String("README.md") ? tr("Overview") : QString(p).remove(QStringLiteral(".md")));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showPage(pages().value(row));
    });
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().startsWith(QLatin1String("http"))) {
            QDesktopServices::openUrl(url);
            return;
        }
        const QString name = url.path().section(u'/', -1);
        if (!showPage(name) && !url.fragment().isEmpty())
            m_text->scrollToAnchor(url.fragment());
    });
    resize(900, 650);
    m_list->setCurrentRow(0);
}

bool DocumentationDialog::showPage(const QString &name)
{
    QFile f(kDocs + name);
    if (name.isEmpty() || !f.open(QIODevice::ReadOnly))
        return false;
    m_current = name;
    m_text->setMarkdown(QString::fromUtf8(f.readAll()));
    const int row = int(pages().indexOf(name));
    if (row >= 0 && m_list->currentRow() != row) {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(row);
    }
    return true;
}

} // namespace wb::ui
