#include "core/release/SpdxExpression.h"

#include <QRegularExpression>

namespace wb {

namespace {

// Common identifiers from the SPDX License List (spdx.org/licenses), the ones Rust and Python
// projects use most. Not the whole list: an id outside it is "unknown", not invalid.
const QStringList &knownLicenses()
{
    static const QStringList ids = {
        QStringLiteral("0BSD"), QStringLiteral("AFL-3.0"), QStringLiteral("AGPL-3.0-only"), QStringLiteral("AGPL-3.0-or-later"),
        QStringLiteral("Apache-1.1"), QStringLiteral("Apache-2.0"), QStringLiteral("Artistic-2.0"), QStringLiteral("BlueOak-1.0.0"),
        QStringLiteral("BSD-1-Clause"), QStringLiteral("BSD-2-Clause"), QStringLiteral("BSD-3-Clause"), QStringLiteral("BSD-4-Clause"),
        QStringLiteral("BSL-1.0"), QStringLiteral("CC-BY-4.0"), QStringLiteral("CC-BY-SA-4.0"), QStringLiteral("CC0-1.0"),
        QStringLiteral("CDDL-1.0"), QStringLiteral("EPL-1.0"), QStringLiteral("EPL-2.0"), QStringLiteral("EUPL-1.2"),
        QStringLiteral("GPL-2.0-only"), QStringLiteral("GPL-2.0-or-later"), QStringLiteral("GPL-3.0-only"), QStringLiteral("GPL-3.0-or-later"),
        QStringLiteral("HPND"), QStringLiteral("ISC"), QStringLiteral("LGPL-2.0-only"), QStringLiteral("LGPL-2.0-or-later"),
        QStringLiteral("LGPL-2.1-only"), QStringLiteral("LGPL-2.1-or-later"), QStringLiteral("LGPL-3.0-only"), QStringLiteral("LGPL-3.0-or-later"),
        QStringLiteral("MIT"), QStringLiteral("MIT-0"), QStringLiteral("MPL-2.0"), QStringLiteral("MS-PL"), QStringLiteral("NCSA"),
        QStringLiteral("OpenSSL"), QStringLiteral("PSF-2.0"), QStringLiteral("Python-2.0"), QStringLiteral("Unicode-3.0"),
        QStringLiteral("Unicode-DFS-2016"), QStringLiteral("Unlicense"), QStringLiteral("UPL-1.0"), QStringLiteral("WTFPL"),
        QStringLiteral("X11"), QStringLiteral("Zlib"), QStringLiteral("zlib-acknowledgement"),
    };
    return ids;
}

const QStringList &knownExceptions()
{
    static const QStringList ids = {
        QStringLiteral("Autoconf-exception-3.0"), QStringLiteral("Bison-exception-2.2"), QStringLiteral("Classpath-exception-2.0"),
        QStringLiteral("Font-exception-2.0"), QStringLiteral("GCC-exception-3.1"), QStringLiteral("LLVM-exception"),
        QStringLiteral("OpenSSL-exception"), QStringLiteral("Qt-LGPL-exception-1.1"), QStringLiteral("Swift-exception"),
        QStringLiteral("WxWindows-exception-3.1"),
    };
    return ids;
}

QString lookup(const QStringList &list, const QString &id)
{
    for (const QString &k : list)
        if (k.compare(id, Qt::CaseInsensitive) == 0)
            return k;
    return {};
}

// Recursive descent over the tokens:  or := and (OR and)* ; and := with (AND with)* ;
// with := simple (WITH exception)? | "(" or ")" ; simple := id "+"? | LicenseRef-...
class Parser
{
public:
    explicit Parser(const QStringList &tokens, SpdxExpression &out) : m_t(tokens), m_out(out) {}

    bool parse()
    {
        if (m_t.isEmpty())
            return fail(QStringLiteral("the expression is empty"));
        if (!orExpr(m_out.canonical))
            return false;
        if (m_i < m_t.size())
            return fail(QStringLiteral("unexpected '%1'").arg(m_t.at(m_i)));
        return true;
    }

private:
    bool fail(const QString &why)
    {
        if (m_out.error.isEmpty())
            m_out.error = QStringLiteral("%1 (token %2)").arg(why).arg(m_i + 1);
        return false;
    }
    bool isOp(const QString &op) const { return m_i < m_t.size() && m_t.at(m_i).compare(op, Qt::CaseInsensitive) == 0; }
    bool orExpr(QString &text)
    {
        if (!andExpr(text))
            return false;
        while (isOp(QStringLiteral("OR"))) {
            ++m_i;
            QString rhs;
            if (!andExpr(rhs))
                return false;
            text += QStringLiteral(" OR ") + rhs;
        }
        return true;
    }
    bool andExpr(QString &text)
    {
        if (!withExpr(text))
            return false;
        while (isOp(QStringLiteral("AND"))) {
            ++m_i;
            QString rhs;
            if (!withExpr(rhs))
                return false;
            text += QStringLiteral(" AND ") + rhs;
        }
        return true;
    }
    bool withExpr(QString &text)
    {
        if (m_i >= m_t.size())
            return fail(QStringLiteral("a license is missing at the end"));
        if (m_t.at(m_i) == QLatin1String("(")) {
            ++m_i;
            QString inner;
            if (!orExpr(inner))
                return false;
            if (m_i >= m_t.size() || m_t.at(m_i) != QLatin1String(")"))
                return fail(QStringLiteral("')' is missing"));
            ++m_i;
            text = QLatin1Char('(') + inner + QLatin1Char(')');
            return true;
        }
        if (!simple(text))
            return false;
        if (isOp(QStringLiteral("WITH"))) {
            ++m_i;
            if (m_i >= m_t.size() || !isIdentifier(m_t.at(m_i)))
                return fail(QStringLiteral("an exception must follow WITH"));
            const QString e = m_t.at(m_i++);
            m_out.exceptions.append(e);
            const QString known = lookup(knownExceptions(), e);
            if (known.isEmpty())
                m_out.unknown.append(e);
            text += QStringLiteral(" WITH ") + (known.isEmpty() ? e : known);
        }
        return true;
    }
    static bool isIdentifier(const QString &t)
    {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.\\-]*\\+?$"));
        return re.match(t).hasMatch();
    }
    bool simple(QString &text)
    {
        const QString t = m_t.at(m_i);
        for (const char *op : {"AND", "OR", "WITH"})
            if (t.compare(QLatin1String(op), Qt::CaseInsensitive) == 0)
                return fail(QStringLiteral("a license is missing before %1").arg(t.toUpper()));
        if (t == QLatin1String(")"))
            return fail(QStringLiteral("a license is missing before ')'"));
        static const QRegularExpression ref(QStringLiteral("^(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+$"));
        ++m_i;
        if (ref.match(t).hasMatch()) {
            m_out.licenses.append(t);
            text = t;
            return true;
        }
        if (!isIdentifier(t))
            return fail(QStringLiteral("'%1' is not a license identifier").arg(t));
        const bool plus = t.endsWith(QLatin1Char('+'));
        const QString id = plus ? t.chopped(1) : t;
        m_out.licenses.append(id);
        const QString known = lookup(knownLicenses(), id);
        if (known.isEmpty())
            m_out.unknown.append(id);
        text = (known.isEmpty() ? id : known) + (plus ? QStringLiteral("+") : QString());
        return true;
    }

    const QStringList &m_t;
    SpdxExpression &m_out;
    int m_i = 0;
};

} // namespace

bool SpdxExpression::isKnownLicense(const QString &id) { return !lookup(knownLicenses(), id).isEmpty(); }
bool SpdxExpression::isKnownException(const QString &id) { return !lookup(knownExceptions(), id).isEmpty(); }

SpdxExpression SpdxExpression::parse(const QString &text)
{
    SpdxExpression e;
    QStringList tokens;
    QString cur;
    for (const QChar c : text) {
        if (c == u'(' || c == u')' || c.isSpace()) {
            if (!cur.isEmpty())
                tokens.append(cur);
            cur.clear();
            if (!c.isSpace())
                tokens.append(QString(c));
        } else {
            cur += c;
        }
    }
    if (!cur.isEmpty())
        tokens.append(cur);
    e.valid = Parser(tokens, e).parse();
    if (!e.valid)
        e.canonical.clear();
    return e;
}

} // namespace wb
