#pragma once

#include "core/build/BuildEvent.h"
#include "core/build/OutputLine.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace wb {

class OutputLineParser;

// The chain of line parsers over a maturin/cargo/pytest log. Lines come in with their colours;
// colours are stripped here. A parser that answered InProgress gets the next line first.
// Transient lines (cargo's progress bar) only ever produce Progress events.
class BuildOutputParser
{
public:
    // projectDir: where relative file names of diagnostics are looked up (also in its rust/ folder).
    explicit BuildOutputParser(const QString &projectDir = {});
    ~BuildOutputParser();
    BuildOutputParser(const BuildOutputParser &) = delete;
    BuildOutputParser &operator=(const BuildOutputParser &) = delete;

    QList<BuildEvent> handleLine(const OutputLine &line);
    QList<BuildEvent> finish();

    // Parses a whole saved log (raw bytes as maturin wrote them, colours and \r included).
    static QList<BuildEvent> parseLog(const QByteArray &log, const QString &projectDir = {});
    static QList<BuildEvent> parseLog(const QString &log, const QString &projectDir = {});

    // Folders tried, in order, to resolve a relative diagnostic file.
    static QStringList searchDirsFor(const QString &projectDir);

private:
    std::vector<std::unique_ptr<OutputLineParser>> m_parsers;
    OutputLineParser *m_sticky = nullptr;
    int m_lineNumber = 0;
};

// Summaries over events, for callers that only need the outcome.
namespace build_events {
QList<Diagnostic> diagnostics(const QList<BuildEvent> &events);
QStringList artifacts(const QList<BuildEvent> &events); // wheels and sdists, in order, without duplicates
QStringList causes(const QList<BuildEvent> &events); // the "Caused by:" chains of maturin failures, in order
int count(const QList<BuildEvent> &events, DiagnosticSeverity severity);
} // namespace build_events

} // namespace wb
