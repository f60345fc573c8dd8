#pragma once

#include "core/diagnose/Catalogue.h"
#include "core/diagnose/Evidence.h"
#include "core/diagnose/Finding.h"
#include "core/diagnose/TextFacts.h"
#include "core/diagnose/TextScanner.h"

#include <functional>

namespace wb::diagnose {

// A recognised message with the text it came from ("error" or "log").
struct SourcedMatch {
    QString source;
    TextMatch match;
};

// What every detector works with: the evidence, the recognised messages, and the findings so far.
class DetectorContext
{
public:
    DetectorContext(const Evidence &evidence, const Catalogue &catalogue);

    const Evidence &evidence() const { return m_evidence; }
    const ProjectFacts &project() const { return m_evidence.project; }
    const WheelFacts &wheel() const { return m_evidence.wheel; }
    const Catalogue &catalogue() const { return m_catalogue; }
    const TextFacts &facts() const { return m_facts; }  // of the pasted text and the log together
    QList<SourcedMatch> matches(const QString &kind) const;
    bool has(const QString &id) const;

    // Adds a finding (title, why, fix and links from the catalogue entry `id`) or, when one with the
    // same id exists, adds the evidence to it. Returns it for the detector to refine.
    Finding &add(const QString &id, const QString &message, const QList<EvidenceRef> &evidence);
    // For each of the open wheel's own findings WHEELIDS (core/wheel's checks), the finding `id`, High: what
    // the wheel holds is certain. MESSAGE words the wheel finding's message.
    void addFromWheel(const QString &id, const QStringList &wheelIds, const std::function<QString(const wb::Finding &)> &message);
    // Drops the finding `id` (a symptom of a cause found since). Returns whether there was one.
    bool remove(const QString &id);
    const QList<Finding> &findings() const { return m_findings; }
    Finding *find(const QString &id);

    // Evidence helpers.
    static EvidenceRef ref(const SourcedMatch &m);
    EvidenceRef pyprojectRef(const Setting &s) const;
    EvidenceRef cargoRef(const Setting &s) const;
    EvidenceRef lineRef(bool pyproject, int line) const;
    static EvidenceRef wheelRef(const QString &location, const QString &text);

    // TOML literals for edits.
    static QString tomlString(const QString &s);
    static QString tomlArray(const QStringList &items);

    QList<Finding> takeFindings();

private:
    const Evidence &m_evidence;
    const Catalogue &m_catalogue;
    QList<SourcedMatch> m_matches;
    TextFacts m_facts;
    QList<Finding> m_findings;
};

// The detectors, grouped by what they look at. Each reads what it needs and cross-checks the rest.
void detectImportProblems(DetectorContext &ctx);       // ImportError, ModuleNotFoundError, PyInit, symbols
void detectPackagingProblems(DetectorContext &ctx);    // manylinux audit, tags, abi3, debug info
void detectDebugBuild(DetectorContext &ctx);           // a dev-profile build, debug information (from detectPackagingProblems)
void detectEnvironmentProblems(DetectorContext &ctx);  // tools, venv, interpreters, rustc errors
void detectConfigProblems(DetectorContext &ctx);       // pyproject.toml / Cargo.toml settings
void detectBuildFailures(DetectorContext &ctx);        // toolchains, build scripts, interpreters, regressions
void detectInstallerContext(DetectorContext &ctx);     // an old pip's build folder, two builds of one extension
void detectMetadataInconsistency(DetectorContext &ctx); // file name and metadata disagree: the wheel, the project's name
void detectScriptEntryPoints(DetectorContext &ctx);     // a console script without its function: the project's line
void detectTomlErrorLocation(DetectorContext &ctx);     // where and why maturin's TOML error says a file is invalid
void wordForBindings(DetectorContext &ctx);            // libpython findings worded for PyO3, cffi or unknown bindings
void leadFromSourceBuild(DetectorContext &ctx);         // a release's failed source build, nothing else shown: a lead
void settleFindings(DetectorContext &ctx);             // root cause over symptom; one unrecognised-failure when nothing fits
void pointToSimilarReports(DetectorContext &ctx);      // after settling: the unrecognised failure links the most alike reported one

} // namespace wb::diagnose
