#include "core/project/PackagingSpecs.h"

#include <QRegularExpression>
#include <QStringList>

namespace wb::PackagingSpecs {

namespace {
const QRegularExpression &nameRe()
{
    static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$"));
    return re;
}
const QRegularExpression &versionRe()
{
    // PEP 440 (the permissive form packaging accepts), anchored.
    static const QRegularExpression re(
        QStringLiteral("^\\s*v?(?:(?:[0-9]+)!)?[0-9]+(?:\\.[0-9]+)*"
                       "(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"
                       "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?"
                       "(?:[-_.]?dev[-_.]?[0-9]*)?"
                       "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression &clauseRe()
{
    static const QRegularExpression re(QStringLiteral("^\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+?)\\s*$"));
    return re;
}
} // namespace

bool isValidName(const QString &name)
{
    return nameRe().match(name).hasMatch();
}

bool isValidScriptTarget(const QString &target)
{
    // The entry points specification's object reference: dotted identifiers, ':', dotted identifiers, optional [extras].
    static const QRegularExpression reference(
        QStringLiteral(R"re(^\s*[^\W\d]\w*(?:\s*\.\s*[^\W\d]\w*)*\s*:\s*[^\W\d]\w*(?:\s*\.\s*[^\W\d]\w*)*\s*(?:\[[^\]]*\])?\s*$)re"),
        QRegularExpression::UseUnicodePropertiesOption);
    return reference.match(target).hasMatch();
}

bool isValidEmail(const QString &address)
{
    static const QRegularExpression re(QStringLiteral(R"re(^[^@\s<>,;:"()\[\]]+@[^@\s<>,;:"()\[\]]+\.[^@\s<>,;:"()\[\].]{2,}$)re"));
    return re.match(address.trimmed()).hasMatch();
}

QStringList emailAddresses(const QString &field)
{
    QStringList out;
    static const QRegularExpression angle(QStringLiteral(R"re(<([^>]*)>)re"));
    for (const QString &part : field.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = angle.match(part);
        out << (m.hasMatch() ? m.captured(1) : part).trimmed();
    }
    return out;
}

QString validNameFrom(const QString &name)
{
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9._-]+"));
    static const QRegularExpression ends(QStringLiteral("^[._-]+|[._-]+$"));
    QString n = name.trimmed();
    n.replace(other, QStringLiteral("-"));
    n.remove(ends);
    return isValidName(n) ? n : QString();
}

QString normalizedName(const QString &name)
{
    static const QRegularExpression runs(QStringLiteral("[-_.]+"));
    QString n = name.toLower();
    n.replace(runs, QStringLiteral("-"));
    return n;
}

bool isValidVersion(const QString &version)
{
    return versionRe().match(version).hasMatch();
}

bool isValidSpecifier(const QString &spec, QString *error)
{
    if (spec.trimmed().isEmpty())
        return true;
    for (const QString &clause : spec.split(u',')) {
        const auto m = clauseRe().match(clause);
        if (!m.hasMatch()) {
            if (error)
                *error = clause.trimmed();
            return false;
        }
        const QString op = m.captured(1);
        QString ver = m.captured(2);
        if (op == QLatin1String("==="))
            continue;
        if (ver.endsWith(QLatin1String(".*"))) {
            if (op != QLatin1String("==") && op != QLatin1String("!=")) {
                if (error)
                    *error = clause.trimmed();
                return false;
            }
            ver.chop(2);
        }
        if (!isValidVersion(ver) || (op == QLatin1String("~=") && !ver.contains(u'.'))) {
            if (error)
                *error = clause.trimmed();
            return false;
        }
    }
    return true;
}

namespace {
struct Parts {
    QString name;
    QString extras;
    QString spec;
    QString url;
    bool ok = false;
};
Parts split(const QString &requirement)
{
    Parts p;
    QString r = requirement;
    const qsizetype semi = r.indexOf(u';');
    if (semi >= 0)
        r = r.left(semi);
    r = r.trimmed();
    qsizetype i = 0;
    while (i < r.size() && (r.at(i).isLetterOrNumber() || r.at(i) == u'-' || r.at(i) == u'_' || r.at(i) == u'.'))
        ++i;
    p.name = r.left(i);
    QString rest = r.mid(i).trimmed();
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return p;
        p.extras = rest.mid(1, close - 1);
        rest = rest.mid(close + 1).trimmed();
    }
    if (rest.startsWith(u'@')) {
        p.url = rest.mid(1).trimmed();
        p.ok = !p.url.isEmpty();
        return p;
    }
    if (rest.startsWith(u'(') && rest.endsWith(u')'))
        rest = rest.mid(1, rest.size() - 2);
    p.spec = rest;
    p.ok = true;
    return p;
}
} // namespace

bool isValidRequirement(const QString &requirement, QString *error)
{
    const Parts p = split(requirement);
    if (!p.ok || !isValidName(p.name)) {
        if (error)
            *error = QStringLiteral("'%1' does not start with a valid project name").arg(requirement);
        return false;
    }
    for (const QString &extra : p.extras.split(u',', Qt::SkipEmptyParts)) {
        if (!isValidName(extra.trimmed())) {
            if (error)
                *error = QStringLiteral("extra '%1' in '%2' is not a valid name").arg(extra.trimmed(), requirement);
            return false;
        }
    }
    QString bad;
    if (!isValidSpecifier(p.spec, &bad)) {
        if (error)
            *error = QStringLiteral("'%1' in '%2' is not a valid version specifier").arg(bad, requirement);
        return false;
    }
    return true;
}

QString requirementName(const QString &requirement)
{
    return split(requirement).name;
}

QString requirementSpecifier(const QString &requirement)
{
    return split(requirement).spec;
}

bool hasUpperBound(const QString &spec)
{
    for (const QString &clause : spec.split(u',')) {
        const auto m = clauseRe().match(clause);
        if (!m.hasMatch())
            continue;
        const QString op = m.captured(1);
        if (op == QLatin1String("<") || op == QLatin1String("<=") || op == QLatin1String("~=") || op == QLatin1String("===")
            || (op == QLatin1String("==")))
            return true;
    }
    return false;
}

QVersionNumber lowerBound(const QString &spec)
{
    QVersionNumber best;
    for (const QString &clause : spec.split(u',')) {
        const auto m = clauseRe().match(clause);
        if (!m.hasMatch())
            continue;
        const QString op = m.captured(1);
        if (op != QLatin1String(">=") && op != QLatin1String(">") && op != QLatin1String("~=") && op != QLatin1String("=="))
            continue;
        QString ver = m.captured(2);
        if (ver.endsWith(QLatin1String(".*")))
            ver.chop(2);
        const QVersionNumber v = QVersionNumber::fromString(ver);
        if (!v.isNull() && (best.isNull() || v > best))
            best = v;
    }
    return best;
}

} // namespace wb::PackagingSpecs
