#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace wb {

struct BuildResult;

struct BuildArtifact {
    QString path;
    qint64 size = -1; // bytes, -1 when the file was gone when recorded
    bool operator==(const BuildArtifact &) const = default;
};

struct BuildRecord {
    QString kind;        // what ran: "build", "develop", "sdist", "test", "venv", "install-pytest" (empty: "build")
    QDateTime when;      // start time (UTC)
    qint64 durationMs = 0;
    QString outcome;     // BuildResult::outcomeName
    QString command;     // the command line that ran
    int errors = 0;
    int warnings = 0;
    int testsPassed = -1; // "test": from pytest's summary, -1 when there was none
    int testsFailed = -1;
    QList<BuildArtifact> artifacts;
    bool operator==(const BuildRecord &) const = default;
    // The record of a run that just ended (its start time is now less its duration; the artifacts'
    // sizes as they are on disk now).
    static BuildRecord of(const QString &kind, const BuildResult &result);
};

// Past runs per project, newest first, kept in one JSON file (written atomically):
//   {"version": 1, "projects": {"/abs/project": [{"kind": "build", "when": ISO-8601, "durationMs": n,
//     "outcome": "...", "command": "...", "errors": n, "warnings": n, "artifacts": [{"path": "...", "size": n}],
//     "testsPassed": n, "testsFailed": n (test runs only)}]}}
class BuildHistory
{
public:
    explicit BuildHistory(QString file = defaultFile(), int maxPerProject = 50);
    static QString defaultFile(); // <app data>/build-history.json

    QList<BuildRecord> records(const QString &projectDir) const;
    bool add(const QString &projectDir, const BuildRecord &record, QString *error = nullptr);
    bool clear(const QString &projectDir, QString *error = nullptr);
    QString file() const { return m_file; }

private:
    QString m_file;
    int m_max;
};

} // namespace wb
