#include "core/build/ShellQuote.h"

namespace wb::shell {

QString quote(const QString &argument)
{
    if (argument.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (QChar c : argument) {
        const char16_t u = c.unicode();
        const bool safe = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || QStringView(u"_@%+=:,./-").contains(c);
        if (!safe) {
            plain = false;
            break;
        }
    }
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString join(const QStringList &arguments)
{
    QStringList out;
    out.reserve(arguments.size());
    for (const QString &a : arguments)
        out << quote(a);
    return out.join(u' ');
}

} // namespace wb::shell
