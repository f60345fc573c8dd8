// What users feel when the window opens a big wheel: the real `wheelbench-window` as a child process
// on a generated 300 MB wheel of 20,000 files (make_wheel.py, as bench_inspect_e2e), reporting from
// its probes (WHEELBENCH_FIRST_PAINT, WHEELBENCH_WHEELS_PROBE; milliseconds since the process started):
// first paint, wheel summary shown, verification done; and on a wheel of 60,000 entries the longest
// gap between frames while the Files tree (every folder expanded) and the RECORD table are scrolled
// end to end (ScrollProbe). References in the same run, interleaved: a minimal Qt window's first paint
// (minimal_window), `wheelbench inspect --quick --json` on the same wheel (the quick pass alone, as a
// whole process), and a plain QTreeView of 60,000 rows scrolled the same way (scroll_reference).
// Targets: summary within 300 ms of the open; no scroll stall over 50 ms (medians of N runs).
//   bench_window [--runs N] [--keep DIR] [--python PYTHON]
//   bench_window --smoke     small wheels, one run: the probes fire, the final report is verified; no times judged
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

using wb::bench::line;
namespace bench = wb::bench;

QString g_configDir;   // an empty settings folder for every child: no restored geometry, no recent files

// The lines a child wrote on stderr, by their first word(s).
struct Probe {
    bool ok = false;   // exited 0 in time
    QList<QByteArray> lines;
    QByteArray find(const QByteArray &prefix) const
    {
        for (const QByteArray &l : lines)
            if (l.startsWith(QByteArray(prefix + ' ')))
                return l.mid(prefix.size() + 1);
        return {};
    }
    // The number after PREFIX, or after KEY within that line; -1 when absent.
    double number(const QByteArray &prefix, const QByteArray &key = {}) const
    {
        const QList<QByteArray> words = find(prefix).split(' ');
        if (key.isEmpty())
            return words.isEmpty() || words.first().isEmpty() ? -1 : words.first().toDouble();
        const qsizetype i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? words.at(i + 1).toDouble() : -1;
    }
};

Probe run(const QString &program, const QStringList &args, const QHash<QString, QString> &vars, int timeoutMs = 180000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), g_configDir);
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(program, args);
    Probe r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        std::fprintf(stderr, "%s did not finish in time\n", qPrintable(program));
    }
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    r.lines = p.readAllStandardError().split('\n');
    if (!r.ok)
        std::fprintf(stderr, "%s exited with %d:\n%s\n", qPrintable(program), p.exitCode(), r.lines.join('\n').right(3000).constData());
    return r;
}

// A probe that never reported reads -1.
double median(const QList<double> &v)
{
    return bench::median(v, -1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bench::Options options(app.arguments(), 5);
    const bool smoke = options.smoke;
    const int runs = options.runs;
    const QString &python = options.python;
    auto option = [&](const QString &name, const QString &fallback) { return options.value(name, fallback); };
    const QString window = QStringLiteral(WHEELBENCH_WINDOW_EXECUTABLE);
    const QString wheelbench = QStringLiteral(WHEELBENCH_EXECUTABLE);
    const QString minimal = QStringLiteral(WHEELBENCH_MINIMAL_WINDOW);
    const QString scrollRef = QCoreApplication::applicationDirPath() + QStringLiteral("/scroll_reference");

    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--keep"), tmp.path());
    g_configDir = dir + QStringLiteral("/config");
    QDir().mkpath(g_configDir);
    const int mb = smoke ? 8 : 300, files = smoke ? 400 : 20000;
    const int scrollMb = smoke ? 2 : 30, scrollFiles = smoke ? 3000 : 60000;
    auto makeWheel = [&](int size, int count) { return bench::syntheticWheel(python, QStringLiteral(WHEELBENCH_BENCH_DIR), dir, size, count); };
    const QString wheel = makeWheel(mb, files);
    const QString scrollWheel = makeWheel(scrollMb, scrollFiles);
    if (wheel.isEmpty() || scrollWheel.isEmpty()) {
        std::fprintf(stderr, "could not write the wheels (%s needed)\n", qPrintable(python));
        return 1;
    }
    std::printf("open:   %s (%d MB content, %d files, %lld bytes)\nscroll: %s (%d files)\n", qPrintable(wheel), mb, files,
                QFileInfo(wheel).size(), qPrintable(scrollWheel), scrollFiles);
    std::printf("machine: %d cores; %s; runs: %d, interleaved\n\n", QThread::idealThreadCount(),
                qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? "X display" : "offscreen", runs);

    const QHash<QString, QString> openProbe{{QStringLiteral("WHEELBENCH_FIRST_PAINT"), QStringLiteral("1")},
                                            {QStringLiteral("WHEELBENCH_WHEELS_PROBE"), QStringLiteral("exit")}};
    const QHash<QString, QString> scrollProbe{{QStringLiteral("WHEELBENCH_WHEELS_PROBE"), QStringLiteral("scroll,exit")}};
    QList<double> refPaint, paint, open, summary, afterOpen, verified, verifyGap, quickCli, filesGap, recordGap, refGap, expandAll;
    bool pass = true, fired = true;
    for (int i = 0; i < runs; ++i) {
        const Probe ref = run(minimal, {}, {{QStringLiteral("WHEELBENCH_FIRST_PAINT"), QStringLiteral("exit")}});
        const Probe w = run(window, {wheel}, openProbe);
        QElapsedTimer clock;
        clock.start();
        QProcess quick;
        quick.setStandardOutputFile(QProcess::nullDevice());
        quick.start(wheelbench, {QStringLiteral("inspect"), wheel, QStringLiteral("--quick"), QStringLiteral("--json")});
        const bool quickOk = quick.waitForFinished(60000) && quick.exitCode() == 0;
        const double quickMs = double(clock.nsecsElapsed()) / 1e6;
        const Probe s = run(window, {scrollWheel}, scrollProbe);
        const Probe sref = run(scrollRef, {QString::number(scrollFiles)}, {});
        fired &= ref.ok && w.ok && s.ok && sref.ok && quickOk;
        refPaint << ref.number("first-paint");
        paint << w.number("first-paint");
        open << w.number("wheel-open");
        summary << w.number("summary-shown");
        afterOpen << w.number("summary-shown") - w.number("wheel-open");
        verified << w.number("verified");
        verifyGap << w.number("verify-max-gap");
        quickCli << quickMs;
        expandAll << s.number("files-expand-all");
        filesGap << s.number("scroll files", "max-gap");
        recordGap << s.number("scroll record", "max-gap");
        refGap << sref.number("scroll reference", "max-gap");
        std::printf("run %d: first paint %.0f ms, open %.0f, summary %.0f, verified %.0f; scroll gaps files %.1f, record %.1f, reference %.1f ms\n", i + 1,
                    paint.last(), open.last(), summary.last(), verified.last(), filesGap.last(), recordGap.last(), refGap.last());
        std::fflush(stdout);
        if (i == 0) {
            const bool allFired = w.number("first-paint") >= 0 && w.number("wheel-open") >= 0 && w.number("summary-shown") >= 0
                && w.number("verified") >= 0 && w.number("verify-max-gap") >= 0 && s.number("scroll files", "max-gap") >= 0 && s.number("scroll record", "max-gap") >= 0;
            pass &= line(allFired, QStringLiteral("every probe reported (first paint, open, summary, verified, UI ticks while verifying, both scrolls)"));
            pass &= line(w.number("verified", "record-verified") == 1 && w.number("verified", "record-ok") == 1 && w.number("verified", "files") == files + 3,
                         QStringLiteral("the final report shows RECORD verified and ok, %1 files").arg(files + 3));
            pass &= line(s.number("scroll files", "rows") == scrollFiles + 3 && s.number("scroll record", "rows") == scrollFiles + 3,
                         QStringLiteral("the scrolled views hold every entry (%1 files and RECORD rows)").arg(scrollFiles + 3));
        }
    }
    pass &= line(fired, QStringLiteral("every child exited normally"));
    std::printf("\nmedians of %d runs, milliseconds since each process started:\n", runs);
    std::printf("  %-52s %8.0f\n", "minimal Qt window: first paint (reference)", median(refPaint));
    std::printf("  %-52s %8.0f\n", "wheelbench-window: first paint", median(paint));
    std::printf("  %-52s %8.0f\n", "  wheel open (reading starts)", median(open));
    std::printf("  %-52s %8.0f\n", "  summary shown", median(summary));
    std::printf("  %-52s %8.0f\n", "  verification done", median(verified));
    std::printf("  %-52s %8.1f\n", "  longest UI-thread tick while verifying (10 ms timer)", median(verifyGap));
    std::printf("  %-52s %8.0f\n", "summary after open", median(afterOpen));
    std::printf("  %-52s %8.0f\n", "inspect --quick --json, whole process (reference)", median(quickCli));
    std::printf("  %-52s %8.0f\n", qPrintable(QStringLiteral("Files: expand every folder (%1 entries)").arg(scrollFiles + 3)), median(expandAll));
    std::printf("  %-52s %8.1f\n", "Files: longest gap between frames while scrolling", median(filesGap));
    std::printf("  %-52s %8.1f\n", "RECORD: longest gap between frames while scrolling", median(recordGap));
    std::printf("  %-52s %8.1f\n\n", "plain QTreeView, same rows: longest gap (reference)", median(refGap));
    if (smoke) {
        std::printf("(smoke mode: times are not judged)\n");
        return pass ? 0 : 1;
    }
    pass &= line(median(afterOpen) >= 0 && median(afterOpen) <= 300,
                 QStringLiteral("summary within 300 ms of the open: %1 ms (the quick pass alone as a process: %2 ms)")
                     .arg(median(afterOpen), 0, 'f', 0)
                     .arg(median(quickCli), 0, 'f', 0));
    const double gap = std::max(median(filesGap), median(recordGap));
    pass &= line(gap >= 0 && gap <= 50, QStringLiteral("no scroll stall over 50 ms on %1 entries: Files %2 ms, RECORD %3 ms (plain QTreeView: %4 ms)")
                                            .arg(scrollFiles)
                                            .arg(median(filesGap), 0, 'f', 1)
                                            .arg(median(recordGap), 0, 'f', 1)
                                            .arg(median(refGap), 0, 'f', 1));
    return pass ? 0 : 1;
}
