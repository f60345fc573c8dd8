#pragma once

#include "core/wheel/WheelReport.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace wb::ui {

class RecordFilterModel;
class RecordModel;

// The RECORD tab: a line that says how RECORD fared, a filter (path text and status), and every
// entry with its status in a sortable table (model/view: tens of thousands of rows stay fast).
class RecordPage : public QWidget
{
    Q_OBJECT
public:
    explicit RecordPage(QWidget *parent = nullptr);

    void setRecord(const RecordStatus &record);
    void clear();
    RecordModel *model() const { return m_model; }
    RecordFilterModel *filterModel() const { return m_filter; }
    QString summaryText() const;

private:
    void fillStatusCombo();

    QLabel *m_summary = nullptr;
    QLineEdit *m_pathFilter = nullptr;
    QComboBox *m_status = nullptr;
    QTreeView *m_view = nullptr;
    RecordModel *m_model = nullptr;
    RecordFilterModel *m_filter = nullptr;
};

} // namespace wb::ui
