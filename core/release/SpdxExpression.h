#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// An SPDX license expression as PEP 639 puts it in License-Expression: identifiers (with an optional
// "+"), LicenseRef-/DocumentRef- references, the operators AND, OR and WITH (an exception after WITH),
// and parentheses. Grammar: SPDX specification 2.3, Annex D ("SPDX License Expressions").
// Identifiers are checked against a small embedded list of common ids from the SPDX License List
// (spdx.org/licenses); an id outside it is reported as unknown, not as a syntax error, since PyPI
// checks against the whole list.
struct SpdxExpression {
    bool valid = false;          // parses
    QString error;               // why not (with the position)
    QStringList licenses;        // identifiers as written
    QStringList exceptions;      // after WITH
    QStringList unknown;         // identifiers / exceptions not in the embedded list
    QString canonical;           // ids in their list spelling, operators upper case

    static SpdxExpression parse(const QString &text);
    static bool isKnownLicense(const QString &id);   // case-insensitive
    static bool isKnownException(const QString &id);
};

} // namespace wb
