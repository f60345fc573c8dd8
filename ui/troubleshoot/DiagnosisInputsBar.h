#pragma once

#include "core/diagnose/EvidenceCollector.h"

#include <QList>
#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace wb::ui {

// The inputs the Troubleshooting view is diagnosing, as a row of chips (kind and name, the full path in
// the tooltip), each with a button that leaves it out, and a button to add a build log file.
class DiagnosisInputsBar : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Project, Wheel, Log, Pasted };
    struct Input {
        Kind kind;
        QString name;     // shown, elided
        QString toolTip;  // the full path or a description
    };

    explicit DiagnosisInputsBar(QWidget *parent = nullptr);
    void setInputs(const QList<Input> &inputs);
    // The chips of a request: the project, the wheel, the log file or the last build's log, the pasted text.
    static QList<Input> describe(const diagnose::EvidenceRequest &request);
    QList<Input> inputs() const { return m_inputs; }
    static QString kindKey(Kind kind);  // "project", "wheel", "log", "pasted": object names of the chips

Q_SIGNALS:
    void removeRequested(wb::ui::DiagnosisInputsBar::Kind kind);
    void addLogRequested();

private:
    QWidget *makeChip(const Input &input);

    QHBoxLayout *m_chips = nullptr;
    QLabel *m_none = nullptr;
    QList<Input> m_inputs;
};

} // namespace wb::ui
