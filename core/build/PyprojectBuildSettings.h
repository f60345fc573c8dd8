#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace wb {

// The few pyproject.toml/Cargo.toml values the build needs: which [tool.maturin] settings a CLI
// option would replace, and what Generate CI and Test need to know. Read-only and deliberately
// minimal (the project model owns the full settings).
struct PyprojectBuildSettings {
    bool found = false;     // pyproject.toml exists and parsed
    QString error;          // parse error with file:line, when it did not
    QString projectName;    // [project] name
    QString requiresPython; // [project] requires-python
    // [tool.maturin]
    QStringList features;   // plain feature names; conditional ones as "name (python ...)"
    QString profile;
    QString compatibility;
    QString auditwheel;
    std::optional<bool> strip;
    bool allFeatures = false;
    bool noDefaultFeatures = false;
    bool locked = false;
    bool frozen = false;
    QString manifestPath;
    QString pythonSource;
    QString moduleName;
    // Cargo.toml
    QString crateName;      // [package] name
    bool abi3 = false;      // pyo3's abi3* feature is on (Cargo.toml or [tool.maturin] features)
    bool hasBin = false;    // bindings = "bin"
    bool binPython = false; // ... and Cargo.toml depends on pyo3, cffi or uniffi (maturin's Bin(Some(_)))

    static PyprojectBuildSettings read(const QString &projectDir);
};

} // namespace wb
