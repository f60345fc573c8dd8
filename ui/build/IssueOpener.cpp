#include "ui/build/IssueOpener.h"

#include "ui/build/EditorChoiceDialog.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/SourceViewer.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace wb::ui {

IssueOpener::IssueOpener(QWidget *parentWidget)
    : QObject(parentWidget)
    , m_parent(parentWidget)
{
}

SourceViewer *IssueOpener::viewer() const
{
    return m_viewer.data();
}

void IssueOpener::choose()
{
    EditorChoiceDialog dialog(QString(), m_parent);
    dialog.exec();
}

bool IssueOpener::open(const QString &file, int line, int column, const QString &shownAs)
{
    if (!QFileInfo(file).isFile()) {
        QMessageBox::warning(m_parent, tr("Open file"),
                             tr("%1 does not exist (any more), so this issue cannot be opened.").arg(QDir::toNativeSeparators(file)));
        return false;
    }
    EditorLauncher::OpenWith how = EditorLauncher::openWith();
    if (how == EditorLauncher::OpenWith::Ask) {
        QString what = shownAs;
        if (what.isEmpty())
            what = line > 0 ? QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(line) : QFileInfo(file).fileName();
        EditorChoiceDialog dialog(what, m_parent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        how = dialog.choice();
    }
    if (how == EditorLauncher::OpenWith::Editor) {
        QString error;
        if (EditorLauncher::launch(EditorLauncher::command(), file, line, column, &error))
            return true;
        QMessageBox::warning(m_parent, tr("Open file"), error + u' ' + tr("The file opens in the read-only viewer instead; Editor… changes the command."));
    }
    return showInViewer(file, line);
}

bool IssueOpener::showInViewer(const QString &file, int line)
{
    if (!m_viewer)
        m_viewer = new SourceViewer(m_parent);
    QString error;
    if (m_viewer->showFile(file, line, &error))
        return true;
    QMessageBox::warning(m_parent, tr("Open file"), error);
    return false;
}

} // namespace wb::ui
