#include "core/binary/Demangle.h"

#include <QRegularExpression>

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

namespace wb {

namespace {

// "_Z..." (ELF) or "__Z..." (Mach-O adds an underscore to every name).
qsizetype mangledStart(const QString &s)
{
    if (s.startsWith(QLatin1String("_Z")))
        return 0;
    if (s.startsWith(QLatin1String("__Z")))
        return 1;
    return -1;
}

} // namespace

QString demangleSymbol(const QString &symbol)
{
    const qsizetype start = mangledStart(symbol);
    if (start < 0 || symbol.size() > 4096)   // untrusted input: names that long are not worth the demangler's time
        return symbol;
    const QByteArray raw = symbol.mid(start).toLatin1();
    int status = 0;
    std::unique_ptr<char, decltype(&std::free)> out(abi::__cxa_demangle(raw.constData(), nullptr, nullptr, &status), &std::free);
    if (status != 0 || !out)
        return symbol;
    return QString::fromUtf8(out.get());
}

bool isMangledSymbol(const QString &symbol)
{
    return demangleSymbol(symbol) != symbol;
}

QStringList demangleSymbols(const QStringList &symbols)
{
    QStringList out;
    out.reserve(symbols.size());
    for (const QString &s : symbols)
        out.append(demangleSymbol(s));
    return out;
}

QString demangleWords(const QString &text)
{
    if (!text.contains(QLatin1String("_Z")))
        return text;
    static const QRegularExpression word(QStringLiteral("(?<![A-Za-z0-9_.$])_{1,2}Z[A-Za-z0-9_.$]+"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += demangleSymbol(m.captured());
        last = m.capturedEnd();
    }
    return out + QStringView(text).mid(last);
}

} // namespace wb
