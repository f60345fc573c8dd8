// The libpython finding (missing-extension-module) is worded for the bindings the evidence shows: PyO3's
// extension-module feature only means something to a PyO3 extension. A cffi module or a C extension that
// links libpython got it from the link flags of its build; with nothing to tell, the wording names both.
#include "core/diagnose/DetectorContext.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

enum class Bindings { Unknown, PyO3, Cffi, Other };

Bindings fromName(const QString &name)
{
    if (name == QLatin1String("pyo3") || name == QLatin1String("pyo3-ffi"))
        return Bindings::PyO3;
    if (name == QLatin1String("cffi"))
        return Bindings::Cffi;
    return name.isEmpty() ? Bindings::Unknown : Bindings::Other;
}

Bindings fromWheel(const WheelFacts &w)
{
    if (!w.present)
        return Bindings::Unknown;
    for (const QString &req : w.report.metadata.values(QStringLiteral("Requires-Dist"))) {
        if (req.section(QLatin1Char(';'), 0, 0).trimmed().section(QLatin1Char(' '), 0, 0).toLower() == QLatin1String("cffi"))
            return Bindings::Cffi;
    }
    for (const ExtensionReport &ext : w.report.extensions) {
        if (ext.moduleName == QLatin1String("_cffi_backend"))
            return Bindings::Cffi;
        for (const QString &e : ext.binary.allExports()) {
            if (e.startsWith(QLatin1String("_cffi_pypyinit_")))
                return Bindings::Cffi;
        }
    }
    return Bindings::Unknown;
}

// The bindings the evidence shows: the project's settings first, then maturin's "Found X bindings" and
// PyO3's own names in the text, then the wheel.
Bindings shownBindings(const DetectorContext &ctx)
{
    if (ctx.project().present && !ctx.project().effective.bindings.isEmpty())
        return fromName(ctx.project().effective.bindings);
    const QString text = ctx.evidence().errorText + QLatin1Char('\n') + ctx.evidence().logText;
    static const QRegularExpression found(QStringLiteral(R"re(Found (pyo3-ffi|pyo3|cffi|uniffi) bindings)re"));
    if (const QRegularExpressionMatch m = found.match(text); m.hasMatch())
        return fromName(m.captured(1));
    static const QRegularExpression pyo3(QStringLiteral(R"re(pyo3's `extension-module`|extension-module feature)re"));
    if (!ctx.facts().pyo3.isNull() || pyo3.match(text).hasMatch())
        return Bindings::PyO3;
    return fromWheel(ctx.wheel());
}

} // namespace

void wordForBindings(DetectorContext &ctx)
{
    Finding *f = ctx.find(QStringLiteral("missing-extension-module"));
    if (!f)
        return;
    const Bindings b = shownBindings(ctx);
    if (b == Bindings::PyO3)
        return;  // the catalogue's wording, and the config detector's edit
    if (b == Bindings::Cffi || b == Bindings::Other) {
        f->fix.edits.clear();
        f->title = QStringLiteral("The extension links libpython");
        f->why = QStringLiteral("An extension module must take Python's symbols from the interpreter that loads it; manylinux forbids "
                                "linking libpython. This is not a PyO3 extension: its build linked libpython itself (-lpython3.x in "
                                "the link flags, often from a Python built with --enable-shared whose sysconfig adds it, or a "
                                "build script that asks for it).");
        f->fix.summary = QStringLiteral("Drop -lpython from the extension's link flags and rebuild in a manylinux container, whose "
                                        "Python does not link it.");
        f->fix.steps = {QStringLiteral("For cffi: build the module with ffibuilder.compile() under the manylinux image's Python, "
                                       "not a --enable-shared Python."),
                        QStringLiteral("Check with: readelf -d <extension>.so | grep NEEDED (no libpython line).")};
        f->fix.commands.clear();
        return;
    }
    f->title = QStringLiteral("The extension links libpython");
    f->why = QStringLiteral("An extension module must take Python's symbols from the interpreter that loads it; manylinux forbids "
                            "linking libpython. The evidence does not show the bindings: with PyO3 before 0.26 it happens when the "
                            "extension-module feature is off; with cffi or a C extension, when the link flags add -lpython.");
    f->fix.summary = QStringLiteral("PyO3 < 0.26: turn on pyo3/extension-module for maturin builds (or upgrade to PyO3 >= 0.26 with "
                                    "maturin >= 1.9.4). Other bindings: drop -lpython from the link flags.");
    f->fix.steps = {QStringLiteral("PyO3: add features = [\"pyo3/extension-module\"] to [tool.maturin] in pyproject.toml."),
                    QStringLiteral("Check with: readelf -d <extension>.so | grep NEEDED (no libpython line).")};
}

} // namespace wb::diagnose
