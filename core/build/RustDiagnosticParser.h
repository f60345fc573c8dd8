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
// The first "-->" gives the location; later "help:"/"note:"/"= note:" lines become children.
// Relative files are resolved against the search folders (the first where the file exists).
class RustDiagnosticParser : public OutputLineParser
{
public:
    explicit RustDiagnosticParser(QStringList searchDirs = {});
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;
    void flush(QList<BuildEvent> &events) override;

    QString resolve(const QString &printedFile) const;

private:
    bool m_active = false;
    Diagnostic m_current;
    QStringList m_searchDirs;
};

} // namespace wb
