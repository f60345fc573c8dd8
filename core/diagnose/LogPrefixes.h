#pragma once

#include <QString>

namespace wb::diagnose {

// Logs copied from CI and container builds carry a prefix on every line that the tools below never
// wrote: GitHub Actions' and Azure Pipelines' timestamps ("2024-05-01T12:34:56.1234567Z "), Jenkins'
// ("[2024-05-01T12:34:56.123Z] "), GitLab's ("2024-05-01T12:34:56.123456Z 00O "), Docker BuildKit's
// step and seconds ("#12 3.456 ", and "3.456 " in its error summary); a block copied out of pip's or
// uv's output is indented as a whole; a log pasted into an issue as a Markdown quote has "> " before
// each line; one copied from a web page's source keeps HTML's escapes (&gt; &lt; &amp; &quot;); one
// copied from a console may be broken into rows of its width, padded with spaces. Diagnosis reads the
// lines as the tools wrote them, so all of that goes first; the lines keep their numbers.
namespace LogPrefixes {

QString strip(const QString &text);

} // namespace LogPrefixes
} // namespace wb::diagnose
