#pragma once

#include "core/project/EffectiveSettings.h"
#include "core/project/PackageImportScanner.h"
#include "core/project/RustModuleScanner.h"
#include "core/wheel/WheelReport.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// One piece of evidence a finding cites: where it comes from ("error", "log", "pyproject.toml",
// "Cargo.toml", "src/lib.rs", "wheel"), where in it ("line 12", "hello_pyo3/_native.so") and the text.
struct EvidenceRef {
    QString source;
    QString location;
    QString text;
    bool operator==(const EvidenceRef &) const = default;
    // From the pasted text or the build log (not the project or the wheel).
    bool fromText() const { return source == QLatin1String("error") || source == QLatin1String("log"); }
};

// A setting read from pyproject.toml or Cargo.toml, with the line it is on (0: not present).
struct Setting {
    QString value;   // strings unquoted; arrays joined with ", "
    QStringList items;
    int line = 0;
    bool present() const { return line > 0; }
};

// What the project folder says, as the detectors cite it: each setting with the line it is on.
// Filled from core/project (Project, EffectiveSettings, the #[pymodule] scanner) by ProjectEvidence.
struct ProjectFacts {
    bool present = false;
    QString dir;
    QString pyprojectPath;  // absolute, empty if missing
    QString cargoPath;      // absolute, empty if missing
    QString cargoRelative;  // e.g. "Cargo.toml" or "rust/Cargo.toml"
    QStringList problems;   // unreadable or unparsable files, with file:line
    EffectiveSettings effective;  // what maturin will use, and where each value comes from

    // pyproject.toml
    Setting projectName, projectVersion, projectDynamic, requiresPython;
    QStringList pyprojectLines, cargoLines;  // the files' lines, for quoting evidence
    int projectTableLine = 0;
    Setting moduleName, pythonSource, compatibility, strip, profile, maturinFeatures, auditwheel;
    Setting editableProfile, data, readme, licenseFile;  // the files and folders the settings name, cited by line
    Setting bindings;                                    // [tool.maturin] bindings, when set
    QList<std::pair<QString, Setting>> scripts;          // [project.scripts] and [project.gui-scripts]: name, target
    // Cargo.toml
    Setting packageName, libName, crateType, pyo3Dependency, pyo3Features, releaseDebug, cargoReadme;

    QList<UnbuiltImport> unbuiltImports;  // the package's imports of modules the build does not provide; file relative
    QList<PyModuleDecl> pymodules;        // file relative to the project folder; cite itemLine
    bool scannedSources = false;          // the crate's src/ existed and was read
    QStringList extensionFilesInSource;   // relative paths of stale *.so/*.pyd inside the Python package folders
    QStringList extensionStaleReasons;    // for each, why it is stale (older than the sources, one of several builds)
    bool pythonSourceExists = true;
    QString pythonSourceCandidate;        // an existing folder that holds the package, if python-source is wrong

    // The name the extension gets (module-name, else [lib] name, else project name, else package name).
    QString effectiveModuleName() const { return effective.moduleName; }
    // A maturin project: build-backend is maturin or [tool.maturin] exists.
    bool isMaturinProject() const { return effective.maturinBackend || effective.hasToolMaturin; }
    // pyo3 bindings (not bin, cffi or uniffi).
    bool usesPyO3Bindings() const
    {
        return effective.bindings == QLatin1String("pyo3") || effective.bindings == QLatin1String("pyo3-ffi");
    }
    // The setting that gives that name, and whether it is in pyproject.toml.
    const Setting &effectiveModuleSetting() const;
    bool effectiveModuleInPyproject() const;
    QString effectiveModuleSource() const;  // the file
};

// What a wheel says: its file name's tags and the inspector's report (core/wheel, core/binary).
struct WheelFacts {
    bool present = false;
    QString path;
    QString fileName;
    QString distribution, version;
    QString pythonTag, abiTag, platformTag;  // compressed tag sets as written ("py2.py3")
    WheelReport report;
    QString problem;  // why it could not be read
};

// A line of pasted text or of a build log.
struct TextLine {
    int number = 0;  // 1-based
    QString text;
};

// Everything the detectors look at together.
struct Evidence {
    QString errorText;  // pasted by the user
    QString logText;    // a build log
    ProjectFacts project;
    WheelFacts wheel;

    bool isEmpty() const
    {
        return errorText.trimmed().isEmpty() && logText.trimmed().isEmpty() && !project.present && !wheel.present;
    }
};

} // namespace wb::diagnose
