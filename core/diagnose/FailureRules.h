#pragma once

#include "core/diagnose/Finding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// One line of pasted text or log that a failure rule recognised.
struct RuleHit {
    QString id;       // the catalogue entry the wording points to
    QString tag;      // which wording of it (the detectors refine some by context)
    Confidence confidence = Confidence::High;
    int rank = 50;    // how specific: a root cause ranks above the symptoms it produces
    QString message;  // what the rule's wording says, with the captured names filled in
    QStringList args; // the captured parts
    int line = 0;     // 1-based
    QString text;     // the line, trimmed

    // The context shows the line means another cause: name it, how sure, and (rank >= 0) how specific.
    void retarget(const QString &newId, Confidence newConfidence, const QString &newMessage, int newRank = -1)
    {
        id = newId;
        confidence = newConfidence;
        message = newMessage;
        if (newRank >= 0)
            rank = newRank;
    }
};

// The wordings of build, install and import failures that name their cause: PyO3's build-config checks,
// cargo's resolver and lockfile errors, cc-rs, the linkers, pkg-config and the -sys crates, maturin's
// errors old and new, pip, uv and CPython. Each rule is the message family, not one report's details.
// A message wrapped onto the next line is recognised too.
class FailureRules
{
public:
    static QList<RuleHit> scan(const QString &text);
};

} // namespace wb::diagnose
