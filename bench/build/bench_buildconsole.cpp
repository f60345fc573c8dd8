// Benchmarks of the build runner and console, measured against a reference in the same run.
//
//   bench_buildconsole [--lines N]        a child process writes N coloured cargo-like lines as fast
//                                         as it can; they go through BuildRunner into the console.
//                                         Reports the longest event-loop stall (must stay <= 50 ms),
//                                         peak RSS and throughput.
//   bench_buildconsole --smoke            the same with 20,000 lines (a ctest test)
//   bench_buildconsole --compare-build DIR [--rounds R] [-- MATURIN-ARGS]
//                                         wall time of `maturin build` run directly vs through
//                                         BuildRunner (alternating, the crate's source touched each
//                                         time so cargo recompiles it); must be within 3 %.
//   bench_buildconsole --emit N           (the child) writes N lines to stdout
#include "core/build/BuildRequest.h"
#include "core/build/BuildRunner.h"
#include "core/build/ToolDiscovery.h"
#include "ui/build/BuildConsole.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

int emitLines(long long n)
{
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
    static const char *crates[] = {"syn", "pyo3-ffi(build)", "proc-macro2", "libc", "serde_derive", "hello-pyo3"};
    for (long long i = 0; i < n; ++i) {
        const char *crate = crates[i % 6];
        if (i % 10 == 9)
            std::printf("\x1b[1m\x1b[36m    Building\x1b[0m [=====>        ] %lld/%lld: %s, syn\r", i, n, crate);
        else if (i % 10 == 5)
            std::printf("\x1b[0m\x1b[1m\x1b[33mwarning\x1b[0m\x1b[1m: unused variable: `x%lld`\x1b[0m\n"
                        "\x1b[1m\x1b[38;5;12m  --> \x1b[0msrc/lib.rs:%lld:9\n\n",
                        i, i % 500 + 1);
        else
            std::printf("\x1b[1m\x1b[32m   Compiling\x1b[0m %s v0.%lld.0 (line %lld, ünïcödé ✓)\n", crate, i % 100, i);
    }
    std::fflush(stdout);
    return 0;
}

long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

int stream(long long lines, bool smoke)
{
    wb::ui::BuildConsole console;
    console.resize(1000, 700);
    console.show();
    wb::BuildRunner runner;
    QObject::connect(&runner, &wb::BuildRunner::outputLines, &console, &wb::ui::BuildConsole::appendLines);
    QElapsedTimer loopClock;
    qint64 last = 0;
    qint64 maxStall = 0;
    qint64 maxStallAt = 0;
    long maxRss = rssKiB();
    const long startRss = maxRss;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = loopClock.elapsed();
        if (now - last > maxStall) {
            maxStall = now - last;
            maxStallAt = now;
        }
        last = now;
        maxRss = std::max(maxRss, rssKiB());
    });
    qint64 received = 0;
    QObject::connect(&runner, &wb::BuildRunner::outputLines, [&received](const QList<wb::OutputLine> &l) { received += l.size(); });
    wb::RunCommand command;
    command.program = QCoreApplication::applicationFilePath();
    command.arguments = {QStringLiteral("--emit"), QString::number(lines)};
    QSignalSpy done(&runner, &wb::BuildRunner::finished);
    // Reference: the same probe over an idle second, to see what the machine itself adds.
    loopClock.start();
    probe.start();
    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const qint64 idleStall = maxStall;
    maxStall = 0;
    std::vector<qint64> gaps;
    QObject::connect(&probe, &QTimer::timeout, [&] { gaps.push_back(loopClock.elapsed()); });
    QElapsedTimer wall;
    wall.start();
    if (!runner.start(command))
        return 2;
    while (done.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    while (console.pendingLines() > 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const qint64 ms = wall.elapsed();
    probe.stop();
    std::vector<qint64> deltas;
    for (size_t k = 1; k < gaps.size(); ++k)
        deltas.push_back(gaps[k] - gaps[k - 1]);
    std::sort(deltas.begin(), deltas.end());
    const qint64 p99 = deltas.empty() ? 0 : deltas[deltas.size() * 99 / 100];
    // Every line arrives (a warning is 3 lines), the console stays at its cap, memory stays bounded.
    const bool complete = received == lines + 2 * (lines / 10) && console.document()->blockCount() <= console.maximumBlockCount()
        && maxRss - startRss < 200 * 1024;
    // The stall limit is the verdict of the full run; the smoke run (next to other tests on a busy
    // machine) checks completeness and memory, and reports the stall.
    const bool ok = complete && (smoke || maxStall <= 50);
    std::printf("lines written: %lld, lines received: %lld (incl. blank and progress), shown: %d blocks (cap %d)\n", lines,
                (long long)received, console.document()->blockCount(), console.maximumBlockCount());
    std::printf("wall time: %lld ms (%.0f lines/s)\n", (long long)ms, double(lines) * 1000.0 / double(std::max<qint64>(ms, 1)));
    std::printf("longest event-loop stall: %lld ms (limit 50 ms), %lld ms after the start\n", (long long)maxStall,
                (long long)maxStallAt);
    std::printf("99th percentile gap: %lld ms; longest gap while idle (the machine's own noise): %lld ms\n", (long long)p99,
                (long long)idleStall);
    std::printf("RSS: start %ld KiB, peak %ld KiB (+%ld KiB)\n", startRss, maxRss, maxRss - startRss);
    std::printf("%s\n", ok ? "PASS" : complete ? "FAIL: the event loop stalled" : "FAIL: lines lost or memory not bounded");
    return ok ? 0 : 1;
}

void touchSources(const QString &dir)
{
    QFile f(dir + QStringLiteral("/src/lib.rs"));
    if (f.open(QIODevice::ReadWrite))
        f.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
}

int compareBuild(const QString &dir, int rounds, const QStringList &extra)
{
    const wb::ToolReport tools = wb::ToolDiscovery::discover(dir);
    if (!tools.ready()) {
        std::fprintf(stderr, "%s", qPrintable(tools.summary()));
        return 2;
    }
    wb::BuildRequest request;
    request.projectDir = dir;
    request.profile = wb::BuildRequest::Profile::Debug;
    request.extraArguments = extra;
    const wb::RunCommand command = wb::BuildRunner::commandFor(request, tools);
    std::printf("command: %s (in %s)\n", qPrintable(command.displayLine), qPrintable(dir));
    // Warm up once, so both sides rebuild only the crate itself.
    touchSources(dir);
    QProcess::execute(command.program, command.arguments);
    std::vector<qint64> direct, through;
    for (int round = 0; round < rounds; ++round) {
        for (int side = 0; side < 2; ++side) {
            const bool viaRunner = (round + side) % 2 == 1;
            touchSources(dir);
            QElapsedTimer clock;
            clock.start();
            if (viaRunner) {
                wb::BuildRunner runner;
                QSignalSpy done(&runner, &wb::BuildRunner::finished);
                runner.start(command);
                while (done.isEmpty())
                    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
                through.push_back(clock.elapsed());
            } else {
                QProcess p;
                p.setProcessEnvironment(command.environment);
                p.setWorkingDirectory(dir);
                p.setProcessChannelMode(QProcess::ForwardedChannels);
                p.start(command.program, command.arguments);
                p.waitForFinished(-1);
                direct.push_back(clock.elapsed());
            }
        }
    }
    auto median = [](std::vector<qint64> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const qint64 d = median(direct);
    const qint64 t = median(through);
    const double ratio = double(t) / double(std::max<qint64>(d, 1));
    std::printf("median of %d: direct %lld ms, through Wheelbench %lld ms, ratio %.3f\n", rounds, (long long)d, (long long)t, ratio);
    std::printf("%s\n", ratio <= 1.03 ? "PASS (within 3 %)" : "FAIL (more than 3 % slower)");
    return ratio <= 1.03 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--emit") == 0)
        return emitLines(QByteArray(argv[2]).toLongLong());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    long long lines = 200000;
    bool smoke = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--smoke") {
            lines = 20000;
            smoke = true;
        } else if (args.at(i) == u"--lines" && i + 1 < args.size()) {
            lines = args.at(++i).toLongLong();
        } else if (args.at(i) == u"--compare-build" && i + 1 < args.size()) {
            const QString dir = args.at(++i);
            int rounds = 3;
            QStringList extra;
            for (++i; i < args.size(); ++i) {
                if (args.at(i) == u"--rounds" && i + 1 < args.size())
                    rounds = std::max(1, args.at(++i).toInt());
                else if (args.at(i) == u"--") {
                    extra = args.mid(i + 1);
                    break;
                }
            }
            return compareBuild(dir, rounds, extra);
        } else {
            std::fprintf(stderr, "usage: bench_buildconsole [--lines N | --smoke | --compare-build DIR [--rounds R] [-- ARGS]]\n");
            return 2;
        }
    }
    return stream(lines, smoke);
}
