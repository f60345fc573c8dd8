#pragma once

#include "core/project/SettingsDiagnostic.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace wb {
class Project;
}

namespace wb::ui {

// The grouped forms over [tool.maturin] (pyproject.toml) and [lib], [profile.release] and the pyo3
// dependency (Cargo.toml). Every change the user makes goes through the editor function as a
// SettingsEdit; the form shows the documents, never its own state. Fields of a file that does not
// parse are read-only and say why, instead of showing "not set".
class SettingsForm : public QWidget
{
    Q_OBJECT
public:
    // Applies an edit; false with a message when refused.
    using Editor = std::function<bool(const SettingsEdit &, QString *)>;

    explicit SettingsForm(Editor editor, QWidget *parent = nullptr);

    // Creates the fields (or the "open a project" text when there is none).
    void rebuild(bool hasProject);
    // Shows the values of the project's documents. unreadable[kind]: why that file's fields are
    // read-only (empty: editable).
    void showValues(const Project &project, const QString unreadable[2]);
    void markDiagnostics(const QList<SettingsDiagnostic> &diagnostics);
    QWidget *field(ProjectFileKind kind, const QString &key) const;
    // From now on no edit reaches the editor (its owner is being destroyed; fields losing the focus
    // still emit editingFinished).
    void detach();

private:
    QWidget *makeField(ProjectFileKind kind, const QString &key, const QString &help);
    void addGroup(const QString &title, const QList<std::pair<ProjectFileKind, QString>> &keys, const QHash<QString, QString> &helps);
    void commitLineEdit(QLineEdit *edit, ProjectFileKind kind, const QString &key, bool listField);
    void alignLabels();

    Editor m_editor;
    bool m_showing = false;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_reason = nullptr;
    QList<QLabel *> m_labels;
    QHash<QString, QWidget *> m_fields; // "py:key" / "cargo:key"
};

} // namespace wb::ui
