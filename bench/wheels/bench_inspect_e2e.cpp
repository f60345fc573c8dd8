// What users feel: whole processes, timed from spawn to exit, in the same run and interleaved.
//   1. `wheelbench inspect --json` (full verification) on a 300 MB wheel of 20,000 files, 60 % of the
//      bytes incompressible, against the Python reference (reference_verify.py: zipfile + hashlib
//      verifying RECORD) and the machine's limit (verify_limit: libdeflate + OpenSSL SHA-256 of every
//      member on every core, nothing else). Targets: at least 4x the reference, within 1.5x the limit,
//      peak memory (the child's maximum resident set) under 256 MiB.
//   2. `wheelbench inspect --quick --json` on that wheel (target 50 ms) and on one of 100,000 entries
//      (target 150 ms), beside reference_quick.py (zipfile listing the central directory).
// Medians of N rounds; one PASS/FAIL line per target; exit 0 only when all pass. stdout of every
// child goes to a file (as `> report.json` would), so no pipe reader slows anyone.
//
//   bench_inspect_e2e [--runs N] [--keep DIR] [--python PYTHON] [--wheelbench PROGRAM]
//   bench_inspect_e2e --smoke      small wheels, one round: checks the results, judges no times (ctest)
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

namespace {

using wb::bench::line;
using wb::bench::median;
namespace bench = wb::bench;

struct Run {
    bool started = false;
    int exitCode = -1;
    double wall = 0;      // seconds, spawn to exit
    double cpu = 0;       // user + system seconds of the child
    long maxRssMiB = 0;   // the child's peak resident set
};

// Spawns program with args, stdout to outFile, stderr to errFile; waits; the child's own rusage.
Run runChild(const QString &program, const QStringList &args, const QString &outFile, const QString &errFile)
{
    Run r;
    QList<QByteArray> storage{QFile::encodeName(program)};
    for (const QString &a : args)
        storage.append(QFile::encodeName(a));
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray out = QFile::encodeName(outFile), err = QFile::encodeName(errFile);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return r;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        return r;
    r.wall = double(clock.nsecsElapsed()) / 1e9;
    r.started = true;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.maxRssMiB = usage.ru_maxrss / 1024;
    return r;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One timed command and its samples.
struct Series {
    Series(const QString &l, const QString &p, const QStringList &a) : label(l), program(p), args(a) {}
    QString label;
    QString program;
    QStringList args;
    std::vector<double> wall, cpu;
    long maxRss = 0;
    bool ok = true;       // every run exited as expected
    QString firstOut;     // stdout of the first run
    double med() const { return median(wall); }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bench::Options options(app.arguments(), 7);
    const bool smoke = options.smoke;
    const int runs = options.runs;
    const QString &python = options.python;
    auto option = [&](const QString &name, const QString &fallback) { return options.value(name, fallback); };
    const QString benchDir = QStringLiteral(WHEELBENCH_BENCH_DIR);
    const QString wheelbench = option(QStringLiteral("--wheelbench"), QStringLiteral(WHEELBENCH_EXECUTABLE)); // another build, to compare
    const QString limit = QStringLiteral(WHEELBENCH_LIMIT_EXECUTABLE);

    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--keep"), tmp.path());
    const int mb = smoke ? 8 : 300, files = smoke ? 400 : 20000;
    const int quickMb = smoke ? 4 : 60, quickFiles = smoke ? 2000 : 100000;
    auto makeWheel = [&](int size, int count) { return bench::syntheticWheel(python, benchDir, dir, size, count); };
    const QString wheel = makeWheel(mb, files);
    const QString quickWheel = makeWheel(quickMb, quickFiles);
    if (wheel.isEmpty() || quickWheel.isEmpty()) {
        std::fprintf(stderr, "could not write the wheels (%s needed)\n", qPrintable(python));
        return 1;
    }
    std::printf("full:  %s (%d MB content, %d files, %lld bytes)\nquick: %s (%d MB content, %d files, %lld bytes)\n",
                qPrintable(wheel), mb, files, QFileInfo(wheel).size(), qPrintable(quickWheel), quickMb, quickFiles, QFileInfo(quickWheel).size());
    std::printf("machine: %d cores; runs: %d, interleaved\n\n", QThread::idealThreadCount(), runs);

    Series json{QStringLiteral("wheelbench inspect --json"), wheelbench, {QStringLiteral("inspect"), wheel, QStringLiteral("--json")}};
    Series ref{QStringLiteral("python reference verify"), python, {benchDir + QStringLiteral("/reference_verify.py"), wheel}};
    Series lim{QStringLiteral("limit (libdeflate+sha256, all cores)"), limit, {wheel}};
    Series quick{QStringLiteral("wheelbench inspect --quick --json"), wheelbench,
                 {QStringLiteral("inspect"), wheel, QStringLiteral("--quick"), QStringLiteral("--json")}};
    Series quickRef{QStringLiteral("python zipfile listing"), python, {benchDir + QStringLiteral("/reference_quick.py"), wheel}};
    Series quickBig{QStringLiteral("wheelbench inspect --quick --json (big)"), wheelbench,
                    {QStringLiteral("inspect"), quickWheel, QStringLiteral("--quick"), QStringLiteral("--json")}};
    Series quickBigRef{QStringLiteral("python zipfile listing (big)"), python, {benchDir + QStringLiteral("/reference_quick.py"), quickWheel}};
    std::vector<Series *> all{&json, &ref, &lim, &quick, &quickRef, &quickBig, &quickBigRef};
    const QString out = dir + QStringLiteral("/child.out"), err = dir + QStringLiteral("/child.err");
    for (int round = 0; round < runs; ++round) {
        std::printf("round %d:", round + 1);
        for (Series *s : all) {
            const Run r = runChild(s->program, s->args, out, err);
            s->wall.push_back(r.wall);
            s->cpu.push_back(r.cpu);
            s->maxRss = std::max(s->maxRss, r.maxRssMiB);
            if (!r.started || r.exitCode != 0) {
                s->ok = false;
                std::fprintf(stderr, "\n%s exited with %d: %s\n", qPrintable(s->label), r.exitCode, readFile(err).left(2000).constData());
            }
            if (round == 0)
                s->firstOut = QString::fromUtf8(readFile(out));
            std::printf(" %s %.3f s;", qPrintable(s->label.section(QLatin1Char(' '), 0, 2)), r.wall);
            std::fflush(stdout);
        }
        std::printf("\n");
    }

    std::printf("\n%-42s %10s %10s %10s\n", "median of each", "wall s", "cpu s", "peak MiB");
    for (const Series *s : all)
        std::printf("%-42s %10.3f %10.3f %10ld\n", qPrintable(s->label), s->med(), median(s->cpu), s->maxRss);
    std::printf("\n");

    // Results first: the same verdicts from everyone.
    const QJsonObject report = QJsonDocument::fromJson(json.firstOut.toUtf8()).object();
    const QJsonObject record = report.value(QStringLiteral("record")).toObject();
    const int members = files + 2; // + METADATA, WHEEL (RECORD is not hashed by the reference)
    bool pass = true;
    pass &= line(json.ok && record.value(QStringLiteral("ok")).toBool() && record.value(QStringLiteral("verified")).toBool()
                     && report.value(QStringLiteral("files")).toArray().size() == members + 1,
                 QStringLiteral("wheelbench: RECORD verified and ok, every file listed"));
    pass &= line(ref.ok && ref.firstOut.trimmed() == QStringLiteral("%1 0").arg(members),
                 QStringLiteral("python reference: %1 members, 0 mismatches (said: %2)").arg(members).arg(ref.firstOut.trimmed()));
    pass &= line(lim.ok && lim.firstOut.section(QLatin1Char(' '), 0, 0).toInt() == members + 1,
                 QStringLiteral("limit program: read every member"));
    const QJsonObject quickReport = QJsonDocument::fromJson(quickBig.firstOut.toUtf8()).object();
    pass &= line(quick.ok && quickBig.ok && quickReport.value(QStringLiteral("files")).toArray().size() == quickFiles + 3
                     && !quickReport.value(QStringLiteral("record")).toObject().value(QStringLiteral("verified")).toBool(),
                 QStringLiteral("--quick: every file listed, nothing hashed"));
    if (smoke) {
        std::printf("(smoke mode: times are not judged)\n");
        return pass ? 0 : 1;
    }
    std::vector<double> ratios;
    for (size_t i = 0; i < json.wall.size(); ++i)
        ratios.push_back(ref.wall[i] / std::max(json.wall[i], 1e-9));
    const double speedup = ref.med() / std::max(json.med(), 1e-9);
    const double overLimit = json.med() / std::max(lim.med(), 1e-9);
    pass &= line(speedup >= 4.0, QStringLiteral("inspect --json at least 4x the Python reference: %1x (medians %2 s vs %3 s; median per-round ratio %4x)")
                                     .arg(speedup, 0, 'f', 2).arg(json.med(), 0, 'f', 3).arg(ref.med(), 0, 'f', 3).arg(median(ratios), 0, 'f', 2));
    pass &= line(overLimit <= 1.5, QStringLiteral("inspect --json within 1.5x the machine's limit: %1x (limit %2 s)")
                                       .arg(overLimit, 0, 'f', 2).arg(lim.med(), 0, 'f', 3));
    pass &= line(json.maxRss < 256, QStringLiteral("inspect --json peak memory under 256 MiB: %1 MiB").arg(json.maxRss));
    pass &= line(quick.med() <= 0.050, QStringLiteral("inspect --quick on %1 entries within 50 ms: %2 ms (zipfile listing: %3 ms)")
                                           .arg(files + 3).arg(quick.med() * 1000, 0, 'f', 1).arg(quickRef.med() * 1000, 0, 'f', 1));
    pass &= line(quickBig.med() <= 0.150, QStringLiteral("inspect --quick on %1 entries within 150 ms: %2 ms (zipfile listing: %3 ms)")
                                              .arg(quickFiles + 3).arg(quickBig.med() * 1000, 0, 'f', 1).arg(quickBigRef.med() * 1000, 0, 'f', 1));
    return pass ? 0 : 1;
}
