#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace wb {

// Which Python 3 minor versions a `requires-python` specifier allows (PEP 440 version clauses joined
// by commas: >=, >, <=, <, ==, !=, ~=, ===, with `.*` wildcards). Only the release numbers count;
// a minor version is allowed when some 3.M.p release satisfies every clause.
class RequiresPython
{
public:
    explicit RequiresPython(const QString &specifier);

    bool isValid() const { return m_valid; }   // false: a clause could not be read (then nothing is excluded)
    QString error() const { return m_error; }  // the clause that could not be read
    bool allows(int major, int minor, int patch) const;
    bool allowsMinor(int minor) const;          // some 3.minor.p (p < 100) is allowed
    QList<int> allowedMinors(int from, int to) const;
    // The lowest 3.x minor allowed when the specifier has a lower bound (">=3.9", "~=3.10", "==3.12.*");
    // nullopt when 3.0 is allowed too (no lower bound) or nothing is.
    std::optional<int> minimumMinor() const;
    // "3.9, 3.10, 3.11" for the allowed minors in [from, to].
    static QString describe(const QList<int> &minors);

private:
    struct Clause {
        QString op;
        QList<int> release;
        bool wildcard = false;
    };
    bool satisfies(const Clause &clause, const QList<int> &version) const;
    QList<Clause> m_clauses;
    bool m_valid = true;
    QString m_error;
};

} // namespace wb
