#pragma once

#include "core/diagnose/Finding.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace wb::diagnose {

// One known problem: what it is, why it happens, how it is recognised and how to fix it.
struct CatalogueEntry {
    QString id;
    Severity severity = Severity::Error;
    QString title;
    QString why;
    QStringList recognised;
    Fix fix;
    QStringList links;
    QString since;    // the maturin/PyO3/tool version the problem appeared in, where it matters
    QString fixedIn;  // the version that fixed it (regressions)
};

// The troubleshooting catalogue (resources/catalogue/catalogue.json).
class Catalogue
{
public:
    // Parses and validates: unique ids, every required field present, edits well formed.
    // On failure returns an empty catalogue and sets *error.
    static Catalogue fromJson(const QByteArray &json, QString *error);
    // The built-in catalogue (loaded once, thread-safe).
    static const Catalogue &builtIn();

    const QList<CatalogueEntry> &entries() const { return m_entries; }
    const CatalogueEntry *find(const QString &id) const;
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    QList<CatalogueEntry> m_entries;
    QHash<QString, qsizetype> m_index;
};

} // namespace wb::diagnose
