#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace wb {

// What the output of a maturin run means, as plain values: they cross threads and are what the
// troubleshooting area reads from a saved log (see BuildOutputParser::parseLog).

enum class DiagnosticSeverity { Error, Warning, Note, Help };

// One rustc/cargo diagnostic: `error[E0425]: cannot find value ...` and its `--> src/lib.rs:3:41`.
struct Diagnostic {
    DiagnosticSeverity severity = DiagnosticSeverity::Error;
    QString code;         // "E0425", or empty
    QString message;      // "cannot find value `greeting` in this scope"
    QString file;         // absolute when it could be resolved against the project folder, else as printed
    QString printedFile;  // as printed after "-->" (usually relative to the crate)
    int line = 0;         // 1-based; 0 when the diagnostic has no location
    int column = 0;       // 1-based; 0 when unknown
    QStringList children; // "help: ...", "note: ..." lines that belong to it
    QString rendered;     // the whole diagnostic as printed, without colours
    int logLine = 0;      // 1-based line of the log where it starts

    bool hasLocation() const { return !printedFile.isEmpty() && line > 0; }
    bool operator==(const Diagnostic &) const = default;
};

// cargo's "Building [===>   ] 12/36: syn, pyo3-ffi(build)" line.
struct BuildProgress {
    int done = 0;
    int total = 0;
    QStringList inFlight; // crates being compiled right now
    bool operator==(const BuildProgress &) const = default;
};

struct BuildEvent {
    enum class Kind {
        Diagnostic,      // diagnostic holds it
        Progress,        // progress holds it
        Compiling,       // text: "pyo3 v0.22.6"
        CargoFinished,   // text: "`release` profile [optimized] target(s) in 22.43s"
        CargoError,      // text: cargo's own "error: could not compile `x` (lib) due to 3 previous errors"
        ProjectLayout,   // text: "Building a mixed python/rust project"
        Bindings,        // text: "pyo3" or "pyo3 with abi3-py39 support" (after "Found ")
        Interpreter,     // text: "CPython 3.13", path: its executable
        BuildOptions,    // text: "features" (the pyproject keys that took effect)
        Wheel,           // text: "CPython 3.13" / "abi3 Python ≥ 3.9" / empty, path: the wheel
        Sdist,           // path: the .tar.gz
        MaturinWarning,  // text: the warning, without "⚠️  Warning: "
        MaturinFailed,   // "💥 maturin failed" with its "Caused by:" chain in causes; diagnostic: the one
                         // error the Issues list shows for it (message: the first cause, children: the rest)
        TestSummary,     // pytest's last line; passed/failed in the counts
    };
    Kind kind = Kind::Compiling;
    QString text;
    QString path;
    Diagnostic diagnostic;
    BuildProgress progress;
    QStringList causes; // MaturinFailed: the "Caused by:" lines, outermost first
    int passed = 0;
    int failed = 0;
    int logLine = 0; // 1-based line of the log

    bool operator==(const BuildEvent &) const = default;
    static QString kindName(Kind kind);
};

QString severityName(DiagnosticSeverity severity);

} // namespace wb

Q_DECLARE_METATYPE(wb::Diagnostic)
Q_DECLARE_METATYPE(wb::BuildEvent)
Q_DECLARE_METATYPE(wb::BuildProgress)
