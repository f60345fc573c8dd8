#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace wb::ui {

// What the view read for one file: a wheel, or a source distribution (.tar.gz and the other tar flavours).
struct InspectedFile {
    QString file;
    bool isSdist = false;
    WheelReport wheel;   // when !isSdist
    SdistReport sdist;   // when isSdist
};

// Reads the file the Wheels view shows, off the UI thread. A wheel is read twice: first the quick
// structure pass (central directory, dist-info files, native files' headers: the summary within a
// fraction of a second), then the full verification, whose progress streams in and which can be
// cancelled. An sdist is read once. One job at a time: opening another file, cancelling or closing
// drops the old job's late results (each job has a generation; only the current one is delivered),
// so a stale report is never shown. Destroying the object cancels and waits for its worker.
class WheelInspection : public QObject
{
    Q_OBJECT
public:
    // The function that reads a wheel: inspectWheel, or a test's wrapper that holds or slows a pass.
    using Inspector = std::function<WheelReport(const QString &path, const InspectOptions &options)>;

    explicit WheelInspection(QObject *parent = nullptr);
    ~WheelInspection() override;

    void open(const QString &path);   // drops any earlier job
    void verifyAgain();               // the full pass again on the wheel whose quick report was delivered
    void cancel();                    // stops verification: cancelled() now, the job's results are dropped
    void stop();                      // drops the current job, whatever its phase (the file was closed)
    bool isVerifying() const { return m_verifying; }
    QString path() const { return m_path; }
    void setInspector(Inspector inspector) { m_inspector = std::move(inspector); }
    // Milliseconds between progress reports to the UI thread (polled from the worker's counters).
    void setProgressInterval(int ms) { m_progressTimer.setInterval(ms); }

Q_SIGNALS:
    void summaryReady(const InspectedFile &quick);   // a wheel's quick report; verification follows
    void progress(qint64 done, qint64 total);        // compressed bytes verified of all
    void finished(const InspectedFile &result);      // the full report (wheel), the sdist's, or an unreadable wheel's
    void cancelled(const QString &path);
    void verifyingChanged(bool verifying);

private:
    struct Job;
    void start(bool quickFirst);
    void post(const std::shared_ptr<Job> &job, std::function<void()> deliver);
    void setVerifying(bool verifying);
    void pollProgress();

    QThreadPool m_pool;
    QTimer m_progressTimer;
    Inspector m_inspector;
    std::shared_ptr<Job> m_job;   // the current job; older ones only wind down
    quint64 m_generation = 0;
    QString m_path;
    bool m_verifying = false;
    qint64 m_lastDone = -1;
};

} // namespace wb::ui
