#include "ui/build/SourceViewer.h"

#include "ui/common/CodeEditor.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include "ui/common/Highlighting.h"
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

namespace {
constexpr qint64 MaxBytes = 16 * 1024 * 1024;

} // namespace

SourceViewer::SourceViewer(QWidget *parent)
    : QDialog(parent)
    , m_path(new QLabel(this))
    , m_view(new CodeEditor(this))
{
    setObjectName(QStringLiteral("sourceViewer"));
    setModal(false);
    m_path->setObjectName(QStringLiteral("sourcePath"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("sourceView"));
    m_view->setReadOnly(true);
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_view->document());
    m_highlighter->setTheme(syntaxRepository().themeForPalette(palette()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_path);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(860, 620);
}

bool SourceViewer::showFile(const QString &file, int line, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(QDir::toNativeSeparators(file), f.errorString());
        return false;
    }
    const QByteArray bytes = f.read(MaxBytes);
    if (file != m_file) {
        m_highlighter->setDefinition(syntaxRepository().definitionForFileName(file));
        m_view->setPlainText(QString::fromUtf8(bytes));
        m_file = file;
    }
    const QString where = line > 0 ? tr("%1, line %2").arg(QDir::toNativeSeparators(file)).arg(line) : QDir::toNativeSeparators(file);
    m_path->setText(where);
    m_path->setToolTip(where);
    setWindowTitle(tr("%1 (read-only)").arg(QFileInfo(file).fileName()));
    show();
    raise();
    activateWindow();
    m_view->highlightLine(line);
    return true;
}

} // namespace wb::ui
