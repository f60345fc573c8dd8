#pragma once

#include "core/build/OutputLineParser.h"

#include <QStringList>

namespace wb {

// rustc and cargo diagnostics as cargo renders them:
//   error[E0425]: cannot find value `c` in this scope
//     --> src/lib.rs:14:19
//      |
//   14 |     a.checked_add(c)
//      |                   ^ help: a local variable with a similar name exists: `a`
// The first "-->" gives the location; later "help:"/"note:"/"= note:" lines become children. cargo's
// own errors (no location) may be followed by a blank line and "Caused by:" blocks (each cause on the
// indented lines below it): those become children "Caused by: …" of the error.
// Relative files are resolved against the search folders (the first where the file exists).
class RustDiagnosticParser : public OutputLineParser
{
public:
    explicit RustDiagnosticParser(QStringList searchDirs = {});
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
    void flush(QList<BuildEvent> &events) override;

    QString resolve(const QString &printedFile) const;

private:
    static constexpr int MaxChildren = 256;          // bounded on hostile input
    static constexpr int MaxRendered = 1024 * 1024;  // characters kept of one cargo error chain
    bool m_active = false;
    bool m_afterBlank = false; // a blank line after an error without location: "Caused by:" may follow
    bool m_inCause = false;    // inside a "Caused by:" block
    Diagnostic m_current;
    QStringList m_searchDirs;
};

} // namespace wb
