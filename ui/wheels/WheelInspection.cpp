#include "ui/wheels/WheelInspection.h"

#include <QMetaObject>

#include <atomic>

namespace wb::ui {

struct WheelInspection::Job {
    quint64 generation = 0;
    QString path;
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

WheelInspection::WheelInspection(QObject *parent)
    : QObject(parent)
    , m_inspector([](const QString &path, const InspectOptions &options) { return inspectWheel(path, options); })
{
    // One thread for the current job, one for a cancelled job that is still winding down.
    m_pool.setMaxThreadCount(2);
    m_progressTimer.setInterval(50);
    connect(&m_progressTimer, &QTimer::timeout, this, &WheelInspection::pollProgress);
}

WheelInspection::~WheelInspection()
{
    stop();
    m_pool.waitForDone();   // cancelled: the worker returns after the member it is reading
}

void WheelInspection::open(const QString &path)
{
    stop();
    m_path = path;
    start(true);
}

void WheelInspection::verifyAgain()
{
    if (m_path.isEmpty() || m_verifying)
        return;
    stop();
    start(false);
}

void WheelInspection::cancel()
{
    if (!m_verifying)
        return;
    stop();
    Q_EMIT cancelled(m_path);
}

void WheelInspection::stop()
{
    if (m_job)
        m_job->cancel.store(true);
    m_job.reset();
    ++m_generation;
    m_progressTimer.stop();
    setVerifying(false);
}

void WheelInspection::setVerifying(bool verifying)
{
    if (verifying == m_verifying)
        return;
    m_verifying = verifying;
    Q_EMIT verifyingChanged(verifying);
}

// Runs DELIVER on the UI thread if JOB is still the current one when it gets there.
void WheelInspection::post(const std::shared_ptr<Job> &job, std::function<void()> deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation = job->generation, deliver = std::move(deliver)] {
            if (generation == m_generation)
                deliver();
        },
        Qt::QueuedConnection);
}

void WheelInspection::start(bool quickFirst)
{
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    job->path = m_path;
    m_job = job;
    m_lastDone = -1;
    if (!quickFirst) {
        setVerifying(true);
        m_progressTimer.start();
    }
    const Inspector inspector = m_inspector;
    m_pool.start([this, job, inspector, quickFirst] {
        if (job->cancel.load())
            return;
        InspectedFile result;
        result.file = job->path;
        if (quickFirst) {
            result.isSdist = looksLikeSdist(job->path);
            if (result.isSdist) {
                result.sdist = inspectSdist(job->path);
                post(job, [this, result] { Q_EMIT finished(result); });
                return;
            }
            InspectOptions quick;
            quick.verifyHashes = false;
            result.wheel = inspector(job->path, quick);
            const bool readable = result.wheel.readable;
            post(job, [this, result, readable] {
                Q_EMIT summaryReady(result);
                if (!readable) {
                    Q_EMIT finished(result);   // nothing to verify
                    return;
                }
                setVerifying(true);
                m_progressTimer.start();
            });
            if (!readable)
                return;
        }
        if (job->cancel.load())
            return;
        InspectOptions full;
        full.cancel = &job->cancel;
        full.progress = [job](qint64 done, qint64 total) {   // worker threads: counters only, polled by the UI
            job->total.store(total, std::memory_order_relaxed);
            job->done.store(done, std::memory_order_relaxed);
        };
        result.wheel = inspector(job->path, full);
        if (result.wheel.cancelled || job->cancel.load())
            return;   // cancel() already said so, and a newer job may be running
        post(job, [this, result] {
            pollProgress();
            m_progressTimer.stop();
            setVerifying(false);
            Q_EMIT finished(result);
        });
    });
}

void WheelInspection::pollProgress()
{
    if (!m_job)
        return;
    const qint64 done = m_job->done.load(std::memory_order_relaxed);
    const qint64 total = m_job->total.load(std::memory_order_relaxed);
    if (done == m_lastDone || total <= 0)
        return;
    m_lastDone = done;
    Q_EMIT progress(done, total);
}

} // namespace wb::ui
