#pragma once

#include <QDialog>
#include <QDialogButtonBox>

namespace wb::ui {

// A unified diff shown with coloured added and removed lines (KSyntaxHighlighting's "Diff"), under a
// header that says what is compared, with the buttons the caller asks for.
class DiffDialog : public QDialog
{
    Q_OBJECT
public:
    DiffDialog(const QString &title, const QString &header, const QString &diff, QDialogButtonBox::StandardButtons buttons,
               QWidget *parent = nullptr);
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wb::ui
