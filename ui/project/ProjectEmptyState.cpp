#include "ui/project/ProjectEmptyState.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QStyle>

namespace wb::ui {

ProjectEmptyState::ProjectEmptyState(QWidget *parent)
    : PlaceholderPage(QIcon::fromTheme(QStringLiteral("folder-new"), QApplication::style()->standardIcon(QStyle::SP_DirIcon)), parent)
{
    m_newHere = new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Project Here…"), this);
    m_newHere->setObjectName(QStringLiteral("newProjectHere"));
    m_open = new QAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("&Open Project…"), this);
    m_open->setObjectName(QStringLiteral("openProject"));
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
