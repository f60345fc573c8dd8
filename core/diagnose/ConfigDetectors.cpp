// Configuration problems read from pyproject.toml and Cargo.toml, cross-checked with the messages.
#include "core/diagnose/DetectorContext.h"

#include "core/common/Counted.h"

namespace wb::diagnose {

namespace {

QString cargoFile(const ProjectFacts &p) { return p.cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : p.cargoRelative; }

void detectExtensionModule(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    const EffectiveSettings &e = p.effective;
    if (!p.present || !p.usesPyO3Bindings() || !p.pyo3Dependency.present() || e.pyo3Version.isNull())
        return;
    // PyO3 >= 0.26 with maturin >= 1.9.4 needs no feature (the same rule as the settings check).
    if (e.pyo3Version >= QVersionNumber(0, 26) || e.extensionModule)
        return;
    QStringList features = p.maturinFeatures.items;
    features << QStringLiteral("pyo3/extension-module");
    Finding &f = ctx.add(QStringLiteral("missing-extension-module"),
                         QStringLiteral("PyO3 %1 links libpython unless the extension-module feature is on, and it is not on in "
                                        "Cargo.toml or [tool.maturin] features.")
                             .arg(e.pyo3Requirement),
                         {ctx.cargoRef(p.pyo3Dependency)});
    if (p.maturinFeatures.present())
        f.evidence << ctx.pyprojectRef(p.maturinFeatures);
    f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("features"),
                    DetectorContext::tomlArray(features), ConfigEdit::Action::Set}};
    f.fix.summary = QStringLiteral("Add pyo3/extension-module to [tool.maturin] features (only maturin builds get it, cargo test keeps working).");
    f.fix.steps = {QStringLiteral("Or upgrade to PyO3 >= 0.26 with maturin >= 1.9.4, which need no feature.")};
}

// [tool.maturin] bindings = "cffi" (or "uniffi") on a crate that depends on pyo3: maturin does what the setting
// says, builds cffi bindings from the crate's C header and never uses the #[pymodule]. Without the cffi package
// the build stops ("No module named 'cffi'"); with it, the wheel imports without the Rust functions.
// True when the project says so (the finding is made then).
bool detectBindingsOverride(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    if (!p.present || !p.bindings.present() || !p.effective.bindingsSetAgainstPyO3())
        return false;
    QList<EvidenceRef> evidence = {ctx.pyprojectRef(p.bindings), ctx.cargoRef(p.pyo3Dependency)};
    for (const char *id : {"found-cffi", "cffi-failed"}) {
        const QList<SourcedMatch> m = ctx.matches(QString::fromLatin1(id));
        if (!m.isEmpty())
            evidence << DetectorContext::ref(m.first());
    }
    Finding &f = ctx.add(QStringLiteral("bindings-not-pyo3"),
                         QStringLiteral("[tool.maturin] bindings = \"%1\" makes maturin build %1 bindings, but the crate is a PyO3 crate "
                                        "(pyo3 in %2): the #[pymodule] is not used.")
                             .arg(p.bindings.value, cargoFile(p)),
                         evidence);
    f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("bindings"), QString(),
                    ConfigEdit::Action::Remove}};
    f.fix.summary = QStringLiteral("Remove bindings from [tool.maturin]: maturin then detects pyo3 itself.");
    return true;
}

// maturin chose cffi bindings (it saw no pyo3 among the crate's dependencies with their default features) and the
// build then misses the cffi package: a cffi project built without cffi, or, as often, a PyO3 crate whose pyo3 sits
// behind a feature maturin did not enable. The text does not tell which: a lead that names both.
void detectCffiFallback(DetectorContext &ctx)
{
    const QList<SourcedMatch> cffi = ctx.matches(QStringLiteral("found-cffi"));
    const QList<SourcedMatch> cffiFailed = ctx.matches(QStringLiteral("cffi-failed"));
    if (cffi.isEmpty() && cffiFailed.isEmpty())
        return;
    // What failed: the cffi package missing, or maturin's cffi step (its line says both: cffi chosen, and failing).
    QList<EvidenceRef> failing;
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("module-not-found"))) {
        if (m.match.args.value(0) == QLatin1String("cffi"))
            failing << DetectorContext::ref(m);
    }
    if (!cffiFailed.isEmpty())
        failing << DetectorContext::ref(cffiFailed.first());
    if (failing.isEmpty())
        return;
    QList<EvidenceRef> evidence;
    if (!cffi.isEmpty())
        evidence << DetectorContext::ref(cffi.first());
    evidence += failing;
    Finding &f = ctx.add(QStringLiteral("pyo3-feature-disabled"),
                         QStringLiteral("maturin built cffi bindings and cffi fails (missing, or it cannot read the crate's header). If the crate "
                                        "uses PyO3, maturin did not see it (pyo3 behind a feature that is off); if it really uses cffi, check cffi "
                                        "in the build environment."),
                         evidence);
    f.confidence = Confidence::Low;
    f.rank = 70;
}

void detectModuleNameDash(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    QList<EvidenceRef> evidence;
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("module-name-dash")))
        evidence << DetectorContext::ref(m);
    const QString name = p.effectiveModuleName();
    const bool bad = p.present && p.isMaturinProject() && p.usesPyO3Bindings() && name.contains(QLatin1Char('-'));
    if (!bad && evidence.isEmpty())
        return;
    Finding &f = ctx.add(QStringLiteral("module-name-has-dash"),
                         bad ? QStringLiteral("The extension would be named '%1' (from %2), and Python names cannot contain '-'.")
                                   .arg(name, p.effectiveModuleSource())
                             : QStringLiteral("The module name has a '-'."),
                         evidence);
    if (!bad) {
        f.fix.edits.clear();
        return;
    }
    f.evidence << ctx.lineRef(p.effectiveModuleInPyproject(), p.effectiveModuleSetting().line);
    QString fixed = name;
    fixed.replace(QLatin1Char('-'), QLatin1Char('_'));
    f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("module-name"),
                    DetectorContext::tomlString(fixed), ConfigEdit::Action::Set}};
    f.fix.summary = QStringLiteral("Set module-name = \"%1\".").arg(fixed);
}

void detectVersion(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    QList<EvidenceRef> evidence;
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("version-missing")))
        evidence << DetectorContext::ref(m);
    const bool dynamic = p.projectDynamic.items.contains(QStringLiteral("version"));
    const bool missing = p.present && p.isMaturinProject() && p.projectTableLine > 0 && !p.projectVersion.present() && !dynamic;
    const bool both = p.present && p.projectVersion.present() && dynamic;
    if (!missing && !both && evidence.isEmpty())
        return;
    Finding &f = ctx.add(QStringLiteral("version-missing"),
                         both ? QStringLiteral("[project] has both version and dynamic = [\"version\"].")
                              : QStringLiteral("[project] has neither version nor dynamic = [\"version\"]."),
                         evidence);
    if (both) {
        f.evidence << ctx.pyprojectRef(p.projectVersion) << ctx.pyprojectRef(p.projectDynamic);
        QStringList items = p.projectDynamic.items;
        items.removeAll(QStringLiteral("version"));
        f.fix.summary = QStringLiteral("Keep one: remove \"version\" from dynamic.");
        f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("project"), QStringLiteral("dynamic"),
                        DetectorContext::tomlArray(items), items.isEmpty() ? ConfigEdit::Action::Remove : ConfigEdit::Action::Set}};
    } else if (missing) {
        f.evidence << ctx.lineRef(true, p.projectTableLine);
        QStringList items = p.projectDynamic.items;
        items << QStringLiteral("version");
        f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("project"), QStringLiteral("dynamic"),
                        DetectorContext::tomlArray(items), ConfigEdit::Action::Set}};
    } else if (!p.present) {
        // The catalogue's edit applies as it is.
    } else {
        f.fix.edits.clear();
    }
}

void detectPythonSource(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    QList<EvidenceRef> evidence;
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("python-source-missing")))
        evidence << DetectorContext::ref(m);
    // Judged only on a real checkout (the crate's sources are there), not on a pair of settings files.
    const bool missing = p.present && p.scannedSources && p.pythonSource.present() && !p.pythonSourceExists;
    if (!missing && evidence.isEmpty())
        return;
    Finding &f = ctx.add(QStringLiteral("python-source-missing"),
                         missing ? QStringLiteral("python-source = \"%1\", but there is no such folder.").arg(p.pythonSource.value)
                                 : QStringLiteral("python-source names a folder that does not exist."),
                         evidence);
    if (!missing)
        return;
    f.evidence << ctx.pyprojectRef(p.pythonSource);
    if (!p.pythonSourceCandidate.isEmpty()) {
        f.fix.summary = QStringLiteral("The package is in '%1': point python-source there.").arg(p.pythonSourceCandidate);
        f.fix.edits = {{QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("python-source"),
                        DetectorContext::tomlString(p.pythonSourceCandidate), ConfigEdit::Action::Set}};
    }
}

void detectCrateType(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    // Bindings "bin" (set, or detected from a binary target without cdylib): maturin builds the binary.
    if (!p.present || !p.isMaturinProject() || !p.effective.hasPyo3 || p.effective.bindings == QLatin1String("bin")
        || !p.crateType.present() || p.crateType.items.contains(QStringLiteral("cdylib")))
        return;
    QStringList items = p.crateType.items;
    items.prepend(QStringLiteral("cdylib"));
    Finding &f = ctx.add(QStringLiteral("crate-type-not-cdylib"),
                         QStringLiteral("[lib] crate-type is [%1]: no shared library for Python to import.").arg(p.crateType.value),
                         {ctx.cargoRef(p.crateType)});
    f.fix.edits = {{cargoFile(p), QStringLiteral("lib"), QStringLiteral("crate-type"), DetectorContext::tomlArray(items),
                    ConfigEdit::Action::Set}};
}

void detectStaleArtifacts(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    if (!p.present || p.extensionFilesInSource.isEmpty())
        return;
    QList<EvidenceRef> evidence;
    QStringList commands;
    for (qsizetype i = 0; i < p.extensionFilesInSource.size(); ++i) {
        const QString &file = p.extensionFilesInSource.at(i);
        evidence << EvidenceRef{QStringLiteral("project"), file,
                                QStringLiteral("compiled extension in the source tree, %1").arg(p.extensionStaleReasons.value(i))};
        commands << QStringLiteral("rm %1").arg(file);
    }
    Finding &f = ctx.add(QStringLiteral("stale-develop-artifact"),
                         QStringLiteral("%1 in the Python package folder; %2 the installed module.")
                             .arg(counted(p.extensionFilesInSource.size(), "compiled extension file sits", "compiled extension files sit"),
                                  p.extensionFilesInSource.size() == 1 ? QStringLiteral("it shadows or outlives")
                                                                       : QStringLiteral("they shadow or outlive")),
                         evidence);
    f.fix.commands = commands;
}

} // namespace

void detectConfigProblems(DetectorContext &ctx)
{
    detectModuleNameDash(ctx);
    detectVersion(ctx);
    detectPythonSource(ctx);
    detectCrateType(ctx);
    detectStaleArtifacts(ctx);
    detectExtensionModule(ctx);
    if (!detectBindingsOverride(ctx)) // the project names the cause: no lead that guesses at it
        detectCffiFallback(ctx);
}

} // namespace wb::diagnose
