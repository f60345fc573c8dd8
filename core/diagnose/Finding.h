#pragma once

#include "core/diagnose/Evidence.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace wb::diagnose {

enum class Severity { Error, Warning, Info };

QString severityName(Severity s);
Severity severityFromName(const QString &name, bool *ok = nullptr);

// How sure a finding is of its cause: High, the message names it (or the project shows it);
// Medium, the message usually means it; Low, a lead to check, not a verdict.
enum class Confidence { High, Medium, Low };

QString confidenceName(Confidence c);

// A configuration change described as data: in `file` (relative to the project folder), in the
// table `table` (dotted, e.g. "tool.maturin"), set `key` to the TOML value `value` or remove it.
struct ConfigEdit {
    enum class Action { Set, Remove };
    QString file;
    QString table;
    QString key;
    QString value;  // a TOML literal: "\"x\"", "true", "[\"a\", \"b\"]"
    Action action = Action::Set;
    bool operator==(const ConfigEdit &) const = default;
};

struct Fix {
    QString summary;
    QList<ConfigEdit> edits;  // edits that can be applied as they are
    QStringList commands;     // commands the user can run
    QStringList steps;        // anything else
};

struct Finding {
    QString id;
    Severity severity = Severity::Error;
    QString title;
    QString message;  // what exactly is wrong here, with names and versions
    QString why;      // from the catalogue
    QList<EvidenceRef> evidence;
    Fix fix;
    QStringList links;
    Confidence confidence = Confidence::High;
    QStringList decisiveLines;  // the input lines the verdict rests on (first error, failing crate, exit status)
    int rank = 50;              // among findings of one severity: the more specific cause higher (not shown)
    // Whether any of its evidence is a line of the pasted text or the log.
    bool citesText() const
    {
        return std::any_of(evidence.cbegin(), evidence.cend(), [](const EvidenceRef &e) { return e.fromText(); });
    }
};

} // namespace wb::diagnose
