#include "ui/wheels/MetadataTable.h"

#include "ui/wheels/ItemText.h"

#include <QHeaderView>

namespace wb::ui {

MetadataTable::MetadataTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    makeColumnsResizable(horizontalHeader());
    horizontalHeader()->resizeSection(0, 200);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setItemDelegate(new ElideDelegate(Qt::ElideRight, this));
}

void MetadataTable::addRow(const QString &field, const QString &value)
{
    const int r = rowCount();
    insertRow(r);
    int column = 0;
    for (const QString &text : {field, value}) {
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(readableToolTip(text));
        setItem(r, column++, item);
    }
}

void MetadataTable::setWheel(const WheelReport &r)
{
    setRowCount(0);
    for (const HeaderFile::Field &f : r.metadata.fields)
        addRow(f.key, f.value);
    for (const HeaderFile::Field &f : r.wheel.fields)
        addRow(QStringLiteral("WHEEL: ") + f.key, f.value);
    for (const EntryPoint &e : r.entryPoints)
        addRow(QStringLiteral("entry point [%1]").arg(e.group), e.name + QStringLiteral(" = ") + e.value);
    if (!r.metadata.body.isEmpty())
        addRow(tr("Description"), tr("%1 characters").arg(r.metadata.body.size()));
}

void MetadataTable::setSdist(const SdistReport &r)
{
    setRowCount(0);
    for (const HeaderFile::Field &f : r.pkgInfo.fields)
        addRow(f.key, f.value);
    if (!r.pkgInfo.body.isEmpty())
        addRow(tr("Description"), tr("%1 characters").arg(r.pkgInfo.body.size()));
    if (!r.hasPkgInfo)
        addRow(tr("PKG-INFO"), tr("missing"));
}

} // namespace wb::ui
