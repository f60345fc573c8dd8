#pragma once

#include "core/wheel/WheelReport.h"
#include "ui/wheels/VerificationBar.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
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

    void setRecord(const RecordStatus &record, Verification verification = Verification::Finished);
    // The full report's RECORD after the quick one: rows updated in place (selection, scroll position,
    // sort and a status filter the user chose stay; otherwise it opens on the problems, if any).
    void updateRecord(const RecordStatus &record);
    void setVerification(Verification verification);
    // Shown beside the summary line when verification was cancelled.
    void setVerifyAgainAction(QAction *action);
    void clear();
    RecordModel *model() const { return m_model; }
    RecordFilterModel *filterModel() const { return m_filter; }
    QString summaryText() const;

private:
    void fillStatusCombo();
    void updateSummary();
    int problemCount() const;

    QLabel *m_summary = nullptr;
    QToolButton *m_verifyAgain = nullptr;
    RecordStatus m_header;   // without the entries (the model has them)
    Verification m_verification = Verification::Finished;
    bool m_statusChosen = false;   // the user picked a status filter for this wheel
    QLineEdit *m_pathFilter = nullptr;
    QComboBox *m_status = nullptr;
    QTreeView *m_view = nullptr;
    RecordModel *m_model = nullptr;
    RecordFilterModel *m_filter = nullptr;
};

} // namespace wb::ui
