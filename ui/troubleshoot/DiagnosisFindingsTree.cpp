#include "ui/troubleshoot/DiagnosisFindingsTree.h"

#include "ui/common/FillingColumn.h"

#include <QHeaderView>

namespace wb::ui {

namespace {

constexpr int FindingIndexRole = Qt::UserRole + 1;

QString confidenceLabel(diagnose::Confidence c)
{
    switch (c) {
    case diagnose::Confidence::High: return DiagnosisFindingsTree::tr("High");
    case diagnose::Confidence::Medium: return DiagnosisFindingsTree::tr("Medium");
    case diagnose::Confidence::Low: return DiagnosisFindingsTree::tr("Low");
    }
    return {};
}

QString confidenceToolTip(diagnose::Confidence c)
{
    switch (c) {
    case diagnose::Confidence::High: return DiagnosisFindingsTree::tr("The message or the project names this cause.");
    case diagnose::Confidence::Medium: return DiagnosisFindingsTree::tr("This message usually means this cause.");
    case diagnose::Confidence::Low: return DiagnosisFindingsTree::tr("A lead to check, not a verdict.");
    }
    return {};
}

QString groupName(diagnose::Severity s)
{
    switch (s) {
    case diagnose::Severity::Error: return DiagnosisFindingsTree::tr("Errors");
    case diagnose::Severity::Warning: return DiagnosisFindingsTree::tr("Warnings");
    case diagnose::Severity::Info: return DiagnosisFindingsTree::tr("Notes");
    }
    return {};
}

} // namespace

DiagnosisFindingsTree::DiagnosisFindingsTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("findingsTree"));
    setHeaderLabels({tr("Finding"), tr("Confidence"), tr("Id")});
    m_titleColumn = new FillingColumn(this, header(), 0);
}

void DiagnosisFindingsTree::setFindings(const QList<diagnose::Finding> &findings)
{
    const QString previous = selected() ? selected()->id : QString();
    m_findings = findings;
    clear();
    QTreeWidgetItem *current = nullptr;
    for (diagnose::Severity s : {diagnose::Severity::Error, diagnose::Severity::Warning, diagnose::Severity::Info}) {
        QTreeWidgetItem *group = nullptr;
        for (qsizetype i = 0; i < m_findings.size(); ++i) {
            const diagnose::Finding &f = m_findings.at(i);
            if (f.severity != s)
                continue;
            if (!group) {
                group = new QTreeWidgetItem(this, {groupName(s)});
                group->setFlags(Qt::ItemIsEnabled);
                group->setExpanded(true);
            }
            auto *item = new QTreeWidgetItem(group, {f.title, confidenceLabel(f.confidence), f.id});
            item->setData(0, FindingIndexRole, int(i));
            item->setToolTip(0, f.message.isEmpty() ? f.title : f.title + QStringLiteral("\n\n") + f.message);
            item->setToolTip(1, confidenceToolTip(f.confidence));
            if (!current || f.id == previous)
                current = item;
        }
        if (group)
            group->setText(0, QStringLiteral("%1 (%2)").arg(groupName(s)).arg(group->childCount()));
    }
    setCurrentItem(current);
    if (!m_confidenceSized && !m_findings.isEmpty()) {
        resizeColumnToContents(1); // once: after that the user's width stays
        m_confidenceSized = true;
    }
    m_titleColumn->fit();
}

const diagnose::Finding *DiagnosisFindingsTree::selected() const
{
    const QTreeWidgetItem *item = currentItem();
    if (!item || !item->data(0, FindingIndexRole).isValid())
        return nullptr;
    const int index = item->data(0, FindingIndexRole).toInt();
    return index >= 0 && index < m_findings.size() ? &m_findings.at(index) : nullptr;
}

} // namespace wb::ui
