#include "ui/build/CommandPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace wb::ui {

CommandPanel::CommandPanel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(tr("Command:"), this))
    , m_line(new QLineEdit(this))
    , m_notes(new QLabel(this))
{
    m_line->setObjectName(QStringLiteral("commandLine"));
    m_line->setReadOnly(true);
    m_line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_label->setObjectName(QStringLiteral("commandLabel"));
    m_label->setBuddy(m_line);
    m_label->setMinimumWidth(qMax(m_label->fontMetrics().horizontalAdvance(tr("Command:")),
                                  m_label->fontMetrics().horizontalAdvance(tr("Running:"))));
    m_notes->setObjectName(QStringLiteral("overrideWarnings"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #9a6700;"));
    m_notes->hide();

    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the command line"));
    connect(copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_line->text()); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_label);
    row->addWidget(m_line, 1);
    row->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_notes);
}

void CommandPanel::showPlanned(const QString &commandLine, const QString &maturinVersion)
{
    m_label->setText(tr("Command:"));
    m_line->setText(commandLine);
    m_line->setToolTip(maturinVersion.isEmpty() ? tr("What Build runs with these options")
                                                : tr("What Build runs with these options, written for maturin %1").arg(maturinVersion));
}

void CommandPanel::showRunning(const QString &commandLine)
{
    // What runs now: maturin build or develop, the venv, pip or pytest.
    m_label->setText(tr("Running:"));
    m_line->setText(commandLine);
    m_line->setToolTip(tr("The command running now"));
}

void CommandPanel::setNotes(const QStringList &notes)
{
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

} // namespace wb::ui
