#include "core/diagnose/ToolRefinements.h"

#include <QHash>

namespace wb::diagnose {

QString maturinSupportsSince(const QString &os, bool *known)
{
    // maturin's changelog: "Support for FreeBSD" (0.7.0), "basic support for OpenBSD" (0.10.3), NetBSD (0.12.2),
    // Illumos (0.12.3), Haiku (0.12.5), wasm32-unknown-emscripten (0.13.0), AIX (1.6.0, PR #2030), GNU/Hurd
    // (1.7.5), Cygwin (1.10.0). Android builds (Termux) came with a release the changelog does not date; cross
    // builds for Android with 1.11.
    static const QHash<QString, QString> since = {
        {QStringLiteral("freebsd"), QStringLiteral("0.7.0")},   {QStringLiteral("openbsd"), QStringLiteral("0.10.3")},
        {QStringLiteral("netbsd"), QStringLiteral("0.12.2")},   {QStringLiteral("illumos"), QStringLiteral("0.12.3")},
        {QStringLiteral("haiku"), QStringLiteral("0.12.5")},    {QStringLiteral("emscripten"), QStringLiteral("0.13.0")},
        {QStringLiteral("aix"), QStringLiteral("1.6.0")},       {QStringLiteral("hurd"), QStringLiteral("1.7.5")},
        {QStringLiteral("cygwin"), QStringLiteral("1.10.0")},   {QStringLiteral("android"), QString()},
        {QStringLiteral("linux"), QString()},                   {QStringLiteral("windows"), QString()},
        {QStringLiteral("darwin"), QString()},                  {QStringLiteral("macos"), QString()},
    };
    const auto it = since.constFind(os.toLower());
    *known = it != since.constEnd();
    return *known ? *it : QString();
}

namespace {

void refineUnsupportedOs(const QVersionNumber &maturin, RuleHit &hit)
{
    const QString os = hit.args.value(0);
    bool known = false;
    const QString since = maturinSupportsSince(os, &known);
    if (!known) {
        hit.id = QStringLiteral("maturin-os-unsupported");
        hit.confidence = Confidence::Medium;
        hit.rank = 78;
        hit.message = QStringLiteral("maturin does not build for the operating system %1: no release adds it (its changelog).").arg(os);
        return;
    }
    hit.message = since.isEmpty()
        ? QStringLiteral("This maturin does not know the operating system %1, which newer releases build on: upgrade maturin.").arg(os)
        : QStringLiteral("This maturin does not know the operating system %1: maturin builds on it since %2. Upgrade maturin, and "
                         "its lower bound in [build-system] requires.").arg(os, since);
    if (!maturin.isNull()) {
        hit.message += QStringLiteral(" The text shows maturin %1.").arg(maturin.toString());
        if (!since.isEmpty() && maturin >= QVersionNumber::fromString(since))
            hit.confidence = Confidence::Low; // a release that should know it: a build of its own, or another cause
    }
}

} // namespace

bool refineToolHit(const QString &text, const QVersionNumber &maturin, RuleHit &hit)
{
    if (hit.id == QLatin1String("maturin-too-old") && hit.tag == QLatin1String("os"))
        refineUnsupportedOs(maturin, hit);
    // The list's address alone is printed by a successful run too: the failure is the 404.
    if (hit.id == QLatin1String("pyodide-build-outdated") && !text.contains(QLatin1String("404")))
        return false;
    return true;
}

} // namespace wb::diagnose
