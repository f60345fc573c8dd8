#pragma once

#include "core/diagnose/Finding.h"

namespace wb::ui {

// The detail pane's text for a finding: what, why, evidence, fix, links (HTML, escaped).
QString findingDetailHtml(const diagnose::Finding &finding);

} // namespace wb::ui
