#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"
#include "ui/wheels/VerificationBar.h"

namespace wb::ui {

// The Summary tab's text (rich text): name, verdict, and a table of what matters most; sizes in the
// one size format. The tooltips give the exact byte counts behind those sizes.
// While the contents are verified (or after that was cancelled) the report is the quick one: the
// verdict says "so far" and the RECORD row says "verifying…" or "verification cancelled".
QString wheelSummaryHtml(const WheelReport &r, Verification verification = Verification::Finished);
QString wheelSummaryToolTip(const WheelReport &r);
QString sdistSummaryHtml(const SdistReport &r);
QString sdistSummaryToolTip(const SdistReport &r);

} // namespace wb::ui
