#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

namespace wb::ui {

// The Summary tab's text (rich text): name, verdict, and a table of what matters most; sizes in the
// one size format. The tooltips give the exact byte counts behind those sizes.
QString wheelSummaryHtml(const WheelReport &r);
QString wheelSummaryToolTip(const WheelReport &r);
QString sdistSummaryHtml(const SdistReport &r);
QString sdistSummaryToolTip(const SdistReport &r);

} // namespace wb::ui
