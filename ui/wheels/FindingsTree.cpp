#include "ui/wheels/FindingsTree.h"

#include "core/binary/Demangle.h"
#include "ui/common/EmptyViewMessage.h"
#include "ui/wheels/ItemText.h"

#include <QHeaderView>

namespace wb::ui {

FindingsTree::FindingsTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderLabels({tr("Severity"), tr("Finding"), tr("Path"), tr("Message")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setWordWrap(false);
    makeColumnsResizable(header());
    setItemDelegate(new ElideDelegate(Qt::ElideRight, this));
    setItemDelegateForColumn(2, new ElideDelegate(Qt::ElideMiddle, this));
    header()->resizeSection(0, 80);
    header()->resizeSection(1, 220);
    header()->resizeSection(2, 220);
    m_empty = new EmptyViewMessage(this);
}

void FindingsTree::setFindings(const FindingList &findings)
{
    m_empty->setText(tr("No findings: nothing in this wheel's files, tags, metadata, RECORD or binaries was found wrong."));
    clear();
    for (const Finding &f : findings) {
        const QString message = demangleWords(f.message);
        auto *it = new QTreeWidgetItem(this, {Finding::severityName(f.severity), f.id, f.path, message});
        it->setToolTip(1, readableToolTip(f.id));
        if (!f.path.isEmpty())
            it->setToolTip(2, readableToolTip(f.path) + tr("\nDouble-click to show it in Files."));
        it->setToolTip(3, readableToolTip(message == f.message ? message : message + QStringLiteral("\n\n") + f.message));
        if (f.severity == Finding::Severity::Error)
            it->setForeground(0, QColor(0xc6, 0x28, 0x28));
    }
}

} // namespace wb::ui
