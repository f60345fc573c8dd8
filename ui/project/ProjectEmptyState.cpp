#include "ui/project/ProjectEmptyState.h"

#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace wb::ui {

ProjectEmptyState::ProjectEmptyState(QWidget *parent)
    : QWidget(parent)
{
    auto *l = new QVBoxLayout(this);
    l->addStretch(1);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(QStringLiteral("folder-new"), style()->standardIcon(QStyle::SP_DirIcon)).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    l->addWidget(icon);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    l->addWidget(m_title);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_text);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_newHere = new QPushButton(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Project Here…"), this);
    m_newHere->setObjectName(QStringLiteral("newProjectHere"));
    m_open = new QPushButton(QIcon::fromTheme(QStringLiteral("folder-open")), tr("&Open Project…"), this);
    buttons->addWidget(m_newHere);
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    l->addLayout(buttons);
    l->addStretch(2);
    connect(m_newHere, &QPushButton::clicked, this, [this] { Q_EMIT newProjectRequested(m_dir); });
    connect(m_open, &QPushButton::clicked, this, &ProjectEmptyState::openProjectRequested);
    showFolder({}, {});
}

void ProjectEmptyState::showFolder(const QString &dir, const QString &whyNotAProject)
{
    m_dir = dir;
    if (dir.isEmpty()) {
        m_title->setText(tr("No project open"));
        m_text->setText(tr("Open a maturin project folder to edit its settings, or drop one on the window."));
        m_newHere->hide();
        return;
    }
    m_title->setText(tr("%1 is not a maturin project").arg(QDir(dir).dirName()));
    m_text->setText(tr("%1\n\n%2\n\nNew Project Here creates the layout maturin recommends for mixed Rust/Python packages; "
                       "you see the files before anything is written.")
                        .arg(QDir::toNativeSeparators(dir), whyNotAProject));
    m_newHere->show();
}

QString ProjectEmptyState::message() const
{
    return m_title->text() + u'\n' + m_text->text();
}

} // namespace wb::ui
