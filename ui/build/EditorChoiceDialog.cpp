#include "ui/build/EditorChoiceDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace wb::ui {

EditorChoiceDialog::EditorChoiceDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QRadioButton(tr("Run an &editor command:"), this))
    , m_viewer(new QRadioButton(tr("Show the file in Wheelbench's read-only &viewer"), this))
    , m_command(new QLineEdit(EditorLauncher::command(), this))
{
    setWindowTitle(tr("Open issues with"));
    m_editor->setObjectName(QStringLiteral("useEditor"));
    m_viewer->setObjectName(QStringLiteral("useViewer"));
    m_command->setObjectName(QStringLiteral("editorCommandEdit"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setPlaceholderText(QStringLiteral("code --goto %f:%l:%c"));
    m_command->setAccessibleName(tr("Editor command"));
    m_command->setToolTip(tr("%f is replaced by the file, %l by the line, %c by the column"));
    auto *intro = new QLabel(what.isEmpty() ? tr("How should Wheelbench open the file of an issue?")
                                            : tr("How should Wheelbench open <b>%1</b>?").arg(what.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto *hint = new QLabel(tr("%f file, %l line, %c column. For example <tt>code --goto %f:%l:%c</tt> or "
                               "<tt>kate --line %l --column %c %f</tt>."),
                            this);
    hint->setWordWrap(true);
    hint->setBuddy(m_command);
    auto *remembered = new QLabel(tr("Wheelbench remembers the choice; <i>Editor…</i> above the issues changes it."), this);
    remembered->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_editor);
    auto *indent = new QVBoxLayout;
    indent->setContentsMargins(24, 0, 0, 0);
    indent->addWidget(m_command);
    indent->addWidget(hint);
    layout->addLayout(indent);
    layout->addWidget(m_viewer);
    layout->addSpacing(8);
    layout->addWidget(remembered);
    layout->addWidget(buttons);

    if (EditorLauncher::openWith() == EditorLauncher::OpenWith::Viewer || EditorLauncher::command().isEmpty())
        m_viewer->setChecked(true);
    else
        m_editor->setChecked(true);
    connect(m_editor, &QRadioButton::toggled, this, &EditorChoiceDialog::update);
    connect(m_command, &QLineEdit::textChanged, this, [this] {
        if (!m_command->text().isEmpty())
            m_editor->setChecked(true);
        update();
    });
    update();
    resize(520, sizeHint().height());
}

EditorLauncher::OpenWith EditorChoiceDialog::choice() const
{
    return m_editor->isChecked() ? EditorLauncher::OpenWith::Editor : EditorLauncher::OpenWith::Viewer;
}

QString EditorChoiceDialog::command() const
{
    return m_command->text().trimmed();
}

void EditorChoiceDialog::update()
{
    m_ok->setEnabled(m_viewer->isChecked() || !command().isEmpty());
}

void EditorChoiceDialog::accept()
{
    if (choice() == EditorLauncher::OpenWith::Editor && command().isEmpty())
        return;
    if (!command().isEmpty())
        EditorLauncher::setCommand(command());
    EditorLauncher::setOpenWith(choice());
    QDialog::accept();
}

} // namespace wb::ui
