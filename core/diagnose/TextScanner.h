#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// One recognised message in pasted text or a build log.
struct TextMatch {
    QString kind;       // e.g. "pyinit-import", "too-recent-symbols" (see TextScanner.cpp)
    QStringList args;   // the captured parts, kind-specific
    int line = 0;       // 1-based line in its text
    QString text;       // the line, trimmed
    QString location;   // extra location, e.g. "src/lib.rs:7:5" for rustc errors
};

// Finds the messages of maturin, cargo, rustc, pip and Python that the catalogue knows, by their
// exact texts, in pasted text and in logs (in logs, rustc diagnostics and built wheels are taken from
// the build area's BuildOutputParser instead; see DetectorContext). Bounded: long inputs are cut, long lines truncated.
class TextScanner
{
public:
    static QList<TextMatch> scan(const QString &text);
    static QString stripAnsi(const QString &text);
    // A line of cargo's progress and nothing else ("   Compiling pyo3 v0.22.0 (registry+...)"): no rule reads
    // one, so long logs pass over them without trying the rules.
    static bool isCargoProgress(QStringView line);
    // Line `number` (1-based) of a text as scan() numbers and quotes it (trimmed, without colours).
    static QString lineOf(const QString &text, int number);
};

} // namespace wb::diagnose
