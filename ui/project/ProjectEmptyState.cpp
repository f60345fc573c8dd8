#include "ui/project/ProjectEmptyState.h"

#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QDir>
#include <QIcon>
#include <QStyle>

namespace wb::ui {

ProjectEmptyState::ProjectEmptyState(QWidget *parent)
    : PlaceholderPage(themedIcon("folder-new", QStyle::SP_DirIcon), parent)
{
    m_newHere = makeAction(this, themedIcon("document-new", QStyle::SP_FileDialogNewFolder), tr("&New Project Here…"), QStringLiteral("newProjectHere"),
                           tr("Create a maturin project in this folder, in the recommended mixed Rust/Python layout"));
    m_open = makeAction(this, themedIcon("folder-open", QStyle::SP_DirOpenIcon), tr("&Open Project…"), QStringLiteral("openProject"),
                        tr("Open a maturin project folder"));
    connect(m_newHere, &QAction::triggered, this, [this] { Q_EMIT newProjectRequested(m_dir); });
    connect(m_open, &QAction::triggered, this, &ProjectEmptyState::openProjectRequested);
    showFolder({}, {});
}

void ProjectEmptyState::showFolder(const QString &dir, const QString &whyNotAProject)
{
    m_dir = dir;
    if (dir.isEmpty()) {
        setTitle(tr("No project open"));
        setText(tr("Open a maturin project folder to edit its settings, or drop one on the window."));
        setActions({m_open});
        return;
    }
    setTitle(tr("%1 is not a maturin project").arg(QDir(dir).dirName()));
    setText(tr("%1\n\n%2\n\nNew Project Here creates the layout maturin recommends for mixed Rust/Python packages; "
               "you see the files before anything is written.")
                .arg(QDir::toNativeSeparators(dir), whyNotAProject));
    setActions({m_newHere, m_open});
}

QString ProjectEmptyState::message() const
{
    return title() + u'\n' + text();
}

} // namespace wb::ui
