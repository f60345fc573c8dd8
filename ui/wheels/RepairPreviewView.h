#pragma once

#include "core/wheel/RepairPreview.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace wb::ui {

// The Wheels view's "Repair" tab: what `auditwheel repair` would copy into a Linux wheel on this machine
// (each library with its path, size and what it needs in turn), the tag the repaired wheel would get,
// and the libraries that cannot be found here.
class RepairPreviewView : public QWidget
{
    Q_OBJECT
public:
    explicit RepairPreviewView(QWidget *parent = nullptr);
    void setPreview(const RepairPreview &preview); // an empty preview shows why there is nothing to repair

private:
    QLabel *m_summary = nullptr;
    QTreeWidget *m_libraries = nullptr;
};

} // namespace wb::ui
