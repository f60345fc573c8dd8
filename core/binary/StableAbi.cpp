#include "core/binary/StableAbi.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace wb {

namespace {

const QSet<QString> &stableAbi()
{
    static const QSet<QString> symbols = [] {
        QSet<QString> out;
        QFile f(QStringLiteral(":/wheelbench/policies/python-stable-abi.json"));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const QLatin1String key : {QLatin1String("functions"), QLatin1String("data")})
            for (const QString &s : root.value(key).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                out.insert(s);
        return out;
    }();
    return symbols;
}

} // namespace

bool isStableAbiSymbol(const QString &symbol)
{
    return stableAbi().contains(symbol);
}

QStringList nonStableAbiCalls(const BinaryInfo &binary)
{
    QSet<QString> out;
    for (const BinarySlice &s : binary.slices)
        for (const QString &u : s.undefined)
            if ((u.startsWith(QLatin1String("Py")) || u.startsWith(QLatin1String("_Py"))) && !isStableAbiSymbol(u))
                out.insert(u);
    QStringList list(out.begin(), out.end());
    list.sort();
    return list;
}

} // namespace wb
