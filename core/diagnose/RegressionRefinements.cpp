// maturin's known regressions: the release that fixed each (maturin's changelog), and the version a text shows.
#include "core/diagnose/RegressionRefinements.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

// The maturin release that fixed each regression the rules recognise (maturin's changelog).
QString fixedIn(const QString &tag)
{
    if (tag == QLatin1String("macos-minor"))
        return QStringLiteral("1.3.0");  // minor version 0 for macOS >= 11 (#1778)
    if (tag == QLatin1String("13t"))
        return QStringLiteral("1.7.5");  // free-threaded interpreters (#2310)
    if (tag == QLatin1String("graft-rerun") || tag == QLatin1String("editable-bin"))
        return QStringLiteral("1.12.0");  // #2969, #2938
    if (tag == QLatin1String("sdist-duplicate"))
        return QStringLiteral("1.12.0");  // the same readme from Cargo.toml and pyproject.toml (#2987)
    if (tag == QLatin1String("musl-rpath"))
        return QStringLiteral("1.7.4");  // musllinux rpath of non-cffi bindings (#2233), broken in 1.7.2
    if (tag == QLatin1String("macos-platform"))
        return QStringLiteral("0.12.1");  // sysconfig.get_platform() on macOS (#690)
    if (tag == QLatin1String("src-layout"))
        return QStringLiteral("0.14.2");  // src-layout detection tightened (#1282)
    if (tag == QLatin1String("debuginfo-strip"))
        return QStringLiteral("1.13.0");  // --strip against develop's --include-debuginfo (#3057)
    if (tag == QLatin1String("license-outside-root"))
        return QStringLiteral("1.12.0");  // workspace-level license files (#2970)
    if (tag == QLatin1String("zip-level"))
        return QStringLiteral("1.9.0");  // compression level with the stored method (#2644), broken in 1.8.7
    if (tag == QLatin1String("ft-windows-lib"))
        return QStringLiteral("1.8.7");  // Windows free-threaded builds on Python 3.14 (#2632)
    if (tag == QLatin1String("pyproject-required"))
        return QStringLiteral("0.12.9");  // pyproject.toml no longer required (#806); broken in 0.12.7
    if (tag == QLatin1String("musl-cdylib"))
        return QStringLiteral("0.9.2");  // -C target-feature=-crt-static for musl
    if (tag == QLatin1String("version-build-metadata"))
        return QStringLiteral("0.9.2");  // escape the version in the wheel's metadata (#420)
    return {};
}

} // namespace

void refineRegression(const TextFacts &facts, RuleHit &hit)
{
    const QString fix = fixedIn(hit.tag);
    const QVersionNumber shown = facts.maturin;
    if (hit.tag == QLatin1String("src-layout")) {
        // The message holds for every release; only its wrong use on a bin project's folder was fixed.
        hit.message += QStringLiteral(" The wrong case was fixed in maturin %1.").arg(fix);
        if (!shown.isNull() && shown >= QVersionNumber::fromString(fix))
            hit.message += QStringLiteral(" The text shows maturin %1, which has that fix: the folder needs an __init__.py or another name.")
                               .arg(shown.toString());
        return;
    }
    if (!fix.isEmpty()) {
        hit.message += QStringLiteral(" maturin fixed this in %1.").arg(fix);
        if (!shown.isNull() && shown >= QVersionNumber::fromString(fix)) {
            hit.message += QStringLiteral(" The text shows maturin %1, which has the fix: look for another cause.").arg(shown.toString());
            hit.confidence = Confidence::Low;
        } else if (!shown.isNull()) {
            hit.message += QStringLiteral(" The text shows maturin %1: upgrade.").arg(shown.toString());
        }
    } else if (hit.tag == QLatin1String("double-target")) {
        hit.message += QStringLiteral(" maturin PR #429 fixed it: upgrade maturin (current releases take --target universal2-apple-darwin).");
    } else if (hit.tag == QLatin1String("cxa-policy")) {
        hit.message += QStringLiteral(" glibc has exported it since 2.18 and manylinux2014 images provide it; the policy update that "
                                      "forbids it is a regression: use the previous maturin release or the newest one.");
    }
}

// maturin before 0.9.2 wrote a Cargo version with build metadata (0.4.2+1) into METADATA as it is, and as 0.4.2_1
// into the file name, which installers read as 0.4.2.post1 (maturin #419): pip refuses the wheel.
void refineMetadataVersion(const TextFacts &facts, const QString &text, RuleHit &hit)
{
    if (hit.tag != QLatin1String("pip") || hit.args.value(0) != QLatin1String("version"))
        return;
    static const QRegularExpression build(QStringLiteral(R"re(^(.+)\+(\d+)$)re"));
    const QRegularExpressionMatch m = build.match(hit.args.value(2));
    if (!m.hasMatch() || hit.args.value(1) != m.captured(1) + QStringLiteral(".post") + m.captured(2))
        return;
    hit.id = QStringLiteral("maturin-regression");
    hit.tag = QStringLiteral("version-build-metadata");
    const bool maturin = !facts.maturin.isNull() || text.contains(QLatin1String("maturin"))
                      || text.contains(QLatin1String("Built wheel for"));
    hit.confidence = maturin ? Confidence::Medium : Confidence::Low;
    hit.message = QStringLiteral("The metadata has the Cargo version %1 as it is, the file name %2: maturin before 0.9.2 did not "
                                 "escape build metadata (+%3) of the crate's version.")
                      .arg(hit.args.value(2), hit.args.value(1), m.captured(2));
}

} // namespace wb::diagnose
