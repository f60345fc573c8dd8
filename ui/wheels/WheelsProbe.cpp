#include "ui/wheels/WheelsProbe.h"

#include "ui/common/FirstPaintProbe.h"
#include "ui/wheels/RecordFilterModel.h"
#include "ui/wheels/ScrollProbe.h"
#include "ui/wheels/WheelsView.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <utility>

namespace wb::ui {

namespace {

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

// Rows without children under PARENT: the files a tree of folders shows.
int leaves(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        n += model->hasChildren(child) ? leaves(model, child) : 1;
    }
    return n;
}

QString now()
{
    return QString::number(millisecondsSinceProcessStart());
}

} // namespace

void WheelsProbe::installIfRequested(WheelsView *view)
{
    const QByteArray mode = qgetenv("WHEELBENCH_WHEELS_PROBE");
    if (mode.isEmpty())
        return;
    const QList<QByteArray> words = mode.split(',');
    new WheelsProbe(view, words.contains("scroll"), words.contains("exit"));
}

WheelsProbe::WheelsProbe(WheelsView *view, bool scroll, bool exitAfter)
    : QObject(view)
    , m_view(view)
    , m_scroll(scroll)
    , m_exitAfter(exitAfter)
{
    connect(view, &WheelsView::opening, this, [](const QString &path) { say(QStringLiteral("wheel-open %1 %2").arg(now(), QFileInfo(path).fileName())); });
    connect(view, &WheelsView::summaryShown, this, [this] {
        afterNextPaint([this](qint64 shownAt) {
            say(QStringLiteral("summary-shown %1").arg(shownAt));
            m_maxGapNs = 0;
            m_tickClock.start();
            // Counted from the summary's frame: the work queued after it (the tables) is a busy spell too.
            m_lastTick = -(millisecondsSinceProcessStart() - shownAt) * 1000000;
            m_ticker->start();
        });
    });
    m_ticker = new QTimer(this);
    m_ticker->setInterval(10);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        const qint64 t = m_tickClock.nsecsElapsed();
        m_maxGapNs = std::max(m_maxGapNs, t - m_lastTick);
        m_lastTick = t;
    });
    connect(view, &WheelsView::reportReady, this, [this] { afterNextPaint([this](qint64 shownAt) { onVerified(shownAt); }); });
}

// REPORT runs once the window has painted (and flushed) what just changed, from the event loop, with
// the time that frame was done.
void WheelsProbe::afterNextPaint(std::function<void(qint64)> report)
{
    m_reports.append(std::move(report));
    if (!m_waiting) {
        m_waiting = true;
        qApp->installEventFilter(this);
    }
}

bool WheelsProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_waiting || !m_view || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    QWidget *window = m_view->window();
    const bool frame = event->type() == QEvent::UpdateRequest && watched == window;   // paints every dirty widget, then flushes
    const bool paint = event->type() == QEvent::Paint && static_cast<QWidget *>(watched)->window() == window;
    if (!frame && !paint)
        return QObject::eventFilter(watched, event);
    m_waiting = false;
    qApp->removeEventFilter(this);
    auto reports = std::exchange(m_reports, {});
    if (frame) {
        // The frame is painted here, so that its end is known (work queued before it, such as the
        // Wheels view's tables, runs after it and is not counted).
        QCoreApplication::sendEvent(watched, event);
        const qint64 shownAt = millisecondsSinceProcessStart();
        QTimer::singleShot(0, this, [reports, shownAt] {
            for (const auto &report : reports)
                report(shownAt);
        });
        return true;
    }
    QTimer::singleShot(0, this, [reports] {   // a paint outside a frame update (an expose): after it
        const qint64 shownAt = millisecondsSinceProcessStart();
        for (const auto &report : reports)
            report(shownAt);
    });
    return QObject::eventFilter(watched, event);
}

void WheelsProbe::onVerified(qint64 shownAt)
{
    if (!m_view)
        return;
    const WheelReport &r = m_view->currentReport();
    int files = 0;
    for (const WheelFileEntry &f : r.files)
        files += f.isDirectory ? 0 : 1;
    say(QStringLiteral("verified %1 record-verified %2 record-ok %3 files %4")
            .arg(shownAt)
            .arg(r.record.verified ? 1 : 0)
            .arg(r.record.ok ? 1 : 0)
            .arg(files));
    if (m_ticker->isActive()) {
        m_ticker->stop();
        const qint64 t = m_tickClock.nsecsElapsed();
        m_maxGapNs = std::max(m_maxGapNs, t - m_lastTick);
        say(QStringLiteral("verify-max-gap %1").arg(double(m_maxGapNs) / 1e6, 0, 'f', 1));
    }
    if (m_scroll)
        scrollFiles();
    else
        done();
}

void WheelsProbe::scrollFiles()
{
    auto *tabs = m_view->findChild<QTabWidget *>();
    auto *files = m_view->findChild<QTreeView *>(QStringLiteral("files"));
    if (!tabs || !files) {
        done();
        return;
    }
    QElapsedTimer clock;
    clock.start();
    tabs->setCurrentWidget(files->parentWidget());
    files->expandAll();
    QCoreApplication::processEvents();
    say(QStringLiteral("files-expand-all %1").arg(clock.elapsed()));
    auto *probe = new ScrollProbe(files, this);
    connect(probe, &ScrollProbe::finished, this, [this, probe, files](const ScrollProbe::Result &r) {
        const int rows = leaves(files->model());
        say(QStringLiteral("scroll files max-gap %1 steps %2 rows %3 total %4").arg(r.maxGapMs, 0, 'f', 1).arg(r.steps).arg(rows).arg(r.totalMs, 0, 'f', 0));
        probe->deleteLater();
        scrollRecord();
    });
    probe->start();
}

void WheelsProbe::scrollRecord()
{
    auto *tabs = m_view->findChild<QTabWidget *>();
    auto *record = m_view->findChild<QTreeView *>(QStringLiteral("recordEntries"));
    auto *status = m_view->findChild<QComboBox *>(QStringLiteral("recordStatus"));
    if (!tabs || !record || !status) {
        done();
        return;
    }
    status->setCurrentIndex(std::max(0, status->findData(RecordFilterModel::AnyStatus)));
    tabs->setCurrentWidget(m_view->findChild<QWidget *>(QStringLiteral("record")));
    QCoreApplication::processEvents();
    auto *probe = new ScrollProbe(record, this);
    connect(probe, &ScrollProbe::finished, this, [this, probe, record](const ScrollProbe::Result &r) {
        say(QStringLiteral("scroll record max-gap %1 steps %2 rows %3 total %4")
                .arg(r.maxGapMs, 0, 'f', 1)
                .arg(r.steps)
                .arg(record->model()->rowCount())
                .arg(r.totalMs, 0, 'f', 0));
        probe->deleteLater();
        done();
    });
    probe->start();
}

void WheelsProbe::done()
{
    if (m_exitAfter)
        QCoreApplication::exit(0);
}

} // namespace wb::ui
