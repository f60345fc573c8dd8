#include "ui/common/StartPage.h"

#include "core/common/AppInfo.h"
#include "ui/common/ActionFactory.h"
#include "ui/common/RecentFiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace wb::ui {

StartPage::StartPage(const QList<QAction *> &actions, QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    outer->addLayout(column, 3);
    outer->addStretch(1);
    column->addStretch(1);

    auto *title = new QLabel(this);
    title->setText(tr("<h1>%1</h1><p>Settings, builds, wheels and troubleshooting for Python packages with a Rust core.</p>")
                       .arg(AppInfo::name()));
    title->setWordWrap(true);
    column->addWidget(title);

    auto *buttons = new QHBoxLayout;
    for (QAction *a : actions) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        b->setIconSize(QSize(32, 32));
        b->setAutoRaise(true);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    column->addLayout(buttons);

    auto *recentTitle = new QLabel(tr("<b>Recent projects and wheels</b>"), this);
    column->addWidget(recentTitle);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recent"));
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setUniformItemSizes(true);
    column->addWidget(m_recent, 2);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openRequested(item->data(Qt::UserRole).toString());
    });

    auto *hint = new QLabel(tr("Drop a project folder, a wheel (.whl) or an sdist (.tar.gz) anywhere on this window to open it."), this);
    hint->setObjectName(QStringLiteral("dropHint"));
    hint->setWordWrap(true);
    hint->setEnabled(false); // the greyed look of a hint
    column->addWidget(hint);
    column->addStretch(2);
    refresh();
}

void StartPage::refresh()
{
    m_recent->clear();
    const QStringList entries = RecentFiles::entries();
    for (const QString &path : entries) {
        const QFileInfo info(path);
        const bool dir = info.isDir();
        auto *item = new QListWidgetItem(m_recent);
        item->setText(QStringLiteral("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
        item->setToolTip(QDir::toNativeSeparators(path) + (info.exists() ? QString() : tr(" (no longer exists)")));
        item->setIcon(dir ? style()->standardIcon(QStyle::SP_DirIcon) : themedIcon("package-x-generic", QStyle::SP_FileIcon));
        item->setData(Qt::UserRole, path);
        if (!info.exists())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (entries.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Nothing opened yet."), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace wb::ui
