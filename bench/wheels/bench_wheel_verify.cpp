// Wheel verification benchmark. Builds synthetic wheels with Python's zipfile (or takes existing ones),
// then measures side by side, in the same run:
//   1. full verification by Wheelbench (every member inflated, hashed, sized, CRC-checked; RECORD
//      compared) against a Python reference verifier doing the same work (zipfile + hashlib),
//      repeated, the median of each; target: Wheelbench at least 2x faster;
//   2. Wheelbench --quick on a 200 MB wheel; target: under 0.5 s (median);
//   3. peak memory (VmHWM) of this process after all of it; target: under 256 MiB.
// Prints one PASS/FAIL line per target and exits 0 only when all pass.
//
//   bench_wheel_verify                 default: 60 MB / 3,000 files, quick on the same wheel
//   bench_wheel_verify --full          the issue's sizes: 500 MB / 20,000 files, --quick on 200 MB / 8,000 files
//   bench_wheel_verify --smoke         tiny wheel (8 MB / 400 files): checks results only, no speed targets
//   options: --repeat N (default 5; 1 with --smoke), --keep DIR (build the wheels there and reuse them),
//            --threads N (Wheelbench's hashing threads; default automatic),
//            --breakdown (also time the structural walk and the hashing alone, with CPU times)
#include "BenchSupport.h"

#include "core/wheel/MemberReader.h"
#include "core/wheel/WheelReport.h"
#include "core/wheel/ZipDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

using wb::bench::line;
using wb::bench::median;
namespace bench = wb::bench;

// 80% of the members are text-like (compressible), 20% random bytes (like native code).
const char *const kMakeWheel = R"PY(
import base64, hashlib, os, random, sys, zipfile
path, total_mb, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(1)
per = total_mb * 1024 * 1024 // count
words = [bytes(rng.choice(b'abcdefghijklmnopqrstuvwxyz_') for _ in range(rng.randint(2, 10))) for _ in range(2000)]
record = []
with zipfile.ZipFile(path + '.part', 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    for i in range(count):
        if i % 5 == 0:
            data = rng.randbytes(per)
        else:
            out = bytearray()
            while len(out) < per:
                out += b' '.join(rng.choice(words) for _ in range(16)) + b'\n'
            data = bytes(out[:per])
        name = f'bigpkg/mod{i // 500}/f{i}.py'
        z.writestr(name, data)
        record.append(f'{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()},{len(data)}')
    md = b'Metadata-Version: 2.4\nName: bigpkg\nVersion: 1.0\n'
    wh = b'Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
    for n, d in (('bigpkg-1.0.dist-info/METADATA', md), ('bigpkg-1.0.dist-info/WHEEL', wh)):
        z.writestr(n, d)
        record.append(f'{n},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()},{len(d)}')
    record.append('bigpkg-1.0.dist-info/RECORD,,')
    z.writestr('bigpkg-1.0.dist-info/RECORD', '\n'.join(record) + '\n')
os.replace(path + '.part', path)
)PY";

// The reference: what a careful Python tool does to verify a wheel (installer's validate_record,
// wheel's WheelFile): every member inflated (zipfile checks its CRC-32), hashed, sized.
// Prints: wall seconds, CPU seconds, mismatches.
const char *const kVerify = R"PY(
import base64, csv, hashlib, io, sys, time, zipfile
t, c = time.perf_counter(), time.process_time()
with zipfile.ZipFile(sys.argv[1]) as z:
    rec = [n for n in z.namelist() if n.endswith('.dist-info/RECORD')][0]
    rows = {r[0]: r for r in csv.reader(io.TextIOWrapper(z.open(rec), 'utf-8'))}
    bad = 0
    for info in z.infolist():
        if info.is_dir() or info.filename == rec:
            continue
        row = rows.get(info.filename)
        alg, _, want = row[1].partition('=')
        h = hashlib.new(alg)
        size = 0
        with z.open(info) as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
        if base64.urlsafe_b64encode(h.digest()).rstrip(b'=').decode() != want or size != int(row[2]):
            bad += 1
print(f'{time.perf_counter() - t:.4f} {time.process_time() - c:.4f} {bad}')
)PY";

long peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong() / 1024;
    return -1;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString makeWheel(const QString &dir, int mb, int files)
{
    // The file name must stay a valid wheel name: the sizes name the folder instead.
    const QString sub = dir + QStringLiteral("/%1mb-%2files").arg(mb).arg(files);
    const QString wheel = sub + QStringLiteral("/bigpkg-1.0-py3-none-any.whl");
    if (QFileInfo::exists(wheel))
        return wheel;
    QDir().mkpath(sub);
    std::printf("building a synthetic wheel: %d MB in %d files...\n", mb, files);
    std::fflush(stdout);
    QProcess make;
    make.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    make.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kMakeWheel), wheel, QString::number(mb), QString::number(files)});
    if (!make.waitForFinished(-1) || make.exitCode() != 0)
        return {};
    return wheel;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bench::Options options(app.arguments(), 1);
    const bool full = options.args.contains(QStringLiteral("--full"));
    const bool smoke = options.smoke;
    auto option = [&](const QString &name, const QString &fallback) { return options.value(name, fallback); };
    const int repeat = std::max(1, option(QStringLiteral("--repeat"), smoke ? QStringLiteral("1") : QStringLiteral("5")).toInt());
    const int threads = option(QStringLiteral("--threads"), QStringLiteral("0")).toInt();
    const int mb = smoke ? 8 : full ? 500 : 60;
    const int files = smoke ? 400 : full ? 20000 : 3000;
    const int quickMb = full ? 200 : mb;
    const int quickFiles = full ? 8000 : files;

    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--keep"), tmp.path());
    const QString wheel = makeWheel(dir, mb, files);
    const QString quickWheel = quickMb == mb ? wheel : makeWheel(dir, quickMb, quickFiles);
    if (wheel.isEmpty() || quickWheel.isEmpty()) {
        std::fprintf(stderr, "could not build the wheels (python3 needed)\n");
        return 1;
    }
    std::printf("verify: %s (%d MB content, %d files, %lld bytes on disk)\n", qPrintable(wheel), mb, files, QFileInfo(wheel).size());
    std::printf("quick:  %s (%d MB content, %d files, %lld bytes on disk)\n\n", qPrintable(quickWheel), quickMb, quickFiles, QFileInfo(quickWheel).size());

    wb::InspectOptions fullOptions;
    fullOptions.threads = threads;
    wb::InspectOptions quickOptions = fullOptions;
    quickOptions.verifyHashes = false;

    if (options.args.contains(QStringLiteral("--breakdown"))) {
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer t;
            double c0 = cpuSeconds();
            t.start();
            const wb::ZipScan scan = wb::ZipScan::scanFile(wheel);
            const double scanWall = double(t.nsecsElapsed()) / 1e9, scanCpu = cpuSeconds() - c0;
            QList<wb::MemberReader::Job> jobs;
            for (const wb::ZipEntryRecord &e : scan.entries)
                if (!e.isDirectory)
                    jobs.append({&e, QStringLiteral("sha256"), false});
            wb::MemberReader::HashOptions ho;
            ho.threads = threads;
            c0 = cpuSeconds();
            t.restart();
            const QList<wb::MemberReader::Result> r = wb::MemberReader::hashAll(wheel, jobs, ho);
            std::printf("breakdown %d: walk %.3f s (cpu %.3f s), hashing %lld members %.3f s (cpu %.3f s)\n", i + 1, scanWall, scanCpu,
                        qint64(r.size()), double(t.nsecsElapsed()) / 1e9, cpuSeconds() - c0);
        }
    }

    // Alternate the two so that load from elsewhere on the machine falls on both alike.
    std::vector<double> ours, oursCpu, ref, refCpu, quick, quickCpu;
    bool allOk = true, refOk = true;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        const double c0 = cpuSeconds();
        t.start();
        const wb::WheelReport r = wb::inspectWheel(wheel, fullOptions);
        ours.push_back(double(t.nsecsElapsed()) / 1e9);
        oursCpu.push_back(cpuSeconds() - c0);
        allOk = allOk && r.record.ok && r.record.verified && !r.hasErrors() && r.files.size() == files + 3;

        QProcess py;
        py.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kVerify), wheel});
        py.waitForFinished(-1);
        const QList<QByteArray> out = py.readAllStandardOutput().trimmed().split(' ');
        refOk = refOk && py.exitCode() == 0 && out.value(2) == "0";
        ref.push_back(out.value(0).toDouble());
        refCpu.push_back(out.value(1).toDouble());

        const double q0 = cpuSeconds();
        t.restart();
        const wb::WheelReport q = wb::inspectWheel(quickWheel, quickOptions);
        quick.push_back(double(t.nsecsElapsed()) / 1e9);
        quickCpu.push_back(cpuSeconds() - q0);
        allOk = allOk && q.readable && q.record.present && !q.record.verified && !q.hasErrors();
        std::printf("run %d: wheelbench %.3f s (cpu %.3f s), python %.3f s (cpu %.3f s), ratio %.2fx; --quick %.3f s (cpu %.3f s)\n", i + 1,
                    ours.back(), oursCpu.back(), ref.back(), refCpu.back(), ref.back() / std::max(ours.back(), 1e-9), quick.back(), quickCpu.back());
        std::fflush(stdout);
    }
    const long rss = peakRssMiB();
    const double speedup = median(ref) / std::max(median(ours), 1e-9);
    std::vector<double> ratios;
    for (size_t i = 0; i < ours.size(); ++i)
        ratios.push_back(ref[i] / std::max(ours[i], 1e-9));

    std::printf("\nmedians of %d runs: wheelbench %.3f s (cpu %.3f s), python reference %.3f s (cpu %.3f s), --quick %.3f s (cpu %.3f s)\n",
                repeat, median(ours), median(oursCpu), median(ref), median(refCpu), median(quick), median(quickCpu));
    std::printf("speed-up: median times %.2fx, median of per-run ratios %.2fx; cpu time ratio %.2fx\n\n", speedup, median(ratios),
                median(refCpu) / std::max(median(oursCpu), 1e-9));
    bool pass = true;
    pass &= line(allOk, QStringLiteral("results: RECORD verified, no findings, every member listed (and --quick leaves hashes alone)"));
    pass &= line(refOk, QStringLiteral("reference: the Python verifier ran and agrees (0 mismatches)"));
    if (!smoke) {
        const QString scale = full ? QString() : QStringLiteral(" [not the issue's sizes: run with --full]");
        pass &= line(speedup >= 2.0, QStringLiteral("verify %1 MB / %2 files at least 2x the Python reference: %3x (median of %4)%5")
                                         .arg(mb).arg(files).arg(speedup, 0, 'f', 2).arg(repeat).arg(scale));
        pass &= line(median(quick) < 0.5, QStringLiteral("--quick on %1 MB / %2 files under 0.5 s: %3 s (median of %4)%5")
                                              .arg(quickMb).arg(quickFiles).arg(median(quick), 0, 'f', 3).arg(repeat).arg(scale));
    }
    pass &= line(rss >= 0 && rss < 256, QStringLiteral("peak memory under 256 MiB: %1 MiB (VmHWM of this process after every run)").arg(rss));
    return pass ? 0 : 1;
}
