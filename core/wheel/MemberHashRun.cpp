// MemberReader::hashAll and HashRun: members hashed several at a time. Workers take neighbouring
// members (in file order) in batches that share one mapped window; the thread that waits lends a
// hand until the last batch is done.
#include "core/wheel/MemberReader.h"

#include "core/wheel/MemberReaderWorker.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace wb {

namespace {

constexpr quint64 kBatchBytes = 4ull << 20; // neighbouring small members share one mapping of at most this
// Near the end a batch holds at most this share of the bytes still to plan, and no less than the
// smallest batch: the last batches take a few milliseconds, not tens.
constexpr quint64 kTailShare = 16;
constexpr quint64 kSmallestBatchBytes = 256ull << 10;
// A local header not read yet: room for its extra field (ZIP64 and timestamps take a few dozen
// bytes). A longer one only means the member's last bytes are mapped apart.
constexpr quint64 kExtraAllowance = 64;

// The bytes a member's reading touches: its data, and its local header when that is still to read.
quint64 extentBegin(const ZipEntryRecord &e)
{
    return e.dataOffset != 0 ? e.dataOffset : e.localOffset;
}
quint64 extentEnd(const ZipEntryRecord &e)
{
    return e.dataOffset != 0 ? e.dataOffset + e.compressedSize
                             : e.localOffset + 30 + quint64(e.rawName.size()) + kExtraAllowance + e.compressedSize;
}

} // namespace

struct MemberReader::HashRun::State {
    struct Batch {
        size_t first = 0, last = 0; // into order
        quint64 begin = 0, end = 0; // the mapping; end == begin: none (each member maps its own windows)
        quint64 cost = 0;           // the bytes its members inflate to
    };
    QString path;
    QList<Job> jobs;
    HashOptions options;
    std::vector<qsizetype> order;
    std::vector<Batch> batches;
    QList<Result> results;
    std::atomic<size_t> next{0};
    std::atomic<qint64> budget{0};
    std::mutex progressMutex;
    qint64 doneBytes = 0; // under progressMutex
    std::atomic<bool> stop{false}; // destroyed before wait()
    qint64 totalBytes = 0;
    std::vector<std::thread> pool;

    // Batches of neighbouring members in file order. Towards the end of the file they get smaller,
    // and they are taken largest first, so that the threads run out of work together instead of one
    // finishing a large batch alone.
    void plan()
    {
        order.resize(size_t(jobs.size()));
        for (qsizetype i = 0; i < jobs.size(); ++i)
            order[size_t(i)] = i;
        const auto before = [&](qsizetype a, qsizetype b) { return extentBegin(*jobs[a].entry) < extentBegin(*jobs[b].entry); };
        if (!std::is_sorted(order.begin(), order.end(), before)) // the central directory is nearly always in file order
            std::sort(order.begin(), order.end(), before);
        for (const Job &j : std::as_const(jobs))
            totalBytes += qint64(j.entry->compressedSize);
        quint64 left = quint64(totalBytes);
        for (size_t i = 0; i < order.size();) {
            const quint64 limit = std::clamp(left / kTailShare, kSmallestBatchBytes, kBatchBytes);
            const ZipEntryRecord &e = *jobs[order[i]].entry;
            Batch b{i, i + 1, extentBegin(e), extentEnd(e), e.uncompressedSize};
            quint64 bytes = e.compressedSize;
            if (b.begin == 0 || e.compressedSize > kBatchBytes || b.end < b.begin) {
                b.end = b.begin;
            } else {
                while (b.last < order.size()) {
                    const ZipEntryRecord &n = *jobs[order[b.last]].entry;
                    const quint64 nEnd = extentEnd(n);
                    if (n.compressedSize > kBatchBytes || nEnd < extentBegin(n) || std::max(b.end, nEnd) - b.begin > limit)
                        break;
                    b.end = std::max(b.end, nEnd);
                    bytes += n.compressedSize;
                    b.cost += n.uncompressedSize;
                    ++b.last;
                }
            }
            batches.push_back(b);
            left -= std::min(left, bytes);
            i = b.last;
        }
        // The costliest batches first, the small ones last (a large member at the end of the file,
        // RECORD often, would otherwise keep one thread busy while the others wait).
        std::stable_sort(batches.begin(), batches.end(), [](const Batch &a, const Batch &b) { return a.cost > b.cost; });
    }

    void work()
    {
        Worker w(path);
        QString openError;
        const bool opened = w.open(&openError);
        Result *out = results.data();
        for (size_t bi = next.fetch_add(1); bi < batches.size(); bi = next.fetch_add(1)) {
            const Batch &b = batches[bi];
            Worker::Window window;
            const quint64 end = std::min(b.end, w.fileSize);
            if (opened && end > b.begin) {
                if (const uchar *mapped = w.mapPopulated(b.begin, end - b.begin))
                    window = {mapped, b.begin, end};
            }
            const bool cancelled = stop.load(std::memory_order_relaxed) || (options.cancel && options.cancel->load(std::memory_order_relaxed));
            qint64 batchBytes = 0;
            for (size_t k = b.first; k < b.last; ++k) {
                const qsizetype idx = order[k];
                batchBytes += qint64(jobs[idx].entry->compressedSize);
                if (!opened || cancelled) {
                    out[idx].digest = MemberDigest{jobs[idx].entry->name, jobs[idx].algorithm, {}, 0, 0, cancelled ? cancelledError() : openError};
                    continue;
                }
                out[idx] = w.hash(jobs[idx], options, budget, window);
            }
            if (window.base)
                Worker::unmapPopulated(window.base, window.begin, window.end - window.begin);
            // Counted and reported under one lock: two workers finishing together never report
            // their totals in the wrong order (a progress bar that steps back).
            std::lock_guard lock(progressMutex);
            doneBytes += batchBytes;
            if (options.progress && !cancelled)
                options.progress(doneBytes, totalBytes);
        }
    }

    void join()
    {
        for (std::thread &t : pool)
            t.join();
        pool.clear();
    }
};

MemberReader::HashRun::HashRun(const QString &path, const QList<Job> &jobs, const HashOptions &options) : d(std::make_unique<State>())
{
    d->path = path;
    d->jobs = jobs;
    d->options = options;
    d->budget = options.binaryBudget;
    d->results.resize(jobs.size());
    d->plan();
    // The waiting thread is one of the workers: the others start now.
    int threads = options.threads > 0 ? options.threads : std::clamp(QThread::idealThreadCount(), 1, 4);
    threads = int(std::min<size_t>(size_t(threads), d->batches.size()));
    State *state = d.get();
    for (int t = 1; t < threads; ++t)
        d->pool.emplace_back([state] { state->work(); });
}

MemberReader::HashRun::~HashRun()
{
    if (!d)
        return;
    d->stop = true;
    d->join();
}

QList<MemberReader::Result> MemberReader::HashRun::wait()
{
    d->work();
    d->join();
    QList<Result> results = std::move(d->results);
    d.reset();
    return results;
}

QList<MemberReader::Result> MemberReader::hashAll(const QString &path, const QList<Job> &jobs, const HashOptions &options)
{
    if (jobs.isEmpty())
        return {};
    return HashRun(path, jobs, options).wait();
}

} // namespace wb
