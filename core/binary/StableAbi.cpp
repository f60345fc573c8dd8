#include "core/binary/StableAbi.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

bool isPythonDll(const QString &name)
{
    static const QRegularExpression dll(QStringLiteral("^(python3[0-9]*t?(_d)?|libpython3\\.[0-9]+t?)\\.dll$"),
                                        QRegularExpression::CaseInsensitiveOption);
    return dll.match(name).hasMatch();
}

bool isStableAbiDll(const QString &name)
{
    return name.compare(QLatin1String("python3.dll"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("python3_d.dll"), Qt::CaseInsensitive) == 0;
}

QStringList nonStableAbiCalls(const BinaryInfo &binary)
{
    QSet<QString> out;
    for (const BinarySlice &s : binary.slices) {
        if (binary.format == BinaryInfo::Format::Pe) {
            // Imports by ordinal ("#7") cannot be told; CPython's DLLs are never imported that way.
            for (auto it = s.importsByLibrary.constBegin(); it != s.importsByLibrary.constEnd(); ++it)
                if (isPythonDll(it.key()))
                    for (const QString &name : it.value())
                        if (!name.startsWith(QLatin1Char('#')) && !isStableAbiSymbol(name))
                            out.insert(name);
            continue;
        }
        for (const QString &u : s.undefined)
            if ((u.startsWith(QLatin1String("Py")) || u.startsWith(QLatin1String("_Py"))) && !isStableAbiSymbol(u))
                out.insert(u);
    }
    QStringList list(out.begin(), out.end());
    list.sort();
    return list;
}

} // namespace wb
