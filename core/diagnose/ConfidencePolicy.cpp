#include "core/diagnose/ConfidencePolicy.h"

#include <QRegularExpression>

namespace wb::diagnose {

bool ConfidencePolicy::isGenericLine(const QString &input)
{
    // cargo's and rustc's summaries, the linker's header line (its detail, the missing symbol or library,
    // is on other lines), pip's, uv's and maturin's wrappers around a failed build, exit statuses, and an
    // import error that names nothing.
    static const QRegularExpression generic(QStringLiteral(
        R"re(^(?:error: could not compile `[^`]+`(?: \([^)]*\))?(?: due to \d+ previous errors?)?(?:; \d+ warnings? emitted)?\.?$)re"
        R"re(|error: linking with `[^`]+` failed(?:: exit (?:status|code): ?\d+)?$)re"
        R"re(|error: failed to run custom build command for `[^`]+`$)re"
        R"re(|error: failed to compile `[^`]+`, intermediate artifacts can be found at .*$)re"
        R"re(|error: aborting due to .*$)re"
        R"re(|error: build failed$)re"
        R"re(|(?:error: )?subprocess-exited-with-error$)re"
        R"re(|error: metadata-generation-failed$)re"
        R"re(|ERROR: Failed building wheel for \S+$)re"
        R"re(|ERROR: Could not build wheels for .*$)re"
        R"re(|(?:× )?Failed to build `?[^`\s]+`?$)re"
        R"re(|💥 maturin failed$)re"
        R"re(|Caused by: Failed to build a native library through cargo$)re"
        R"re(|Caused by: process didn't exit successfully: .*$)re"
        R"re(|error: `cargo (?:build|rustc) .*` failed with code \d+$)re"
        R"re(|.*returned non-zero exit status \d+\.?$)re"
        R"re(|(?:Import|ModuleNotFound)Error$)re"
        R"re(|ImportError: DLL load failed(?: while importing \w+)?: .*$)re"
        ")$"));
    return generic.match(input.trimmed()).hasMatch();
}

bool ConfidencePolicy::restsOnGenericLines(const Finding &f)
{
    bool cited = false;
    for (const EvidenceRef &e : f.evidence) {
        if (!e.fromText())
            return false;  // the project or the wheel confirms it
        if (!isGenericLine(e.text))
            return false;
        cited = true;
    }
    return cited;
}

void ConfidencePolicy::apply(QList<Finding> &findings)
{
    for (Finding &f : findings) {
        if (f.confidence != Confidence::Low && restsOnGenericLines(f))
            f.confidence = Confidence::Low;
    }
}

} // namespace wb::diagnose
