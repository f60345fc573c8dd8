#include "ui/build/IssuesPanel.h"

#include "core/common/Counted.h"
#include "ui/build/IssueOpener.h"
#include "ui/build/IssuesModel.h"
#include "ui/common/EmptyViewMessage.h"
#include "ui/common/FillingColumn.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace wb::ui {

IssuesPanel::IssuesPanel(QWidget *parent)
    : QWidget(parent)
    , m_issues(new IssuesModel(this))
    , m_filter(new IssuesFilterModel(this))
    , m_view(new QTableView(this))
    , m_counts(new QLabel(this))
    , m_opener(new IssueOpener(this))
{
    m_filter->setSourceModel(m_issues);
    // The counts follow the model, whoever fills it.
    connect(m_issues, &QAbstractItemModel::rowsInserted, this, &IssuesPanel::updateCounts);
    connect(m_issues, &QAbstractItemModel::modelReset, this, &IssuesPanel::updateCounts);
    m_view->setObjectName(QStringLiteral("issuesView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // file names keep their line numbers in view
    m_view->horizontalHeader()->resizeSection(IssuesModel::SeverityColumn, 110);
    m_view->horizontalHeader()->resizeSection(IssuesModel::LocationColumn, 240);
    new FillingColumn(m_view, m_view->horizontalHeader(), IssuesModel::MessageColumn); // every column resizable
    m_empty = new EmptyViewMessage(m_view);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(IssuesModel::LocationColumn, Qt::AscendingOrder);
    connect(m_view, &QTableView::doubleClicked, this, &IssuesPanel::open);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT logLineRequested(index.data(IssuesModel::RunRole).toInt(), index.data(IssuesModel::LogLineRole).toInt());
    });

    auto *showErrors = new QCheckBox(tr("Errors"), this);
    auto *showWarnings = new QCheckBox(tr("Warnings"), this);
    showErrors->setChecked(true);
    showWarnings->setChecked(true);
    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("issueFilter"));
    filter->setPlaceholderText(tr("text in any column"));
    filter->setToolTip(tr("Shows only the issues that contain this text"));
    filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(filter);
    connect(showErrors, &QCheckBox::toggled, m_filter, &IssuesFilterModel::setShowErrors);
    connect(showWarnings, &QCheckBox::toggled, m_filter, &IssuesFilterModel::setShowWarnings);
    connect(filter, &QLineEdit::textChanged, m_filter, &IssuesFilterModel::setText);
    m_counts->setObjectName(QStringLiteral("issueCounts"));
    auto *editorButton = new QToolButton(this);
    editorButton->setObjectName(QStringLiteral("editorButton"));
    editorButton->setText(tr("Editor…"));
    editorButton->setToolTip(tr("How double-clicking an issue opens its file: an editor command (%f file, %l line, %c column) "
                                "or the built-in viewer"));
    connect(editorButton, &QToolButton::clicked, m_opener, &IssueOpener::choose);

    auto *bar = new QHBoxLayout;
    bar->addWidget(showErrors);
    bar->addWidget(showWarnings);
    bar->addWidget(filterLabel);
    bar->addWidget(filter, 1);
    bar->addWidget(m_counts);
    bar->addWidget(editorButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    updateCounts();
}

void IssuesPanel::clear()
{
    m_issues->clear();
}

void IssuesPanel::addEvents(const QList<wb::BuildEvent> &events, int run)
{
    m_issues->addEvents(events, run);
}

void IssuesPanel::updateCounts()
{
    const int errors = m_issues->count(wb::DiagnosticSeverity::Error);
    const int warnings = m_issues->count(wb::DiagnosticSeverity::Warning);
    m_counts->setText(wb::counted(errors, "error", "errors") + QStringLiteral(", ") + wb::counted(warnings, "warning", "warnings"));
    m_empty->setText(m_issues->rowCount() == 0 ? tr("No errors or warnings. The errors and warnings of a build, develop or test "
                                                    "run are listed here; double-click one to open its line.")
                                               : tr("No issue matches the filter."));
}

void IssuesPanel::open(const QModelIndex &index)
{
    const QString file = index.data(IssuesModel::FileRole).toString();
    if (file.isEmpty()) {
        Q_EMIT message(tr("This issue names no file; its place in the log is highlighted."));
        return;
    }
    const QModelIndex location = index.siblingAtColumn(IssuesModel::LocationColumn);
    m_opener->open(file, index.data(IssuesModel::LineRole).toInt(), index.data(IssuesModel::ColumnRole).toInt(), location.data().toString());
}

} // namespace wb::ui
