#include "core/wheel/HeaderFile.h"

#include <QRegularExpression>

namespace wb {

HeaderFile HeaderFile::parse(const QByteArray &data)
{
    HeaderFile h;
    const QString text = QString::fromUtf8(data);
    qsizetype pos = 0;
    int line = 0;
    while (pos <= text.size()) {
        qsizetype nl = text.indexOf(QLatin1Char('\n'), pos);
        if (nl < 0)
            nl = text.size();
        QString l = text.mid(pos, nl - pos);
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
        ++line;
        const qsizetype next = nl + 1;
        if (l.isEmpty()) {
            if (next <= text.size())
                h.body = text.mid(next);
            break;
        }
        if ((l.at(0) == QLatin1Char(' ') || l.at(0) == QLatin1Char('\t'))) {
            if (h.fields.isEmpty())
                h.problems.append(QStringLiteral("line %1: continuation line before any header").arg(line));
            else
                h.fields.last().value += QLatin1Char('\n') + l;
        } else {
            const qsizetype colon = l.indexOf(QLatin1Char(':'));
            if (colon <= 0) {
                h.problems.append(QStringLiteral("line %1: not a 'Key: value' header: %2").arg(line).arg(l.left(80)));
            } else {
                h.fields.append({line, l.left(colon).trimmed(), l.mid(colon + 1).trimmed()});
            }
        }
        if (nl >= text.size())
            break;
        pos = next;
    }
    return h;
}

QString HeaderFile::value(const QString &key) const
{
    for (const Field &f : fields)
        if (f.key.compare(key, Qt::CaseInsensitive) == 0)
            return f.value;
    return {};
}

QStringList HeaderFile::values(const QString &key) const
{
    QStringList out;
    for (const Field &f : fields)
        if (f.key.compare(key, Qt::CaseInsensitive) == 0)
            out.append(f.value);
    return out;
}

bool HeaderFile::contains(const QString &key) const
{
    for (const Field &f : fields)
        if (f.key.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

EntryPoints EntryPoints::parse(const QByteArray &data)
{
    EntryPoints ep;
    const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    QString group;
    static const QRegularExpression scriptName(QStringLiteral("^[\\w.-]+$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = lines.at(i).trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')) || l.startsWith(QLatin1Char(';')))
            continue;
        if (l.startsWith(QLatin1Char('[')) && l.endsWith(QLatin1Char(']'))) {
            group = l.mid(1, l.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = l.indexOf(QLatin1Char('='));
        if (eq <= 0 || group.isEmpty()) {
            ep.problems.append(QStringLiteral("line %1: %2").arg(i + 1).arg(group.isEmpty() ? QStringLiteral("entry outside a [section]")
                                                                                               : QStringLiteral("expected 'name = value'")));
            continue;
        }
        EntryPoint e{group, l.left(eq).trimmed(), l.mid(eq + 1).trimmed()};
        if ((group == QLatin1String("console_scripts") || group == QLatin1String("gui_scripts")) && !scriptName.match(e.name).hasMatch())
            ep.problems.append(QStringLiteral("line %1: script name '%2' is not valid").arg(i + 1).arg(e.name));
        ep.entries.append(e);
    }
    return ep;
}

} // namespace wb
