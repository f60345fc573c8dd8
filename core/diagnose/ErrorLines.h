#pragma once

#include <QList>
#include <QString>

class QRegularExpression;

namespace wb::diagnose {

struct Evidence;

// The lines of a failure a reader needs first, found the same way for the findings' decisive lines
// and for the name the Troubleshooting view gives a pasted text.
namespace errorlines {

struct Line {
    QString source; // "error" (pasted text) or "log"
    int number = 0; // 1-based
    QString text;   // trimmed, without ANSI colours
};

// Every line of the pasted text, then of the log.
QList<Line> inputLines(const Evidence &e);

// A line that reports an error (rustc, cargo, maturin, pip, uv, a traceback's exception, a crash).
const QRegularExpression &errorLine();

// A line that only says a tool below failed (pip's "subprocess-exited-with-error", maturin's "Failed to
// build a native library through cargo"): quoted only when nothing says more.
const QRegularExpression &wrapperLine();

// The first error, the failing crate or command, the exit status.
QList<Line> decisiveLines(const Evidence &e);

// What names a pasted failure in a word: its first error that is not a wrapper (maturin's first
// "Caused by", a traceback's exception), else its first wrapper, else the first line that mentions an
// error, else its first line.
QString firstErrorLine(const QString &text);

} // namespace errorlines
} // namespace wb::diagnose
