#include "ui/troubleshoot/DiagnosisFindingsTree.h"

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
    // Every column can be resized and the last stretches; the title takes the width the confidence and
    // id leave, as the view grows or shrinks, until the user sizes it.
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setStretchLastSection(true);
    connect(header(), &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical == 0 && !m_fitting)
            m_userSized = true;
    });
}

void DiagnosisFindingsTree::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    fitTitleColumn();
}

void DiagnosisFindingsTree::fitTitleColumn()
{
    if (m_userSized)
        return;
    const auto wanted = [this](int column) { return qMax(sizeHintForColumn(column), header()->sectionSizeHint(column)); };
    const int confidence = wanted(1), id = wanted(2);
    m_fitting = true;
    setColumnWidth(1, confidence);
    setColumnWidth(0, qMax(viewport()->width() - confidence - id, fontMetrics().averageCharWidth() * 20));
    m_fitting = false;
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
    fitTitleColumn();
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
