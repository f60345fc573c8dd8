#pragma once

// What the wheel benchmarks share: medians, PASS/FAIL lines, options, the synthetic wheels.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace wb::bench {

// The median of the samples (the mean of the middle two for an even count; `none` for no sample).
template <typename Samples>
double median(Samples v, double none = 0)
{
    if (v.empty())
        return none;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Prints "PASS  what" or "FAIL  what" at once; returns pass.
inline bool line(bool pass, const QString &what)
{
    std::printf("%s  %s\n", pass ? "PASS" : "FAIL", qPrintable(what));
    std::fflush(stdout);
    return pass;
}

// The command line every benchmark takes: --smoke, --runs N (1 with --smoke), --python PYTHON.
struct Options {
    Options(const QStringList &arguments, int defaultRuns)
        : args(arguments), smoke(arguments.contains(QStringLiteral("--smoke"))),
          runs(smoke ? 1 : std::max(1, value(QStringLiteral("--runs"), QString::number(defaultRuns)).toInt())),
          python(value(QStringLiteral("--python"), QStringLiteral("python3")))
    {
    }
    // The value after `name`, else `fallback`.
    QString value(const QString &name, const QString &fallback) const
    {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    }
    const QStringList args;
    const bool smoke;
    const int runs;
    const QString python;
};

// make_wheel.py's wheel of `mb` MB in `files` members, in dir/<mb>mb-<files>files (the file name must
// stay a valid wheel name, so the sizes name the folder); reused when it is there. Empty on failure.
inline QString syntheticWheel(const QString &python, const QString &benchDir, const QString &dir, int mb, int files)
{
    const QString sub = dir + QStringLiteral("/%1mb-%2files").arg(mb).arg(files);
    const QString wheel = sub + QStringLiteral("/bigpkg-1.0-py3-none-any.whl");
    if (QFileInfo::exists(wheel))
        return wheel;
    QDir().mkpath(sub);
    std::printf("writing a synthetic wheel: %d MB in %d files...\n", mb, files);
    std::fflush(stdout);
    QProcess p;
    p.start(python, {benchDir + QStringLiteral("/make_wheel.py"), wheel, QString::number(mb), QString::number(files)});
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s", p.readAllStandardError().constData());
        return {};
    }
    return wheel;
}

} // namespace wb::bench
