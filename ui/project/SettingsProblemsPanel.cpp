#include "ui/project/SettingsProblemsPanel.h"

#include "ui/common/EmptyViewMessage.h"
#include "ui/common/FillingColumn.h"
#include "ui/common/SeverityIcon.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wb::ui {

namespace {
QIcon iconFor(SettingsSeverity severity)
{
    return severityIcon(severity == SettingsSeverity::Error     ? IconSeverity::Error
                        : severity == SettingsSeverity::Warning ? IconSeverity::Warning
                                                                : IconSeverity::Information);
}
} // namespace

SettingsProblemsPanel::SettingsProblemsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("diagnostics"));
    m_list->setHeaderLabels({tr("Severity"), tr("Where"), tr("Problem"), tr("Id")});
    m_list->setRootIsDecorated(false);
    new FillingColumn(m_list, m_list->header(), 2); // the problem takes the width; every column resizable
    m_empty = new EmptyViewMessage(m_list);
    layout->addWidget(m_list);
    m_fixButton = new QPushButton(tr("Apply fix"), this);
    m_fixButton->setObjectName(QStringLiteral("applyFix"));
    m_fixButton->setEnabled(false);
    layout->addWidget(m_fixButton, 0, Qt::AlignLeft);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SettingsProblemsPanel::updateFixButton);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            Q_EMIT locationActivated(m_diagnostics.at(row));
    });
    connect(m_fixButton, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0 && !m_diagnostics.at(row).fix.isEmpty())
            Q_EMIT fixRequested(m_diagnostics.at(row));
    });
}

void SettingsProblemsPanel::setSummary(const QString &html, const QString &toolTip)
{
    m_summary->setText(html);
    m_summary->setToolTip(toolTip);
}

void SettingsProblemsPanel::setDiagnostics(const QList<SettingsDiagnostic> &diagnostics, const QString &emptyText)
{
    m_diagnostics = diagnostics;
    m_empty->setText(emptyText);
    m_list->clear();
    for (int row = 0; row < m_diagnostics.size(); ++row) {
        const SettingsDiagnostic &d = m_diagnostics.at(row);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, settingsSeverityName(d.severity));
        item->setText(1, QStringLiteral("%1:%2:%3").arg(QFileInfo(d.file).fileName()).arg(d.line).arg(d.column));
        item->setText(2, d.message + (d.fixLabel.isEmpty() ? QString() : QStringLiteral("  [fix: %1]").arg(d.fixLabel)));
        item->setToolTip(2, d.message);
        item->setText(3, d.id);
        item->setData(0, Qt::UserRole, row);
        item->setIcon(0, iconFor(d.severity));
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    updateFixButton();
}

int SettingsProblemsPanel::currentRow() const
{
    const int row = m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toInt() : -1;
    return row >= 0 && row < m_diagnostics.size() ? row : -1;
}

void SettingsProblemsPanel::updateFixButton()
{
    const int row = currentRow();
    const bool hasFix = row >= 0 && !m_diagnostics.at(row).fix.isEmpty();
    m_fixButton->setEnabled(hasFix);
    m_fixButton->setText(hasFix ? tr("Apply fix: %1").arg(m_diagnostics.at(row).fixLabel) : tr("Apply fix"));
}

} // namespace wb::ui
