#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QVersionNumber>

namespace wb {

// The maturin version that version-specific keys are judged against, and where it came from.
struct MaturinVersion {
    QVersionNumber version; // null: none known, so no key is flagged as too new
    QString text;           // as found ("1.8.3")
    QString from;           // "--maturin-version", "project .venv", "VIRTUAL_ENV", "PATH", "python3 -m maturin"; empty: none found
    QString program;        // the maturin (or Python) it belongs to; set with a null version: found, version unknown
    QString readBy;         // "command line", "dist-info" (files only, nothing run), "--version"

    bool isKnown() const { return !version.isNull(); }
    // "maturin 1.8.3 (PATH /usr/bin/maturin, asked with --version)", "a maturin of unknown version (...)"
    // or "no maturin found".
    QString describe() const;

    static MaturinVersion given(const QString &text); // from the command line; null version when not a version
    // The maturin that building would use (ToolDiscovery's order), found without running anything from
    // the project: a maturin in the project's own .venv is known by its dist-info folder. May run
    // `maturin --version` of a maturin outside the project, so it blocks: not on the UI thread.
    static MaturinVersion detect(const QString &projectDir, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
};

} // namespace wb
