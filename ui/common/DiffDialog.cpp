#include "ui/common/DiffDialog.h"

#include "ui/common/CodeEditor.h"
#include "ui/common/Highlighting.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

DiffDialog::DiffDialog(const QString &title, const QString &header, const QString &diff, QDialogButtonBox::StandardButtons buttons,
                       QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *l = new QVBoxLayout(this);
    auto *label = new QLabel(header, this);
    label->setWordWrap(true);
    l->addWidget(label);
    auto *view = new CodeEditor(this);
    view->setObjectName(QStringLiteral("diff"));
    view->setReadOnly(true);
    view->setPlainText(diff.isEmpty() ? tr("No differences.") : diff);
    highlight(view->document(), QStringLiteral("Diff"), this);
    l->addWidget(view);
    m_buttons = new QDialogButtonBox(buttons, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::clicked, this, [this](QAbstractButton *b) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::DestructiveRole)
            done(QDialogButtonBox::Discard);
    });
    l->addWidget(m_buttons);
    resize(760, 500);
}

} // namespace wb::ui
