#include "core/build/RequiresPython.h"

#include <QRegularExpression>

namespace wb {

namespace {

int compareRelease(const QList<int> &a, const QList<int> &b)
{
    const qsizetype n = qMax(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int x = a.value(i, 0);
        const int y = b.value(i, 0);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

bool hasPrefix(const QList<int> &version, const QList<int> &prefix)
{
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (version.value(i, 0) != prefix.at(i))
            return false;
    }
    return true;
}

} // namespace

RequiresPython::RequiresPython(const QString &specifier)
{
    // op, release numbers, optional ".*", optional pre/post/dev/local suffix (ignored: releases only).
    static const QRegularExpression clauseRe(
        QStringLiteral(R"(^\s*(===|~=|==|!=|<=|>=|<|>)\s*v?(\d+(?:\.\d+)*)(\.\*)?([a-zA-Z0-9.+!_-]*)\s*$)"));
    const QStringList parts = specifier.split(u',');
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty()) {
            if (parts.size() > 1) {
                m_valid = false;
                m_error = specifier.trimmed();
                m_clauses.clear();
                return;
            }
            continue;
        }
        const QRegularExpressionMatch m = clauseRe.match(part);
        if (!m.hasMatch() || m.captured(2).size() > 40) {
            m_valid = false;
            m_error = part.trimmed();
            m_clauses.clear();
            return;
        }
        Clause c;
        c.op = m.captured(1);
        for (const QString &n : m.captured(2).split(u'.'))
            c.release << qMin(n.toInt(), 1000000);
        c.wildcard = !m.captured(3).isEmpty();
        if (c.wildcard && c.op != u"==" && c.op != u"!=") {
            m_valid = false;
            m_error = part.trimmed();
            m_clauses.clear();
            return;
        }
        m_clauses << c;
    }
}

bool RequiresPython::satisfies(const Clause &c, const QList<int> &v) const
{
    if (c.wildcard)
        return (c.op == u"==") == hasPrefix(v, c.release);
    const int cmp = compareRelease(v, c.release);
    if (c.op == u"==" || c.op == u"===")
        return cmp == 0;
    if (c.op == u"!=")
        return cmp != 0;
    if (c.op == u">=")
        return cmp >= 0;
    if (c.op == u"<=")
        return cmp <= 0;
    if (c.op == u">")
        return cmp > 0;
    if (c.op == u"<")
        return cmp < 0;
    // ~=X.Y[.Z]: >= X.Y[.Z] and the same release with its last number dropped.
    if (cmp < 0)
        return false;
    return c.release.size() < 2 || hasPrefix(v, c.release.mid(0, c.release.size() - 1));
}

bool RequiresPython::allows(int major, int minor, int patch) const
{
    const QList<int> v{major, minor, patch};
    for (const Clause &c : m_clauses) {
        if (!satisfies(c, v))
            return false;
    }
    return true;
}

bool RequiresPython::allowsMinor(int minor) const
{
    for (int patch = 0; patch < 100; ++patch) {
        if (allows(3, minor, patch))
            return true;
    }
    return false;
}

QList<int> RequiresPython::allowedMinors(int from, int to) const
{
    QList<int> out;
    for (int minor = from; minor <= to; ++minor) {
        if (allowsMinor(minor))
            out << minor;
    }
    return out;
}

std::optional<int> RequiresPython::minimumMinor() const
{
    for (int minor = 0; minor < 100; ++minor) {
        if (allowsMinor(minor))
            return minor == 0 ? std::nullopt : std::optional<int>(minor);
    }
    return std::nullopt;
}

QString RequiresPython::describe(const QList<int> &minors)
{
    QStringList out;
    for (int m : minors)
        out << QStringLiteral("3.%1").arg(m);
    return out.join(QStringLiteral(", "));
}

} // namespace wb
