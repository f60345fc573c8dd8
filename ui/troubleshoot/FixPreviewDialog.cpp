#include "ui/troubleshoot/FixPreviewDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::ui {

FixPreviewDialog::FixPreviewDialog(const QString &title, const QString &diff, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Apply fix"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title, this));
    auto *view = new QPlainTextEdit(diff, this);
    view->setObjectName(QStringLiteral("fixDiff"));
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 360);
}

} // namespace wb::ui
