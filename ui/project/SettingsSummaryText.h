#pragma once

#include <QString>

namespace wb {
struct EffectiveSettings;
struct MaturinVersion;
} // namespace wb

namespace wb::ui {

// The Project view's summary line: what maturin will do with these settings (module, bindings,
// python-source, profiles, PyO3, the Linux tag and the maturin the keys are checked against), as
// rich text with each value's origin, and its tooltip. maturinDone: the lookup has ended.
struct SettingsSummaryText {
    QString html;
    QString toolTip;

    static SettingsSummaryText of(const EffectiveSettings &e, const MaturinVersion &maturin, bool maturinDone);
};

} // namespace wb::ui
