#include "ui/wheels/RecordPage.h"

#include "ui/wheels/ItemText.h"
#include "ui/wheels/RecordFilterModel.h"
#include "ui/wheels/RecordModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wb::ui {

RecordPage::RecordPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("recordSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyAgain = new QToolButton(this);
    m_verifyAgain->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_verifyAgain->hide();
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_verifyAgain);
    layout->addLayout(summaryRow);

    auto *filters = new QHBoxLayout;
    m_pathFilter = new QLineEdit(this);
    m_pathFilter->setObjectName(QStringLiteral("recordFilter"));
    m_pathFilter->setPlaceholderText(tr("Filter by path"));
    m_pathFilter->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("recordStatus"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filters->addWidget(m_pathFilter, 1);
    filters->addWidget(m_status);
    layout->addLayout(filters);

    m_model = new RecordModel(this);
    m_filter = new RecordFilterModel(m_model, this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("recordEntries"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setWordWrap(false);
    makeColumnsResizable(m_view->header());
    m_view->setItemDelegate(new ElideDelegate(Qt::ElideRight, m_view));
    m_view->setItemDelegateForColumn(RecordModel::PathColumn, new ElideDelegate(Qt::ElideMiddle, m_view));
    m_view->setItemDelegateForColumn(RecordModel::DigestColumn, new ElideDelegate(Qt::ElideMiddle, m_view));
    m_view->header()->resizeSection(RecordModel::PathColumn, 300);
    m_view->header()->resizeSection(RecordModel::StatusColumn, 175);
    m_view->header()->resizeSection(RecordModel::SizeColumn, 90);
    m_view->header()->resizeSection(RecordModel::DigestColumn, 150);
    m_view->sortByColumn(-1, Qt::AscendingOrder);   // RECORD's own order until the user sorts
    layout->addWidget(m_view, 1);

    connect(m_pathFilter, &QLineEdit::textChanged, m_filter, &RecordFilterModel::setPathFilter);
    connect(m_status, &QComboBox::activated, this, [this] { m_statusChosen = true; });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(m_status->currentData().isValid() ? m_status->currentData().toInt() : RecordFilterModel::AnyStatus);
    });
    clear();
}

void RecordPage::clear()
{
    setRecord({});
}

void RecordPage::setRecord(const RecordStatus &r, Verification verification)
{
    m_model->setVerifying(verification == Verification::Running);
    m_model->setEntries(r.entries);
    m_header = r;
    m_header.entries.clear();
    m_verification = verification;
    m_statusChosen = false;
    updateSummary();
    fillStatusCombo();
    // With problems, show them first; otherwise everything.
    const int index = m_status->findData(problemCount() > 0 ? RecordFilterModel::AnyProblem : RecordFilterModel::AnyStatus);
    m_status->setCurrentIndex(std::max(0, index));
}

void RecordPage::updateRecord(const RecordStatus &r)
{
    const QVariant chosen = m_status->currentData();
    m_model->setVerifying(false);
    m_model->updateEntries(r.entries);
    m_header = r;
    m_header.entries.clear();
    m_verification = Verification::Finished;
    updateSummary();
    fillStatusCombo();
    // The user's own choice of status stays; the default one follows the rule (problems first).
    const int status = m_statusChosen && chosen.isValid() ? chosen.toInt()
        : problemCount() > 0                              ? int(RecordFilterModel::AnyProblem)
                                                          : int(RecordFilterModel::AnyStatus);
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
}

void RecordPage::setVerification(Verification verification)
{
    m_verification = verification;
    m_model->setVerifying(verification == Verification::Running);
    updateSummary();
    const QVariant chosen = m_status->currentData();
    fillStatusCombo();
    m_status->setCurrentIndex(std::max(0, m_status->findData(chosen.isValid() ? chosen.toInt() : int(RecordFilterModel::AnyStatus))));
}

void RecordPage::setVerifyAgainAction(QAction *action)
{
    m_verifyAgain->setDefaultAction(action);
    updateSummary();
}

int RecordPage::problemCount() const
{
    int problems = 0;
    for (const RecordEntry &e : m_model->entries())
        problems += e.isProblem() ? 1 : 0;
    return problems;
}

void RecordPage::updateSummary()
{
    const RecordStatus &r = m_header;
    const int problems = problemCount();
    const int entries = int(m_model->entries().size());
    const QLocale locale;
    const QString rows = r.rows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(r.rows));
    QString text;
    if (!r.present && entries == 0)
        text = tr("No RECORD.");
    else if (!r.present)
        text = tr("No RECORD: none of the %1 files is listed.").arg(locale.toString(entries));
    else if (problems > 0)
        text = problems == 1 ? tr("%1; 1 entry with a problem.").arg(rows) : tr("%1; %2 entries with problems.").arg(rows, locale.toString(problems));
    else if (m_verification == Verification::Running)
        text = tr("%1, consistent with the archive; verifying… (hashing every member)").arg(rows);
    else if (m_verification == Verification::Cancelled)
        text = tr("%1, consistent with the archive; verification cancelled: contents not hashed.").arg(rows);
    else if (r.ok)
        text = r.verified ? tr("%1, every hash and size verified.").arg(rows) : tr("%1, consistent; contents not hashed.").arg(rows);
    else
        text = r.problems.size() == 1 ? tr("%1; 1 problem.").arg(rows) : tr("%1; %2 problems.").arg(rows, locale.toString(r.problems.size()));
    if (problems > 0 && m_verification == Verification::Running)
        text += QLatin1Char(' ') + tr("Verifying the other entries…");
    else if (problems > 0 && m_verification == Verification::Cancelled)
        text += QLatin1Char(' ') + tr("Verification cancelled: contents not hashed.");
    m_summary->setText(text);
    m_verifyAgain->setVisible(m_verification == Verification::Cancelled && m_verifyAgain->defaultAction());
}

void RecordPage::fillStatusCombo()
{
    const QSignalBlocker block(m_status);
    m_status->clear();
    const QList<RecordEntry> &entries = m_model->entries();
    int problems = 0;
    for (const RecordEntry &e : entries)
        problems += e.isProblem() ? 1 : 0;
    const QLocale locale;
    m_status->addItem(tr("All entries (%1)").arg(locale.toString(entries.size())), RecordFilterModel::AnyStatus);
    m_status->addItem(tr("Problems (%1)").arg(locale.toString(problems)), RecordFilterModel::AnyProblem);
    for (auto s : {RecordEntry::Status::Verified, RecordEntry::Status::NotHashed, RecordEntry::Status::HashMismatch, RecordEntry::Status::SizeMismatch,
                   RecordEntry::Status::Missing, RecordEntry::Status::NotListed, RecordEntry::Status::Invalid}) {
        const int n = m_model->count(s);
        m_status->addItem(QStringLiteral("%1 (%2)").arg(m_model->statusName(s), locale.toString(n)), int(s));
    }
    m_status->setCurrentIndex(-1);
    m_filter->setStatusFilter(RecordFilterModel::AnyStatus);
}

QString RecordPage::summaryText() const
{
    return m_summary->text();
}

} // namespace wb::ui
