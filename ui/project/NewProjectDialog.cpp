#include "ui/project/NewProjectDialog.h"
#include "ui/common/SeverityIcon.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace wb::ui {

NewProjectDialog::NewProjectDialog(const QString &dir, QWidget *parent)
    : QDialog(parent)
    , m_dir(dir)
{
    setWindowTitle(tr("New maturin Project"));
    auto *l = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *folder = new QLabel(QDir::toNativeSeparators(dir), this);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Folder:"), folder);
    m_name = new QLineEdit(ProjectTemplate::distributionNameFor(QDir(dir).dirName()), this);
    m_name->setObjectName(QStringLiteral("name"));
    form->addRow(tr("&Name:"), m_name);
    auto *layouts = new QHBoxLayout;
    m_mixed = new QRadioButton(tr("&Mixed Rust/Python (python/<pkg>/ with a _native extension)"), this);
    m_pure = new QRadioButton(tr("&Pure Rust module"), this);
    m_mixed->setChecked(true);
    layouts->addWidget(m_mixed);
    layouts->addWidget(m_pure);
    layouts->addStretch(1);
    form->addRow(tr("Layout:"), layouts);
    l->addLayout(form);
    auto *split = new QSplitter(this);
    m_files = new QListWidget(split);
    m_files->setObjectName(QStringLiteral("files"));
    m_preview = new QPlainTextEdit(split);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    split->setStretchFactor(1, 2);
    l->addWidget(new QLabel(tr("These files will be created:"), this));
    l->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    l->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (create())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    l->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &NewProjectDialog::updatePlan);
    connect(m_mixed, &QRadioButton::toggled, this, &NewProjectDialog::updatePlan);
    connect(m_files, &QListWidget::currentRowChanged, this, [this](int row) {
        m_preview->setPlainText(row >= 0 && row < m_plan.files.size() ? QString::fromUtf8(m_plan.files.at(row).bytes) : QString());
    });
    resize(820, 520);
    updatePlan();
}

void NewProjectDialog::updatePlan()
{
    m_plan = ProjectTemplate::plan(m_dir, m_name->text(), m_mixed->isChecked() ? ProjectTemplate::Layout::Mixed : ProjectTemplate::Layout::Pure);
    m_files->clear();
    for (const ProjectTemplate::File &f : std::as_const(m_plan.files)) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(f.relativePath), m_files);
        if (m_plan.conflicts.contains(f.relativePath)) {
            item->setIcon(severityIcon(IconSeverity::Error));
            item->setToolTip(tr("exists already: it would not be overwritten"));
        }
    }
    m_files->setCurrentRow(0);
    QString status;
    if (!m_plan.error.isEmpty())
        status = m_plan.error;
    else if (!m_plan.conflicts.isEmpty())
        status = tr("Nothing can be created here: %1 exist already.").arg(m_plan.conflicts.join(QStringLiteral(", ")));
    else
        status = tr("Python imports it as <b>%1</b>; the distribution is <b>%2</b>.").arg(m_plan.packageName, m_plan.distributionName);
    m_status->setText(status);
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(m_plan.isWritable());
    }
}

bool NewProjectDialog::create()
{
    QString error;
    if (ProjectTemplate::write(m_plan, &error))
        return true;
    QMessageBox::warning(this, tr("Project not created"), error);
    return false;
}

} // namespace wb::ui
