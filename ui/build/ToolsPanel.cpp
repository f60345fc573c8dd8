#include "ui/build/ToolsPanel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

ToolsPanel::ToolsPanel(QWidget *parent)
    : QLabel(tr("Looking for maturin, cargo and Python…"), parent)
{
    setObjectName(QStringLiteral("toolsLabel"));
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWordWrap(true);
}

ToolsPanel::~ToolsPanel()
{
    // A discovery still going on finishes on its own; nothing waits for it.
    if (m_watcher)
        m_watcher->disconnect(this);
}

void ToolsPanel::discover(const QString &projectDir)
{
    m_known = false;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    m_watcher = new QFutureWatcher<wb::ToolReport>(this);
    connect(m_watcher, &QFutureWatcher<wb::ToolReport>::finished, this, [this, watcher = m_watcher] {
        show(watcher->result());
        Q_EMIT discovered();
    });
    m_watcher->setFuture(QtConcurrent::run([projectDir] { return wb::ToolDiscovery::discover(projectDir); }));
}

void ToolsPanel::show(const wb::ToolReport &report)
{
    m_report = report;
    m_known = true;
    QString text = report.summary().toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    if (!report.ready())
        text.prepend(tr("<b>Cannot build yet:</b><br>%1<br><br>").arg(report.problems().join(QStringLiteral("<br>")).toHtmlEscaped()));
    setText(text);
}

} // namespace wb::ui
