#include "ui/troubleshoot/DiagnosisInputsBar.h"

#include "core/diagnose/ErrorLines.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace wb::ui {

namespace {

QString kindLabel(DiagnosisInputsBar::Kind kind)
{
    switch (kind) {
    case DiagnosisInputsBar::Kind::Project: return DiagnosisInputsBar::tr("Project");
    case DiagnosisInputsBar::Kind::Wheel: return DiagnosisInputsBar::tr("Wheel");
    case DiagnosisInputsBar::Kind::Log: return DiagnosisInputsBar::tr("Build log");
    case DiagnosisInputsBar::Kind::Pasted: return DiagnosisInputsBar::tr("Pasted text");
    }
    return {};
}

// A label that elides its text to the width it gets and shows the whole text as a tooltip.
class ElidingLabel : public QLabel
{
public:
    ElidingLabel(const QString &text, QWidget *parent)
        : QLabel(parent)
        , m_full(text)
    {
        setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 8);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        QLabel::setText(text);
    }
    QSize sizeHint() const override { return QSize(fontMetrics().horizontalAdvance(m_full) + 4, QLabel::sizeHint().height()); }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::setText(fontMetrics().elidedText(m_full, Qt::ElideMiddle, width()));
        QLabel::resizeEvent(event);
    }

private:
    QString m_full;
};

} // namespace

DiagnosisInputsBar::DiagnosisInputsBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Diagnosing:"), this));
    m_chips = new QHBoxLayout;
    layout->addLayout(m_chips, 1);
    m_none = new QLabel(tr("nothing yet: open a project or a wheel, build, add a log or paste an error message"), this);
    m_none->setEnabled(false);
    m_chips->addWidget(m_none);
    auto *addLog = new QPushButton(tr("Add &build log…"), this);
    addLog->setObjectName(QStringLiteral("addLog"));
    addLog->setToolTip(tr("Diagnose a maturin/cargo build log file (it is watched for changes)"));
    layout->addWidget(addLog);
    connect(addLog, &QPushButton::clicked, this, &DiagnosisInputsBar::addLogRequested);
}

QString DiagnosisInputsBar::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Project: return QStringLiteral("project");
    case Kind::Wheel: return QStringLiteral("wheel");
    case Kind::Log: return QStringLiteral("log");
    case Kind::Pasted: return QStringLiteral("pasted");
    }
    return {};
}

QWidget *DiagnosisInputsBar::makeChip(const Input &input)
{
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("input_") + kindKey(input.kind));
    chip->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(6, 1, 1, 1);
    layout->setSpacing(4);
    auto *label = new ElidingLabel(QStringLiteral("%1: %2").arg(kindLabel(input.kind), input.name), chip);
    label->setToolTip(input.toolTip);
    layout->addWidget(label, 1);
    auto *remove = new QToolButton(chip);
    remove->setObjectName(QStringLiteral("remove_") + kindKey(input.kind));
    remove->setAutoRaise(true);
    remove->setText(QStringLiteral("×"));
    remove->setToolTip(tr("Leave the %1 out of the diagnosis").arg(kindLabel(input.kind).toLower()));
    remove->setAccessibleName(tr("Remove %1").arg(kindLabel(input.kind).toLower()));
    layout->addWidget(remove);
    const Kind kind = input.kind;
    connect(remove, &QToolButton::clicked, this, [this, kind] { Q_EMIT removeRequested(kind); });
    return chip;
}

QList<DiagnosisInputsBar::Input> DiagnosisInputsBar::describe(const diagnose::EvidenceRequest &request)
{
    QList<Input> inputs;
    if (!request.projectDir.isEmpty())
        inputs.append({Kind::Project, QFileInfo(request.projectDir).fileName(), QDir::toNativeSeparators(request.projectDir)});
    if (!request.wheelPath.isEmpty())
        inputs.append({Kind::Wheel, QFileInfo(request.wheelPath).fileName(), QDir::toNativeSeparators(request.wheelPath)});
    if (!request.logPath.isEmpty())
        inputs.append({Kind::Log, QFileInfo(request.logPath).fileName(), QDir::toNativeSeparators(request.logPath)});
    else if (!request.logText.trimmed().isEmpty()) {
        // The Build view's log starts with its command line ("$ maturin develop --uv"): the tooltip names the run.
        const QString first = request.logText.section(QLatin1Char('\n'), 0, 0);
        const int lines = int(request.logText.count(QLatin1Char('\n')) + 1);
        inputs.append({Kind::Log, tr("last run"),
                       first.startsWith(QLatin1String("$ "))
                           ? tr("The log of the last run in the Build view (%n line(s)): %1", nullptr, lines).arg(first.mid(2))
                           : tr("The log of the last run in the Build view (%n line(s))", nullptr, lines)});
    }
    const QString pasted = request.errorText.trimmed();
    if (!pasted.isEmpty()) {
        // Named by its first error (a traceback's exception, maturin's first "Caused by"), as its decisive lines are.
        const QString name = diagnose::errorlines::firstErrorLine(pasted);
        inputs.append({Kind::Pasted, name, pasted.left(2000)});
    }
    return inputs;
}

void DiagnosisInputsBar::setInputs(const QList<Input> &inputs)
{
    m_inputs = inputs;
    while (m_chips->count() > 1) {
        QLayoutItem *item = m_chips->takeAt(1);
        delete item->widget();
        delete item;
    }
    m_none->setVisible(inputs.isEmpty());
    for (const Input &input : inputs)
        m_chips->addWidget(makeChip(input), 1);
}

} // namespace wb::ui
