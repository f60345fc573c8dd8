#pragma once

#include "core/diagnose/Finding.h"

#include <QUrl>

namespace wb::ui {

// The detail pane's text for a finding: what, why, evidence, fix, links (HTML, escaped). Evidence in a
// file of the project at a line is a link (evidenceLink) that shows that place.
QString findingDetailHtml(const diagnose::Finding &finding);

// The line a piece of evidence points at in a file of the project (pyproject.toml, rust/Cargo.toml,
// src/lib.rs at "line N"); 0 for the pasted text, the log, the wheel, or no line.
int evidenceLine(const diagnose::EvidenceRef &evidence);
// wheelbench-evidence:FILE#LINE, FILE relative to the project folder.
QUrl evidenceLink(const QString &relativeFile, int line);

} // namespace wb::ui
