#pragma once

#include <QDialog>

namespace wb::ui {

// Shows the diff of a configuration fix before it is written; Accept applies it.
class FixPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    FixPreviewDialog(const QString &title, const QString &diff, QWidget *parent = nullptr);
};

} // namespace wb::ui
