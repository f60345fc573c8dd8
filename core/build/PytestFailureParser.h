#pragma once

#include "core/build/OutputLineParser.h"

#include <QHash>
#include <QStringList>

namespace wb {

// Failing tests in pytest's output, as errors with their test file and line:
//  - the FAILURES / ERRORS sections: a "____ test_y ____" header, the traceback, and location lines
//    such as "tests/test_x.py:13: AssertionError" (the last one is where it failed);
//  - the short test summary: "FAILED tests/test_x.py::test_y - assert (1 + 1) == 3" and
//    "ERROR tests/test_broken.py" (a collection error), one Diagnostic each.
// Lines are only observed, never consumed (other parsers still see them).
class PytestFailureParser : public OutputLineParser
{
public:
    explicit PytestFailureParser(QStringList searchDirs = {});
    Status handleLine(const QString &line, int logLine, QList<BuildEvent> &events) override;

private:
    struct Location {
        QString file;
        int line = 0;
        QString text; // "AssertionError", "in helper", ""
        int logLine = 0;
    };
    struct Section {
        QList<Location> locations;
        QStringList errorLines; // the "E   ..." lines
        QStringList text;       // the whole section (bounded)
        int logLine = 0;
    };
    void summaryLine(const QString &line, int logLine, QList<BuildEvent> &events);
    QString resolve(const QString &printed) const;

    QStringList m_searchDirs;
    QHash<QString, Section> m_sections; // by test name as the header shows it ("TestThing.test_method")
    QString m_current;                  // the section being read
    bool m_inSummary = false;
};

} // namespace wb
