#pragma once

#include "core/build/ToolDiscovery.h"

#include <QLabel>

template <typename T>
class QFutureWatcher;

namespace wb::ui {

// The Build view's Tools tab: maturin, cargo and the Pythons found for the open project, looked for off
// the UI thread. A result for a project that is no longer open is dropped.
class ToolsPanel : public QLabel
{
    Q_OBJECT
public:
    explicit ToolsPanel(QWidget *parent = nullptr);
    ~ToolsPanel() override;

    // Starts looking for `projectDir`; known() is false until discovered() is emitted.
    void discover(const QString &projectDir);
    bool known() const { return m_known; }
    const wb::ToolReport &report() const { return m_report; }

Q_SIGNALS:
    void discovered();

private:
    void show(const wb::ToolReport &report);

    wb::ToolReport m_report;
    bool m_known = false;
    QFutureWatcher<wb::ToolReport> *m_watcher = nullptr;
};

} // namespace wb::ui
