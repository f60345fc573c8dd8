#pragma once

#include "core/wheel/WheelReport.h"

#include <QTreeWidget>

namespace wb::ui {

// The Extensions tab: per native file of a wheel, one group of rows (what, value): format, debug
// information, init symbol, exports, the libraries and symbol versions it needs, the policy it
// meets and what stands in the way of better ones. Values are elided; tooltips hold the full text,
// C++ symbols demangled with their mangled names.
class ExtensionsTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ExtensionsTree(QWidget *parent = nullptr);

    void setExtensions(const QList<ExtensionReport> &extensions);
    // "what: value" lines, every group in turn (what the user reads; for tests).
    QString plainText() const;

private:
    QTreeWidgetItem *addRow(QTreeWidgetItem *group, const QString &what, const QString &value, const QString &toolTip = {});
    void addPolicyRows(QTreeWidgetItem *group, const ExtensionReport &e);
    void addSliceRows(QTreeWidgetItem *group, const ExtensionReport &e);
};

} // namespace wb::ui
