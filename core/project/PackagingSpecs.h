#pragma once

#include <QString>
#include <QVersionNumber>

namespace wb {

// Checks of Python packaging strings (PEP 508 names and requirements, PEP 440 versions and specifiers).
namespace PackagingSpecs {
bool isValidName(const QString &name);
QString normalizedName(const QString &name); // PEP 503: lower case, runs of -_. -> -
// A valid name close to an invalid one: runs of other characters become '-', the ends are trimmed to a letter or
// digit. Empty when nothing of the name is left.
QString validNameFrom(const QString &name);
bool isValidVersion(const QString &version);
// A console or GUI script's target: an object reference with its callable (module.sub:object.attr, optional
// [extras]), as pip requires ("A callable suffix is required").
bool isValidScriptTarget(const QString &target);
// An e-mail address as PyPI accepts it in Author-email/Maintainer-email (local@domain.tld, no spaces or list
// separators); the field's "Name <address>, address" list is split by emailAddresses.
bool isValidEmail(const QString &address);
QStringList emailAddresses(const QString &field);
// "" is valid (no constraint). error gets the offending clause.
bool isValidSpecifier(const QString &spec, QString *error = nullptr);
// A requirement string: name [extras] (specifier | @ url) ; marker
bool isValidRequirement(const QString &requirement, QString *error = nullptr);
QString requirementName(const QString &requirement);
QString requirementSpecifier(const QString &requirement);
bool hasUpperBound(const QString &spec); // <, <=, ==, ~=, === give one
// The lowest Python version a requires-python spec allows (from >= / > / ~= / ==); null when none.
QVersionNumber lowerBound(const QString &spec);
} // namespace PackagingSpecs

} // namespace wb
