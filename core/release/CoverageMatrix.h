#pragma once

#include "core/release/ReleaseFinding.h"
#include "core/wheel/PlatformTag.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

struct ReleaseSet;
struct ProjectDeclaration;

// A column: one Python implementation and version (CPython 3.13, free-threaded 3.13t, PyPy 3.10).
struct MatrixColumn {
    enum class Impl { CPython, FreeThreaded, PyPy, GraalPy, Any };
    Impl impl = Impl::CPython;
    int minor = 0;             // 3.minor
    QString key;               // "cp313", "cp313t", "pp310", "graalpy312", "any"
    QString label;             // "3.13", "3.13t", "PyPy 3.10"
    bool declared = false;     // Requires-Python / classifiers ask for it
    bool present = false;      // some wheel installs there
};

// A row: one platform (OS, architecture); the levels (manylinux_2_17, macOS 11.0, ...) of its wheels.
struct MatrixRow {
    PlatformTag::Kind kind = PlatformTag::Kind::Other;
    QString arch;
    QString key;               // "manylinux/x86_64"
    QString label;             // "Linux glibc x86_64"
    QStringList levels;        // "manylinux_2_17", "macOS 10.12", "API 24"
    bool present = false;      // a wheel is for it
    bool inCi = false;         // the CI workflow builds it
    QString ciWhere;           // "linux job, .github/workflows/CI.yml:25"
    qint64 size = 0;           // the row's wheels, bytes
    int wheelCount = 0;
};

struct MatrixCell {
    enum class State { Present, Covered, Missing, Open };
    State state = State::Open;  // Open: not declared, nothing there
    QStringList wheels;         // paths of the wheels that install there
    QString text;               // short: "cp313", "abi3 ≥3.8", "missing"
    QString detail;             // for a tooltip: the wheels, or what happens to users there
};

// Platforms × Python versions: what the release covers against what the project declares.
struct CoverageMatrix {
    QList<MatrixRow> rows;
    QList<MatrixColumn> columns;
    QList<QList<MatrixCell>> cells;      // [row][column]
    QString declaredFrom;                // how the declared versions were found, for people
    QString consequence;                 // what a missing cell means for users

    static constexpr int FirstMinor = 8;   // older CPython versions are past their end of life
    static constexpr int LastMinor = 14;   // the newest CPython release

    static CoverageMatrix build(const ReleaseSet &set, const ProjectDeclaration &project, const QStringList &sdistFatal = {});
    // "pip builds from the sdist: needs Rust ≥ 1.74 (rust-version of Cargo.toml)", "no sdist: pip cannot install", ...
    static QString missingConsequence(const ReleaseSet &set, const ProjectDeclaration &project, const QStringList &sdistFatal);
    ReleaseFindingList findings() const;
    int missingCount() const;
    const MatrixCell &cell(int row, int column) const { return cells.at(row).at(column); }
    static QString rowKey(const PlatformTag &tag);
    static QString rowLabel(PlatformTag::Kind kind, const QString &arch);
};

} // namespace wb
