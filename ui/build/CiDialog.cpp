#include "ui/build/CiDialog.h"

#include "core/build/CiWorkflow.h"
#include "core/build/PyprojectBuildSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

CiDialog::CiDialog(const QString &projectDir, QWidget *parent)
    : QDialog(parent)
    , m_projectDir(projectDir)
    , m_name(new QLineEdit(QStringLiteral("CI"), this))
    , m_pytest(new QCheckBox(tr("Also run pytest on each wheel (other architectures under QEMU; like generate-ci --pytest)"), this))
    , m_file(new QComboBox(this))
    , m_existing(new QLabel(this))
    , m_target(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Generate CI workflow"));
    m_name->setObjectName(QStringLiteral("workflowName"));
    m_pytest->setObjectName(QStringLiteral("ciPytest"));
    m_target->setObjectName(QStringLiteral("ciTarget"));
    m_preview->setObjectName(QStringLiteral("ciPreview"));
    resize(760, 640);
    m_file->setObjectName(QStringLiteral("ciFileChoice"));
    m_existing->setObjectName(QStringLiteral("ciExisting"));
    m_existing->setWordWrap(true);
    m_pytest->setChecked(false); // opt-in, as in maturin's generate-ci
    m_pytest->setToolTip(tr("Adds test steps that install each built wheel and run the project's tests"));
    if (CiGithubConfig::read(projectDir + QStringLiteral("/pyproject.toml")).pytest.value_or(false)) {
        // maturin ORs its --pytest with the config: the box cannot turn it off.
        m_pytest->setChecked(true);
        m_pytest->setEnabled(false);
        m_pytest->setToolTip(tr("On: pyproject.toml sets pytest = true in [tool.maturin.generate-ci.github]"));
    }
    const QStringList existing = CiWorkflow::maturinWorkflows(projectDir);
    for (const QString &file : existing)
        m_file->addItem(tr("Replace %1").arg(QDir::toNativeSeparators(QDir(projectDir).relativeFilePath(file))), file);
    m_file->addItem(tr("A new file named after the workflow"), QString());
    m_file->setToolTip(tr("Where the workflow is written"));
    if (!existing.isEmpty()) {
        const QString name = CiWorkflow::workflowName(existing.first());
        if (!name.isEmpty())
            m_name->setText(name);
        QStringList names;
        for (const QString &file : existing)
            names << QFileInfo(file).fileName();
        m_existing->setText(tr("%1 already builds wheels with PyO3/maturin-action. Replacing it keeps one release workflow; "
                               "a new file would build and publish twice.").arg(names.join(QStringLiteral(", "))));
    }
    m_existing->setVisible(!existing.isEmpty());
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *form = new QFormLayout;
    form->addRow(tr("Workflow name:"), m_name);
    form->addRow(tr("Write to:"), m_file);
    form->addRow(QString(), m_existing);
    form->addRow(tr("File:"), m_target);
    form->addRow(tr("Tests:"), m_pytest);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *write = buttons->addButton(tr("&Write"), QDialogButtonBox::AcceptRole);
    write->setObjectName(QStringLiteral("writeCiButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(write, &QPushButton::clicked, this, [this] {
        if (writeFile())
            accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this, &CiDialog::refresh);
    connect(m_pytest, &QCheckBox::toggled, this, &CiDialog::refresh);
    connect(m_file, &QComboBox::currentIndexChanged, this, &CiDialog::refresh);
    refresh();
}

QString CiDialog::filePath() const
{
    const QString chosen = m_file->currentData().toString();
    return chosen.isEmpty() ? CiWorkflow::path(m_projectDir, m_name->text()) : chosen;
}

QString CiDialog::yaml() const
{
    return m_preview->toPlainText();
}

void CiDialog::refresh()
{
    CiWorkflowOptions options = CiWorkflowOptions::fromProject(m_projectDir);
    options.name = m_name->text().trimmed();
    options.pytest = m_pytest->isChecked();
    m_preview->setPlainText(CiWorkflow::generate(options));
    const QString file = filePath();
    m_target->setText(QDir::toNativeSeparators(QDir(m_projectDir).relativeFilePath(file))
                      + (QFileInfo::exists(file) ? tr("  (exists: you will be asked before it is replaced)") : QString()));
}

bool CiDialog::writeFile(bool askBeforeOverwrite)
{
    const QString file = filePath();
    bool overwrite = false;
    if (QFileInfo::exists(file)) {
        if (!askBeforeOverwrite)
            return false;
        overwrite = QMessageBox::question(this, tr("Replace workflow?"),
                                          tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(file)))
            == QMessageBox::Yes;
        if (!overwrite)
            return false;
    }
    QString error;
    if (!CiWorkflow::write(file, yaml(), overwrite, &error)) {
        QMessageBox::warning(this, tr("Generate CI"), error);
        return false;
    }
    return true;
}

} // namespace wb::ui
