#pragma once

#include "core/project/CargoWorkspace.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace wb::ui {

// Above the settings form when the opened folder is a Cargo workspace root: which member (a Python
// package) is being edited. Hidden otherwise.
class MemberPicker : public QWidget
{
    Q_OBJECT
public:
    explicit MemberPicker(QWidget *parent = nullptr);
    // Shows the members (hidden when there are none) with `current` (a package name) selected.
    void setMembers(const QList<WorkspaceMember> &members, const QString &current);
    QString current() const;

Q_SIGNALS:
    // The user picked another member (its package name).
    void memberChosen(const QString &name);

private:
    QLabel *m_label = nullptr;
    QComboBox *m_combo = nullptr;
    QString m_current;
};

} // namespace wb::ui
