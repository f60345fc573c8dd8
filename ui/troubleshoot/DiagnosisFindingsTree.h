#pragma once

#include "core/diagnose/Finding.h"

#include <QList>
#include <QTreeWidget>

namespace wb::ui {

class FillingColumn;

// The findings of a diagnosis grouped by severity (Errors, Warnings, Notes, each with its count), with
// their confidence and id. Showing new findings keeps the selection on the same finding id when it is
// still there, else selects the first.
class DiagnosisFindingsTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit DiagnosisFindingsTree(QWidget *parent = nullptr);

    void setFindings(const QList<diagnose::Finding> &findings);
    const QList<diagnose::Finding> &findings() const { return m_findings; }
    // The finding of the current row; nullptr on a group row or with none.
    const diagnose::Finding *selected() const;

private:
    QList<diagnose::Finding> m_findings;
    FillingColumn *m_titleColumn = nullptr; // the title takes what the confidence and id leave
    bool m_confidenceSized = false;
};

} // namespace wb::ui
