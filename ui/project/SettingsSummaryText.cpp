#include "ui/project/SettingsSummaryText.h"

#include "core/project/EffectiveSettings.h"
#include "core/project/MaturinVersion.h"

#include <QObject>

namespace wb::ui {

namespace {
QString maturinPart(const MaturinVersion &maturin, bool maturinDone)
{
    if (!maturinDone)
        return QObject::tr("maturin: looking…");
    if (maturin.isKnown())
        return QObject::tr("maturin <b>%1</b> (%2)").arg(maturin.text.toHtmlEscaped(), maturin.from.toHtmlEscaped());
    if (!maturin.program.isEmpty())
        return QObject::tr("maturin of unknown version (%1)").arg(maturin.from.toHtmlEscaped());
    return QObject::tr("no maturin found");
}
} // namespace

SettingsSummaryText SettingsSummaryText::of(const EffectiveSettings &e, const MaturinVersion &maturin, bool maturinDone)
{
    SettingsSummaryText out;
    const QString maturinText = !maturinDone        ? QObject::tr("looking for maturin…")
                                : maturin.isKnown() ? QObject::tr("keys checked against %1").arg(maturin.describe())
                                                    : QObject::tr("%1: keys not checked against a maturin version").arg(maturin.describe());
    out.toolTip = QObject::tr("Linux platform tag: %1 (%2)\n%3").arg(e.platformTag, e.platformTagFrom, maturinText);
    const QString pyo3 = e.hasPyo3 ? QObject::tr(" · PyO3 %1%2").arg(e.pyo3Requirement.toHtmlEscaped(),
                                                                 e.abi3Minor >= 0 ? QObject::tr(", abi3 ≥ 3.%1").arg(e.abi3Minor) : QString())
                                   : QString();
    out.html = QObject::tr("Module <b>%1</b> (%2) · bindings <b>%3</b> (%4) · python-source <b>%5</b> · profile <b>%6</b> "
                           "(release builds: %7)%8 · %9")
                   .arg(e.moduleName.toHtmlEscaped(), e.moduleNameFrom.toHtmlEscaped(),
                        e.bindings.isEmpty() ? QObject::tr("unknown") : e.bindings, e.bindingsFrom.toHtmlEscaped(),
                        e.pythonSource.isEmpty() ? QObject::tr("project folder") : e.pythonSource.toHtmlEscaped(), e.profile,
                        e.releaseProfile, pyo3,
                        QObject::tr("Linux tag <b>%1</b> (pip: %2) · ").arg(e.platformTag.toHtmlEscaped(), e.pipPlatformTag)
                            + maturinPart(maturin, maturinDone));
    return out;
}

} // namespace wb::ui
