#include "core/build/MaturinFlags.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace wb {

const MaturinFlags &MaturinFlags::builtIn()
{
    static const MaturinFlags flags = [] {
        QFile f(QStringLiteral(":/wheelbench/maturin/flags.json"));
        return f.open(QIODevice::ReadOnly) ? fromJson(f.readAll()) : MaturinFlags();
    }();
    return flags;
}

MaturinFlags MaturinFlags::fromJson(const QByteArray &json, QString *error)
{
    MaturinFlags out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return out;
    }
    const QJsonObject root = doc.object();
    out.m_oldest = root.value(QStringLiteral("oldest")).toString();
    out.m_newest = root.value(QStringLiteral("newest")).toString();
    const QJsonObject commands = root.value(QStringLiteral("commands")).toObject();
    for (auto it = commands.begin(); it != commands.end(); ++it) {
        QList<Flag> flags;
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject o = v.toObject();
            Flag f{o.value(QStringLiteral("flag")).toString(), o.value(QStringLiteral("short")).toString(),
                   o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("since")).toString(), {}};
            for (const QJsonValue &c : o.value(QStringLiteral("changed")).toArray())
                f.changes.append({c.toObject().value(QStringLiteral("in")).toString(), c.toObject().value(QStringLiteral("what")).toString()});
            if (!f.name.startsWith(QLatin1String("--")) || f.since.isEmpty()) {
                if (error)
                    *error = QStringLiteral("%1: a flag without a name or a version").arg(it.key());
                return {};
            }
            flags.append(f);
        }
        out.m_commands.insert(it.key(), flags);
    }
    return out;
}

int MaturinFlags::compareVersions(const QString &a, const QString &b)
{
    const QStringList x = a.split(u'.'), y = b.split(u'.');
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const int p = x.value(i).toInt(), q = y.value(i).toInt();
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

const MaturinFlags::Flag *MaturinFlags::find(const QString &command, const QString &argument) const
{
    const QString name = argument.section(u'=', 0, 0);
    const auto it = m_commands.constFind(command);
    if (it == m_commands.constEnd())
        return nullptr;
    for (const Flag &f : *it) {
        if (f.name == name || (!f.shortName.isEmpty() && f.shortName == name))
            return &f;
    }
    return nullptr;
}

QString MaturinFlags::since(const QString &command, const QString &flag) const
{
    const Flag *f = find(command, flag);
    return f ? f->since : QString();
}

QStringList MaturinFlags::available(const QString &command, const QString &version) const
{
    QStringList out;
    for (const Flag &f : m_commands.value(command)) {
        if (compareVersions(version, f.since) < 0)
            continue;
        out << f.name;
        if (!f.shortName.isEmpty())
            out << f.shortName;
    }
    return out;
}

namespace {

bool usableVersion(const QString &v)
{
    return MaturinFlags::isVersion(v);
}

// Values of --compatibility and --auditwheel that later versions added (flags.json "changed").
QStringList unsupportedValues(const QString &command, const QStringList &arguments, qsizetype i, const QString &version)
{
    const QString a = arguments.at(i);
    const QString name = a.section(u'=', 0, 0);
    if (command != u"build" || (name != u"--compatibility" && name != u"--auditwheel"))
        return {};
    QStringList values;
    if (a.contains(u'='))
        values << a.section(u'=', 1);
    for (qsizetype j = i + 1; j < arguments.size() && !arguments.at(j).startsWith(u'-'); ++j) {
        values << arguments.at(j);
        if (name == u"--auditwheel")
            break;
    }
    QStringList out;
    auto needs = [&](const QString &what, const char *since) {
        if (MaturinFlags::compareVersions(version, QLatin1String(since)) < 0)
            out << QStringLiteral("%1 needs maturin %2 or newer (installed: %3)").arg(what, QLatin1String(since), version);
    };
    if (name == u"--auditwheel" && values.contains(QStringLiteral("warn")))
        needs(QStringLiteral("--auditwheel warn"), "1.13.0");
    if (name == u"--compatibility" && values.contains(QStringLiteral("pypi"))) {
        needs(QStringLiteral("--compatibility pypi"), "1.9.0");
        if (values.size() > 1 && MaturinFlags::compareVersions(version, QStringLiteral("1.9.0")) >= 0)
            needs(QStringLiteral("pypi beside other --compatibility values"), "1.11.5");
    }
    return out;
}

} // namespace

bool MaturinFlags::has(const QString &command, const QString &flag, const QString &version) const
{
    if (!usableVersion(version))
        return true;
    const Flag *f = find(command, flag);
    return f && compareVersions(version, f->since) >= 0;
}

QStringList MaturinFlags::unsupported(const QString &command, const QStringList &arguments, const QString &version) const
{
    QStringList out;
    if (!usableVersion(version))
        return out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--")
            break;
        if (!a.startsWith(u'-'))
            continue;
        out += unsupportedValues(command, arguments, i, version);
        const Flag *f = find(command, a);
        if (f && compareVersions(version, f->since) < 0)
            out << QStringLiteral("%1 needs maturin %2 or newer (maturin %3 %4 does not have it); update maturin or leave the option out")
                       .arg(a.section(u'=', 0, 0), f->since, version, command);
    }
    return out;
}

QStringList MaturinFlags::adapt(const QString &command, const QStringList &arguments, const QString &version, QStringList *notes) const
{
    if (!usableVersion(version))
        return arguments;
    QStringList out;
    bool rest = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (rest || a == u"--") {
            rest = true;
            out << a;
            continue;
        }
        const bool stripValueForm = command == u"build" && compareVersions(version, QStringLiteral("1.12.0")) >= 0;
        if (command == u"build" && !stripValueForm && a.startsWith(QLatin1String("--strip="))) {
            if (a == u"--strip=true") {
                out << QStringLiteral("--strip");
            } else if (notes) {
                *notes << QStringLiteral("maturin %1 takes no value after --strip (from 1.12.0 on): %2 left out, "
                                         "not stripping is that version's default unless pyproject.toml sets strip = true")
                              .arg(version, a);
            }
            continue;
        }
        if (command == u"build" && a == u"--sdist" && notes && compareVersions(version, QStringLiteral("1.12.3")) < 0)
            *notes << QStringLiteral("maturin %1's --sdist builds an sdist beside wheels built from the tree; from 1.12.3 the wheels "
                                     "are built from the sdist").arg(version);
        out << a;
    }
    return out;
}

bool MaturinFlags::isVersion(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+\\.[0-9]+(\\.[0-9]+)?"));
    return re.match(text).hasMatch();
}

QStringList MaturinFlags::parseHelp(const QString &helpText)
{
    // Option lines of clap's help: "  -i, --interpreter [<INTERPRETER>...]" or "      --strip [<STRIP>]".
    static const QRegularExpression line(QStringLiteral("^[ ]{2,6}(?:(-[A-Za-z]), )?(--[a-z][a-z0-9-]*)"),
                                         QRegularExpression::MultilineOption);
    QStringList out;
    auto it = line.globalMatch(helpText);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).isEmpty())
            out << m.captured(1);
        out << m.captured(2);
    }
    return out;
}

} // namespace wb
