#pragma once

#include "core/build/BuildEvent.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace wb {

// How a run ended, as values: what the UI shows, the history stores and the CLI prints.
struct BuildResult {
    enum class Outcome { Succeeded, Failed, Cancelled, FailedToStart };
    Outcome outcome = Outcome::Failed;
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QString commandLine;
    QString message;            // why it failed to start, or how it was stopped
    QStringList artifacts;      // wheels and sdists maturin reported, in order
    QList<Diagnostic> diagnostics;
    QStringList causes;         // maturin's "Caused by:" chain (one error in errors)
    int errors = 0;             // compiler errors plus one per maturin failure: what the Issues list shows
    int warnings = 0;
    int testsPassed = -1;       // from pytest's summary, -1 when there was none
    int testsFailed = -1;
    QByteArray log;             // the raw output (bounded)

    bool succeeded() const { return outcome == Outcome::Succeeded; }
    // The log as a terminal shows it: "$ <command line>" first, then the output. What Save Log and
    // `build --log` write and what diagnosis reads, so that the options of the run (develop --uv,
    // --release, -i) are part of the evidence.
    QByteArray transcript() const
    {
        return commandLine.isEmpty() ? log : QByteArray("$ " + commandLine.toUtf8() + '\n' + log);
    }
    static QString outcomeName(Outcome outcome); // "succeeded", "failed", "cancelled", "failed to start"
};

} // namespace wb

Q_DECLARE_METATYPE(wb::BuildResult)
