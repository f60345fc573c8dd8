// Launch to first paint, as users start the program: the real `wheelbench examples/hello-pyo3`
// as a child process against the smallest Qt Widgets window (minimal_window) in the same run.
// Both report their first paint (FirstPaintProbe: milliseconds since the process started, read from
// the kernel's start time) and quit; the whole process time is measured too.
//   bench_startup [--runs N]   target: Wheelbench's median first paint within 400 ms
//   bench_startup --smoke      one run of each, no verdict (a ctest test)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample {
    qint64 firstPaintMs = -1; // from the process's own start
    qint64 wallMs = -1;       // spawn to exit, seen from here
};

Sample runOnce(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WHEELBENCH_FIRST_PAINT"), QStringLiteral("exit"));
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    Sample s;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return s;
    }
    s.wallMs = clock.elapsed();
    const QList<QByteArray> lines = p.readAllStandardError().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("first-paint "))
            s.firstPaintMs = line.mid(12).trimmed().toLongLong();
    }
    return s;
}

qint64 median(QList<qint64> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int runs = 7;
    bool smoke = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--smoke"))
            smoke = true;
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = qMax(1, args.at(++i).toInt());
        else {
            std::fprintf(stderr, "usage: bench_startup [--runs N | --smoke]\n");
            return 2;
        }
    }
    if (smoke)
        runs = 1;
    const QString dir = QCoreApplication::applicationDirPath();
    const QString wheelbench = QStringLiteral(WHEELBENCH_EXECUTABLE);
    const QString reference = dir + QStringLiteral("/minimal_window");
    const QString example = QStringLiteral(WHEELBENCH_SOURCE_DIR "/examples/hello-pyo3");
    QList<qint64> wbPaint, wbWall, refPaint, refWall;
    for (int i = 0; i < runs; ++i) { // interleaved, so both see the same machine
        const Sample r = runOnce(reference, {});
        const Sample w = runOnce(wheelbench, {example});
        if (r.firstPaintMs < 0 || w.firstPaintMs < 0) {
            std::printf("FAIL: a run did not report its first paint (reference %lld, wheelbench %lld)\n",
                        static_cast<long long>(r.firstPaintMs), static_cast<long long>(w.firstPaintMs));
            return 1;
        }
        refPaint << r.firstPaintMs;
        refWall << r.wallMs;
        wbPaint << w.firstPaintMs;
        wbWall << w.wallMs;
    }
    std::printf("launch to first paint, median of %d runs (%s):\n", runs,
                qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? "X display" : "offscreen");
    std::printf("  minimal Qt Widgets window: first paint %4lld ms, whole process %4lld ms\n", static_cast<long long>(median(refPaint)),
                static_cast<long long>(median(refWall)));
    std::printf("  wheelbench on the example: first paint %4lld ms, whole process %4lld ms\n", static_cast<long long>(median(wbPaint)),
                static_cast<long long>(median(wbWall)));
    if (smoke)
        return 0;
    const bool ok = median(wbPaint) <= 400;
    std::printf("%s\n", ok ? "PASS (first paint within 400 ms)" : "FAIL (first paint later than 400 ms)");
    return ok ? 0 : 1;
}
