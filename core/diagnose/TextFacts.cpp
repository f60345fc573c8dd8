#include "core/diagnose/TextFacts.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

QVersionNumber firstVersion(const QString &text, const QRegularExpression &re)
{
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? QVersionNumber::fromString(m.captured(1)) : QVersionNumber();
}

} // namespace

TextFacts TextFacts::read(const QString &input)
{
    TextFacts f;
    const QString text = input.left(16 * 1024 * 1024);
    static const QRegularExpression maturin(QStringLiteral(
        R"re((?:\bmaturin[ -]v?|maturin:v|maturin==)(\d+\.\d+\.\d+)(?![\w.-]*\.whl))re"));
    static const QRegularExpression pyo3(QStringLiteral(
        R"re((?:Compiling pyo3(?:-ffi)? v|[/\\]pyo3(?:-ffi)?-|Current version: |PyO3 version )(\d+\.\d+\.\d+))re"));
    f.maturin = firstVersion(text, maturin);
    f.pyo3 = firstVersion(text, pyo3);
    static const QRegularExpression compiling(QStringLiteral(R"re(^\s*(?:#\d+ [\d.]+\s+)?Compiling ([\w-]+) v\S+( \(.*\))?\s*$)re"),
                                              QRegularExpression::MultilineOption);
    for (auto it = compiling.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        (m.captured(2).isEmpty() ? f.registryCrates : f.localCrates) << m.captured(1);
    }
    static const QRegularExpression failed(QStringLiteral(R"re(could not compile `([\w-]+)`)re"));
    for (auto it = failed.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!f.failedCrates.contains(name))
            f.failedCrates << name;
    }
    static const QRegularExpression source(QStringLiteral(
        R"re(Preparing metadata \(pyproject\.toml\)|Building wheel for \S+ \(pyproject\.toml\)|Call to `maturin\.build_wheel` failed|maturin pep517 (?:build-wheel|write-dist-info)|Failed to build `[^`]+`|Checking for Rust toolchain|Failed building wheel for)re"));
    static const QRegularExpression index(QStringLiteral(
        R"re(Failed to build `[^`]+==[^`]+`|(?:Downloading|Using cached) \S+\.tar\.gz|was included because|Collecting \S+)re"));
    f.sourceBuild = source.match(text).hasMatch();
    f.indexSource = index.match(text).hasMatch();
    // pip builds a local folder or a VCS checkout in pip-req-build-*, an index download in pip-install-*.
    static const QRegularExpression local(QStringLiteral(
        R"re(Processing \.?[/\\]|Obtaining file:|pip install (?:-e )?\.|maturin (?:develop|build)|uv (?:sync|build)|pip wheel \.|[/\\]pip-req-build-)re"));
    f.localSource = local.match(text).hasMatch();
    // pip: "Failed building wheel for x", "Could not build wheels for x, which ...", "Failed to build x";
    // uv: "Failed to build `x==1.0`", "Failed to build installable wheels for ... (x)".
    static const QRegularExpression failedBuild(QStringLiteral(
        R"re(^.*?(?:Failed building wheel for ([\w.-]+)|Could not build wheels for ([\w.-]+)|Failed to build `([\w.-]+)|^\s*Failed to build ([\w.-]+)\s*$|Building wheel for ([\w.-]+) \(pyproject\.toml\)(?: \.\.\. error| did not run successfully)).*$)re"),
        QRegularExpression::MultilineOption);
    if (const QRegularExpressionMatch m = failedBuild.match(text); m.hasMatch()) {
        f.sourceBuildLine = m.captured(0).trimmed();
        for (int i = 1; i <= 5 && f.sourceBuildName.isEmpty(); ++i)
            f.sourceBuildName = m.captured(i);
    }
    static const QRegularExpression cross(QStringLiteral(
        R"re(--target[ =]\S+|^\s*target: \S+|CARGO_BUILD_TARGET=|\bcross (?:build|rustc)\b|PYO3_CROSS)re"),
        QRegularExpression::MultilineOption);
    f.crossTarget = cross.match(text).hasMatch();
    static const QRegularExpression ft(QStringLiteral(R"re(python3\.\d+t\b|\b3\.1[3-9]t\b|free-threaded|\.cpython-3\d+t-)re"));
    f.freeThreaded = ft.match(text).hasMatch();
    static const QRegularExpression arrow(QStringLiteral(R"re(^\s*--> (\S+?):\d+:\d+)re"), QRegularExpression::MultilineOption);
    f.firstLocation = arrow.match(text).captured(1);
    // A traceback, or the tail of one (an excerpt): 'File "x.py", line N' frames or an exception line.
    static const QRegularExpression traceback(QStringLiteral(
        R"re(Traceback \(most recent call last\)|^\s*File "[^"]+\.py", line \d+|^\s*[A-Z]\w*(?:Error|Exception): )re"),
        QRegularExpression::MultilineOption);
    f.pythonTraceback = traceback.match(text).hasMatch();
    return f;
}

bool TextFacts::isDependencyPath(const QString &location)
{
    static const QRegularExpression dep(QStringLiteral(
        R"re([/\\]registry[/\\]src[/\\]|[/\\]\.cargo[/\\]git[/\\]|index\.crates\.io-|[/\\]rustup[/\\]toolchains[/\\]|[/\\]\.rustup[/\\])re"));
    return dep.match(location).hasMatch();
}

QString TextFacts::versionsNote() const
{
    QStringList parts;
    if (!maturin.isNull())
        parts << QStringLiteral("maturin %1").arg(maturin.toString());
    if (!pyo3.isNull())
        parts << QStringLiteral("PyO3 %1").arg(pyo3.toString());
    return parts.join(QStringLiteral(", "));
}

} // namespace wb::diagnose
