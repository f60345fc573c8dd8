#pragma once

#include <QList>
#include <QString>

namespace wb {

// One thing the inspector has to say about a wheel. `id` is stable (scripts and the troubleshooting
// catalogue match on it); `message` is for people; `path` is the archive member it is about, if any.
struct Finding {
    enum class Severity { Info, Warning, Error };
    QString id;
    Severity severity = Severity::Info;
    QString message;
    QString path;

    static QString severityName(Severity s);
};

using FindingList = QList<Finding>;

inline void addFinding(FindingList &list, const QString &id, Finding::Severity s, const QString &message,
                       const QString &path = {})
{
    list.append(Finding{id, s, message, path});
}

} // namespace wb
