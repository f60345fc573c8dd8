#include "core/toml/TomlLiteral.h"

#include "core/toml/TomlDocument.h"

namespace wb::TomlLiteral {

QString string(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString boolean(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString stringArray(const QStringList &values)
{
    QStringList parts;
    for (const QString &v : values)
        parts << string(v);
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

bool isValid(const QString &literal, QString *error)
{
    // Through TomlDocument: its guard keeps toml++ away from headers that would trip its assertion.
    const TomlDocument doc = TomlDocument::parse("v = " + literal.toUtf8() + '\n');
    if (!doc.isValid()) {
        if (error)
            *error = QStringLiteral("not a TOML value: %1").arg(doc.error().message);
        return false;
    }
    if (doc.keys(TomlKeyPath()).size() != 1) {
        if (error)
            *error = QStringLiteral("not a single TOML value");
        return false;
    }
    return true;
}

} // namespace wb::TomlLiteral
