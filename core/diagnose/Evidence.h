#pragma once

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
};

// A setting read from pyproject.toml or Cargo.toml, with the line it is on (0: not present).
struct Setting {
    QString value;   // strings unquoted; arrays joined with ", "
    QStringList items;
    int line = 0;
    bool present() const { return line > 0; }
};

// A #[pymodule] (or #[pyo3(name = ...)] / #[pymodule(name = ...)]) found in the crate's sources.
struct PyModuleDecl {
    QString name;       // the name Python sees (PyInit_<name>)
    QString file;       // relative to the project folder
    int line = 0;
};

// What the project folder says (adapter: ProjectEvidence).
struct ProjectFacts {
    bool present = false;
    QString dir;
    QString pyprojectPath;  // absolute, empty if missing
    QString cargoPath;      // absolute, empty if missing
    QString cargoRelative;  // e.g. "Cargo.toml" or "rust/Cargo.toml"
    QStringList problems;   // unreadable or unparsable files, with file:line

    // pyproject.toml
    Setting projectName, projectVersion, projectDynamic, requiresPython, buildRequires, buildBackend;
    QStringList pyprojectLines, cargoLines;  // the files' lines, for quoting evidence
    int projectTableLine = 0;
    Setting moduleName, pythonSource, compatibility, strip, profile, bindings, maturinFeatures, auditwheel;
    int maturinTableLine = 0;
    // Cargo.toml
    Setting packageName, libName, crateType, pyo3Version, pyo3Features, releaseStrip, releaseDebug;
    int libTableLine = 0;
    bool hasBinTargets = false;
    QStringList cargoFeatureNames;  // every feature list entry under [features]
    bool cargoFeaturesMentionExtensionModule = false;

    QList<PyModuleDecl> pymodules;
    bool scannedSources = false;          // src/ existed and was read
    QStringList extensionFilesInSource;   // relative paths of *.so/*.pyd inside the Python package folders
    bool pythonSourceExists = true;
    QString pythonSourceCandidate;        // an existing folder that holds the package, if python-source is wrong

    // The name the extension gets: module-name, else [lib] name, else project name, else package name.
    QString effectiveModuleName() const;
    // A maturin project: build-backend is maturin or [tool.maturin] exists.
    bool isMaturinProject() const;
    // pyo3 bindings (not bin, cffi or uniffi).
    bool usesPyO3Bindings() const;
    // Where that name comes from: the file and the setting.
    QString effectiveModuleSource() const;
    int effectiveModuleLine() const;
};

// An extension module inside a wheel.
struct WheelExtension {
    QString path;                 // inside the wheel
    QString moduleName;           // the part before the first '.' of the file name
    QStringList initSymbols;      // exported PyInit_* / PyModExport_* symbols
    QStringList neededLibraries;  // DT_NEEDED
    QStringList symbolVersions;   // needed versions, e.g. "GLIBC_2.34" (with the library: "libc.so.6:GLIBC_2.34")
    QStringList glibcSymbols;     // "name@GLIBC_2.34" for the newest requirements (bounded)
    bool hasDebugInfo = false;
    bool hasSymtab = false;
    qint64 size = 0;
    bool isElf = false;
};

// What a wheel says (adapter: WheelEvidence).
struct WheelFacts {
    bool present = false;
    QString path;
    QString fileName;
    QString distribution, version;
    QString pythonTag, abiTag, platformTag;
    QStringList bundledLibraries;  // files in <dist>.libs/
    QList<WheelExtension> extensions;
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
