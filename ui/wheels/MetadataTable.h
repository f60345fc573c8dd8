#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

#include <QTableWidget>

namespace wb::ui {

// The Metadata tab: field and value per row — METADATA, WHEEL and entry points of a wheel, PKG-INFO of
// an sdist. Values elide at the right, the whole value is in the tooltip.
class MetadataTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit MetadataTable(QWidget *parent = nullptr);
    void setWheel(const WheelReport &r);
    void setSdist(const SdistReport &r);

private:
    void addRow(const QString &field, const QString &value);
};

} // namespace wb::ui
